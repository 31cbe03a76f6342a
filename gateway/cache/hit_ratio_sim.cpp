// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/hit_ratio_sim.hpp"

#include "gateway/cache/cache_store.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

namespace gatehouse::gateway::cache {

std::vector<std::uint64_t> make_zipf_trace(const trace_options& o)
{
    std::mt19937_64 rng(o.seed);
    std::vector<double> cdf(o.keys);
    double sum = 0;
    for (std::size_t r = 0; r < o.keys; ++r) {
        sum += 1.0 / std::pow(double(r + 1), o.alpha);
        cdf[r] = sum;
    }
    std::vector<std::uint64_t> id_of_rank(o.keys);
    std::iota(id_of_rank.begin(), id_of_rank.end(), 0);
    std::shuffle(id_of_rank.begin(), id_of_rank.end(), rng);
    std::uniform_real_distribution<double> uniform(0.0, sum);

    std::vector<std::uint64_t> trace;
    trace.reserve(o.requests + o.scan_length);
    const auto scan_pos = static_cast<std::size_t>(double(o.requests) * o.scan_at);
    for (std::size_t i = 0; i < o.requests; ++i) {
        if (i == scan_pos)
            for (std::size_t s = 0; s < o.scan_length; ++s)
                trace.push_back(o.keys + s);
        const auto rank =
            std::size_t(std::lower_bound(cdf.begin(), cdf.end(), uniform(rng)) - cdf.begin());
        trace.push_back(id_of_rank[std::min(rank, o.keys - 1)]);
    }
    return trace;
}

replay_result replay_trace(const std::vector<std::uint64_t>& trace, const replay_options& o)
{
    const cache_policy policy;
    const std::string body(o.object_body_bytes, 'x');
    const sys_time now = std::chrono::system_clock::now();
    auto make_entry = [&](const cache_key& key) {
        entry_inputs in;
        in.status = 200;
        in.headers = {{"Cache-Control", "max-age=3600"}, {"Content-Type", "text/plain"}};
        in.body = body;
        in.request_time = in.response_time = now;
        in.key = &key;
        in.policy = &policy;
        return make_cached_response(std::move(in));
    };
    auto key_of = [&](std::uint64_t id) {
        const std::string path = "/objects/" + std::to_string(id);
        return make_cache_key({method_class::get, "http", "sim.example", path, {}, {}}, policy);
    };

    std::size_t budget = o.budget_bytes;
    if (budget == 0) {
        const auto one = make_entry(key_of(o.working_set_keys / 2));
        budget = static_cast<std::size_t>(double(one->size_bytes) * double(o.working_set_keys) *
                                          o.budget_fraction);
    }
    store_options so;
    so.budget_bytes = budget;
    so.shards = o.shards;
    so.policy = o.policy;
    so.expected_object_bytes = o.object_body_bytes + 512;
    cache_store store(so);

    replay_result result;
    result.budget_bytes = store.budget_bytes();
    result.shards = store.shard_count();
    for (const auto id : trace) {
        const cache_key key = key_of(id);
        ++result.lookups;
        if (store.lookup(key, {}, header_lookup{})) {
            ++result.hits;
            continue;
        }
        store.insert(make_entry(key));
        result.peak_bytes =
            std::max(result.peak_bytes, static_cast<std::size_t>(store.totals().bytes));
    }
    result.evictions = store.totals().evictions;
    return result;
}

} // namespace gatehouse::gateway::cache
