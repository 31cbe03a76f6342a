// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

// A route path such as "/shop/products/{id}": literal segments and one-segment
// parameters.
class route_pattern {
public:
    struct segment {
        std::string text; // literal text, or the parameter name
        bool is_param = false;
    };

    static std::optional<route_pattern> parse(std::string_view path, std::string* error = nullptr);
    // The path with parameter names erased ("/a/{id}" and "/a/{x}" are the same route).
    static std::string canonical(std::string_view path);

    // On a match, the number of bytes of `path` the pattern covered.
    std::optional<std::size_t> match(std::string_view path, bool prefix) const;

    const std::vector<segment>& segments() const { return segments_; }

private:
    std::vector<segment> segments_;
};

struct route_match {
    enum class outcome { matched, no_route, method_not_allowed };
    outcome result = outcome::no_route;
    std::size_t route_index = 0;   // into config_snapshot::routes
    std::size_t matched_bytes = 0; // length of the path prefix the route covered
    std::string allow;             // for method_not_allowed: the Allow header value
};

// Chooses the most specific route for a request. Immutable after
// construction, so any number of threads may call match() at once.
//
// Specificity: a route naming the host beats one that does not; then more
// path segments; then literal segments over parameters, left to right; then
// exact over prefix; then a route with a method list over one without.
class router {
public:
    router() = default;
    explicit router(const std::vector<route_config>& routes);

    // `host` without port, lower case; `path` absolute, already normalised.
    route_match match(std::string_view host, std::string_view method, std::string_view path) const;
    // Whether any route names a host: if none does, match() ignores `host`
    // and the caller need not work it out.
    bool names_hosts() const { return names_hosts_; }

private:
    struct entry {
        std::size_t index;
        std::string host;
        route_pattern pattern;
        bool prefix;
        std::vector<std::string> methods;
    };
    std::vector<entry> entries_; // most specific first
    bool names_hosts_ = false;
};

// Adds the methods a route with `methods` answers (its list and HEAD with
// GET; without a list, any_methods) to an Allow value, each once.
void append_allowed_methods(const std::vector<std::string>& methods, std::string& allow);

// Normalises a request path (RFC 3986 §6.2.2) so that routing, access
// rules, the cache and the upstream agree on one path: percent-encoded
// unreserved characters decoded (the rest's hex digits upper case), then
// "." and ".." segments resolved (§5.2.4) and, with `merge_slashes`, empty
// ones merged ("//" is "/", as nginx has it by default). False when the target is not an
// origin-form path or has a '%' without two hex digits after it.
bool normalize_path(std::string_view path, std::string& out, bool merge_slashes = true);

} // namespace gatehouse::gateway
