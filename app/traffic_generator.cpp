// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/traffic_generator.h"

#include "gateway/demo_origin.hpp"
#include "gateway/load_generator.hpp"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <string>

namespace gatehouse::app {

namespace {

constexpr int demoProductCount = 200; // the demo origin's catalog: /products/1..200

const char* const cities[] = {"berlin",    "tokyo",   "london", "new-york", "paris", "sydney",
                              "sao-paulo", "mumbai",  "cairo",  "toronto",  "seoul", "madrid",
                              "lima",      "nairobi", "oslo",   "zurich"};

void addProducts(std::vector<std::string>& targets, const std::string& prefix)
{
    for (int id = 1; id <= demoProductCount; ++id)
        targets.push_back(prefix + std::to_string(id));
}

void addWeather(std::vector<std::string>& targets, const std::string& prefix)
{
    for (const char* city : cities)
        targets.push_back(prefix + city);
    for (const char* city : cities)
        targets.push_back(prefix + city + "/forecast");
}

// Most popular first: the Zipf skew ranks targets in this order. The catalog
// sets follow the demo catalog's base paths (resources/demo_workspace.json).
std::vector<std::string> targetsOf(const QString& name)
{
    std::vector<std::string> targets;
    if (name == QLatin1String("products")) {
        addProducts(targets, "/shop/");
    } else if (name == QLatin1String("weather")) {
        addWeather(targets, "/weather/");
    } else if (name == QLatin1String("echo")) {
        targets.emplace_back("/echo");
    } else if (name == QLatin1String("products-v1")) {
        addProducts(targets, "/v1/products/");
    } else if (name == QLatin1String("products-v2")) {
        addProducts(targets, "/v2/products/");
        for (const char* q : {"lamp", "chair", "desk", "mug", "cable"})
            targets.push_back(std::string("/v2/products/search?q=") + q);
    } else if (name == QLatin1String("weather-v1")) {
        addWeather(targets, "/v1/weather/");
    } else if (name == QLatin1String("echo-v1")) {
        for (const char* word : {"hello", "ping", "status", "trace"})
            targets.push_back(std::string("/v1/echo/") + word);
    } else if (name == QLatin1String("inventory")) {
        targets.emplace_back("/v1/inventory/items");
    }
    return targets;
}

double finiteOr(double value, double fallback)
{
    return std::isfinite(value) ? value : fallback;
}

double latencyMs(const std::array<std::uint64_t, gateway::latency_buckets::count>& buckets,
                 double quantile)
{
    return static_cast<double>(gateway::latency_buckets::percentile(buckets, quantile)) / 1000.0;
}

} // namespace

TrafficGenerator::TrafficGenerator(QObject* parent)
    : QObject(parent)
    , m_generator(std::make_unique<gateway::load_generator>())
    , m_previous(std::make_unique<gateway::load_stats>())
    , m_mix(defaultMix())
{
    m_statsTimer.setInterval(m_statsInterval);
    connect(&m_statsTimer, &QTimer::timeout, this, &TrafficGenerator::pollStats);
}

TrafficGenerator::~TrafficGenerator()
{
    m_generator->stop();
}

QStringList TrafficGenerator::urlSetNames()
{
    return openUrlSetNames() + catalogUrlSetNames();
}

QStringList TrafficGenerator::openUrlSetNames()
{
    return {QStringLiteral("products"), QStringLiteral("weather"), QStringLiteral("echo")};
}

QStringList TrafficGenerator::catalogUrlSetNames()
{
    return {QStringLiteral("products-v2"), QStringLiteral("products-v1"),
            QStringLiteral("weather-v1"), QStringLiteral("echo-v1"), QStringLiteral("inventory")};
}

std::vector<std::string> TrafficGenerator::urlSetTargets(const QString& name)
{
    return targetsOf(name);
}

TrafficMix TrafficGenerator::demoCatalogMix()
{
    return {{QStringLiteral("products-v2"), 40.0},
            {QStringLiteral("products-v1"), 15.0},
            {QStringLiteral("weather-v1"), 30.0},
            {QStringLiteral("echo-v1"), 10.0},
            {QStringLiteral("inventory"), 5.0}};
}

TrafficMix TrafficGenerator::defaultMix()
{
    return {{QStringLiteral("products"), 60.0},
            {QStringLiteral("weather"), 30.0},
            {QStringLiteral("echo"), 10.0}};
}

void TrafficGenerator::setDemoOrigin(gateway::demo_origin* origin)
{
    m_origin = origin;
    applyOriginKnobs();
}

void TrafficGenerator::setTargetRate(double requestsPerSecond)
{
    const double rate = std::clamp(finiteOr(requestsPerSecond, defaultRate), 0.0, maxRate);
    if (rate == m_rate)
        return;
    m_rate = rate;
    applySettings();
    emit settingsChanged();
}

void TrafficGenerator::setConcurrency(int connections)
{
    const int value = std::clamp(connections, 1, maxConcurrency);
    if (value == m_concurrency)
        return;
    m_concurrency = value;
    applySettings();
    emit settingsChanged();
}

void TrafficGenerator::setZipfAlpha(double alpha)
{
    const double value = std::clamp(finiteOr(alpha, defaultZipfAlpha), 0.0, maxZipfAlpha);
    if (value == m_zipfAlpha)
        return;
    m_zipfAlpha = value;
    applySettings();
    emit settingsChanged();
}

bool TrafficGenerator::setMix(const TrafficMix& mix)
{
    const QStringList known = urlSetNames();
    bool anyPositive = false;
    for (const auto& entry : mix) {
        if (!known.contains(entry.name)) {
            fail(tr("Unknown URL set \"%1\" in the traffic mix.").arg(entry.name));
            return false;
        }
        if (!std::isfinite(entry.weight) || entry.weight < 0) {
            fail(tr("The weight of \"%1\" must be zero or more.").arg(entry.name));
            return false;
        }
        anyPositive = anyPositive || entry.weight > 0;
    }
    if (!anyPositive) {
        fail(tr("The traffic mix needs at least one URL set with a positive weight."));
        return false;
    }
    if (mix == m_mix)
        return true;
    m_mix = mix;
    applySettings();
    emit settingsChanged();
    return true;
}

void TrafficGenerator::setApiKey(const QString& key)
{
    if (key == m_apiKey)
        return;
    m_apiKey = key;
    applySettings();
    emit settingsChanged();
}

void TrafficGenerator::setErrorRate(double fraction)
{
    const double value = std::clamp(finiteOr(fraction, 0.0), 0.0, 1.0);
    if (value == m_errorRate)
        return;
    m_errorRate = value;
    applyOriginKnobs();
    emit settingsChanged();
}

void TrafficGenerator::setUpstreamLatencyMs(int ms)
{
    const int value = std::clamp(ms, 0, maxUpstreamLatencyMs);
    if (value == m_upstreamLatencyMs)
        return;
    m_upstreamLatencyMs = value;
    applyOriginKnobs();
    emit settingsChanged();
}

void TrafficGenerator::setStatsInterval(int ms)
{
    m_statsInterval = std::max(50, ms);
    m_statsTimer.setInterval(m_statsInterval);
}

gateway::load_settings TrafficGenerator::makeSettings() const
{
    gateway::load_settings settings;
    settings.rate = m_rate;
    settings.concurrency = static_cast<unsigned>(m_concurrency);
    settings.zipf_alpha = m_zipfAlpha;
    for (const auto& entry : m_mix)
        settings.mix.push_back({entry.name.toStdString(), entry.weight, targetsOf(entry.name)});
    if (!m_apiKey.isEmpty())
        settings.headers.emplace_back("X-Api-Key", m_apiKey.toStdString());
    return settings;
}

void TrafficGenerator::applySettings()
{
    if (!m_running)
        return;
    const std::string error = m_generator->update(makeSettings());
    if (!error.empty())
        fail(tr("The traffic generator refused the settings: %1")
                 .arg(QString::fromStdString(error)));
}

void TrafficGenerator::applyOriginKnobs()
{
    if (!m_origin)
        return;
    m_origin->set_error_rate(m_errorRate);
    m_origin->set_latency(std::chrono::milliseconds(m_upstreamLatencyMs));
}

void TrafficGenerator::fail(const QString& message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

void TrafficGenerator::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    emit runningChanged(running);
}

bool TrafficGenerator::start(quint16 port)
{
    if (m_running) {
        fail(tr("The traffic generator is already running."));
        return false;
    }
    const std::string error = m_generator->start(port, makeSettings());
    if (!error.empty()) {
        fail(tr("Could not start the traffic generator on 127.0.0.1:%1: %2")
                 .arg(port)
                 .arg(QString::fromStdString(error)));
        return false;
    }
    m_lastError.clear();
    m_port = port;
    *m_previous = gateway::load_stats{};
    m_lastStats = TrafficStats{};
    m_sincePrevious.start();
    m_statsTimer.start();
    setRunning(true);
    return true;
}

void TrafficGenerator::stop()
{
    if (!m_running)
        return;
    m_generator->stop(); // cancels sockets and timers; joins within milliseconds
    pollStats();         // the final totals; also reports the stop
}

void TrafficGenerator::pollStats()
{
    const gateway::load_stats now = m_generator->stats();
    const gateway::load_stats& before = *m_previous;
    TrafficStats s;
    s.timestampMs = QDateTime::currentMSecsSinceEpoch();
    const double sinceBaseline =
        m_sincePrevious.isValid() ? m_sincePrevious.nsecsElapsed() / 1e9 : 0.0;
    // A poll right after another (pollStats() next to the timer's) would
    // divide a handful of responses by a sliver of time: rates and
    // percentiles then stay those of the last full interval, and only the
    // totals move on.
    constexpr double minRateWindowSeconds = 0.1;
    const bool shortWindow = sinceBaseline < minRateWindowSeconds && m_lastStats.timestampMs != 0;
    s.running = now.running;
    s.sent = now.sent;
    s.completed = now.completed;
    for (std::size_t i = 0; i < s.statusClasses.size(); ++i)
        s.statusClasses[i] = now.status_classes[i];
    s.connectErrors = now.connect_errors;
    s.ioErrors = now.io_errors;
    s.connectionsOpened = now.connections_opened;
    s.bytesSent = now.bytes_sent;
    s.bytesReceived = now.bytes_received;
    s.elapsedSeconds = now.elapsed_seconds;
    s.targetRate = m_rate;

    if (shortWindow) {
        s.intervalSeconds = m_lastStats.intervalSeconds;
        s.requestsPerSecond = m_lastStats.requestsPerSecond;
        s.errorsPerSecond = m_lastStats.errorsPerSecond;
        s.bytesReceivedPerSecond = m_lastStats.bytesReceivedPerSecond;
        s.serverErrorShare = m_lastStats.serverErrorShare;
        s.latencyP50Ms = m_lastStats.latencyP50Ms;
        s.latencyP90Ms = m_lastStats.latencyP90Ms;
        s.latencyP99Ms = m_lastStats.latencyP99Ms;
        publishStats(s, now.running);
        return;
    }
    s.intervalSeconds = sinceBaseline;
    m_sincePrevious.start();
    const quint64 completed = now.completed - before.completed;
    const quint64 serverErrors = now.status_classes[5] - before.status_classes[5];
    if (completed > 0)
        s.serverErrorShare = static_cast<double>(serverErrors) / static_cast<double>(completed);
    if (s.intervalSeconds > 0) {
        s.requestsPerSecond = static_cast<double>(completed) / s.intervalSeconds;
        s.errorsPerSecond = static_cast<double>(now.errors() - before.errors()) / s.intervalSeconds;
        s.bytesReceivedPerSecond =
            static_cast<double>(now.bytes_received - before.bytes_received) / s.intervalSeconds;
    }
    std::array<std::uint64_t, gateway::latency_buckets::count> interval{};
    for (std::size_t i = 0; i < interval.size(); ++i)
        interval[i] = now.latency[i] - before.latency[i];
    s.latencyP50Ms = latencyMs(interval, 0.50);
    s.latencyP90Ms = latencyMs(interval, 0.90);
    s.latencyP99Ms = latencyMs(interval, 0.99);

    *m_previous = now;
    publishStats(s, now.running);
}

void TrafficGenerator::publishStats(const TrafficStats& s, bool running)
{
    m_lastStats = s;
    emit statsUpdated(s);
    if (!running) {
        // Stopped, or a bounded run that ended by itself.
        m_statsTimer.stop();
        m_generator->stop();
        setRunning(false);
    }
}

} // namespace gatehouse::app
