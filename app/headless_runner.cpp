// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/headless_runner.h"

#include "app/admin_api/admin_api.h"
#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/config_file_watcher.h"
#include "app/config_value_parsers.h"
#include "app/declarative_config.h"
#include "app/demo_catalog.h"
#include "app/demo_workspace.h"
#include "app/gateway_admin_control.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/gateway_settings.h"
#include "app/listener_changes.h"
#include "app/signal_watcher.h"
#include "app/telemetry/telemetry_service.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

namespace gatehouse::app {

namespace {

// Line-oriented output for scripts and supervisors: flushed at once, so a
// parent reading the pipe sees the address before the first request.
void printLine(std::FILE* stream, const QString& line)
{
    const QByteArray bytes = line.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

constexpr std::chrono::milliseconds drainDeadline{5000};

} // namespace

HeadlessRunner::HeadlessRunner(const CommandLineOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
}

HeadlessRunner::~HeadlessRunner()
{
    // Reverse of start-up: admin API, catalog sync, gateway, telemetry, the
    // origin behind the gateway, and last the catalog database.
    m_adminApi.reset();
    m_sync.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(0));
    // After the gateway: drains and commits the last call records.
    if (m_telemetry && m_telemetry->running()) {
        m_telemetry->stop();
        const CallLogWriterCounters counters = m_telemetry->liveSummary().writer;
        QString line = QStringLiteral("gatehouse: telemetry: %1 calls logged, %2 dropped, %3 "
                                      "lost to failed writes")
                           .arg(counters.written)
                           .arg(m_telemetry->droppedRecords())
                           .arg(counters.failedRows);
        if (counters.readOnly)
            line += QStringLiteral(", %1 not recorded (another Gatehouse writes the call logs)")
                        .arg(counters.notRecorded);
        else if (counters.notRecorded > 0)
            line += QStringLiteral(", %1 not recorded (before this instance took the call log "
                                   "over)")
                        .arg(counters.notRecorded);
        printLine(stderr, line);
    }
    m_telemetry.reset();
    m_controller.reset();
    m_demo.reset();
    m_catalog.reset();
}

int HeadlessRunner::exec()
{
    Q_ASSERT(QCoreApplication::instance());
    // Handlers first: a signal during start-up still ends in a clean stop.
    m_signals = std::make_unique<SignalWatcher>();
    connect(m_signals.get(), &SignalWatcher::terminationRequested, this,
            &HeadlessRunner::onTermination);
    // Taken from the start, so that an early SIGHUP does not end the process.
    m_signals->watchReloads();
    connect(m_signals.get(), &SignalWatcher::reloadRequested, this,
            &HeadlessRunner::reloadConfigFile);

    const bool started = m_options.demoOriginOnly ? startDemoOriginOnly() : startGateway();
    if (!started)
        return exitStartFailed;
    return QCoreApplication::exec();
}

bool HeadlessRunner::seedDemoCatalog(const CatalogStartup& catalog)
{
    if (!catalog.localAdmin) {
        printLine(stderr, QStringLiteral("gatehouse: --demo-catalog needs a local catalog with "
                                         "an administrator for this user"));
        return false;
    }
    const Principal admin = *catalog.localAdmin;
    const DemoCatalogResult result =
        m_catalog->runAndWait([&](CatalogStore& store) { return DemoCatalog::seed(store, admin); });
    if (!result.ok()) {
        printLine(stderr, QStringLiteral("gatehouse: ") + result.error);
        return false;
    }
    if (!result.seeded) {
        // A demo workspace from an earlier run: its key was shown once and
        // only its hash kept, so this run gets a new one (the old one is
        // revoked), as the console does.
        const DemoTrafficKey fresh = m_catalog->runAndWait(
            [&](CatalogStore& store) { return DemoCatalog::issueTrafficKey(store, admin); });
        if (!fresh.ok()) {
            printLine(stderr, QStringLiteral("gatehouse: no demo traffic key: ") + fresh.error);
            return true;
        }
        if (fresh.key.isEmpty()) {
            printLine(stderr, QStringLiteral("gatehouse: demo workspace not created: the catalog "
                                             "already has APIs"));
            return true;
        }
        printLine(stdout, QStringLiteral("demo workspace present; new demo traffic key: ") +
                              fresh.key + QStringLiteral(" (earlier keys are revoked)"));
        return true;
    }
    // The key exists nowhere else in plain text: this is its one showing.
    printLine(stdout,
              QStringLiteral("demo workspace created; demo traffic key: ") + result.trafficKey);
    return true;
}

bool HeadlessRunner::startDemoOriginOnly()
{
    m_demo = std::make_unique<DemoWorkspace>();
    if (!m_demo->startOrigin(m_options.demoOriginPort)) {
        printLine(stderr, QStringLiteral("gatehouse: ") + m_demo->lastError());
        return false;
    }
    printLine(stdout, QStringLiteral("demo origin listening on ") + m_demo->originUrl().toString());
    return true;
}

bool HeadlessRunner::startGateway()
{
    gateway::gateway_options options;
    gateway::config_snapshot snapshot;

    if (!m_options.configFile.isEmpty()) {
        // Before the file is read: a change while it starts is not missed.
        if (m_options.watchConfig) {
            m_watcher = std::make_unique<ConfigFileWatcher>(m_options.configFile);
            connect(m_watcher.get(), &ConfigFileWatcher::changed, this, [this] {
                printLine(stdout, QStringLiteral("reload: %1 changed").arg(m_options.configFile));
                reloadConfigFile();
            });
            connect(m_watcher.get(), &ConfigFileWatcher::unreadable, this, [this] {
                printLine(stderr, QStringLiteral("gatehouse: reload: %1 cannot be read; the "
                                                 "running configuration stays")
                                      .arg(m_options.configFile));
            });
        }
        DeclarativeConfig config;
        if (!config.loadFile(m_options.configFile)) {
            printLine(stderr, QStringLiteral("gatehouse: ") + config.lastError());
            return false;
        }
        options = config.options();
        snapshot = config.snapshot();
        m_fileOptions = options;
        m_fileSnapshot = snapshot;
        m_reloadStats.recordLoaded(QDateTime::currentMSecsSinceEpoch());
    } else {
        m_demo = std::make_unique<DemoWorkspace>();
        if (!m_demo->startOrigin()) {
            printLine(stderr, QStringLiteral("gatehouse: ") + m_demo->lastError());
            return false;
        }
        options = DemoWorkspace::defaultOptions();
        snapshot = m_demo->snapshot();
    }

    // The catalog: a database that cannot be used ends the start, untouched.
    m_catalog = std::make_unique<CatalogService>();
    const CatalogStartup catalog = startCatalog(*m_catalog, m_options.databaseSpec);
    if (!catalog.error.isEmpty()) {
        printLine(stderr, QStringLiteral("gatehouse: ") + catalog.error);
        return false;
    }
    if (!catalog.warning.isEmpty())
        printLine(stderr, QStringLiteral("gatehouse: ") + catalog.warning);
    if (m_options.demoCatalog && !seedDemoCatalog(catalog))
        return false;

    // As the console does: the listener saved in the console applies unless
    // a --config file defines the gateway; command-line options win.
    const bool savedListener =
        m_options.configFile.isEmpty() && GatewaySettings::applyListenerDefaults(options);
    if (m_options.listenSet) {
        options.listen_address = m_options.listenAddress.toStdString();
        options.port = m_options.listenPort;
    }
    if (m_options.threadsSet)
        options.threads = m_options.threads;

    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(0); // nobody watches; the gateway still counts
    m_controller->setDrainTimeout(drainDeadline);
    connect(m_controller.get(), &GatewayController::stateChanged, this,
            [this](GatewayController::State state) {
                if (state == GatewayController::State::Stopped && m_stopping)
                    finish();
            });

    // Telemetry before traffic, so no call goes unrecorded. A telemetry
    // database that cannot open is reported, but the gateway still serves.
    TelemetryServiceOptions telemetryOptions;
    telemetryOptions.database = m_options.telemetryDatabase;
    telemetryOptions.summaryIntervalMs = 0; // nobody watches the live summary
    m_telemetry = std::make_unique<TelemetryService>(m_controller.get(), telemetryOptions);
    if (m_telemetry->start()) {
        printLine(stdout, QStringLiteral("telemetry database ") + m_telemetry->databaseSpec());
        if (m_telemetry->readOnly())
            printLine(stderr, QStringLiteral("gatehouse: ") + m_telemetry->readOnlyMessage());
        connect(m_telemetry.get(), &TelemetryService::readOnlyChanged, this, [](bool readOnly) {
            if (!readOnly)
                printLine(stderr, QStringLiteral("gatehouse: the other Gatehouse writing the call "
                                                 "logs has stopped; this instance now records "
                                                 "its calls"));
        });
        connect(m_telemetry.get(), &TelemetryService::readOnlyMessageChanged, this,
                [](const QString& message) {
                    printLine(stderr, QStringLiteral("gatehouse: ") + message);
                });
    } else
        printLine(stderr,
                  QStringLiteral("gatehouse: telemetry disabled: ") + m_telemetry->lastError());

    // As the console does: the DNS refresh interval saved on its Gateway
    // page applies unless a --config file says its own (GatewaySettings).
    const auto savedDnsRefresh = m_options.configFile.isEmpty()
                                     ? GatewaySettings::dnsRefreshInterval()
                                     : std::optional<std::chrono::milliseconds>();
    if (savedDnsRefresh)
        m_controller->setDnsRefreshInterval(*savedDnsRefresh);

    if (!m_controller->applyConfig(snapshot) || !m_controller->start(options)) {
        printLine(stderr, QStringLiteral("gatehouse: ") + m_controller->lastError());
        return false;
    }
    showWarnings(m_controller->applyWarnings());
    printLine(stdout,
              QStringLiteral("gateway listening on ") + m_controller->listenUrl().toString());
    const auto dnsRefresh = m_controller->dnsRefreshInterval();
    printLine(stdout,
              QStringLiteral("dns refresh: %1 (%2)")
                  .arg(dnsRefresh.count() == 0 ? QStringLiteral("off")
                                               : config::formatDuration(dnsRefresh),
                       savedDnsRefresh                  ? QStringLiteral("saved setting")
                       : m_options.configFile.isEmpty() ? QStringLiteral("default")
                                                        : QStringLiteral("configuration file")));
    printLine(stdout,
              QStringLiteral("worker threads: %1 (%2)")
                  .arg(options.threads ? options.threads
                                       : std::max(1u, std::thread::hardware_concurrency()))
                  .arg(m_options.threadsSet             ? QStringLiteral("command line")
                       : savedListener                  ? QStringLiteral("saved setting")
                       : m_options.configFile.isEmpty() ? QStringLiteral("default")
                                                        : QStringLiteral("configuration file")));
    printLine(stdout, QStringLiteral("catalog: ") + catalog.location);
    m_sync = std::make_unique<GatewayConfigSync>(*m_catalog, *m_controller);
    connect(m_sync.get(), &GatewayConfigSync::compileFailed, this, [](const QString& reason) {
        printLine(stderr, QStringLiteral("gatehouse: catalog not applied: ") + reason);
    });
    connect(m_sync.get(), &GatewayConfigSync::configApplied, this, &HeadlessRunner::showWarnings);
    connect(m_sync.get(), &GatewayConfigSync::warningsChanged, this, &HeadlessRunner::showWarnings);
    connect(m_sync.get(), &GatewayConfigSync::baseSettled, this, &HeadlessRunner::onBaseSettled);
    m_sync->setBaseSnapshot(snapshot);
    // Other processes write behind this one's back (a console, the catalog
    // commands, another instance's admin API), on a local file as on a
    // shared catalog: polled. (This process's admin API writes through
    // m_catalog, which announces its changes itself.)
    m_sync->setPollInterval(GatewayConfigSync::CatalogPollMs);
    m_sync->recompileNow();
    if (m_demo && m_demo->originRunning())
        printLine(stdout,
                  QStringLiteral("demo origin listening on ") + m_demo->originUrl().toString());
    return startAdminApi();
}

// Asked for explicitly (--admin-listen), a failure stops the start; by
// default the gateway runs on without it and says why.
bool HeadlessRunner::startAdminApi()
{
    if (!m_options.adminEnabled)
        return true;
    AdminApi::Options options;
    options.catalog = m_catalog.get(); // its one connection
    options.address = m_options.adminAddress;
    options.port = m_options.adminPort;
    m_adminControl = std::make_unique<GatewayAdminControl>(
        m_controller.get(), m_telemetry->running() ? m_telemetry.get() : nullptr);
    m_adminControl->wire(options);
    if (!m_options.configFile.isEmpty())
        m_adminControl->setReloadStats(&m_reloadStats);
    m_adminApi = std::make_unique<AdminApi>();
    if (!m_adminApi->start(options)) {
        printLine(stderr, QStringLiteral("gatehouse: ") + m_adminApi->lastError());
        m_adminApi.reset();
        return !m_options.adminListenSet;
    }
    const QString host = m_options.adminAddress.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + m_options.adminAddress + QLatin1Char(']')
                             : m_options.adminAddress;
    printLine(stdout, QStringLiteral("admin API listening on http://%1:%2 (token in %3)")
                          .arg(host)
                          .arg(m_adminApi->port())
                          .arg(m_adminApi->tokenFile()));
    return true;
}

void HeadlessRunner::onTermination(int signalNumber)
{
    if (m_stopping) {
        printLine(stderr,
                  QStringLiteral("gatehouse: already stopping (signal %1)").arg(signalNumber));
        return;
    }
    m_stopping = true;
    m_watcher.reset(); // no reload while it drains
    if (m_adminApi)
        m_adminApi->stop(); // stop taking control requests before draining traffic
    if (m_controller && m_controller->state() == GatewayController::State::Running) {
        printLine(stderr, QStringLiteral("gatehouse: stopping; draining in-flight requests for up "
                                         "to %1 s")
                              .arg(drainDeadline.count() / 1000));
        m_controller->stop(); // finish() runs when it reports Stopped
        return;
    }
    // Not started yet, or only the demo origin: nothing to drain. Queued so
    // that a signal during start-up quits after exec() has begun.
    QTimer::singleShot(0, this, &HeadlessRunner::finish);
}

void HeadlessRunner::reloadConfigFile()
{
    if (m_stopping || !m_sync) {
        printLine(stderr, QStringLiteral("gatehouse: reload: nothing to read again"));
        return;
    }
    if (m_options.configFile.isEmpty()) {
        printLine(stdout, QStringLiteral("reload: no --config file; reading the catalog again"));
        m_sync->recompileNow();
        return;
    }
    m_shownWarnings.clear(); // what the reloaded file brings is printed again
    DeclarativeConfig config;
    if (!config.loadFile(m_options.configFile)) {
        m_reloadStats.recordRefused(QDateTime::currentMSecsSinceEpoch());
        printLine(stderr, QStringLiteral("gatehouse: reload refused, the running configuration "
                                         "stays: ") +
                              config.lastError());
        return;
    }
    const gateway::gateway_options& loaded = config.options();

    const QStringList fixed = fixedListenerChanges(m_fileOptions, loaded);
    if (!fixed.isEmpty())
        printLine(stderr, QStringLiteral("gatehouse: reload: %1 changed; the listener keeps its "
                                         "settings until the next start")
                              .arg(fixed.join(QStringLiteral(", "))));
    if (!loaded.tls_certificate_file.empty() && !m_fileOptions.tls_certificate_file.empty()) {
        const QString error =
            m_controller->reloadListenerTls(loaded.tls_certificate_file, loaded.tls_key_file);
        if (error.isEmpty()) {
            m_fileOptions.tls_certificate_file = loaded.tls_certificate_file;
            m_fileOptions.tls_key_file = loaded.tls_key_file;
            printLine(stdout, QStringLiteral("reload: certificate loaded from ") +
                                  QString::fromStdString(loaded.tls_certificate_file));
        } else
            printLine(stderr,
                      QStringLiteral("gatehouse: reload: the certificate in use stays: ") + error);
    }
    if (loaded.cache_budget_bytes != m_fileOptions.cache_budget_bytes ||
        loaded.cache_eviction != m_fileOptions.cache_eviction) {
        m_fileOptions.cache_budget_bytes = loaded.cache_budget_bytes;
        m_fileOptions.cache_eviction = loaded.cache_eviction;
        m_controller
            ->setCacheOptionsAsync(loaded.cache_budget_bytes,
                                   GatewayController::cacheEviction(loaded.cache_eviction))
            .then(this, [](const CachePurgeResult& result) {
                if (!result.ok)
                    printLine(stderr, QStringLiteral("gatehouse: reload: cache settings not "
                                                     "applied: ") +
                                          result.error);
                else
                    printLine(stdout, QStringLiteral("reload: new cache budget and eviction; "
                                                     "%1 stored responses dropped")
                                          .arg(result.purged));
            });
    }

    m_reloadSnapshot = config.snapshot();
    m_reloadRevision = m_sync->setBaseSnapshot(m_reloadSnapshot);
    m_sync->recompileNow();
}

void HeadlessRunner::onBaseSettled(quint64 revision, bool applied, const QString& error)
{
    if (revision != m_reloadRevision || m_reloadRevision == 0)
        return;
    m_reloadRevision = 0;
    if (applied) {
        m_reloadStats.recordApplied(QDateTime::currentMSecsSinceEpoch());
        m_fileSnapshot = std::move(m_reloadSnapshot);
        printLine(stdout,
                  QStringLiteral("configuration reloaded from %1 (routes: %2, upstreams: %3)")
                      .arg(m_options.configFile)
                      .arg(m_fileSnapshot.routes.size())
                      .arg(m_fileSnapshot.upstreams.size()));
        return;
    }
    // Back to the file as it was last applied, or every later compile (the
    // catalog's changes) would fail the same way.
    m_reloadStats.recordRefused(QDateTime::currentMSecsSinceEpoch());
    m_sync->setBaseSnapshot(m_fileSnapshot);
    printLine(stderr,
              QStringLiteral("gatehouse: reload refused, the running configuration stays: ") +
                  error);
}

void HeadlessRunner::showWarnings(const QStringList& warnings)
{
    if (warnings == m_shownWarnings)
        return;
    m_shownWarnings = warnings;
    for (const QString& warning : warnings)
        printLine(stderr, QStringLiteral("gatehouse: warning: ") + warning);
}

void HeadlessRunner::finish()
{
    m_adminApi.reset();
    if (m_demo)
        m_demo->stopOrigin();
    QCoreApplication::exit(0);
}

} // namespace gatehouse::app
