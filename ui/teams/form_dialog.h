// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace gatehouse::ui {

// A small form whose OK does not close it: it emits submitted(), the page
// asks the domain, and then either finish()es the dialog or shows the
// domain's refusal in it, so the user can correct the form without
// retyping it.
class FormDialog : public QDialog {
    Q_OBJECT

public:
    FormDialog(const QString& title, const QString& okText, QWidget* parent = nullptr);

    QFormLayout* form() const { return m_form; }
    // A check of the form itself (e.g. two password fields agree), run before
    // submitted(); returns the problem or an empty string.
    void setCheck(std::function<QString()> check) { m_check = std::move(check); }
    void showError(const QString& text);
    QString errorText() const;
    void setBusy(bool busy);
    void finish() { QDialog::accept(); }

public slots:
    void submit();

signals:
    void submitted();

private:
    QFormLayout* m_form = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::function<QString()> m_check;
};

} // namespace gatehouse::ui
