// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/config_snapshot.hpp"

#include "gateway/access/consumer_table.hpp"
#include "gateway/http_util.hpp"
#include "gateway/router.hpp"

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

std::string validate(const config_snapshot& snapshot)
{
    std::ostringstream errors;
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
