// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/application_panel.h"

#include "app/catalog_service.h"
#include "app/session_key_wallet.h"
#include "ui/applications/api_keys_model.h"
#include "ui/applications/issue_key_dialog.h"
#include "ui/applications/key_reveal_dialog.h"
#include "ui/applications/request_subscription_dialog.h"
#include "ui/applications/subscriptions_model.h"
#include "ui/approvals/approvals_model.h"
#include "ui/domain_message_text.h"
#include "ui/text_fit.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

QTableView* createTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    // Columns fit their contents; the last one takes the rest and elides.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    keepLastSectionLabel(view->horizontalHeader());
    return view;
}

} // namespace

ApplicationPanel::ApplicationPanel(app::CatalogService* catalog,
                                   std::optional<app::Principal> actor, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("applicationPanel"));
    m_keys = new ApiKeysModel(this);
    m_subscriptions = new SubscriptionsModel(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("applicationHeading"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("applicationFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_facts);

    m_body = new QWidget(this);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(buildKeys(), 2);
    body->addWidget(buildSubscriptions(), 3);
    layout->addWidget(m_body, 1);
    showApplication(nullptr);
}

IssueKeyDialog* ApplicationPanel::issueKeyDialog() const
{
    return m_issueDialog;
}

KeyRevealDialog* ApplicationPanel::keyRevealDialog() const
{
    return m_revealDialog;
}

RequestSubscriptionDialog* ApplicationPanel::requestDialog() const
{
    return m_requestDialog;
}

QGroupBox* ApplicationPanel::buildKeys()
{
    auto* box = new QGroupBox(tr("API keys"), m_body);
    auto* layout = new QVBoxLayout(box);
    m_keysView = createTable(m_keys, QStringLiteral("keysView"), box);
    m_keysView->setAccessibleName(tr("API keys of the application"));
    layout->addWidget(m_keysView, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_revoke = new QPushButton(tr("Revo&ke Key…"), box);
    m_revoke->setObjectName(QStringLiteral("revokeKeyButton"));
    m_revoke->setToolTip(tr("Refuse calls with the selected key from now on"));
    m_issue = new QPushButton(tr("&Issue Key…"), box);
    m_issue->setObjectName(QStringLiteral("issueKeyButton"));
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_issue);
    layout->addLayout(buttons);
    connect(m_issue, &QPushButton::clicked, this, &ApplicationPanel::issueKey);
    connect(m_revoke, &QPushButton::clicked, this, &ApplicationPanel::revokeSelectedKey);
    // Delete in the list: as the button, with the same confirmation.
    auto* remove = new QShortcut(QKeySequence::Delete, m_keysView);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (m_revoke->isVisible() && m_revoke->isEnabled())
            revokeSelectedKey();
    });
    connect(m_keysView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationPanel::updateActions);
    return box;
}

QGroupBox* ApplicationPanel::buildSubscriptions()
{
    auto* box = new QGroupBox(tr("Subscriptions"), m_body);
    auto* layout = new QVBoxLayout(box);
    m_subscriptionsView = createTable(m_subscriptions, QStringLiteral("subscriptionsView"), box);
    m_subscriptionsView->setAccessibleName(tr("Subscriptions of the application"));
    layout->addWidget(m_subscriptionsView, 1);
    auto* note = new QLabel(tr("Keys call every API the application has an approved "
                               "subscription to."),
                            box);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_end = new QPushButton(tr("&End Subscription…"), box);
    m_end->setObjectName(QStringLiteral("endSubscriptionButton"));
    m_end->setToolTip(tr("Stop calling the selected API with this application's keys"));
    buttons->addWidget(m_end);
    m_request = new QPushButton(tr("&Request Subscription…"), box);
    m_request->setObjectName(QStringLiteral("requestSubscriptionButton"));
    buttons->addWidget(m_request);
    layout->addLayout(buttons);
    connect(m_request, &QPushButton::clicked, this, &ApplicationPanel::requestSubscription);
    connect(m_end, &QPushButton::clicked, this, &ApplicationPanel::endSelectedSubscription);
    auto* remove = new QShortcut(QKeySequence::Delete, m_subscriptionsView);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (m_end->isVisible() && m_end->isEnabled())
            endSelectedSubscription();
    });
    connect(m_subscriptionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationPanel::updateActions);
    return box;
}

void ApplicationPanel::showApplication(const app::ApplicationSummary* summary, const QString& note)
{
    if (!summary) {
        m_app.reset();
        ++m_generation; // a read still on its way is for another application
        m_keys->setKeys({}, 0);
        m_subscriptions->setEntries({});
        m_heading->setText(note.isEmpty() ? tr("No application selected.") : note);
        m_facts->clear();
        m_facts->hide();
        m_body->hide();
        updateActions();
        return;
    }
    const bool same = m_app && m_app->application.id == summary->application.id;
    m_app = *summary;
    const app::Application& a = summary->application;
    m_heading->setText(a.name);
    QStringList facts;
    facts << (summary->teamOwned ? tr("Owned by team %1").arg(summary->owner)
                                 : tr("Owned by %1").arg(summary->owner));
    facts << tr("created %1").arg(ApprovalsModel::dateTimeText(a.createdAt));
    QString text = facts.join(QStringLiteral(", "));
    if (!a.description.isEmpty())
        text += QLatin1Char('\n') + a.description;
    m_facts->setText(text);
    m_facts->show();
    m_body->show();
    if (!same) {
        m_keys->setKeys({}, 0);
        m_subscriptions->setEntries({});
    }
    updateActions();
    loadDetail();
}

void ApplicationPanel::loadDetail()
{
    if (!m_catalog || !m_actor || !m_app)
        return;
    const quint64 generation = ++m_generation;
    const app::Principal actor = *m_actor;
    const qint64 id = m_app->application.id;
    m_catalog->run(
        this,
        [actor, id](app::CatalogStore& store) {
            return app::loadApplicationDetail(store, actor, id);
        },
        [this, generation](const app::ApplicationDetail& detail) {
            if (generation == m_generation)
                applyDetail(detail);
        });
}

void ApplicationPanel::applyDetail(const app::ApplicationDetail& detail)
{
    if (!detail.error.isEmpty()) {
        emit message(
            tr("Cannot read the application: %1")
                .arg(refusalText(detail.errorCode, domainMessageText(detail.errorMessage))),
            true);
        return;
    }
    const auto keep = [](QTableView* view, int role) {
        const QModelIndexList rows = view->selectionModel()->selectedRows();
        return rows.isEmpty() ? QVariant() : rows.first().data(role);
    };
    const QVariant key = keep(m_keysView, ApiKeysModel::KeyIdRole);
    const QVariant sub = keep(m_subscriptionsView, SubscriptionsModel::SubscriptionIdRole);
    m_keys->setKeys(detail.keys, QDateTime::currentMSecsSinceEpoch());
    m_subscriptions->setEntries(detail.subscriptions);
    for (int row = 0; key.isValid() && row < m_keys->rowCount(); ++row) {
        if (m_keys->key(row)->id == key.toLongLong())
            m_keysView->selectRow(row);
    }
    if (sub.isValid() && m_subscriptions->rowOf(sub.toLongLong()) >= 0)
        m_subscriptionsView->selectRow(m_subscriptions->rowOf(sub.toLongLong()));
    updateActions();
}

void ApplicationPanel::setKeyWallet(app::SessionKeyWallet* wallet)
{
    m_wallet = wallet;
}

void ApplicationPanel::setActor(const app::Principal& actor)
{
    m_actor = actor;
    showApplication(nullptr, tr("Loading…"));
}

QString ApplicationPanel::refusalText(app::DomainErrorCode code, const QString& message)
{
    QString why;
    switch (code) {
    case app::DomainErrorCode::Forbidden:
        why = tr("Permission denied");
        break;
    case app::DomainErrorCode::NotFound:
        why = tr("No longer exists or is not visible to you");
        break;
    case app::DomainErrorCode::Conflict:
        why = tr("Not possible in its current state");
        break;
    case app::DomainErrorCode::Invalid:
        why = tr("Invalid request");
        break;
    case app::DomainErrorCode::Storage:
        why = tr("The catalog could not be read or written");
        break;
    case app::DomainErrorCode::None:
        why = tr("Failed");
        break;
    }
    return message.isEmpty() ? why : tr("%1: %2").arg(why, message);
}

void ApplicationPanel::issueKey()
{
    if (!m_app || m_issueDialog)
        return;
    // open(), not exec(): no nested event loop while a dialog is up.
    m_issueDialog = new IssueKeyDialog(m_app->application.name, this);
    m_issueDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_issueDialog, &IssueKeyDialog::submitted, this, &ApplicationPanel::submitKey);
    m_issueDialog->open();
}

void ApplicationPanel::submitKey()
{
    if (!m_catalog || !m_actor || !m_app || !m_issueDialog)
        return;
    const app::Principal actor = *m_actor;
    const qint64 appId = m_app->application.id;
    const QString appName = m_app->application.name;
    const QString label = m_issueDialog->label();
    const qint64 expiresAt = m_issueDialog->expiresAt();
    ++m_busy;
    updateActions();
    m_catalog->mutate(
        this,
        [=](app::CatalogStore& store) {
            return app::issueApplicationKey(store, actor, appId, label, expiresAt);
        },
        [this, appName](const app::ApplicationChange& change) {
            --m_busy;
            updateActions();
            if (!change.ok) {
                const QString text =
                    refusalText(change.errorCode, domainMessageText(change.errorMessage));
                if (m_issueDialog)
                    m_issueDialog->showRefusal(text);
                else
                    emit message(tr("No key was issued. %1").arg(text), true);
                return;
            }
            if (m_issueDialog)
                m_issueDialog->accept();
            if (m_wallet)
                m_wallet->remember(change.keyInfo, change.key);
            emit message(tr("A new key was issued for %1.").arg(appName), false);
            // The dialog owns the only copy of the key; it goes with it.
            m_revealDialog = new KeyRevealDialog(appName, change.key, this);
            m_revealDialog->setAttribute(Qt::WA_DeleteOnClose);
            m_revealDialog->open();
        });
}

void ApplicationPanel::revokeSelectedKey()
{
    const QModelIndexList rows = m_keysView->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_app)
        return;
    const app::ApiKeyInfo* key = m_keys->key(rows.first().row());
    if (!key || key->revokedAt != 0)
        return;
    const qint64 keyId = key->id;
    const QString shownAs = QStringLiteral("gh_%1…").arg(key->prefix);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Revoke API Key"),
                        tr("Revoke the key %1 of %2?").arg(shownAs, m_app->application.name),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revokeKeyConfirmation"));
    box->setInformativeText(tr("Calls with this key are refused within seconds. This cannot be "
                               "undone."));
    QPushButton* revoke = box->addButton(tr("Revoke Key"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, revoke, keyId, shownAs](QAbstractButton* clicked) {
                if (clicked == revoke)
                    revokeKey(keyId, shownAs);
            });
    box->open();
}

void ApplicationPanel::revokeKey(qint64 keyId, const QString& shownAs)
{
    if (!m_catalog || !m_actor)
        return;
    const app::Principal actor = *m_actor;
    runChange(
        [=](app::CatalogStore& store) { return app::revokeApplicationKey(store, actor, keyId); },
        shownAs, tr("The key %1 is revoked."), tr("The key %1 was not revoked. %2"));
}

// A confirmed change to the application: busy while the storage thread
// works, then `done` or `failed` (with the refusal as %2), both about
// `subject` (%1).
void ApplicationPanel::runChange(std::function<app::ApplicationChange(app::CatalogStore&)> work,
                                 const QString& subject, const QString& done, const QString& failed)
{
    ++m_busy;
    updateActions();
    m_catalog->mutate(
        this, std::move(work), [this, subject, done, failed](const app::ApplicationChange& change) {
            --m_busy;
            updateActions();
            if (change.ok)
                emit message(done.arg(subject), false);
            else
                emit message(
                    failed.arg(subject, refusalText(change.errorCode,
                                                    domainMessageText(change.errorMessage))),
                    true);
        });
}

void ApplicationPanel::requestSubscription()
{
    if (!m_catalog || !m_actor || !m_app || m_requestDialog)
        return;
    m_requestDialog = new RequestSubscriptionDialog(m_app->application.name, this);
    m_requestDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_requestDialog, &RequestSubscriptionDialog::submitted, this,
            &ApplicationPanel::submitRequest);
    m_requestDialog->open();
    const app::Principal actor = *m_actor;
    QPointer<RequestSubscriptionDialog> dialog = m_requestDialog;
    m_catalog->run(
        this, [actor](app::CatalogStore& store) { return app::loadSubscribableApis(store, actor); },
        [dialog](const app::SubscribableApis& apis) {
            if (dialog)
                dialog->setApis(apis);
        });
}

void ApplicationPanel::submitRequest()
{
    if (!m_catalog || !m_actor || !m_app || !m_requestDialog)
        return;
    const app::Principal actor = *m_actor;
    const qint64 appId = m_app->application.id;
    const qint64 planId = m_requestDialog->planId();
    const QString what =
        tr("%1, plan %2").arg(m_requestDialog->apiText(), m_requestDialog->planText());
    ++m_busy;
    updateActions();
    m_catalog->mutate(
        this,
        [=](app::CatalogStore& store) {
            return app::requestSubscription(store, actor, appId, planId);
        },
        [this, what](const app::ApplicationChange& change) {
            --m_busy;
            updateActions();
            if (!change.ok) {
                const QString text =
                    refusalText(change.errorCode, domainMessageText(change.errorMessage));
                if (m_requestDialog)
                    m_requestDialog->showRefusal(text);
                else
                    emit message(tr("The subscription was not requested. %1").arg(text), true);
                return;
            }
            if (m_requestDialog)
                m_requestDialog->accept();
            // The domain decided the state: automatic plans approve at once.
            emit message(change.state == app::SubscriptionState::Approved
                             ? tr("Subscribed to %1: approved, the keys work now.").arg(what)
                             : tr("Subscription to %1 requested: pending approval.").arg(what),
                         false);
        });
}

void ApplicationPanel::endSelectedSubscription()
{
    const QModelIndexList rows = m_subscriptionsView->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_app)
        return;
    const app::SubscriptionEntry* entry = m_subscriptions->entry(rows.first().row());
    if (!entry)
        return;
    const qint64 id = entry->subscription.id;
    const QString api =
        m_subscriptions->index(rows.first().row(), SubscriptionsModel::Api).data().toString();
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("End Subscription"),
                        tr("End the subscription of %1 to %2?").arg(m_app->application.name, api),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("endSubscriptionConfirmation"));
    box->setInformativeText(tr("The application's keys can no longer call this API. To call it "
                               "again, request a new subscription."));
    QPushButton* end = box->addButton(tr("End Subscription"), QMessageBox::DestructiveRole);
    end->setObjectName(QStringLiteral("confirmEndButton"));
    // A stray Enter keeps the subscription, as it keeps a key.
    box->setDefaultButton(box->addButton(tr("Keep It"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, end, id, api](QAbstractButton* clicked) {
        if (clicked == end)
            endSubscription(id, api);
    });
    box->open();
}

void ApplicationPanel::endSubscription(qint64 subscriptionId, const QString& api)
{
    if (!m_catalog || !m_actor)
        return;
    const app::Principal actor = *m_actor;
    runChange(
        [=](app::CatalogStore& store) {
            return app::endSubscription(store, actor, subscriptionId);
        },
        api, tr("The subscription to %1 has ended."), tr("The subscription to %1 did not end. %2"));
}

void ApplicationPanel::updateActions()
{
    const bool ready = m_catalog && m_actor && m_app && m_busy == 0;
    m_issue->setEnabled(ready);
    m_request->setEnabled(ready);
    bool revocable = false;
    const QModelIndexList rows = m_keysView->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        revocable = m_keys->state(rows.first().row()) != ApiKeysModel::KeyState::Revoked;
    m_revoke->setEnabled(ready && revocable);
    bool endable = false;
    const QModelIndexList subs = m_subscriptionsView->selectionModel()->selectedRows();
    if (const auto* entry = subs.isEmpty() ? nullptr : m_subscriptions->entry(subs.first().row()))
        endable = app::SubscriptionService::isLegal(entry->subscription.state,
                                                    app::SubscriptionState::Revoked);
    m_end->setEnabled(ready && endable);
}

} // namespace gatehouse::ui
