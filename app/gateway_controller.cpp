// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_controller.h"

#include "gateway/gateway_server.hpp"

#include <QDateTime>
#include <QMetaObject>

#include <algorithm>
#include <utility>

namespace gatehouse::app {

namespace {

// Counters never go backwards within one gateway run, but a restart may
// reset them; treat a drop as a fresh start rather than a huge negative rate.
quint64 delta(quint64 now, quint64 before)
{
    return now >= before ? now - before : now;
}

double perSecond(quint64 count, double seconds)
{
    return seconds > 0.0 ? static_cast<double>(count) / seconds : 0.0;
}

GatewayStatsSample toSample(const gateway::stats_snapshot& s)
{
    GatewayStatsSample out;
    out.timestampMs = QDateTime::currentMSecsSinceEpoch();
    out.requests = s.requests;
    out.activeConnections = s.active_connections;
    out.acceptedConnections = s.accepted_connections;
    std::copy(s.status_classes.begin(), s.status_classes.end(), out.statusClasses.begin());
    out.bytesIn = s.bytes_in;
    out.bytesOut = s.bytes_out;
    out.upstreamErrors = s.upstream_errors;
    out.failedTlsHandshakes = s.failed_tls_handshakes;
    out.refusedProxyHeaders = s.refused_proxy_headers;
    out.configGeneration = s.config_generation;
    out.totalTargets = static_cast<int>(s.targets.size());
    out.healthyTargets = static_cast<int>(
        std::count_if(s.targets.begin(), s.targets.end(), [](const auto& t) { return t.healthy; }));
    out.droppedCallRecords = s.dropped_call_records;
    out.targets.reserve(static_cast<qsizetype>(s.targets.size()));
    for (const auto& t : s.targets) {
        out.targets.append({QString::fromStdString(t.upstream), QString::fromStdString(t.url),
                            t.healthy, t.consecutive_failures, t.active_connections, t.requests,
                            t.failures, t.last_latency_us, QString::fromStdString(t.problem),
                            QString::fromStdString(t.refresh_error), 0});
    }
    return out;
}

} // namespace

GatewayController::GatewayController(QObject* parent)
    : QObject(parent)
    , m_server(std::make_unique<gateway::gateway_server>())
{
    qRegisterMetaType<GatewayStatsSample>();
    qRegisterMetaType<GatewayController::State>();
    m_statsTimer.setTimerType(Qt::CoarseTimer);
    m_statsTimer.setInterval(m_statsInterval);
    connect(&m_statsTimer, &QTimer::timeout, this, &GatewayController::pollStats);
    m_cacheJobs.setMaxThreadCount(1);
    m_cacheJobs.setObjectName(QStringLiteral("gatehouse-cache-jobs"));
    // For benchmarks that measure what call logging costs
    // (tests/bench/proxy_bench.sh), in the console and headless alike: the
    // gateway records nothing and the call-log writer idles.
    if (qEnvironmentVariable("GATEHOUSE_CALL_LOG") == QLatin1String("off"))
        setCallRecording(false);
    // From the gateway's resolver thread: queued, so warnings are read here.
    m_server->set_lookups_hook([this] {
        QMetaObject::invokeMethod(this, &GatewayController::refreshApplyWarnings,
                                  Qt::QueuedConnection);
    });
}

GatewayController::~GatewayController()
{
    m_server->set_lookups_hook({}); // returns once no call of it is running
    m_statsTimer.stop();
    m_cacheJobs.waitForDone(); // a purge under way still uses the server
    // A stop already under way owns the server until it returns; the queued
    // finishStop() it posts dies with this object.
    joinStopThread();
    if (m_server->running())
        m_server->stop(std::chrono::milliseconds(500));
}

void GatewayController::setStatsInterval(int ms)
{
    m_statsInterval = std::max(0, ms);
    if (m_statsInterval == 0) {
        m_statsTimer.stop();
        return;
    }
    m_statsTimer.setInterval(m_statsInterval);
    if (m_state == State::Running && !m_statsTimer.isActive())
        m_statsTimer.start();
}

bool GatewayController::start()
{
    return start(m_options);
}

bool GatewayController::start(const gateway::gateway_options& options)
{
    if (m_state == State::Running || m_state == State::Starting) {
        fail(tr("The gateway is already running."));
        return false;
    }
    if (m_state == State::Stopping) {
        fail(tr("The gateway is still stopping; try again in a moment."));
        return false;
    }
    joinStopThread();
    m_options = options;
    setState(State::Starting);

    // Binding is quick; the workers start in the background.
    const std::string error = m_server->start(options);
    if (!error.empty()) {
        setState(State::Stopped);
        fail(tr("The gateway could not start: %1.").arg(QString::fromStdString(error)));
        return false;
    }

    m_port = m_server->port();
    m_listenUrl.clear();
    m_listenUrl.setScheme(m_options.tls_certificate_file.empty() ? QStringLiteral("http")
                                                                 : QStringLiteral("https"));
    m_listenUrl.setHost(QString::fromStdString(m_server->listen_address()));
    m_listenUrl.setPort(m_port);
    m_lastError.clear();
    resetBaseline();
    if (m_statsInterval > 0)
        m_statsTimer.start(m_statsInterval);
    setState(State::Running);
    emit statsUpdated(m_lastSample);
    return true;
}

void GatewayController::stop()
{
    if (m_state != State::Running)
        return;
    m_statsTimer.stop(); // stats() would wait for the drain
    setState(State::Stopping);
    joinStopThread();
    // gateway_server::stop() waits for in-flight requests (up to the drain
    // deadline) and joins the workers: never on this thread. The server
    // outlives the worker because the destructor joins it first.
    m_stopThread = std::thread([this, server = m_server.get(), drain = m_drainTimeout] {
        server->stop(drain);
        QMetaObject::invokeMethod(this, &GatewayController::finishStop, Qt::QueuedConnection);
    });
}

void GatewayController::stopAndWait(std::chrono::milliseconds drain)
{
    if (m_state == State::Running) {
        m_statsTimer.stop();
        setState(State::Stopping);
        m_server->stop(drain);
    }
    joinStopThread();
    finishStop();
}

bool GatewayController::isValidDnsRefreshInterval(std::chrono::milliseconds interval)
{
    return interval.count() == 0 ||
           (interval >= minDnsRefreshInterval && interval <= maxDnsRefreshInterval);
}

std::chrono::milliseconds GatewayController::dnsRefreshInterval() const
{
    if (m_dnsRefreshInterval)
        return *m_dnsRefreshInterval;
    return m_applied ? m_applied->dns_refresh_interval
                     : gateway::config_snapshot{}.dns_refresh_interval;
}

bool GatewayController::setDnsRefreshInterval(std::chrono::milliseconds interval)
{
    if (!isValidDnsRefreshInterval(interval)) {
        fail(tr("The DNS refresh interval must be 0 (off) or from 1 s to 24 h."));
        return false;
    }
    m_dnsRefreshInterval = interval;
    // The running configuration takes it at once: the gateway reschedules
    // its lookups on every apply.
    if (m_applied && m_applied->dns_refresh_interval != interval)
        return applyConfig(gateway::config_snapshot(*m_applied));
    return true;
}

QString GatewayController::reloadListenerTls(const std::string& certificateFile,
                                             const std::string& keyFile)
{
    const std::string error = m_server->reload_listener_tls(certificateFile, keyFile);
    if (!error.empty())
        return QString::fromStdString(error);
    m_options.tls_certificate_file = certificateFile;
    m_options.tls_key_file = keyFile;
    return {};
}

bool GatewayController::applyConfig(const gateway::config_snapshot& given)
{
    gateway::config_snapshot snapshot = given;
    if (m_dnsRefreshInterval)
        snapshot.dns_refresh_interval = *m_dnsRefreshInterval;
    const std::string error = m_server->apply(snapshot);
    if (!error.empty()) {
        fail(tr("The configuration was rejected: %1").arg(QString::fromStdString(error).trimmed()));
        return false;
    }
    m_applyWarnings.clear();
    for (const std::string& warning : m_server->apply_warnings())
        m_applyWarnings.append(QString::fromStdString(warning));
    std::map<std::string, std::string, std::less<>> names;
    for (const auto& route : snapshot.routes) {
        // As the cache keys APIs: the catalog id, or the route id without one.
        names.try_emplace(route.api_id ? std::to_string(route.api_id) : route.id, route.id);
    }
    {
        std::lock_guard lock(m_cacheNamesMutex);
        m_cacheApiNames = std::move(names);
    }
    m_upstreamApis.clear();
    for (const auto& route : snapshot.routes) {
        const auto [it, first] = m_upstreamApis.try_emplace(route.upstream, route.api_id);
        if (!first && it->second != route.api_id)
            it->second = 0; // shared by several APIs: named by itself
    }
    m_applied = std::move(snapshot);
    emit configApplied();
    return true;
}

void GatewayController::pollStats()
{
    if (m_state == State::Running)
        takeSample();
}

void GatewayController::takeSample()
{
    GatewayStatsSample sample = toSample(m_server->stats());
    for (TargetHealthRow& target : sample.targets) {
        const auto api = m_upstreamApis.find(target.upstream.toStdString());
        if (api != m_upstreamApis.end())
            target.apiId = api->second;
    }
    const double seconds = static_cast<double>(m_sinceLastSample.nsecsElapsed()) / 1e9;
    m_sinceLastSample.restart();
    sample.intervalSeconds = seconds;
    sample.requestsPerSecond = perSecond(delta(sample.requests, m_lastSample.requests), seconds);
    sample.bytesInPerSecond = perSecond(delta(sample.bytesIn, m_lastSample.bytesIn), seconds);
    sample.bytesOutPerSecond = perSecond(delta(sample.bytesOut, m_lastSample.bytesOut), seconds);
    sample.serverErrorsPerSecond =
        perSecond(delta(sample.statusClasses[5], m_lastSample.statusClasses[5]), seconds);
    m_lastSample = sample;
    emit statsUpdated(sample);
}

std::size_t GatewayController::drainCallRecords(std::vector<gateway::call_record>& out,
                                                std::size_t max)
{
    return m_server->drain_call_records(out, max);
}

void GatewayController::setCallRecordsHook(std::function<void()> hook)
{
    m_server->set_call_records_hook(std::move(hook));
}

void GatewayController::setCallRecording(bool enabled)
{
    m_server->set_call_recording(enabled);
    m_callRecording.store(enabled, std::memory_order_relaxed);
}

quint64 GatewayController::droppedCallRecords() const
{
    return m_server->dropped_call_records();
}

void GatewayController::refreshApplyWarnings()
{
    QStringList warnings;
    for (const std::string& warning : m_server->apply_warnings())
        warnings.append(QString::fromStdString(warning));
    if (warnings == m_applyWarnings)
        return;
    m_applyWarnings = warnings;
    emit applyWarningsChanged(m_applyWarnings);
}

void GatewayController::setHostResolver(HostResolver resolver)
{
    m_server->set_host_resolver(std::move(resolver));
}

gateway::stats_snapshot GatewayController::gatewayStats() const
{
    return m_server->stats();
}

void GatewayController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void GatewayController::fail(const QString& message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

void GatewayController::finishStop()
{
    if (m_state != State::Stopping)
        return; // stopAndWait() got here first
    joinStopThread();
    m_statsTimer.stop();
    takeSample(); // the final totals; the gateway's lock is free again
    m_port = 0;
    m_listenUrl.clear();
    setState(State::Stopped);
}

void GatewayController::joinStopThread()
{
    if (m_stopThread.joinable())
        m_stopThread.join();
}

void GatewayController::resetBaseline()
{
    m_lastSample = toSample(m_server->stats());
    m_sinceLastSample.start();
}

} // namespace gatehouse::app
