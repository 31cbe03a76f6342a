// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDate>
#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;

namespace gatehouse::ui {

class FormErrorLabel;

// Asks for an optional label and expiry of a new key. Issue checks the form
// and emits submitted(); the page closes the dialog once the key exists (and
// shows it in a KeyRevealDialog), or reports a refusal here.
class IssueKeyDialog : public QDialog {
    Q_OBJECT

public:
    IssueKeyDialog(const QString& applicationName, QWidget* parent = nullptr);

    QString label() const;
    bool expires() const;
    QDate expiryDate() const;
    // The end of the expiry date in local time, as Unix ms; 0 = never.
    qint64 expiresAt() const;
    QString expiryError() const;
    QString refusal() const;

    void setExpiry(const QDate& date); // an invalid date: never
    void setBusy(bool busy);
    void showRefusal(const QString& text);

signals:
    void submitted();

private:
    void submit();

    QLineEdit* m_label = nullptr;
    QCheckBox* m_expires = nullptr;
    QDateEdit* m_date = nullptr;
    FormErrorLabel* m_expiryError = nullptr;
    FormErrorLabel* m_refusal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
