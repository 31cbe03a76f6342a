// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/headless_runner.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/declarative_config.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/signal_watcher.h"

#include <QCoreApplication>
#include <QTimer>

#include <chrono>
#include <cstdio>

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
    // Reverse of start-up: catalog sync, gateway, the origin behind it, and
    // last the catalog database.
    m_sync.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(0));
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

    const bool started = m_options.demoOriginOnly ? startDemoOriginOnly() : startGateway();
    if (!started)
        return exitStartFailed;
    return QCoreApplication::exec();
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
        DeclarativeConfig config;
        if (!config.loadFile(m_options.configFile)) {
            printLine(stderr, QStringLiteral("gatehouse: ") + config.lastError());
            return false;
        }
        options = config.options();
        snapshot = config.snapshot();
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

    if (!m_controller->applyConfig(snapshot) || !m_controller->start(options)) {
        printLine(stderr, QStringLiteral("gatehouse: ") + m_controller->lastError());
        return false;
    }
    printLine(stdout,
              QStringLiteral("gateway listening on ") + m_controller->listenUrl().toString());
    printLine(stdout, QStringLiteral("catalog: ") + catalog.location);
    m_sync = std::make_unique<GatewayConfigSync>(*m_catalog, *m_controller);
    connect(m_sync.get(), &GatewayConfigSync::compileFailed, this, [](const QString& reason) {
        printLine(stderr, QStringLiteral("gatehouse: catalog not applied: ") + reason);
    });
    m_sync->setBaseSnapshot(snapshot);
    if (catalog.shared)
        m_sync->setPollInterval(GatewayConfigSync::SharedCatalogPollMs);
    m_sync->recompileNow();
    if (m_demo && m_demo->originRunning())
        printLine(stdout,
                  QStringLiteral("demo origin listening on ") + m_demo->originUrl().toString());
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

void HeadlessRunner::finish()
{
    if (m_demo)
        m_demo->stopOrigin();
    QCoreApplication::exit(0);
}

} // namespace gatehouse::app
