// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/demo_catalog_offer.h"

#include "app/catalog_service.h"
#include "app/traffic_generator.h"
#include "ui/domain_message_text.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

#include <utility>

namespace gatehouse::ui {

DemoCatalogOffer::DemoCatalogOffer(app::CatalogService* catalog,
                                   std::optional<app::Principal> admin,
                                   app::TrafficGenerator* traffic, QWidget* window)
    : QObject(window)
    , m_catalog(catalog)
    , m_admin(std::move(admin))
    , m_traffic(traffic)
    , m_window(window)
{
    m_action = new QAction(tr("Create &Demo Workspace..."), this);
    m_action->setObjectName(QStringLiteral("createDemoWorkspaceAction"));
    m_action->setToolTip(tr("Adds demo teams, APIs, plans, applications and subscriptions on the "
                            "built-in demo origin to an empty catalog"));
    m_action->setEnabled(m_catalog && m_catalog->isOpen() && m_admin);
    connect(m_action, &QAction::triggered, this, &DemoCatalogOffer::askAndCreate);

    QSettings settings;
    if (settings.contains(legacyTrafficKeyKey()))
        settings.remove(legacyTrafficKeyKey());
}

void DemoCatalogOffer::addTo(QMenu* menu)
{
    const auto actions = menu->actions();
    menu->insertAction(actions.isEmpty() ? nullptr : actions.front(), m_action);
    if (!actions.isEmpty())
        menu->insertSeparator(actions.front());
}

void DemoCatalogOffer::offerOnFirstStart()
{
    if (!m_action->isEnabled() || QSettings().value(offeredKey(), false).toBool())
        return;
    m_catalog->run(
        this,
        [](app::CatalogStore& store) {
            QString error;
            return app::DemoCatalog::isEmpty(store, &error);
        },
        [this](bool empty) {
            if (empty)
                ask(true);
        });
}

void DemoCatalogOffer::askAndCreate()
{
    ask(false);
}

void DemoCatalogOffer::ask(bool firstStart)
{
    if (m_question || m_busy)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Demo Workspace"),
                                firstStart ? tr("Your catalog is empty. Create a demo workspace?")
                                           : tr("Create the demo workspace?"),
                                QMessageBox::Yes | QMessageBox::No, m_window);
    box->setObjectName(QStringLiteral("demoWorkspaceQuestion"));
    box->setInformativeText(
        tr("It adds two teams, APIs with different cache policies on the built-in demo origin, "
           "plans, two applications with keys, and one subscription waiting for approval. The "
           "traffic generator gets a key for the demo APIs. A catalog that already has APIs of "
           "its own is left as it is; a demo workspace left half made is completed."));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, firstStart] {
        const bool yes = box->clickedButton() == box->button(QMessageBox::Yes);
        // Asked once, whatever the answer; a console quit while the question
        // is open (no button) asks again next time.
        if (firstStart && box->clickedButton())
            QSettings().setValue(offeredKey(), true);
        if (yes)
            create();
    });
    m_question = box;
    box->open();
    emit questionShown();
}

void DemoCatalogOffer::create()
{
    if (m_busy || !m_action->isEnabled())
        return;
    m_busy = true;
    const app::Principal admin = *m_admin;
    m_catalog->mutate(
        this, [admin](app::CatalogStore& store) { return app::DemoCatalog::seed(store, admin); },
        [this](app::DemoCatalogResult result) { onSeeded(result); });
}

void DemoCatalogOffer::createIfEmpty()
{
    if (m_busy || !m_action->isEnabled())
        return;
    m_quietWhenNotEmpty = true;
    create();
}

void DemoCatalogOffer::restoreTrafficKey()
{
    if (!m_traffic || !m_action->isEnabled())
        return;
    const app::Principal admin = *m_admin;
    m_catalog->mutate(
        this,
        [admin](app::CatalogStore& store) {
            return app::DemoCatalog::issueTrafficKey(store, admin);
        },
        [this](const app::DemoTrafficKey& result) {
            if (!result.ok()) {
                emit failed(tr("Could not issue a key for the demo traffic: %1")
                                .arg(domainMessageText(result.errorMessage)));
                return;
            }
            // A key typed into the traffic panel meanwhile wins.
            if (result.key.isEmpty() || !m_traffic->apiKey().isEmpty())
                return;
            handToTraffic(result.key);
            emit trafficKeyReady(result.key);
        });
}

void DemoCatalogOffer::handToTraffic(const QString& key)
{
    if (!m_traffic)
        return;
    m_traffic->setApiKey(key);
    m_traffic->setMix(app::TrafficGenerator::demoCatalogMix());
}

void DemoCatalogOffer::onSeeded(const app::DemoCatalogResult& result)
{
    m_busy = false;
    const bool quiet = std::exchange(m_quietWhenNotEmpty, false);
    if (!result.ok()) {
        emit failed(tr("Could not create the demo workspace: %1")
                        .arg(domainMessageText(result.errorMessage)));
        return;
    }
    if (!result.seeded) {
        if (quiet)
            return;
        emit failed(tr("The demo workspace was not created: the catalog already has APIs."));
        return;
    }
    handToTraffic(result.trafficKey);
    emit created(result.trafficKey);
}

} // namespace gatehouse::ui
