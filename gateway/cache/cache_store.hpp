// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_entry.hpp"
#include "gateway/cache/cache_key.hpp"
#include "gateway/cache/cache_stats.hpp"
#include "gateway/cache/eviction.hpp"
#include "gateway/cache/purge_history.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway::cache {

// The smallest share of the budget a shard gets, when the budget allows:
// a small budget is split into fewer shards (store_options::shards is the
// most).
inline constexpr std::size_t min_shard_bytes = 16u * 1024 * 1024;

struct store_options {
    std::size_t budget_bytes = 256u * 1024 * 1024;
    // Per-object limit of the store (the API policy may set a lower one).
    // Clamped to one shard's share of the budget (max_object_bytes()).
    std::size_t max_object_bytes = 64u * 1024 * 1024;
    unsigned shards = 16; // rounded up to a power of two
    eviction_kind policy = eviction_kind::tiny_lfu;
    // Sizes the frequency sketch: budget / this = expected number of objects.
    std::size_t expected_object_bytes = 16 * 1024;
    // Per-URL cap on stored variants (Vary on a high-cardinality header).
    std::size_t max_variants = 16;
    // Which bodies live in sealed memfds for sendfile hits (stored_body).
    body_file_limits files;
};

// For the console's "recently stored / evicted" list.
struct cache_event {
    enum class kind : std::uint8_t { stored, evicted, purged, replaced };
    kind what = kind::stored;
    sys_time at{};
    std::uint32_t bytes = 0;
    std::string key; // the URL part of the primary key, truncated
};

// superseded: a purge or an invalidation that covers the response came at
// or after it was requested (purge_history.hpp); it may predate what the
// purge was for.
enum class insert_result { stored, replaced, too_large, empty_key, superseded };

// The in-memory response store: N shards, each a mutex, a hash map from the
// primary key to its variants, and an eviction policy, with the byte budget
// split evenly between shards so the total is never exceeded (an object
// larger than a shard's share is refused).
//
// Thread safety: every public member may be called from any thread. Lookups
// lock one shard for a map probe, a Vary comparison and a list relink, and
// allocate nothing; entries removed by purge or eviction are released after
// the lock is dropped, so freeing a large body never stalls other workers.
class cache_store {
public:
    explicit cache_store(store_options options = {});
    ~cache_store();
    cache_store(const cache_store&) = delete;
    cache_store& operator=(const cache_store&) = delete;

    // The stored response this request selects (Vary, consumer), or nullptr.
    // Freshness is the caller's business (decide_serving). A consumer sees
    // shared entries and its own private-per-consumer entries, never another's.
    std::shared_ptr<const cached_response> lookup(const cache_key& key, std::string_view consumer,
                                                  const header_lookup& request_headers);

    // Stores (or replaces the variant with the same consumer and secondary
    // key), then evicts until the shard is within its budget. Refused when
    // a purge covering it came after its request_time.
    insert_result insert(std::shared_ptr<const cached_response> entry);
    // The number of purges so far: a request going upstream takes it along
    // (entry_inputs::purge_generation), and the purges counted after it
    // cover its response.
    std::uint64_t purge_generation() const
    {
        return purges_so_far_.load(std::memory_order_acquire);
    }
    // Whether insert() would refuse this response now as superseded: asked
    // when a miss's head is about to go out, so that its Cache-Status does
    // not announce a store that cannot happen. `probe` needs the key and
    // its hash, the API, the purge generation and the tags; a purge that
    // comes later, while the body is on its way, is still caught by insert().
    bool superseded(const cached_response& probe) const;

    // Purges; each returns the number of entries removed, and also covers
    // responses requested before it that arrive later (not stored).
    std::size_t purge_key(std::string_view primary_key); // every variant and consumer
    std::size_t purge_api(std::string_view api_id);
    std::size_t purge_prefix(std::string_view path_prefix, std::string_view host = {});
    std::size_t purge_tag(std::string_view tag);
    std::size_t flush();

    // Counters. stats_for() returns a pointer that stays valid for the
    // store's lifetime: resolve it once per API (e.g. when compiling the
    // configuration) and pass it to count() on the hot path.
    cache_stats* stats_for(std::string_view api_id);
    void count(cache_stats* api, cache_counter what, std::uint64_t n = 1);
    cache_stats_snapshot totals() const { return total_.snapshot(); }
    std::map<std::string, cache_stats_snapshot, std::less<>> per_api() const;

    // The most recent events, oldest first (at most `limit`).
    std::vector<cache_event> recent_events(std::size_t limit = 100) const;

    std::size_t budget_bytes() const { return options_.budget_bytes; }
    std::size_t shard_count() const { return shard_mask_ + 1; }
    std::size_t max_object_bytes() const { return max_object_; }
    eviction_kind policy() const { return options_.policy; }
    // Where entries built for this store put large bodies (entry_inputs).
    const std::shared_ptr<cache::body_file_budget>& body_files() const { return files_; }

private:
    struct shard;

    shard& shard_for(std::uint64_t hash) const;
    std::size_t purge_if(broad_purge_history::predicate pred);
    std::uint64_t next_purge_generation()
    {
        return purges_so_far_.fetch_add(1, std::memory_order_acq_rel) + 1;
    }

    store_options options_;
    std::size_t max_object_ = 0;
    std::unique_ptr<shard[]> shards_;
    std::size_t shard_mask_ = 0;
    std::shared_ptr<cache::body_file_budget> files_;
    broad_purge_history broad_purges_;
    std::atomic<std::uint64_t> purges_so_far_{0};

    cache_stats total_;
    mutable std::mutex stats_mutex_;
    std::map<std::string, std::unique_ptr<cache_stats>, std::less<>> api_stats_;
};

} // namespace gatehouse::gateway::cache
