// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/config_snapshot.hpp"

#include "gateway/access/consumer_table.hpp"
#include "gateway/http_util.hpp"
#include "gateway/router.hpp"

#include <cctype>
#include <set>
#include <sstream>

namespace gatehouse::gateway {

std::string to_string(balance_policy policy)
{
    switch (policy) {
    case balance_policy::round_robin:
        return "round_robin";
    case balance_policy::weighted:
        return "weighted";
    case balance_policy::least_connections:
        return "least_connections";
    }
    return "unknown";
}

namespace {

void validate_cache_policy(const cache::cache_policy& policy, const std::string& where,
                           std::ostringstream& errors)
{
    if (policy.default_ttl.count() < 0 || policy.max_ttl.count() < 0)
        errors << where << ": cache default_ttl and max_ttl must not be negative\n";
    if (policy.max_ttl.count() > 0 && policy.default_ttl > policy.max_ttl)
        errors << where << ": cache default_ttl exceeds max_ttl\n";
    if (policy.override_upstream && policy.default_ttl.count() == 0)
        errors << where << ": cache override_upstream needs a default_ttl\n";
    if (!(policy.heuristic_fraction >= 0.0 && policy.heuristic_fraction <= 1.0))
        errors << where << ": cache heuristic_fraction must be within 0..1\n";
    if (policy.max_object_bytes == 0)
        errors << where << ": cache max_object_size must be positive\n";
    for (unsigned status : policy.cacheable_statuses) {
        // 206 needs range support and 304 is a validation answer, not a
        // representation: neither may be stored as a response of its own.
        if (status < 200 || status > 599 || status == 206 || status == 304)
            errors << where << ": cache status " << status << " cannot be cached\n";
    }
    for (const auto& name : policy.ignored_query_params) {
        if (name.empty() || name == "*")
            errors << where << ": cache ignore_query_params has an empty name\n";
    }
    if ((policy.stale_while_revalidate && policy.stale_while_revalidate->count() < 0) ||
        (policy.stale_if_error && policy.stale_if_error->count() < 0))
        errors << where << ": cache stale windows must not be negative\n";
}

} // namespace

std::string validate(const config_snapshot& snapshot)
{
    std::ostringstream errors;
    if (snapshot.dns_refresh_interval.count() < 0)
        errors << "dns_refresh_interval must not be negative\n";
    std::set<std::string> upstream_names;
    for (const auto& upstream : snapshot.upstreams) {
        const std::string where = "upstream '" + upstream.name + "'";
        if (upstream.name.empty())
            errors << "an upstream has no name\n";
        else if (!upstream_names.insert(upstream.name).second)
            errors << where << ": duplicate upstream name\n";
        if (upstream.targets.empty())
            errors << where << ": has no targets\n";
        for (const auto& target : upstream.targets) {
            std::string why;
            if (!parse_http_url(target.url, &why))
                errors << where << ": target '" << target.url << "' " << why << "\n";
            if (target.weight == 0)
                errors << where << ": target '" << target.url << "' has weight 0\n";
        }
        for (char c : upstream.tls.server_name) {
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' ||
                  c == ':')) {
                errors << where << ": tls.server_name '" << upstream.tls.server_name
                       << "' is not a host name\n";
                break;
            }
        }
        if (upstream.connect_timeout.count() <= 0 || upstream.read_timeout.count() <= 0 ||
            upstream.total_timeout.count() <= 0)
            errors << where << ": timeouts must be positive\n";
        if (upstream.health.active) {
            if (upstream.health.path.empty() || upstream.health.path.front() != '/')
                errors << where << ": health check path must start with '/'\n";
            if (upstream.health.interval.count() <= 0 || upstream.health.timeout.count() <= 0)
                errors << where << ": health check interval and timeout must be positive\n";
        }
    }

    std::set<std::string> route_ids;
    std::set<std::string> route_keys;
    for (const auto& route : snapshot.routes) {
        const std::string where = "route '" + route.id + "'";
        if (!route.id.empty() && !route_ids.insert(route.id).second)
            errors << where << ": duplicate route id\n";
        if (!upstream_names.count(route.upstream))
            errors << where << ": unknown upstream '" << route.upstream << "'\n";
        std::string why;
        if (!route_pattern::parse(route.path, &why))
            errors << where << ": path '" << route.path << "' " << why << "\n";
        if (!route.rewrite_prefix.empty() && route.rewrite_prefix.front() != '/')
            errors << where << ": rewrite_prefix must start with '/'\n";
        std::set<std::string> methods;
        for (const auto& method : route.methods) {
            if (!is_token(method))
                errors << where << ": '" << method << "' is not a valid method name\n";
            methods.insert(method);
        }
        // Two routes that match the same requests make the choice arbitrary.
        std::ostringstream key;
        key << route.host << ' ' << static_cast<int>(route.match) << ' '
            << route_pattern::canonical(route.path) << ' ';
        for (const auto& method : methods)
            key << method << ',';
        if (route.cache.enabled)
            validate_cache_policy(route.cache, where, errors);
        if (!route_keys.insert(key.str()).second)
            errors << where
                   << ": duplicate route (same host, path, match and methods as another)\n";
    }
    if (snapshot.access)
        errors << snapshot.access->validate();
    std::string out = errors.str();
    if (!out.empty())
        out.pop_back();
    return out;
}

} // namespace gatehouse::gateway
