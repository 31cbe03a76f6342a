// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/intrusive/list.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace gatehouse::gateway::cache {

struct cached_response;
class cache_stats;

enum class eviction_kind { lru, tiny_lfu };
std::string_view to_string(eviction_kind);

// One stored object inside a shard. Internal to the store: the eviction
// policies link and relink it; the shard owns it.
struct store_node {
    boost::intrusive::list_member_hook<> hook;
    std::shared_ptr<const cached_response> entry;
    cache_stats* api_stats = nullptr;
    std::uint64_t hash = 0;
    std::size_t charge = 0;  // bytes counted against the budget
    std::uint8_t region = 0; // policy-private
};

using node_list = boost::intrusive::list<
    store_node, boost::intrusive::member_hook<store_node, boost::intrusive::list_member_hook<>,
                                              &store_node::hook>>;

// An eviction policy of ONE shard. Thread safety: none; every call happens
// under the owning shard's mutex.
class eviction_policy {
public:
    virtual ~eviction_policy() = default;
    // Every lookup, hit or miss: admission policies learn frequencies here.
    virtual void record_access(std::uint64_t hash) = 0;
    virtual void on_insert(store_node& n) = 0;
    virtual void on_hit(store_node& n) = 0;
    virtual void on_erase(store_node& n) = 0;
    // Called while the shard is over budget: the node to evict next (still
    // linked; the shard erases it), or nullptr when nothing is left.
    virtual store_node* next_victim() = 0;
};

std::unique_ptr<eviction_policy> make_eviction_policy(eviction_kind kind, std::size_t budget_bytes,
                                                      std::size_t expected_entries);

// Count-min sketch of 4 rows of saturating counters (max 15) with periodic
// halving ("aging", as in TinyLFU) and a doorkeeper Bloom filter that absorbs
// one-hit wonders before they reach the counters.
class frequency_sketch {
public:
    explicit frequency_sketch(std::size_t expected_entries);
    void increment(std::uint64_t hash);
    unsigned estimate(std::uint64_t hash) const;

private:
    void age();
    std::size_t index(std::uint64_t hash, unsigned row) const;

    std::size_t mask_ = 0;
    std::vector<std::uint8_t> counters_; // 4 rows of (mask_ + 1)
    std::vector<std::uint64_t> doorkeeper_;
    std::size_t additions_ = 0;
    std::size_t sample_size_ = 0;
};

} // namespace gatehouse::gateway::cache
