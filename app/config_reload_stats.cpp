// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_reload_stats.h"

#include <QDateTime>

namespace gatehouse::app {

void ConfigReloadStats::recordLoaded(qint64 atMs)
{
    m_lastLoadedMs.store(atMs, std::memory_order_relaxed);
    m_lastSucceeded.store(true, std::memory_order_relaxed);
}

void ConfigReloadStats::recordApplied(qint64 atMs)
{
    m_applied.fetch_add(1, std::memory_order_relaxed);
    recordLoaded(atMs);
}

void ConfigReloadStats::recordRefused(qint64 atMs)
{
    m_refused.fetch_add(1, std::memory_order_relaxed);
    m_lastRefusedMs.store(atMs, std::memory_order_relaxed);
    m_lastSucceeded.store(false, std::memory_order_relaxed);
}

QByteArray ConfigReloadStats::prometheusText() const
{
    QByteArray out;
    out += "# HELP gatehouse_config_reloads_total Configuration reloads (SIGHUP), applied "
           "(success) or refused (failure).\n"
           "# TYPE gatehouse_config_reloads_total counter\n";
    out += "gatehouse_config_reloads_total{result=\"success\"} " + QByteArray::number(applied()) +
           '\n';
    out += "gatehouse_config_reloads_total{result=\"failure\"} " + QByteArray::number(refused()) +
           '\n';
    out += "# HELP gatehouse_config_last_reload_successful Whether the last reload was applied "
           "(1) or refused (0); 1 before any.\n"
           "# TYPE gatehouse_config_last_reload_successful gauge\n";
    out +=
        "gatehouse_config_last_reload_successful " + QByteArray(lastSucceeded() ? "1" : "0") + '\n';
    out += "# HELP gatehouse_config_last_reload_success_timestamp_seconds When the "
           "configuration in use was loaded, at start or by a reload (Unix time).\n"
           "# TYPE gatehouse_config_last_reload_success_timestamp_seconds gauge\n";
    out += "gatehouse_config_last_reload_success_timestamp_seconds " +
           QByteArray::number(static_cast<double>(lastLoadedMs()) / 1000.0, 'f', 3) + '\n';
    return out;
}

QJsonObject ConfigReloadStats::json() const
{
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    QJsonObject o{{QStringLiteral("reloadsApplied"), static_cast<qint64>(applied())},
                  {QStringLiteral("reloadsRefused"), static_cast<qint64>(refused())},
                  {QStringLiteral("lastReloadSuccessful"), lastSucceeded()}};
    if (lastLoadedMs() > 0)
        o.insert(QStringLiteral("lastLoadedAt"), iso(lastLoadedMs()));
    if (lastRefusedMs() > 0)
        o.insert(QStringLiteral("lastRefusedAt"), iso(lastRefusedMs()));
    return o;
}

} // namespace gatehouse::app
