// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gatehouse::gateway::cache {

enum class cache_counter : std::uint8_t {
    hits,            // served from a fresh entry (including 304s to the client)
    misses,          // nothing usable stored: went upstream
    stale_served,    // served stale: max-stale, stale-while-revalidate, stale-if-error
    revalidated_304, // upstream confirmed a stored entry (freshened)
    revalidated_200, // a revalidation brought a new representation
    bypasses,        // not cacheable by method, policy or request directive
    stores,          // entries written
    evictions,       // entries removed to stay within the byte budget
    purges,          // entries removed by purge / flush / invalidation
    count_
};

// A plain copy of the counters: cheap to take while traffic flows, and the
// UI computes rates from the deltas of two snapshots.
struct cache_stats_snapshot {
    std::uint64_t hits = 0, misses = 0, stale_served = 0, revalidated_304 = 0, revalidated_200 = 0,
                  bypasses = 0, stores = 0, evictions = 0, purges = 0;
    std::int64_t objects = 0;
    std::int64_t bytes = 0;

    double hit_ratio() const
    {
        const auto lookups = hits + stale_served + revalidated_304 + misses + revalidated_200;
        return lookups ? double(hits + stale_served + revalidated_304) / double(lookups) : 0.0;
    }
};

// Counters of one API (or of the whole cache). Thread safety: every member
// is a relaxed atomic; any thread may count, any thread may snapshot. A
// snapshot is not a consistent cut across counters, which rates do not need.
class alignas(64) cache_stats {
public:
    void add(cache_counter c, std::uint64_t n = 1)
    {
        counters_[static_cast<std::size_t>(c)].fetch_add(n, std::memory_order_relaxed);
    }
    void add_object(std::int64_t objects, std::int64_t bytes)
    {
        objects_.fetch_add(objects, std::memory_order_relaxed);
        bytes_.fetch_add(bytes, std::memory_order_relaxed);
    }
    cache_stats_snapshot snapshot() const
    {
        auto get = [&](cache_counter c) {
            return counters_[static_cast<std::size_t>(c)].load(std::memory_order_relaxed);
        };
        cache_stats_snapshot s;
        s.hits = get(cache_counter::hits);
        s.misses = get(cache_counter::misses);
        s.stale_served = get(cache_counter::stale_served);
        s.revalidated_304 = get(cache_counter::revalidated_304);
        s.revalidated_200 = get(cache_counter::revalidated_200);
        s.bypasses = get(cache_counter::bypasses);
        s.stores = get(cache_counter::stores);
        s.evictions = get(cache_counter::evictions);
        s.purges = get(cache_counter::purges);
        s.objects = objects_.load(std::memory_order_relaxed);
        s.bytes = bytes_.load(std::memory_order_relaxed);
        return s;
    }

private:
    std::array<std::atomic<std::uint64_t>, static_cast<std::size_t>(cache_counter::count_)>
        counters_{};
    std::atomic<std::int64_t> objects_{0};
    std::atomic<std::int64_t> bytes_{0};
};

} // namespace gatehouse::gateway::cache
