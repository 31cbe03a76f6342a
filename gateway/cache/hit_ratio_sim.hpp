// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/eviction.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gatehouse::gateway::cache {

// Replays synthetic traces through a real cache_store to compare eviction
// policies (the benchmark, the tests, and later the console's "what if" view).
// Thread safety: pure functions; each replay owns its store.

struct trace_options {
    std::size_t keys = 20000;        // working set
    double alpha = 0.8;              // Zipf exponent
    std::size_t requests = 400000;   // Zipf requests
    std::size_t scan_length = 20000; // one-off scan of never-repeated keys (0: none)
    double scan_at = 0.5;            // where in the trace the scan starts (fraction)
    std::uint64_t seed = 42;
};

// Object ids: Zipf ranks are mapped to ids 0..keys-1 in a random order; scan
// ids are keys, keys+1, ...
std::vector<std::uint64_t> make_zipf_trace(const trace_options& options);

struct replay_result {
    std::uint64_t lookups = 0;
    std::uint64_t hits = 0;
    std::uint64_t evictions = 0;
    std::size_t peak_bytes = 0; // highest total charge seen after an insert
    std::size_t budget_bytes = 0;
    std::size_t shards = 0; // as the store split that budget
    double hit_ratio() const { return lookups ? double(hits) / double(lookups) : 0.0; }
};

struct replay_options {
    eviction_kind policy = eviction_kind::tiny_lfu;
    std::size_t budget_bytes = 0; // 0: budget_fraction of the working set
    double budget_fraction = 0.10;
    std::size_t object_body_bytes = 1024;
    std::size_t working_set_keys = 20000; // for budget_fraction
    unsigned shards = 4;
};

replay_result replay_trace(const std::vector<std::uint64_t>& trace, const replay_options& options);

} // namespace gatehouse::gateway::cache
