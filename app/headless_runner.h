// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/command_line.h"

#include <QObject>

#include <memory>

namespace gatehouse::app {

class AdminApi;
class CatalogService;
struct CatalogStartup;
class DemoWorkspace;
class GatewayConfigSync;
class GatewayAdminControl;
class GatewayController;
class SignalWatcher;
class TelemetryService;

// `gatehouse --headless` and `gatehouse --demo-origin PORT`: the gateway (or
// only the demo origin) without a window, until SIGINT or SIGTERM. Needs a
// QCoreApplication; exec() runs its event loop.
//
// Exit codes: 0 after a clean stop, 1 when the configuration or the catalog
// database cannot be loaded or a listener cannot start.
class HeadlessRunner : public QObject {
    Q_OBJECT

public:
    explicit HeadlessRunner(const CommandLineOptions& options, QObject* parent = nullptr);
    ~HeadlessRunner() override;

    int exec();

    static constexpr int exitStartFailed = 1;

private:
    bool startGateway();
    bool startDemoOriginOnly();
    bool seedDemoCatalog(const CatalogStartup& catalog); // --demo-catalog
    bool startAdminApi();
    void onTermination(int signalNumber);
    void finish();

    CommandLineOptions m_options;
    std::unique_ptr<SignalWatcher> m_signals;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<DemoWorkspace> m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<TelemetryService> m_telemetry;       // after the controller: stops first
    std::unique_ptr<GatewayAdminControl> m_adminControl; // outlives m_adminApi
    std::unique_ptr<AdminApi> m_adminApi;
    std::unique_ptr<GatewayConfigSync> m_sync;
    bool m_stopping = false;
};

} // namespace gatehouse::app
