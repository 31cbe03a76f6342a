// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// GatewayController: the response cache (snapshot, purges, settings).
#include "app/gateway_controller.h"

#include "gateway/cache/cache_store.hpp"
#include "gateway/gateway_server.hpp"

#include <QPromise>

#include <chrono>
#include <memory>

namespace gatehouse::app {

namespace {

CacheCounters toCounters(const gateway::cache::cache_stats_snapshot& s)
{
    CacheCounters c;
    c.hits = s.hits;
    c.misses = s.misses;
    c.stale = s.stale_served;
    c.revalidated = s.revalidated_304 + s.revalidated_200;
    c.revalidatedNotModified = s.revalidated_304;
    c.bypasses = s.bypasses;
    c.stores = s.stores;
    c.evictions = s.evictions;
    c.purges = s.purges;
    c.objects = s.objects;
    c.bytes = s.bytes;
    return c;
}

CacheEventRow::Kind toKind(gateway::cache::cache_event::kind kind)
{
    using K = gateway::cache::cache_event::kind;
    switch (kind) {
    case K::stored:
        return CacheEventRow::Kind::Stored;
    case K::evicted:
        return CacheEventRow::Kind::Evicted;
    case K::purged:
        return CacheEventRow::Kind::Purged;
    case K::replaced:
        break;
    }
    return CacheEventRow::Kind::Replaced;
}

CachePurgeResult refused(const QString& why)
{
    CachePurgeResult r;
    r.error = why;
    return r;
}

CachePurgeResult purged(std::size_t n)
{
    CachePurgeResult r;
    r.ok = true;
    r.purged = n;
    return r;
}

// Runs `job` on `pool` and finishes the returned future there.
template <class Job>
QFuture<CachePurgeResult> runOn(QThreadPool& pool, Job job)
{
    auto promise = std::make_shared<QPromise<CachePurgeResult>>();
    QFuture<CachePurgeResult> future = promise->future();
    promise->start();
    pool.start([promise, job = std::move(job)]() mutable {
        promise->addResult(job());
        promise->finish();
    });
    return future;
}

} // namespace

CacheSnapshot GatewayController::cacheSnapshot(int recentEvents) const
{
    const gateway::cache_report report = m_server->cache_stats();
    CacheSnapshot out;
    out.total = toCounters(report.total);
    out.budgetBytes = report.budget_bytes;
    out.bodyFiles = report.body_files;
    out.bodyFilesLimit = report.body_files_limit;
    out.eviction = cacheEviction(report.eviction);
    out.apis.reserve(static_cast<qsizetype>(report.per_api.size()));
    {
        std::lock_guard lock(m_cacheNamesMutex);
        for (const auto& [key, stats] : report.per_api) {
            const auto name = m_cacheApiNames.find(key);
            const QString apiKey = QString::fromStdString(key);
            out.apis.append(
                {apiKey,
                 name == m_cacheApiNames.end() ? apiKey : QString::fromStdString(name->second),
                 toCounters(stats)});
        }
    }
    if (recentEvents > 0) {
        const auto events = m_server->recent_cache_events(static_cast<std::size_t>(recentEvents));
        out.recentEvents.reserve(static_cast<qsizetype>(events.size()));
        for (const auto& e : events) {
            CacheEventRow row;
            row.kind = toKind(e.what);
            row.atMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(e.at.time_since_epoch())
                    .count();
            row.bytes = e.bytes;
            row.key = QString::fromStdString(e.key);
            out.recentEvents.append(row);
        }
    }
    return out;
}

CachePurgeResult GatewayController::purgeCache(CachePurgeScope scope, const QString& value)
{
    const std::string text = value.toStdString();
    switch (scope) {
    case CachePurgeScope::Api:
        if (value.isEmpty())
            return refused(QStringLiteral("no API given"));
        return purged(m_server->purge_cache_api(text));
    case CachePurgeScope::PathPrefix:
        if (!value.startsWith(QLatin1Char('/')))
            return refused(QStringLiteral("a path prefix must start with '/'"));
        return purged(m_server->purge_cache_prefix(text));
    case CachePurgeScope::Tag:
        if (value.trimmed().isEmpty())
            return refused(QStringLiteral("no tag given"));
        return purged(m_server->purge_cache_tag(text));
    case CachePurgeScope::Url:
        if (!value.startsWith(QLatin1String("http://")) &&
            !value.startsWith(QLatin1String("https://")))
            return refused(QStringLiteral("a URL to purge must be absolute (http:// or https://)"));
        return purged(m_server->purge_cache_url(text));
    case CachePurgeScope::Everything:
        break;
    }
    return purged(m_server->flush_cache());
}

QFuture<CachePurgeResult> GatewayController::purgeCacheAsync(CachePurgeScope scope,
                                                             const QString& value)
{
    return runOn(m_cacheJobs, [this, scope, value] { return purgeCache(scope, value); });
}

CacheEviction GatewayController::cacheEviction(gateway::cache::eviction_kind kind)
{
    return kind == gateway::cache::eviction_kind::lru ? CacheEviction::Lru : CacheEviction::TinyLfu;
}

QFuture<CachePurgeResult> GatewayController::setCacheOptionsAsync(quint64 budgetBytes,
                                                                  CacheEviction eviction)
{
    if (budgetBytes < minCacheBudget) {
        return runOn(m_cacheJobs, [] {
            return refused(QStringLiteral("the cache budget must be at least 64 KiB"));
        });
    }
    const auto kind = eviction == CacheEviction::Lru ? gateway::cache::eviction_kind::lru
                                                     : gateway::cache::eviction_kind::tiny_lfu;
    // start() replaces the store when its options differ: keep them equal.
    m_options.cache_budget_bytes = static_cast<std::size_t>(budgetBytes);
    m_options.cache_eviction = kind;
    return runOn(m_cacheJobs, [server = m_server.get(), budgetBytes, kind] {
        const auto before = server->cache_stats().total.objects;
        const std::string error =
            server->set_cache_options(static_cast<std::size_t>(budgetBytes), kind);
        if (!error.empty())
            return refused(QString::fromStdString(error));
        return purged(static_cast<std::size_t>(std::max<qint64>(before, 0)));
    });
}

} // namespace gatehouse::app
