// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace gatehouse::app {

// The response cache's counters, of one API or of the whole cache.
// Cumulative since the cache store was (re)created: changing the budget or
// the eviction policy starts them again from zero.
struct CacheCounters {
    quint64 hits = 0;        // served fresh
    quint64 misses = 0;      // nothing usable stored
    quint64 stale = 0;       // served stale (max-stale, stale-while-revalidate, stale-if-error)
    quint64 revalidated = 0; // upstream asked to confirm a stored entry (304 or new 200)
    quint64 revalidatedNotModified = 0; // ... of which the upstream answered 304
    quint64 bypasses = 0;               // not cacheable by method, policy or request directive
    quint64 stores = 0;
    quint64 evictions = 0;
    quint64 purges = 0;
    qint64 objects = 0;
    qint64 bytes = 0;

    // Every request the cache saw, bypasses included.
    quint64 requests() const { return hits + misses + stale + revalidated + bypasses; }
    quint64 lookups() const { return hits + misses + stale + revalidated; }
    // Served without a full upstream response (fresh, stale or confirmed by
    // a 304) per lookup; 0 without lookups.
    double hitRatio() const
    {
        const quint64 n = lookups();
        return n ? double(hits + stale + revalidatedNotModified) / double(n) : 0.0;
    }
};

struct ApiCacheRow {
    // The API as the cache names it: the catalog API id in decimal, or the
    // route id for routes without one.
    QString apiKey;
    // A label for people: for now the id of the API's first route in the
    // applied configuration (the apiKey when unknown).
    QString name;
    CacheCounters counters;
};

enum class CacheEviction { Lru, TinyLfu };

struct CacheEventRow {
    enum class Kind { Stored, Evicted, Purged, Replaced };
    Kind kind = Kind::Stored;
    qint64 atMs = 0; // ms since the epoch
    quint32 bytes = 0;
    QString key; // the path of the stored URL (truncated)
};

// A plain copy of the cache's state, cheap to take once a second.
struct CacheSnapshot {
    CacheCounters total;
    QList<ApiCacheRow> apis; // sorted by apiKey
    quint64 budgetBytes = 0;
    CacheEviction eviction = CacheEviction::TinyLfu;
    quint64 bodyFiles = 0;             // descriptors held by bodies kept in files
    quint64 bodyFilesLimit = 0;        // how many they may hold
    QList<CacheEventRow> recentEvents; // oldest first
};

// The outcome of a purge or a settings change. `error` says why it was
// refused (machine-facing English; the console words its own messages).
struct CachePurgeResult {
    bool ok = false;
    quint64 purged = 0;
    QString error;
};

} // namespace gatehouse::app

Q_DECLARE_METATYPE(gatehouse::app::CacheSnapshot)
Q_DECLARE_METATYPE(gatehouse::app::CachePurgeResult)
