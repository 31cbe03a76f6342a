// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

// Sign-in to a shared (PostgreSQL) catalog: name and password, checked by
// UserService::signIn on the catalog's storage thread. A refusal is shown in
// the dialog, which stays open; it accepts once the catalog knows the user.
class SignInDialog : public QDialog {
    Q_OBJECT

public:
    // `catalog` is not owned and must outlive the dialog; `location` names
    // the catalog for the user (the URL without its password).
    SignInDialog(app::CatalogService* catalog, const QString& location, QWidget* parent = nullptr);

    std::optional<app::Principal> principal() const { return m_principal; }
    QString errorText() const;
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passwordEdit() const { return m_password; }

public slots:
    void signIn();

private:
    void updateOk();

    app::CatalogService* m_catalog;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::optional<app::Principal> m_principal;
    bool m_busy = false;
};

} // namespace gatehouse::ui
