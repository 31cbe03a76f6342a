// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/team_service.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace gatehouse::ui {

class FormErrorLabel;

// Asks for a new application's name, description and owner (the user or one
// of their teams). Create checks the form and emits submitted(); the dialog
// stays open, busy, until the page reports the catalog's answer: accept()
// on success, showRefusal() otherwise.
class NewApplicationDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int MaxNameLength = 100;

    NewApplicationDialog(const QString& actorName, const QList<app::Team>& teams,
                         QWidget* parent = nullptr);

    QString name() const;
    QString description() const;
    qint64 ownerTeamId() const; // 0: the user
    QString nameError() const;
    QString refusal() const;

    void setName(const QString& name);
    void setBusy(bool busy);
    void showRefusal(const QString& text);

signals:
    void submitted();

private:
    void submit();

    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QComboBox* m_owner = nullptr;
    FormErrorLabel* m_nameError = nullptr;
    FormErrorLabel* m_refusal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
