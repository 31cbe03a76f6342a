// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <atomic>

namespace gatehouse::app {

// How the headless gateway's configuration reloads (SIGHUP) went, for
// /metrics and /v1/stats, as Prometheus and Traefik report theirs:
// reloads applied and refused, whether the last one was applied, and when
// the configuration was last loaded (at start, then by each applied
// reload). Written on the runner's thread, read from the admin API's.
class ConfigReloadStats {
public:
    void recordLoaded(qint64 atMs); // at start: the configuration in use
    void recordApplied(qint64 atMs);
    void recordRefused(qint64 atMs);

    quint64 applied() const { return m_applied.load(std::memory_order_relaxed); }
    quint64 refused() const { return m_refused.load(std::memory_order_relaxed); }
    bool lastSucceeded() const { return m_lastSucceeded.load(std::memory_order_relaxed); }
    qint64 lastLoadedMs() const { return m_lastLoadedMs.load(std::memory_order_relaxed); }
    qint64 lastRefusedMs() const { return m_lastRefusedMs.load(std::memory_order_relaxed); }

    // Prometheus text exposition format 0.0.4: gatehouse_config_reloads_total
    // {result="success"|"failure"}, gatehouse_config_last_reload_successful
    // and gatehouse_config_last_reload_success_timestamp_seconds.
    QByteArray prometheusText() const;
    // {"reloadsApplied", "reloadsRefused", "lastReloadSuccessful",
    //  "lastLoadedAt", "lastRefusedAt"} (ISO 8601 UTC; absent when never).
    QJsonObject json() const;

private:
    std::atomic<quint64> m_applied{0};
    std::atomic<quint64> m_refused{0};
    std::atomic<bool> m_lastSucceeded{true};
    std::atomic<qint64> m_lastLoadedMs{0};
    std::atomic<qint64> m_lastRefusedMs{0};
};

} // namespace gatehouse::app
