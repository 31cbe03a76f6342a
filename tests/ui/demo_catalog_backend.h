// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_catalog.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "gateway/config_snapshot.hpp"

#include <QString>
#include <QtTest/QTest>

#include <memory>

// The back end of the console suites that work on the demo workspace: a
// real catalog seeded as a first start would, and the real gateway compiled
// from it. QTest-style helpers: after a call, a failed check shows in
// QTest::currentTestFailed().
namespace gatehouse::test {

// Opens a fresh SQLite catalog at `path` in `catalog` and seeds the demo
// workspace as its local admin; `admin` and `trafficKey` receive both.
inline void openDemoCatalog(app::CatalogService& catalog, const QString& path,
                            app::Principal& admin, QString& trafficKey)
{
    const app::CatalogStartup startup = app::startCatalog(catalog, path);
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    admin = *startup.localAdmin;
    const app::Principal actor = admin;
    const app::DemoCatalogResult seeded =
        catalog.runAndWait([&](app::CatalogStore& s) { return app::DemoCatalog::seed(s, actor); });
    QVERIFY2(seeded.ok() && seeded.seeded, qPrintable(seeded.error));
    trafficKey = seeded.trafficKey;
}

// Starts `gateway` on 127.0.0.1 (a free port, two workers), then `sync`
// compiling `catalog` on top of `base` into it, and waits for the first
// configuration to be applied.
inline void startGatewayFromCatalog(app::GatewayController& gateway, app::CatalogService& catalog,
                                    const gateway::config_snapshot& base,
                                    std::unique_ptr<app::GatewayConfigSync>& sync)
{
    gateway::gateway_options options;
    options.listen_address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    QVERIFY2(gateway.start(options), qPrintable(gateway.lastError()));
    sync = std::make_unique<app::GatewayConfigSync>(catalog, gateway);
    sync->setBaseSnapshot(base);
    sync->recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(sync->appliedCount() > 0 || !sync->lastError().isEmpty(), 5000);
    QVERIFY2(sync->lastError().isEmpty(), qPrintable(sync->lastError()));
}

} // namespace gatehouse::test
