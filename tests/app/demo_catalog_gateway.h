// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// The console's demo set-up as main() wires it, for tests: the in-process
// demo origin, a local SQLite catalog with the demo workspace seeded, the
// real gateway on 127.0.0.1 (port 0) compiled from it through
// GatewayConfigSync, and optionally the telemetry pipeline.

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_catalog.h"
#include "app/demo_workspace.h"
#include "app/domain/api_store.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_service.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>

namespace gatehouse::test {

class DemoCatalogGateway {
    QTemporaryDir m_dir; // first: outlives the catalog and telemetry files' users

public:
    ~DemoCatalogGateway() { stop(); }

    // False with `error` set when any part does not come up. Without
    // `compile`, the gateway serves the demo workspace's own routes until
    // recompile() (connect to `sync` in between, as main() does).
    bool start(bool withTelemetry, bool compile = true)
    {
        if (!m_dir.isValid())
            return failed(QStringLiteral("no temporary directory"));
        if (!demo.startOrigin(0, 2))
            return failed(demo.lastError());
        const app::CatalogStartup started =
            app::startCatalog(catalog, m_dir.filePath(QStringLiteral("catalog.sqlite")));
        if (!started.error.isEmpty() || !started.localAdmin)
            return failed(QStringLiteral("catalog: ") + started.error);
        admin = started.localAdmin;
        const app::Principal who = *admin;
        const app::DemoCatalogResult seeded = catalog.runAndWait(
            [who](app::CatalogStore& s) { return app::DemoCatalog::seed(s, who); });
        if (!seeded.ok() || !seeded.seeded)
            return failed(QStringLiteral("seeding: ") + seeded.error);
        trafficKey = seeded.trafficKey;

        controller.setStatsInterval(100);
        controller.setDrainTimeout(std::chrono::milliseconds(500));
        if (withTelemetry) {
            app::TelemetryServiceOptions options;
            options.database = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
            options.summaryIntervalMs = 200;
            telemetry = std::make_unique<app::TelemetryService>(&controller, options);
            if (!telemetry->start())
                return failed(QStringLiteral("telemetry: ") + telemetry->lastError());
        }
        gateway::gateway_options options;
        options.listen_address = "127.0.0.1";
        options.port = 0;
        options.threads = 2;
        controller.setOptions(options);
        if (!controller.start(options))
            return failed(controller.lastError());
        sync = std::make_unique<app::GatewayConfigSync>(catalog, controller);
        sync->setDebounce(20);
        const auto base = demo.snapshot();
        sync->setBaseSnapshot(base);
        if (!controller.applyConfig(base))
            return failed(controller.lastError());
        return !compile || recompile();
    }

    // Compiles the catalog now and waits (bounded) until it is applied.
    bool recompile()
    {
        const int before = sync->appliedCount();
        sync->recompileNow();
        if (!QTest::qWaitFor([&] { return sync->appliedCount() > before; }, 5000))
            return failed(QStringLiteral("no apply: ") + sync->lastError());
        if (!sync->lastWarnings().isEmpty())
            return failed(sync->lastWarnings().join(u'\n'));
        return true;
    }

    void stop()
    {
        if (m_stopped)
            return;
        m_stopped = true;
        sync.reset();
        controller.stopAndWait(std::chrono::seconds(1));
        if (telemetry)
            telemetry->stop();
        demo.stopOrigin();
    }

    quint16 port() const { return controller.port(); }
    // Where the catalog and telemetry databases are.
    QString directory() const { return m_dir.path(); }

    // The catalog's API ids by "slug@version" (the ids call records carry).
    QHash<QString, quint64> apiIds()
    {
        return catalog.runAndWait([](app::CatalogStore& s) {
            QHash<QString, quint64> ids;
            QString err;
            if (const auto all = app::ApiStore::loadWhere(s.database().connection(),
                                                          QStringLiteral("1 = 1"), {}, &err))
                for (const app::ApiDefinition& a : *all)
                    ids.insert(a.slug + QLatin1Char('@') + a.version, static_cast<quint64>(a.id));
            return ids;
        });
    }
    QString error;

    app::DemoWorkspace demo;
    app::CatalogService catalog;
    std::optional<app::Principal> admin;
    app::GatewayController controller;
    std::unique_ptr<app::TelemetryService> telemetry;
    std::unique_ptr<app::GatewayConfigSync> sync;
    QString trafficKey;

private:
    bool failed(const QString& why)
    {
        error = why;
        return false;
    }

    bool m_stopped = false;
};

} // namespace gatehouse::test
