// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cache/cache_stats.hpp"
#include "cache/eviction.hpp"
#include "call_record.hpp"
#include "config_snapshot.hpp"
#include "gateway_options.hpp"
#include "gateway_stats.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

namespace cache {
struct cache_event; // cache/cache_store.hpp
}

// The response cache as the control plane sees it.
struct cache_report {
    cache::cache_stats_snapshot total;
    // Keyed by the API as the cache names it: the decimal catalog API id, or
    // the route id for routes without one.
    std::map<std::string, cache::cache_stats_snapshot, std::less<>> per_api;
    std::size_t budget_bytes = 0;
    cache::eviction_kind eviction = cache::eviction_kind::tiny_lfu;
    // Stored bodies kept in files (sealed memfds sent with sendfile): the
    // descriptors they hold, and how many they may.
    std::size_t body_files = 0;
    std::size_t body_files_limit = 0;
};

// The embedded API gateway: an HTTP/1.1 reverse proxy on its own pool of
// worker threads (one io_context each).
//
// Thread safety: every public member may be called from any thread.
// start()/stop() must not race each other; apply() and stats() may be called
// at any time, also while traffic flows.
class gateway_server {
public:
    gateway_server();
    ~gateway_server(); // stops with a zero drain deadline if still running
    gateway_server(const gateway_server&) = delete;
    gateway_server& operator=(const gateway_server&) = delete;

    // Binds and starts the workers. Returns an empty string on success,
    // otherwise why it could not start (e.g. "address already in use").
    std::string start(const gateway_options& options);

    // Stops accepting, lets in-flight requests finish for up to `drain`,
    // then closes every connection and joins the workers.
    void stop(std::chrono::milliseconds drain = std::chrono::seconds(5));

    bool running() const;
    std::uint16_t port() const; // the bound port (useful with port 0)
    std::string listen_address() const;

    // HTTPS listener: loads the certificate chain and key again (renewed in
    // place, or other files) for the connections accepted from now on;
    // those already open keep theirs. Empty on success; otherwise why, and
    // the certificate in use stays. A plain HTTP listener stays plain.
    std::string reload_listener_tls(const std::string& certificate_file,
                                    const std::string& key_file);

    // Validates and swaps in a new configuration atomically. Requests already
    // in flight finish on the configuration they started with. Returns an
    // empty string on success, otherwise the validation errors; the running
    // configuration then stays.
    std::string apply(const config_snapshot& snapshot);
    // What the last successful apply() (or background re-resolution) could
    // not do but did not refuse for, e.g. "upstream 'shop': cannot resolve
    // 'shop.internal': Host not found": those targets are unhealthy until
    // their names resolve.
    std::vector<std::string> apply_warnings() const;

    // Target host names are looked up on a thread of the server's own, with
    // no lock held, never by apply(): apply() returns at once, a target
    // named by host name is unresolved ("looking up 'h'") until its lookup
    // is in, and then the configuration is recompiled and swapped. Failed
    // lookups are tried again every gateway_options::resolve_retry_interval.
    // Resolved names are looked up again when their DNS TTL runs out (after
    // at least 1 s), at the latest every
    // config_snapshot::dns_refresh_interval (names from /etc/hosts, which
    // have no TTL, at that interval): a changed answer is swapped in
    // like a new configuration (requests under way finish on the old
    // addresses, idle pooled connections to them close); a failed one keeps
    // the last good addresses and shows in apply_warnings() until a lookup
    // succeeds again.
    //
    // Replaces the system resolver, e.g. with one that is slow or fails on
    // purpose in tests; empty: the system resolver again. It returns the
    // host's IP addresses as text, or none and sets `error`; its answers
    // have no TTL (they are refreshed at the interval). Called on the
    // resolver thread.
    using host_resolver = std::function<std::vector<std::string>(
        const std::string& host, std::uint16_t port, std::string& error)>;
    void set_host_resolver(host_resolver resolver);
    // Called on the resolver thread after the answers of a round of lookups
    // have been compiled in (apply_warnings() and stats() may have changed).
    // Must be cheap and must not block; an empty function clears it, and
    // once that call returns the old hook is no longer running.
    void set_lookups_hook(std::function<void()> hook);

    // Cheap: relaxed loads of per-worker counters. Never waits for start()
    // or stop(), so a GUI timer may call it at any time.
    stats_snapshot stats() const;

    // Call records, one per request (rejected ones included), captured into
    // one bounded ring per worker. A single consumer thread drains them.
    // Appends up to `max` records to `out` and returns how many.
    std::size_t drain_call_records(std::vector<call_record>& out,
                                   std::size_t max = static_cast<std::size_t>(-1));
    // Called on a worker thread whenever a ring goes from empty to non-empty:
    // it must be cheap, thread-safe and must not block (e.g. wake a writer).
    // Pass an empty function to clear it before the hook's target goes away.
    void set_call_records_hook(std::function<void()> hook);
    // Capture on or off (on by default), e.g. to measure what logging costs.
    void set_call_recording(bool enabled);
    // Records dropped because a ring was full, over the server's life.
    std::uint64_t dropped_call_records() const;
    static constexpr std::size_t call_ring_capacity = 16384;

    // ---- the response cache (usable whether or not the gateway runs) ----
    // Cheap: relaxed loads of the store's counters.
    cache_report cache_stats() const;
    // Purges; each returns the number of stored responses removed (all
    // variants of a URL count). `url` is absolute ("http://host[:port]/path?query")
    // and is keyed with the policy of the route a request for it would take.
    std::size_t purge_cache_url(std::string_view url);
    std::size_t purge_cache_api(std::string_view api_key);
    std::size_t purge_cache_prefix(std::string_view path_prefix, std::string_view host = {});
    std::size_t purge_cache_tag(std::string_view tag);
    std::size_t flush_cache();
    // The most recent stored / evicted / purged / replaced entries, oldest
    // first (at most `limit`), for the console. Locks each cache shard
    // briefly in turn; meant for a once-a-second poll, not the hot path.
    std::vector<cache::cache_event> recent_cache_events(std::size_t limit = 100) const;
    // Replaces the store with an empty one of this budget and eviction
    // policy (the store cannot be resized in place); counters start again
    // from zero. Returns "" or why the values were refused.
    std::string set_cache_options(std::size_t budget_bytes, cache::eviction_kind eviction);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace gatehouse::gateway
