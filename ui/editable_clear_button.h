// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QLineEdit;

namespace gatehouse::ui {

// Gives `edit` a clear button while a person can edit it, and none while it
// is disabled (itself or through a parent) or read-only: a clear button on
// a field that cannot change offers an action that does nothing. Use it
// instead of QLineEdit::setClearButtonEnabled(true).
void enableClearButtonWhileEditable(QLineEdit* edit);

// Follows the edit's enabled and read-only changes (the events Qt sends for
// both, a parent's disabling included); owned by the edit.
class EditableClearButton : public QObject {
    Q_OBJECT

public:
    explicit EditableClearButton(QLineEdit* edit);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void update();

    QLineEdit* m_edit;
};

} // namespace gatehouse::ui
