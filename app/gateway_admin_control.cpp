// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_admin_control.h"

#include "app/config_reload_stats.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_service.h"

#include <QJsonArray>
#include <QStringList>

namespace gatehouse::app {

namespace {

using Scope = GatewayController::CachePurgeScope;

QJsonObject countersJson(const CacheCounters& c)
{
    return {{QStringLiteral("requests"), qint64(c.requests())},
            {QStringLiteral("hits"), qint64(c.hits)},
            {QStringLiteral("misses"), qint64(c.misses)},
            {QStringLiteral("stale"), qint64(c.stale)},
            {QStringLiteral("revalidated"), qint64(c.revalidated)},
            {QStringLiteral("bypasses"), qint64(c.bypasses)},
            {QStringLiteral("stores"), qint64(c.stores)},
            {QStringLiteral("evictions"), qint64(c.evictions)},
            {QStringLiteral("purges"), qint64(c.purges)},
            {QStringLiteral("objects"), c.objects},
            {QStringLiteral("bytes"), c.bytes},
            {QStringLiteral("hitRatio"), c.hitRatio()}};
}

QJsonObject gatewayJson(const gateway::stats_snapshot& s)
{
    QJsonObject classes;
    for (int i = 1; i <= 5; ++i)
        classes.insert(QStringLiteral("%1xx").arg(i),
                       qint64(s.status_classes[static_cast<std::size_t>(i)]));
    return {{QStringLiteral("requests"), qint64(s.requests)},
            {QStringLiteral("activeConnections"), qint64(s.active_connections)},
            {QStringLiteral("acceptedConnections"), qint64(s.accepted_connections)},
            {QStringLiteral("statusClasses"), classes},
            {QStringLiteral("bytesIn"), qint64(s.bytes_in)},
            {QStringLiteral("bytesOut"), qint64(s.bytes_out)},
            {QStringLiteral("upstreamErrors"), qint64(s.upstream_errors)},
            {QStringLiteral("refusedConnections"),
             QJsonObject{{QStringLiteral("tlsHandshake"), qint64(s.failed_tls_handshakes)},
                         {QStringLiteral("proxyHeader"), qint64(s.refused_proxy_headers)}}},
            {QStringLiteral("configGeneration"), qint64(s.config_generation)},
            {QStringLiteral("droppedCallRecords"), qint64(s.dropped_call_records)}};
}

} // namespace

GatewayAdminControl::GatewayAdminControl(GatewayController* controller, TelemetryService* telemetry)
    : m_controller(controller)
    , m_telemetry(telemetry)
{
}

void GatewayAdminControl::wire(AdminApi::Options& options)
{
    options.control = this;
    options.metricsText = [this] {
        return metricsText();
    };
}

std::optional<QJsonObject> GatewayAdminControl::purgeCache(const QJsonObject& request,
                                                           QString* error)
{
    // Exactly one selector, or none for everything.
    static const QStringList selectors{QStringLiteral("apiId"), QStringLiteral("pathPrefix"),
                                       QStringLiteral("tag"), QStringLiteral("url")};
    QStringList given;
    for (const QString& key : selectors) {
        if (request.contains(key))
            given.append(key);
    }
    if (given.size() > 1) {
        if (error)
            *error = QStringLiteral("give at most one of apiId, pathPrefix, tag and url (got %1)")
                         .arg(given.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    Scope scope = Scope::Everything;
    QString value;
    QString scopeName = QStringLiteral("everything");
    if (!given.isEmpty()) {
        scopeName = given.first();
        const QJsonValue v = request.value(scopeName);
        if (scopeName == QLatin1String("apiId")) {
            scope = Scope::Api;
            value = QString::number(v.toInteger());
        } else {
            scope = scopeName == QLatin1String("pathPrefix") ? Scope::PathPrefix
                    : scopeName == QLatin1String("tag")      ? Scope::Tag
                                                             : Scope::Url;
            value = v.toString();
        }
    }
    const CachePurgeResult result = m_controller->purgeCache(scope, value);
    if (!result.ok) {
        if (error)
            *error = result.error;
        return std::nullopt;
    }
    QJsonObject out{{QStringLiteral("purged"), qint64(result.purged)},
                    {QStringLiteral("scope"), scopeName}};
    if (!value.isEmpty())
        out.insert(scopeName, request.value(scopeName));
    return out;
}

QJsonObject GatewayAdminControl::stats()
{
    const CacheSnapshot cache = m_controller->cacheSnapshot(0);
    QJsonObject cacheJson = countersJson(cache.total);
    cacheJson.insert(QStringLiteral("budgetBytes"), qint64(cache.budgetBytes));
    cacheJson.insert(QStringLiteral("eviction"), cache.eviction == CacheEviction::Lru
                                                     ? QStringLiteral("lru")
                                                     : QStringLiteral("tiny_lfu"));
    QJsonArray apis;
    for (const ApiCacheRow& row : cache.apis) {
        QJsonObject api = countersJson(row.counters);
        api.insert(QStringLiteral("api"), row.apiKey);
        api.insert(QStringLiteral("name"), row.name);
        apis.append(api);
    }
    cacheJson.insert(QStringLiteral("apis"), apis);
    QJsonObject result{{QStringLiteral("gateway"), gatewayJson(m_controller->gatewayStats())},
                       {QStringLiteral("cache"), cacheJson}};
    if (m_reloads)
        result.insert(QStringLiteral("config"), m_reloads->json());
    return result;
}

QByteArray GatewayAdminControl::metricsText() const
{
    const CacheMetrics cache = cacheMetrics(m_controller->cacheSnapshot(0));
    QByteArray text = m_telemetry ? m_telemetry->prometheusText(cache)
                                  : PrometheusText::format(m_controller->gatewayStats(),
                                                           TelemetryMetrics{}, cache);
    if (m_reloads)
        text += m_reloads->prometheusText();
    return text;
}

CacheMetrics GatewayAdminControl::cacheMetrics(const CacheSnapshot& cache)
{
    CacheMetrics m;
    m.objects = static_cast<quint64>(std::max<qint64>(cache.total.objects, 0));
    m.bytes = static_cast<quint64>(std::max<qint64>(cache.total.bytes, 0));
    m.capacityBytes = cache.budgetBytes;
    m.evictions = cache.total.evictions;
    m.bodyFiles = cache.bodyFiles;
    m.bodyFilesLimit = cache.bodyFilesLimit;
    return m;
}

} // namespace gatehouse::app
