// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// Hit ratio of the cache's eviction policies on replayed Zipf traces with a
// one-off scan mixed in, at a byte budget of 10% of the working set (issue 3).
// Usage: cache_hit_ratio [keys] [requests]
//        cache_hit_ratio --memory [body_bytes]   (resident memory at a full 256 MiB budget)
//        cache_hit_ratio --lookup [threads]      (hit-path lookups per second)
#include "gateway/cache/hit_ratio_sim.hpp"

#include "gateway/cache/cache_store.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace gatehouse::gateway::cache;

namespace {

double resident_mib()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Memory held by stored bodies kept in memfds, which resident memory does
// not show until their pages are touched through the mapping.
double memfd_mib()
{
    double bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        const auto target = std::filesystem::read_symlink(entry.path(), ec);
        if (ec || target.string().rfind("/memfd:gatehouse-cache", 0) != 0)
            continue;
        struct stat st {};
        if (::stat(entry.path().c_str(), &st) == 0)
            bytes += double(st.st_blocks) * 512.0;
    }
    return bytes / (1024.0 * 1024.0);
}

// Fills a default (256 MiB) store with twice its budget of objects and
// reports resident memory against the bound: 1.15 x budget + 50 MiB.
int memory_check(std::size_t body_bytes)
{
    const double before = resident_mib();
    cache_store store;
    const cache_policy policy;
    const std::string body(body_bytes, 'x');
    const auto now = std::chrono::system_clock::now();
    const std::size_t objects = 2 * store.budget_bytes() / body_bytes;
    for (std::size_t i = 0; i < objects; ++i) {
        const std::string path = "/objects/" + std::to_string(i);
        const cache_key key =
            make_cache_key({method_class::get, "http", "mem.example", path, {}, {}}, policy);
        entry_inputs in;
        in.headers = {{"Cache-Control", "max-age=3600"}, {"Content-Type", "application/json"}};
        in.body = body;
        in.body_files = store.body_files(); // as the gateway builds them
        in.request_time = in.response_time = now;
        in.key = &key;
        in.policy = &policy;
        store.insert(make_cached_response(std::move(in)));
    }
    const double budget = double(store.budget_bytes()) / (1024.0 * 1024.0);
    const double in_files = memfd_mib();
    const double used = resident_mib() - before + in_files;
    const auto t = store.totals();
    std::printf("body %zu B: %lld objects, charged %.1f MiB, resident + memfd +%.1f MiB (%.1f MiB "
                "in %zu memfds), bound %.1f MiB -> %s\n",
                body_bytes, static_cast<long long>(t.objects), double(t.bytes) / 1048576.0, used,
                in_files, store.body_files()->files_in_use(), 1.15 * budget + 50,
                used <= 1.15 * budget + 50 ? "ok" : "OVER");
    return used <= 1.15 * budget + 50 ? 0 : 1;
}

// Hit-path cost: every thread looks up prebuilt keys of a warm store (key
// building excluded: the request path builds its key once anyway).
int lookup_bench(unsigned threads)
{
    cache_store store;
    const cache_policy policy;
    const auto now = std::chrono::system_clock::now();
    std::vector<cache_key> keys;
    for (int i = 0; i < 10000; ++i) {
        const std::string path = "/objects/" + std::to_string(i);
        keys.push_back(
            make_cache_key({method_class::get, "http", "b.example", path, {}, {}}, policy));
        entry_inputs in;
        in.headers = {{"Cache-Control", "max-age=3600"}, {"Vary", "Accept-Encoding"}};
        in.body = std::string(1024, 'x');
        in.request_time = in.response_time = now;
        in.key = &keys.back();
        in.policy = &policy;
        store.insert(make_cached_response(std::move(in)));
    }
    constexpr std::size_t per_thread = 2000000;
    std::atomic<std::size_t> hits{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            std::size_t h = 0, i = t * 7919;
            for (std::size_t n = 0; n < per_thread; ++n, i += 7)
                h += store.lookup(keys[i % keys.size()], {}, header_lookup{}) ? 1 : 0;
            hits += h;
        });
    for (auto& th : pool)
        th.join();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double total = double(per_thread) * threads;
    std::printf("%u thread(s): %.1f M lookups/s (%.0f ns each per thread), %zu hits\n", threads,
                total / s / 1e6, s * 1e9 / double(per_thread), hits.load());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--lookup") == 0)
        return lookup_bench(argc > 2 ? unsigned(std::strtoul(argv[2], nullptr, 10)) : 2);
    if (argc > 1 && std::strcmp(argv[1], "--memory") == 0)
        return memory_check(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 16384);
    trace_options base;
    base.keys = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 50000;
    base.requests = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1000000;
    base.scan_length = base.keys; // the scan touches as many new keys as the working set

    std::printf("keys %zu, requests %zu, one-off scan of %zu keys at 50%%, budget 10%% of the "
                "working set, 1 KiB bodies\n\n",
                base.keys, base.requests, base.scan_length);
    std::printf(
        "| alpha | scan | LRU     | W-TinyLFU | delta (points) | replay ms (LRU / TLFU) |\n");
    std::printf(
        "|-------|------|---------|-----------|----------------|------------------------|\n");
    replay_result last;
    for (double alpha : {0.8, 1.0}) {
        for (bool scan : {true, false}) {
            trace_options t = base;
            t.alpha = alpha;
            if (!scan)
                t.scan_length = 0;
            const auto trace = make_zipf_trace(t);
            replay_options r;
            r.working_set_keys = t.keys;
            r.shards = 16;
            double ratio[2] = {};
            long long ms[2] = {};
            for (int i = 0; i < 2; ++i) {
                r.policy = i == 0 ? eviction_kind::lru : eviction_kind::tiny_lfu;
                const auto start = std::chrono::steady_clock::now();
                last = replay_trace(trace, r);
                ratio[i] = last.hit_ratio();
                ms[i] = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
            }
            std::printf("| %.1f   | %-4s | %6.2f%% | %8.2f%% | %+14.2f | %10lld / %-9lld |\n",
                        alpha, scan ? "yes" : "no", 100 * ratio[0], 100 * ratio[1],
                        100 * (ratio[1] - ratio[0]), ms[0], ms[1]);
        }
    }
    std::printf("\nbudget %.1f MiB in %zu shard(s), as the store splits it\n",
                double(last.budget_bytes) / (1024.0 * 1024.0), last.shards);
    return 0;
}
