// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/applications_page.h"

#include "app/catalog_service.h"
#include "ui/applications/application_panel.h"
#include "ui/applications/applications_model.h"
#include "ui/applications/new_application_dialog.h"
#include "ui/domain_message_text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
// A burst of changes (a key and a subscription in a row) becomes one reload.
constexpr int ReloadDelayMs = 30;
} // namespace

ApplicationsPage::ApplicationsPage(app::CatalogService* catalog,
                                   std::optional<app::Principal> actor, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("applicationsPage"));
    m_model = new ApplicationsModel(this);

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Applications"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("applicationsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(left);
    m_view->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_view->setObjectName(QStringLiteral("applicationsView"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Your applications"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ApplicationsModel::Name, QHeaderView::Stretch);
    leftLayout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_new = new QPushButton(tr("&New Application…"), left);
    m_new->setObjectName(QStringLiteral("newApplicationButton"));
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Create an application (%1)")
                          .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    buttons->addWidget(m_new);
    leftLayout->addLayout(buttons);

    m_panel = new ApplicationPanel(m_catalog, m_actor, splitter);
    splitter->addWidget(left);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({460, 760});
    layout->addWidget(splitter, 1);

    connect(m_new, &QPushButton::clicked, this, &ApplicationsPage::newApplication);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationsPage::updateSelection);
    connect(m_panel, &ApplicationPanel::message, this, &ApplicationsPage::showMessage);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &ApplicationsPage::reload);

    if (!m_catalog || !m_actor) {
        m_new->setEnabled(false);
        showMessage(tr("Applications are unavailable: the catalog is not open, or your account "
                       "has no access to it."),
                    true);
        m_panel->showApplication(nullptr, tr("No applications to show."));
    } else {
        connect(m_catalog, &app::CatalogService::catalogChanged, this,
                &ApplicationsPage::scheduleReload);
        m_panel->showApplication(nullptr, tr("Loading…"));
        reload();
    }
}

void ApplicationsPage::setActor(const app::Principal& actor)
{
    if (!m_catalog)
        return;
    const bool hadActor = m_actor.has_value();
    m_actor = actor;
    m_panel->setActor(actor);
    if (!hadActor)
        connect(m_catalog, &app::CatalogService::catalogChanged, this,
                &ApplicationsPage::scheduleReload);
    m_new->setEnabled(true);
    showMessage({}, false);
    reload();
}

void ApplicationsPage::setKeyWallet(app::SessionKeyWallet* wallet)
{
    m_panel->setKeyWallet(wallet);
}

NewApplicationDialog* ApplicationsPage::newApplicationDialog() const
{
    return m_newDialog;
}

QString ApplicationsPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool ApplicationsPage::messageIsError() const
{
    return m_message->property("error").toBool();
}

void ApplicationsPage::scheduleReload()
{
    m_reloadTimer->start();
}

void ApplicationsPage::reload()
{
    if (!m_catalog || !m_actor)
        return;
    const quint64 generation = ++m_generation;
    const app::Principal actor = *m_actor;
    m_catalog->run(
        this, [actor](app::CatalogStore& store) { return app::loadApplications(store, actor); },
        [this, generation](const app::ApplicationListing& listing) {
            if (generation != m_generation)
                return;
            ++m_loads;
            applyListing(listing);
        });
}

void ApplicationsPage::applyListing(const app::ApplicationListing& listing)
{
    if (!listing.error.isEmpty()) {
        showMessage(
            tr("Cannot read the applications: %1").arg(domainMessageText(listing.errorMessage)),
            true);
        return;
    }
    m_teams = listing.actorTeams;
    qint64 select = m_selectAfterLoad ? m_selectAfterLoad : selectedApplicationId();
    m_selectAfterLoad = 0;
    {
        // The reset clears the selection; the panel follows the restored one.
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setItems(listing.items);
    }
    if (m_model->rowOf(select) < 0 && m_model->rowCount() > 0)
        select = m_model->item(0)->application.id;
    const int row = m_model->rowOf(select);
    if (row >= 0) {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->selectRow(row);
    }
    // Blocked signals left the view's own idea of the selection stale.
    m_view->viewport()->update();
    updateSelection();
}

qint64 ApplicationsPage::selectedApplicationId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const auto* item = m_model->item(rows.first().row());
    return item ? item->application.id : 0;
}

void ApplicationsPage::selectApplication(qint64 applicationId)
{
    const int row = m_model->rowOf(applicationId);
    if (row >= 0)
        m_view->selectRow(row);
}

void ApplicationsPage::updateSelection()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const auto* item = rows.isEmpty() ? nullptr : m_model->item(rows.first().row());
    if (item) {
        m_panel->showApplication(item);
        return;
    }
    m_panel->showApplication(nullptr,
                             m_model->rowCount() == 0
                                 ? tr("You have no applications yet. Create one to get API "
                                      "keys and subscribe to APIs.")
                                 : tr("Select an application to see its keys and "
                                      "subscriptions."));
}

void ApplicationsPage::newApplication()
{
    if (!m_catalog || !m_actor)
        return;
    if (m_newDialog) {
        m_newDialog->raise();
        return;
    }
    // open(), not exec(): no nested event loop while the dialog is up.
    m_newDialog = new NewApplicationDialog(m_actor->name, m_teams, this);
    m_newDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_newDialog, &NewApplicationDialog::submitted, this,
            &ApplicationsPage::submitApplication);
    m_newDialog->open();
}

void ApplicationsPage::submitApplication()
{
    if (!m_catalog || !m_actor || !m_newDialog)
        return;
    const app::Principal actor = *m_actor;
    const QString name = m_newDialog->name();
    const QString description = m_newDialog->description();
    const qint64 team = m_newDialog->ownerTeamId();
    m_catalog->mutate(
        this,
        [=](app::CatalogStore& store) {
            return app::createApplication(store, actor, name, description, team);
        },
        [this, name](const app::ApplicationChange& change) {
            if (!change.ok) {
                const QString text = ApplicationPanel::refusalText(
                    change.errorCode, domainMessageText(change.errorMessage));
                if (m_newDialog)
                    m_newDialog->showRefusal(text);
                else
                    showMessage(tr("The application was not created. %1").arg(text), true);
                return;
            }
            if (m_newDialog)
                m_newDialog->accept();
            // catalogChanged() follows this result: the reload it schedules
            // selects the new application.
            m_selectAfterLoad = change.id;
            showMessage(tr("Application %1 created. Issue a key and request a subscription "
                           "to call APIs with it.")
                            .arg(name),
                        false);
        });
}

void ApplicationsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: palette(bright-text);"
                                                    " background: #b3261e; padding: 6px; }")
                                   : QStringLiteral("QLabel { padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

} // namespace gatehouse::ui
