// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/command_line.h"
#include "app/config_reload_stats.h"
#include "gateway/config_snapshot.hpp"
#include "gateway/gateway_options.hpp"

#include <QObject>

#include <memory>

namespace gatehouse::app {

class AdminApi;
class CatalogService;
class ConfigFileWatcher;
struct CatalogStartup;
class DemoWorkspace;
class GatewayConfigSync;
class GatewayAdminControl;
class GatewayController;
class SignalWatcher;
class TelemetryService;

// `gatehouse --headless` and `gatehouse --demo-origin PORT`: the gateway (or
// only the demo origin) without a window, until SIGINT or SIGTERM. SIGHUP
// reads the --config file again (reloadConfigFile()), as does a change of
// its content with --watch (ConfigFileWatcher). Needs a
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
    // SIGHUP, as nginx and Kong's DB-less mode take it: the whole file is
    // checked first, and a file with a problem changes nothing. Upstreams,
    // routes, their policies, DNS and the cache's budget and eviction apply
    // at once (requests in flight finish on the configuration they started
    // with), as does an HTTPS listener's certificate, renewed in place or
    // named anew; listener settings that cannot change while it runs are
    // named, for the next start. Without --config, the catalog is read again.
    void reloadConfigFile();
    void onBaseSettled(quint64 revision, bool applied, const QString& error);
    // Prints the configuration's warnings when they differ from those last
    // printed: the catalog's first apply repeats the file's, and every
    // recompile reports them again.
    void showWarnings(const QStringList& warnings);
    void finish();

    CommandLineOptions m_options;
    ConfigReloadStats m_reloadStats; // before the admin API, which reads it from its thread
    std::unique_ptr<SignalWatcher> m_signals;
    std::unique_ptr<ConfigFileWatcher> m_watcher; // --watch
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<DemoWorkspace> m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<TelemetryService> m_telemetry;       // after the controller: stops first
    std::unique_ptr<GatewayAdminControl> m_adminControl; // outlives m_adminApi
    std::unique_ptr<AdminApi> m_adminApi;
    std::unique_ptr<GatewayConfigSync> m_sync;
    bool m_stopping = false;
    // The --config file as last applied: its listener settings as they were
    // at start (a reload does not change those), and the routes and upstreams
    // a refused reload falls back to.
    gateway::gateway_options m_fileOptions;
    gateway::config_snapshot m_fileSnapshot;
    gateway::config_snapshot m_reloadSnapshot; // waiting for its compile
    quint64 m_reloadRevision = 0;              // GatewayConfigSync's, 0: none
    QStringList m_shownWarnings;
};

} // namespace gatehouse::app
