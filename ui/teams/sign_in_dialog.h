// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

// Sign-in to a shared (PostgreSQL) catalog: name and password, checked by
// UserService::signIn on the catalog's storage thread. A refusal is shown in
// the dialog, which stays open; it accepts once the catalog knows the user.
// A catalog without any users yet asks for its first administrator instead
// (UserService::createInitialAdmin), who is then signed in.
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
    QLineEdit* repeatEdit() const { return m_repeat; }
    bool isCreatingFirstAdmin() const { return m_firstAdmin; }

public slots:
    void signIn();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateOk();
    void askForFirstAdmin();
    void finish(const std::optional<app::Principal>& principal, const QString& error);

    app::CatalogService* m_catalog;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::optional<app::Principal> m_principal;
    bool m_busy = false;
    bool m_firstAdmin = false;
};

} // namespace gatehouse::ui
