// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_snapshot.h"
#include "app/gateway_stats_sample.h"
#include "gateway/call_record.hpp"
#include "gateway/config_snapshot.hpp"
#include "gateway/gateway_options.hpp"
#include "gateway/gateway_stats.hpp"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gatehouse::gateway {
class gateway_server;
}

namespace gatehouse::app {

// The control plane's handle on the embedded gateway: start/stop, config
// swaps and a periodic stats poll. Lives on (and must be used from) the thread
// that created it, normally the GUI thread. Nothing here blocks that thread
// for long: start() only binds, stop() drains on a worker thread.
//
// While a stop is under way the gateway holds its lifecycle lock (which
// stats(), port() and listen_address() also take) for the whole drain, so
// the controller answers from cached values then and does not poll.
class GatewayController : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QUrl listenUrl READ listenUrl NOTIFY stateChanged)
    Q_PROPERTY(int statsInterval READ statsInterval WRITE setStatsInterval)

public:
    enum class State { Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit GatewayController(QObject* parent = nullptr);
    ~GatewayController() override; // stops (blocking, short drain) if still running

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    // What the last applyConfig() took in spite of, e.g. an upstream host
    // name that does not resolve (the gateway keeps trying it). Names are
    // looked up after applyConfig() returns: see applyWarningsChanged().
    QStringList applyWarnings() const { return m_applyWarnings; }
    QUrl listenUrl() const { return m_listenUrl; } // empty unless Running or Stopping
    quint16 port() const { return m_port; }        // the bound port; 0 when stopped

    // The options start() without arguments uses; start(options) replaces them.
    gateway::gateway_options options() const { return m_options; }
    void setOptions(const gateway::gateway_options& options) { m_options = options; }

    // How long stop() lets in-flight requests finish (default 5 s).
    std::chrono::milliseconds drainTimeout() const { return m_drainTimeout; }
    void setDrainTimeout(std::chrono::milliseconds timeout) { m_drainTimeout = timeout; }

    // Stats poll period in ms (default 500); 0 turns polling off.
    int statsInterval() const { return m_statsInterval; }
    void setStatsInterval(int ms);

    GatewayStatsSample lastSample() const { return m_lastSample; }
    // The configuration the gateway routes with (as last applied, kept
    // across restarts); none before the first applyConfig().
    const std::optional<gateway::config_snapshot>& appliedConfig() const { return m_applied; }

    // The gateway's call-record rings, for the telemetry writer. Unlike the
    // rest of this class these may be called from any thread (the gateway's
    // own guarantees); the rings outlive start/stop cycles, so one writer can
    // stay attached across restarts. See gateway_server for the contracts.
    std::size_t drainCallRecords(std::vector<gateway::call_record>& out, std::size_t max);
    void setCallRecordsHook(std::function<void()> hook);
    void setCallRecording(bool enabled);
    // Off: the gateway captures no call records (GATEHOUSE_CALL_LOG=off or
    // setCallRecording(false)), so none are stored or dropped.
    bool callRecording() const { return m_callRecording.load(std::memory_order_relaxed); }
    quint64 droppedCallRecords() const;
    // The gateway's raw counters (any thread; waits while a stop drains),
    // e.g. for the Prometheus text.
    gateway::stats_snapshot gatewayStats() const;

    // ---- the response cache (whether or not the gateway runs) ----
    // The synchronous calls may be made from any thread (the admin API calls
    // them on its own) and never wait for a stop's drain. A purge of a large
    // cache frees its memory on the calling thread: the GUI uses the
    // asynchronous variants, which run on the controller's own cache worker
    // and finish their future there.
    enum class CachePurgeScope { Api, PathPrefix, Tag, Url, Everything };
    // Cheap: relaxed counter loads plus up to `recentEvents` recent events
    // (each cache shard is locked briefly in turn).
    CacheSnapshot cacheSnapshot(int recentEvents = 100) const;
    // `value`: the API key (see ApiCacheRow), a path prefix starting with
    // '/', a tag, or an absolute http(s) URL; ignored for Everything.
    CachePurgeResult purgeCache(CachePurgeScope scope, const QString& value = {});
    QFuture<CachePurgeResult> purgeCacheAsync(CachePurgeScope scope, const QString& value = {});
    // Replaces the cache with an empty one of this budget (at least
    // minCacheBudget) and eviction policy; counters start from zero and
    // `purged` tells how many objects were dropped. Also becomes part of
    // options(), so a restart keeps it. On the controller's thread only.
    QFuture<CachePurgeResult> setCacheOptionsAsync(quint64 budgetBytes, CacheEviction eviction);
    // The gateway's eviction policy as the control plane names it.
    static CacheEviction cacheEviction(gateway::cache::eviction_kind kind);
    static constexpr quint64 minCacheBudget = 64 * 1024;

    // Replaces the gateway's host-name lookups (see
    // gateway_server::set_host_resolver), e.g. with a slow one in tests.
    // Lookups never run on this thread: applyConfig() returns at once and
    // targets named by host name report the problem "looking up 'h'" (in
    // lastSample()) until theirs is in.
    using HostResolver = std::function<std::vector<std::string>(
        const std::string& host, std::uint16_t port, std::string& error)>;
    void setHostResolver(HostResolver resolver);

    // How often upstream host names are looked up again (the snapshot's
    // dns_refresh_interval): 0 = only when a configuration is applied,
    // otherwise from minDnsRefreshInterval to maxDnsRefreshInterval. Once
    // set, it overrides what every configuration applied from then on says
    // (the catalog's compiled ones, a --config file's `dns.refresh_interval`)
    // and is applied to the running one at once. Unset, the applied
    // configuration's own value stands (30 s by default), and
    // dnsRefreshInterval() reports it. An invalid value is refused
    // (errorOccurred) and changes nothing.
    static constexpr std::chrono::milliseconds minDnsRefreshInterval{1000};
    static constexpr std::chrono::milliseconds maxDnsRefreshInterval{24 * 3600 * 1000};
    static bool isValidDnsRefreshInterval(std::chrono::milliseconds interval);
    bool setDnsRefreshInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds dnsRefreshInterval() const;

    // A running HTTPS gateway loads its certificate chain and key again
    // (gateway_server::reload_listener_tls) for the connections it accepts
    // from now on. Empty on success, and the file names become part of
    // options(); otherwise why, and the certificate in use stays.
    QString reloadListenerTls(const std::string& certificateFile, const std::string& keyFile);

    // Blocks until the gateway has stopped (drain up to `drain`). For
    // shut-down and tests only; the GUI uses stop().
    void stopAndWait(std::chrono::milliseconds drain);

public slots:
    bool start();
    bool start(const gateway::gateway_options& options);
    // Asynchronous: returns at once; state goes Stopping, then Stopped.
    void stop();
    // Validated by the gateway; on failure the running configuration stays.
    // May be called in any state; the gateway keeps it across restarts.
    bool applyConfig(const gateway::config_snapshot& snapshot);
    // Polls now instead of waiting for the timer (only while Running).
    void pollStats();

signals:
    void stateChanged(gatehouse::app::GatewayController::State state);
    void errorOccurred(const QString& message);
    void configApplied();
    // applyWarnings() changed after the gateway's lookups of upstream host
    // names came in (e.g. a name that does not resolve), with no apply.
    void applyWarningsChanged(const QStringList& warnings);
    void statsUpdated(const gatehouse::app::GatewayStatsSample& sample);

private:
    void refreshApplyWarnings();
    void setState(State state);
    void fail(const QString& message);
    void finishStop();
    void joinStopThread();
    void resetBaseline();
    void takeSample();

    std::unique_ptr<gateway::gateway_server> m_server;
    gateway::gateway_options m_options;
    State m_state = State::Stopped;
    QString m_lastError;
    QStringList m_applyWarnings;
    // The last configuration the gateway took, as applied (with the
    // override below), so a new refresh interval can be applied to it.
    std::optional<gateway::config_snapshot> m_applied;
    std::optional<std::chrono::milliseconds> m_dnsRefreshInterval;
    QUrl m_listenUrl;
    quint16 m_port = 0;
    std::chrono::milliseconds m_drainTimeout{5000};
    std::thread m_stopThread;

    QTimer m_statsTimer;
    int m_statsInterval = 500;
    QElapsedTimer m_sinceLastSample;
    GatewayStatsSample m_lastSample;
    // One thread for purges and store swaps, so they run in order; declared
    // after m_server so it is joined before the server goes away.
    QThreadPool m_cacheJobs;
    // Cache API key -> label, from the last applied configuration; read by
    // cacheSnapshot() on any thread.
    mutable std::mutex m_cacheNamesMutex;
    std::map<std::string, std::string, std::less<>> m_cacheApiNames;
    // Upstream name -> the one API whose routes use it (0: several or none),
    // from the last applied configuration; labels the health rows.
    std::map<std::string, quint64, std::less<>> m_upstreamApis;
    std::atomic<bool> m_callRecording{true};
};

} // namespace gatehouse::app
