// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace gatehouse::ui {

// Asks why (rejecting, suspending, revoking). OK stays disabled until a
// reason other than white space has been typed.
class ReasonDialog : public QDialog {
    Q_OBJECT

public:
    ReasonDialog(const QString& title, const QString& prompt, const QString& okText,
                 QWidget* parent = nullptr);

    QString reason() const;
    void setReason(const QString& reason);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateOk();

    QPlainTextEdit* m_reason = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
