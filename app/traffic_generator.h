// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::gateway {
class demo_origin;
class load_generator;
struct load_settings;
struct load_stats;
} // namespace gatehouse::gateway

namespace gatehouse::app {

// One URL set of the demo workspace and its share of the traffic.
struct TrafficMixEntry {
    QString name; // one of TrafficGenerator::urlSetNames()
    double weight = 0.0;
    friend bool operator==(const TrafficMixEntry&, const TrafficMixEntry&) = default;
};
using TrafficMix = QList<TrafficMixEntry>;

// One poll of the generator. Totals count from start(); rates and latency
// percentiles cover the interval since the previous poll.
struct TrafficStats {
    qint64 timestampMs = 0; // QDateTime::currentMSecsSinceEpoch() at the poll
    double intervalSeconds = 0.0;
    bool running = false;

    quint64 sent = 0;
    quint64 completed = 0;
    std::array<quint64, 6> statusClasses{}; // [1] = 1xx ... [5] = 5xx; [0] other
    quint64 connectErrors = 0;
    quint64 ioErrors = 0;
    quint64 connectionsOpened = 0;
    quint64 bytesSent = 0;
    quint64 bytesReceived = 0;
    double elapsedSeconds = 0.0;

    double targetRate = 0.0;        // requests/s asked for; 0 = as fast as possible
    double requestsPerSecond = 0.0; // responses completed per second
    double errorsPerSecond = 0.0;   // connect and I/O errors per second
    double serverErrorShare = 0.0;  // 5xx among the interval's responses, 0..1
    double bytesReceivedPerSecond = 0.0;
    double latencyP50Ms = 0.0;
    double latencyP90Ms = 0.0;
    double latencyP99Ms = 0.0;

    quint64 errors() const { return connectErrors + ioErrors; }
    quint64 statusClass(int hundreds) const
    {
        return hundreds >= 1 && hundreds <= 5 ? statusClasses[static_cast<std::size_t>(hundreds)]
                                              : 0;
    }
};

// Demo traffic for the console: real HTTP requests through the real gateway
// on 127.0.0.1, sent from the load generator's own thread, plus the error
// injection and extra latency knobs of the in-process demo origin.
//
// Lives on (and must be used from) the thread that created it, normally the
// GUI thread. Nothing blocks it: setters hand new settings to the generator
// under a short lock, stats are relaxed atomic loads on a timer, and stop()
// cancels and joins within milliseconds.
class TrafficGenerator : public QObject {
    Q_OBJECT
    Q_PROPERTY(double targetRate READ targetRate WRITE setTargetRate NOTIFY settingsChanged)
    Q_PROPERTY(int concurrency READ concurrency WRITE setConcurrency NOTIFY settingsChanged)
    Q_PROPERTY(double zipfAlpha READ zipfAlpha WRITE setZipfAlpha NOTIFY settingsChanged)
    Q_PROPERTY(gatehouse::app::TrafficMix mix READ mix WRITE setMix NOTIFY settingsChanged)
    Q_PROPERTY(QString apiKey READ apiKey WRITE setApiKey NOTIFY settingsChanged)
    Q_PROPERTY(double errorRate READ errorRate WRITE setErrorRate NOTIFY settingsChanged)
    Q_PROPERTY(int upstreamLatencyMs READ upstreamLatencyMs WRITE setUpstreamLatencyMs NOTIFY
                   settingsChanged)
    Q_PROPERTY(int statsInterval READ statsInterval WRITE setStatsInterval)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)

public:
    static constexpr double defaultRate = 200.0;
    static constexpr int defaultConcurrency = 16;
    static constexpr double defaultZipfAlpha = 1.0;
    static constexpr double maxRate = 100000.0;
    static constexpr int maxConcurrency = 256;
    static constexpr double maxZipfAlpha = 3.0;
    static constexpr int maxUpstreamLatencyMs = 10000;

    explicit TrafficGenerator(QObject* parent = nullptr);
    ~TrafficGenerator() override; // stops if still running

    // The URL sets a mix can name: the open demo routes, then the APIs of
    // the demo catalog (DemoCatalog).
    static QStringList urlSetNames();
    // "products" (/shop/1../shop/200), "weather" (/weather/{city}[/forecast])
    // and "echo" (/echo): the demo workspace's own routes, open to anyone.
    static QStringList openUrlSetNames();
    // "products-v2" (/v2/products/{id}, /v2/products/search?q=),
    // "products-v1" (/v1/products/{id}, deprecated), "weather-v1"
    // (/v1/weather/{city}[/forecast]), "echo-v1" (/v1/echo/{word}, open) and
    // "inventory" (/v1/inventory/items, a draft): they need the demo
    // traffic key (setApiKey) except the open Echo, and the draft answers
    // only its own team's keys (Storefront; the demo key is Platform's), so
    // its share shows the gateway refusing with 403.
    static QStringList catalogUrlSetNames();
    static std::vector<std::string> urlSetTargets(const QString& name); // most popular first
    static TrafficMix defaultMix();     // products 60, weather 30, echo 10
    static TrafficMix demoCatalogMix(); // every catalog API; the draft's share small

    double targetRate() const { return m_rate; }
    int concurrency() const { return m_concurrency; }
    double zipfAlpha() const { return m_zipfAlpha; }
    TrafficMix mix() const { return m_mix; }
    QString apiKey() const { return m_apiKey; }
    double errorRate() const { return m_errorRate; }
    int upstreamLatencyMs() const { return m_upstreamLatencyMs; }
    int statsInterval() const { return m_statsInterval; }
    bool running() const { return m_running; }
    quint16 port() const { return m_port; } // while running
    QString lastError() const { return m_lastError; }
    TrafficStats lastStats() const { return m_lastStats; }

    // The in-process demo origin whose error rate and latency the knobs
    // drive; not owned, must outlive this object or be detached (nullptr).
    // The current knob values are applied to it at once.
    void setDemoOrigin(gateway::demo_origin* origin);
    gateway::demo_origin* demoOrigin() const { return m_origin; }

public slots:
    // Values out of range are clamped; each applies at once while running.
    void setTargetRate(double requestsPerSecond); // 0 = as fast as possible
    void setConcurrency(int connections);
    void setZipfAlpha(double alpha); // 0 = uniform
    // Refused (errorOccurred, previous mix kept) when a name is unknown or no
    // weight is positive.
    bool setMix(const gatehouse::app::TrafficMix& mix);
    void setApiKey(const QString& key); // sent as X-Api-Key when not empty
    void setErrorRate(double fraction); // 0..1 of origin responses become 500
    void setUpstreamLatencyMs(int ms);
    void setStatsInterval(int ms); // default 500

    // Sends to 127.0.0.1:port (the gateway's listener). False with
    // errorOccurred when it cannot start.
    bool start(quint16 port);
    void stop();      // idempotent
    void pollStats(); // now, instead of waiting for the timer

signals:
    void settingsChanged();
    void runningChanged(bool running);
    void statsUpdated(const gatehouse::app::TrafficStats& stats);
    void errorOccurred(const QString& message);

private:
    gateway::load_settings makeSettings() const;
    void applySettings();
    void applyOriginKnobs();
    void fail(const QString& message);
    void setRunning(bool running);
    void publishStats(const TrafficStats& stats, bool running);

    std::unique_ptr<gateway::load_generator> m_generator;
    std::unique_ptr<gateway::load_stats> m_previous;
    gateway::demo_origin* m_origin = nullptr;
    double m_rate = defaultRate;
    int m_concurrency = defaultConcurrency;
    double m_zipfAlpha = defaultZipfAlpha;
    TrafficMix m_mix;
    QString m_apiKey;
    double m_errorRate = 0.0;
    int m_upstreamLatencyMs = 0;
    int m_statsInterval = 500;
    bool m_running = false;
    quint16 m_port = 0;
    QString m_lastError;
    TrafficStats m_lastStats;
    QTimer m_statsTimer;
    QElapsedTimer m_sincePrevious;
};

} // namespace gatehouse::app

Q_DECLARE_METATYPE(gatehouse::app::TrafficMixEntry)
Q_DECLARE_METATYPE(gatehouse::app::TrafficStats)
