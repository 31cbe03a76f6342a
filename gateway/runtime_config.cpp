// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/runtime_config.hpp"

#include "gateway/cache/cache_store.hpp"
#include "gateway/upstream_tls.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace gatehouse::gateway {

namespace {

std::int64_t steady_ns(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// nginx's smooth weighted round-robin, unrolled once into a fixed schedule so
// that selection at run time is a single atomic increment.
std::vector<std::size_t> smooth_wrr_schedule(const std::vector<unsigned>& weights)
{
    std::uint64_t total = 0;
    for (unsigned w : weights)
        total += w;
    constexpr std::uint64_t max_len = 4096;
    std::vector<std::uint64_t> scaled(weights.begin(), weights.end());
    if (total > max_len) {
        const std::uint64_t original = total;
        total = 0;
        for (auto& w : scaled) {
            w = std::max<std::uint64_t>(1, w * max_len / original);
            total += w;
        }
    }
    std::vector<std::int64_t> current(scaled.size(), 0);
    std::vector<std::size_t> out;
    out.reserve(total);
    for (std::uint64_t step = 0; step < total; ++step) {
        std::size_t best = 0;
        for (std::size_t i = 0; i < scaled.size(); ++i) {
            current[i] += static_cast<std::int64_t>(scaled[i]);
            if (current[i] > current[best])
                best = i;
        }
        current[best] -= static_cast<std::int64_t>(total);
        out.push_back(best);
    }
    return out;
}

} // namespace

bool target_state::healthy(std::chrono::steady_clock::time_point now) const
{
    return !endpoints.empty() && active_healthy.load(std::memory_order_relaxed) &&
           ejected_until_ns.load(std::memory_order_relaxed) <= steady_ns(now);
}

void target_state::record_success(std::chrono::microseconds latency)
{
    requests.fetch_add(1, std::memory_order_relaxed);
    last_latency_us.store(static_cast<std::uint64_t>(latency.count()), std::memory_order_relaxed);
    if (consecutive_failures.load(std::memory_order_relaxed) != 0)
        consecutive_failures.store(0, std::memory_order_relaxed);
}

void target_state::record_failure(const health_check_config& health)
{
    requests.fetch_add(1, std::memory_order_relaxed);
    failures.fetch_add(1, std::memory_order_relaxed);
    const unsigned failed = consecutive_failures.fetch_add(1, std::memory_order_relaxed) + 1;
    if (health.max_failures > 0 && failed >= health.max_failures) {
        const auto until = std::chrono::steady_clock::now() + health.cooldown;
        ejected_until_ns.store(steady_ns(until), std::memory_order_relaxed);
    }
}

target_state* upstream_runtime::select(const target_state* exclude) const
{
    const std::size_t n = targets.size();
    if (n == 0)
        return nullptr;
    const auto now = std::chrono::steady_clock::now();
    auto usable = [&](std::size_t i) {
        return targets[i].get() != exclude && targets[i]->healthy(now);
    };
    const std::uint64_t ticket = next.fetch_add(1, std::memory_order_relaxed);

    std::size_t first = 0;
    if (config.policy == balance_policy::least_connections) {
        // Fewest active connections per unit of weight; ties go round-robin.
        std::size_t best = n;
        double best_load = std::numeric_limits<double>::max();
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = (ticket + k) % n;
            if (!usable(i))
                continue;
            const double load = static_cast<double>(targets[i]->active_connections.load(
                                    std::memory_order_relaxed)) /
                                weights[i];
            if (load < best_load) {
                best_load = load;
                best = i;
            }
        }
        if (best != n)
            return targets[best].get();
        first = ticket % n;
    } else if (config.policy == balance_policy::weighted) {
        first = wrr_schedule[ticket % wrr_schedule.size()];
    } else {
        first = ticket % n;
    }
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (first + k) % n;
        if (usable(i))
            return targets[i].get();
    }
    // Nothing healthy: fail open rather than refuse, so a recovered target
    // is found again without waiting for the cooldown.
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (first + k) % n;
        if (targets[i].get() != exclude)
            return targets[i].get();
    }
    return nullptr; // the only target is the excluded one
}

std::shared_ptr<target_state> target_registry::get(const std::string& upstream,
                                                   const std::string& url)
{
    auto& slot = targets_[{upstream, url}];
    if (!slot) {
        slot = std::make_shared<target_state>();
        slot->id = next_id_++;
        slot->upstream_name = upstream;
        slot->url = url;
    }
    return slot;
}

std::shared_ptr<target_state> target_registry::renew(const std::string& upstream,
                                                     const std::string& url)
{
    targets_.erase({upstream, url});
    return get(upstream, url);
}

void target_registry::retain_only(const runtime_config& config)
{
    std::set<const target_state*> used;
    for (const auto& upstream : config.upstreams)
        for (const auto& target : upstream->targets)
            used.insert(target.get());
    std::erase_if(targets_, [&](const auto& entry) { return !used.count(entry.second.get()); });
}

std::vector<std::shared_ptr<target_state>> target_registry::all() const
{
    std::vector<std::shared_ptr<target_state>> out;
    for (const auto& [key, target] : targets_)
        out.push_back(target);
    return out;
}

bool has_unresolved_targets(const runtime_config& config)
{
    for (const auto& upstream : config.upstreams)
        for (const auto& target : upstream->targets)
            if (!target->resolve_error.empty())
                return true;
    return false;
}

target_state* find_target(const runtime_config& config, std::string_view upstream,
                          std::string_view url)
{
    for (const auto& runtime : config.upstreams) {
        if (runtime->config.name != upstream)
            continue;
        for (const auto& target : runtime->targets)
            if (target->url == url)
                return target.get();
        return nullptr;
    }
    return nullptr;
}

std::string lookup_key(const std::string& host, std::uint16_t port)
{
    return host + ":" + std::to_string(port);
}

namespace {

host_lookup getaddrinfo_lookup(const std::string& host, std::uint16_t port)
{
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::resolver resolver(ioc);
    boost::system::error_code ec;
    const auto results = resolver.resolve(host, std::to_string(port), ec);
    host_lookup out;
    for (const auto& entry : results)
        out.endpoints.push_back(entry.endpoint());
    if (out.endpoints.empty())
        out.error = ec ? ec.message() : std::string("no addresses");
    return out;
}

} // namespace

host_lookup system_lookup(const std::string& host, std::uint16_t port,
                          const std::optional<dns_server>& server)
{
    boost::system::error_code ec;
    const auto ip = boost::asio::ip::make_address(host, ec);
    if (!ec) {
        host_lookup out;
        out.endpoints.emplace_back(ip, port);
        return out;
    }
    if (!server) {
        // nsswitch's usual "files dns": the hosts file wins, and has no TTL.
        if (const auto listed = hosts_file_addresses(host); !listed.empty()) {
            host_lookup out;
            for (const auto& address : listed)
                out.endpoints.emplace_back(address, port);
            return out;
        }
    }
    const auto answer = query_dns(host, server);
    host_lookup out;
    for (const auto& address : answer.addresses)
        out.endpoints.emplace_back(address, port);
    if (!out.endpoints.empty()) {
        out.ttl = answer.ttl;
        return out;
    }
    out.error = answer.error;
    if (!server && answer.not_found) {
        // Unknown to DNS, yet another source may know it (mDNS, systemd's
        // myhostname, ...), as it did before TTLs were read.
        if (auto other = getaddrinfo_lookup(host, port); !other.endpoints.empty())
            return other;
    }
    return out;
}

namespace {

std::vector<boost::asio::ip::tcp::endpoint>
sorted(std::vector<boost::asio::ip::tcp::endpoint> endpoints)
{
    std::sort(endpoints.begin(), endpoints.end());
    return endpoints;
}

// A resolved target changes addresses: the fresh state takes over the
// counters the console shows, not the health of addresses it no longer uses.
void carry_counters(const target_state& from, target_state& to)
{
    constexpr auto relaxed = std::memory_order_relaxed;
    to.requests.store(from.requests.load(relaxed), relaxed);
    to.failures.store(from.failures.load(relaxed), relaxed);
    to.last_latency_us.store(from.last_latency_us.load(relaxed), relaxed);
}

} // namespace

bool host_lookup::same_answer(const host_lookup& other) const
{
    return endpoints.empty() == other.endpoints.empty() &&
           sorted(endpoints) == sorted(other.endpoints);
}

lookup_schedule schedule_lookups(const runtime_config& config, const host_lookups& lookups,
                                 std::chrono::steady_clock::time_point now,
                                 std::chrono::milliseconds retry_interval)
{
    const auto refresh = config.snapshot.dns_refresh_interval;
    std::set<std::pair<std::string, std::uint16_t>> due;
    lookup_schedule out;
    for (const auto& upstream : config.upstreams) {
        for (const auto& target : upstream->targets) {
            const bool unresolved = target->endpoints.empty() && !target->resolve_error.empty();
            if (!unresolved && (!target->by_name || refresh.count() <= 0))
                continue;
            const auto& host = target->address.host;
            const auto port = target->address.port;
            const auto found = lookups.find(lookup_key(host, port));
            std::chrono::milliseconds wait = refresh;
            if (unresolved)
                wait = retry_interval;
            else if (found != lookups.end() && found->second.endpoints.empty())
                wait = std::min(retry_interval, refresh); // serving stale addresses
            else if (found != lookups.end() && found->second.ttl)
                // The interval stays the upper bound; a TTL of 0 (do not
                // cache) must not make the thread spin.
                wait = std::min(refresh, std::max<std::chrono::milliseconds>(*found->second.ttl,
                                                                             min_ttl_refresh));
            if (found == lookups.end() || found->second.at + wait <= now) {
                due.emplace(host, port);
            } else if (!out.next || found->second.at + wait < *out.next) {
                out.next = found->second.at + wait;
            }
        }
    }
    out.due.assign(due.begin(), due.end());
    return out;
}

void prune_lookups(host_lookups& lookups, const runtime_config& config)
{
    std::set<std::string, std::less<>> used;
    for (const auto& upstream : config.upstreams)
        for (const auto& target : upstream->targets)
            if (target->by_name)
                used.insert(lookup_key(target->address.host, target->address.port));
    std::erase_if(lookups, [&](const auto& entry) { return !used.count(entry.first); });
}

namespace {

// "8 MiB", "64 KiB", "1000 bytes": as the configuration file writes sizes.
std::string size_text(std::size_t bytes)
{
    if (bytes != 0 && bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes != 0 && bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// Cached routes whose max_object_size is over what the store keeps (one
// share of its budget): one warning per size, naming a few of the routes,
// since a console catalog has many routes with the same policy.
void warn_of_unstorable_sizes(const std::vector<route_config>& routes,
                              const cache::cache_store& store, std::vector<std::string>& warnings)
{
    std::map<std::size_t, std::vector<std::string_view>> over;
    for (const auto& route : routes)
        if (route.cache.enabled && route.cache.max_object_bytes > store.max_object_bytes())
            over[route.cache.max_object_bytes].push_back(route.id);
    constexpr std::size_t named = 3;
    for (const auto& [size, ids] : over) {
        std::string who = ids.size() == 1 ? "route " : "routes ";
        for (std::size_t i = 0; i < std::min(ids.size(), named); ++i)
            who.append(i ? ", '" : "'").append(ids[i]).append("'");
        if (ids.size() > named)
            who += " and " + std::to_string(ids.size() - named) + " more";
        warnings.push_back(who + ": max_object_size is " + size_text(size) +
                           ", but with a cache budget of " + size_text(store.budget_bytes()) +
                           " the cache stores responses up to " +
                           size_text(store.max_object_bytes()) + "; larger ones are streamed");
    }
}

} // namespace

std::string cache_api_key(const route_config& route)
{
    return route.api_id ? std::to_string(route.api_id) : route.id;
}

std::shared_ptr<const runtime_config> compile(const config_snapshot& snapshot,
                                              target_registry& registry, std::uint64_t generation,
                                              std::string& error, const host_lookups& lookups,
                                              std::shared_ptr<cache::cache_store> cache,
                                              std::vector<std::string>* warnings)
{
    auto config = std::make_shared<runtime_config>();
    config->snapshot = snapshot;
    config->generation = generation;
    config->routes = router(snapshot.routes);

    std::map<std::string, const upstream_runtime*> by_name;
    for (const auto& upstream : snapshot.upstreams) {
        auto runtime = std::make_unique<upstream_runtime>();
        runtime->config = upstream;
        for (const auto& target : upstream.targets) {
            auto state = registry.get(upstream.name, target.url);
            std::string refresh_error;
            if (!state->resolve_error.empty()) {
                state = registry.renew(upstream.name, target.url);
            } else if (state->by_name && !state->endpoints.empty()) {
                const auto& host = state->address.host;
                const auto found = lookups.find(lookup_key(host, state->address.port));
                if (found == lookups.end()) {
                    // Not looked up again (yet): the addresses stand.
                } else if (found->second.endpoints.empty()) {
                    // Serve stale rather than fail: the last good addresses
                    // stay until a lookup succeeds again.
                    refresh_error = found->second.error;
                    if (warnings)
                        warnings->push_back("upstream '" + upstream.name + "': cannot refresh '" +
                                            host + "': " + found->second.error +
                                            " (still using the last addresses)");
                } else if (sorted(found->second.endpoints) != sorted(state->endpoints)) {
                    auto fresh = registry.renew(upstream.name, target.url);
                    carry_counters(*state, *fresh);
                    state = std::move(fresh);
                }
            }
            if (state->endpoints.empty()) {
                auto address = parse_http_url(target.url);
                if (!address) {
                    error = "upstream '" + upstream.name + "': bad target URL '" + target.url + "'";
                    return nullptr;
                }
                boost::system::error_code ec;
                const auto ip = boost::asio::ip::make_address(address->host, ec);
                state->by_name = static_cast<bool>(ec);
                if (!ec) {
                    state->endpoints.emplace_back(ip, address->port);
                } else if (const auto found =
                               lookups.find(lookup_key(address->host, address->port));
                           found != lookups.end()) {
                    state->endpoints = found->second.endpoints;
                    if (state->endpoints.empty()) {
                        state->resolve_error =
                            "cannot resolve '" + address->host + "': " + found->second.error;
                        if (warnings)
                            warnings->push_back("upstream '" + upstream.name +
                                                "': " + state->resolve_error);
                    }
                } else {
                    // No warning (yet): the target's problem tells, and the
                    // recompile after the lookup warns if it fails.
                    state->resolve_error = "looking up '" + address->host + "'";
                    state->lookup_pending = true;
                    config->lookups_pending = true;
                }
                state->host_header = address->host;
                if (address->host.find(':') != std::string::npos)
                    state->host_header = "[" + address->host + "]"; // IPv6 literal
                if (!address->default_port())
                    state->host_header += ":" + std::to_string(address->port);
                state->address = std::move(*address);
            }
            runtime->targets.push_back(std::move(state));
            runtime->weights.push_back(std::max(1u, target.weight));
            runtime->refresh_errors.push_back(std::move(refresh_error));
        }
        const bool any_tls = std::any_of(runtime->targets.begin(), runtime->targets.end(),
                                         [](const auto& target) { return target->address.tls; });
        if (any_tls) {
            std::string why;
            runtime->tls = make_upstream_tls_context(upstream.tls, why);
            if (!runtime->tls) {
                error = "upstream '" + upstream.name + "': " + why;
                return nullptr;
            }
        }
        runtime->wrr_schedule = smooth_wrr_schedule(runtime->weights);
        by_name[upstream.name] = runtime.get();
        config->upstreams.push_back(std::move(runtime));
    }
    for (const auto& route : snapshot.routes)
        config->route_upstream.push_back(by_name.at(route.upstream));
    config->cache = std::move(cache);
    if (warnings && config->cache)
        warn_of_unstorable_sizes(config->snapshot.routes, *config->cache, *warnings);
    for (const auto& route : config->snapshot.routes) {
        route_cache rc;
        if (config->cache && route.cache.enabled) {
            rc.policy = &route.cache;
            rc.api_key = cache_api_key(route);
            rc.stats = config->cache->stats_for(rc.api_key);
        }
        config->route_caches.push_back(std::move(rc));
    }
    return config;
}

} // namespace gatehouse::gateway
