// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

// Shows a newly issued key, the only time anyone sees it: the catalog keeps
// just a hash. A Copy button puts it on the clipboard; closing the dialog
// drops the key from the widgets, and nothing else in the console holds it.
class KeyRevealDialog : public QDialog {
    Q_OBJECT

public:
    KeyRevealDialog(const QString& applicationName, const QString& key, QWidget* parent = nullptr);

    QString key() const;
    bool wasCopied() const { return m_copied; }

public slots:
    void copyKey();

protected:
    void done(int result) override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QLineEdit* m_key = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_copyState = nullptr;
    bool m_copied = false;
};

} // namespace gatehouse::ui
