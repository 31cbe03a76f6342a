// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/teams/sign_in_dialog.h"

#include "app/catalog_service.h"
#include "ui/domain_message_text.h"
#include "ui/status_colors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace gatehouse::ui {

SignInDialog::SignInDialog(app::CatalogService* catalog, const QString& location, QWidget* parent)
    : QDialog(parent)
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign In to Gatehouse"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(tr("This catalog is shared: sign in with your account.\n%1").arg(location),
                         this);
    m_intro->setObjectName(QStringLiteral("signInIntro"));
    m_intro->setWordWrap(true);
    m_intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_intro);
    auto* form = new QFormLayout;
    m_form = form;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("signInName"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("signInPasswordRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("R&epeat password:"), m_repeat);
    form->setRowVisible(m_repeat, false);
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
    connect(m_repeat, &QLineEdit::textChanged, this, &SignInDialog::updateOk);
    setMinimumWidth(380);
    updateOk();
    if (m_catalog) {
        m_busy = true;
        updateOk();
        m_catalog->run(
            this,
            [](app::CatalogStore& store) {
                const bool empty = !store.users().hasUsers();
                return store.users().lastErrorCode() == app::DomainErrorCode::None && empty;
            },
            [this](bool noUsers) {
                m_busy = false;
                if (noUsers)
                    askForFirstAdmin();
                updateOk();
            });
    }
}

void SignInDialog::askForFirstAdmin()
{
    m_firstAdmin = true;
    setWindowTitle(tr("Create the First Administrator"));
    m_intro->setText(tr("This shared catalog has no users yet. Choose the name and password of "
                        "its first administrator, who can then invite everyone else."));
    m_form->setRowVisible(m_repeat, true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create and Sign In"));
    adjustSize();
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && m_catalog && !m_name->text().trimmed().isEmpty() &&
                     !m_password->text().isEmpty() &&
                     (!m_firstAdmin || !m_repeat->text().isEmpty()));
}

void SignInDialog::signIn()
{
    if (m_busy || !m_catalog)
        return;
    const QString name = m_name->text().trimmed();
    const QString password = m_password->text();
    if (m_firstAdmin && password != m_repeat->text()) {
        m_error->setText(tr("The two passwords differ."));
        m_error->show();
        adjustSize(); // room for the wrapped message
        return;
    }
    m_busy = true;
    updateOk();
    const bool firstAdmin = m_firstAdmin;
    auto work = [name, password, firstAdmin](app::CatalogStore& store) {
        auto principal = firstAdmin ? store.users().createInitialAdmin(name, password)
                                    : store.users().signIn(name, password);
        return std::make_pair(principal, store.users().lastErrorMessage());
    };
    auto done = [this](const std::pair<std::optional<app::Principal>, app::DomainMessage>& result) {
        finish(result.first, domainMessageText(result.second));
    };
    if (firstAdmin)
        m_catalog->mutate(this, work, done); // a new user: announce the change
    else
        m_catalog->run(this, work, done);
}

void SignInDialog::finish(const std::optional<app::Principal>& principal, const QString& error)
{
    m_busy = false;
    if (principal) {
        m_principal = principal;
        m_error->hide();
        accept();
        return;
    }
    m_error->setText(m_firstAdmin ? tr("Cannot create the administrator: %1").arg(error)
                                  : tr("Cannot sign in: %1").arg(error));
    m_error->show();
    adjustSize(); // room for the wrapped message
    if (!m_firstAdmin) {
        m_password->clear();
        m_password->setFocus();
    }
    updateOk();
}

void SignInDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    // The narrower the dialog, the more lines its wrapped text needs; Qt
    // does not raise a window's minimum height for that, so a dialog made
    // small would cut the text off (sooner in German and Chinese).
    setMinimumHeight(layout()->totalHeightForWidth(width()));
}

} // namespace gatehouse::ui
