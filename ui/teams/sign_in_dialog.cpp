// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/teams/sign_in_dialog.h"

#include "app/catalog_service.h"
#include "ui/status_colors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

SignInDialog::SignInDialog(app::CatalogService* catalog, const QString& location, QWidget* parent)
    : QDialog(parent)
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign In to Gatehouse"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("This catalog is shared: sign in with your account.\n%1").arg(location), this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("signInName"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(StatusColors::bad().name()));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign In"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SignInDialog::updateOk);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::updateOk);
    setMinimumWidth(380);
    updateOk();
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && m_catalog && !m_name->text().trimmed().isEmpty() &&
                     !m_password->text().isEmpty());
}

void SignInDialog::signIn()
{
    if (m_busy || !m_catalog)
        return;
    m_busy = true;
    updateOk();
    const QString name = m_name->text().trimmed();
    const QString password = m_password->text();
    m_catalog->run(
        this,
        [name, password](app::CatalogStore& store) {
            auto principal = store.users().signIn(name, password);
            return std::make_pair(principal, store.users().lastError());
        },
        [this](const std::pair<std::optional<app::Principal>, QString>& result) {
            m_busy = false;
            if (result.first) {
                m_principal = result.first;
                m_error->hide();
                accept();
                return;
            }
            m_error->setText(tr("Cannot sign in: %1").arg(result.second));
            m_error->show();
            m_password->clear();
            m_password->setFocus();
            updateOk();
        });
}

} // namespace gatehouse::ui
