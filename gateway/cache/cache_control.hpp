// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::cache {

// RFC 9111 §1.2.2: a delta-seconds too large to represent is 2^31.
inline constexpr std::int64_t delta_seconds_max = 2147483648;

// The parsed Cache-Control directives of one message (request or response).
// Duplicated directives resolve to the most restrictive value (RFC 9111
// §4.2.1 allows "first" or "stale"; the minimum of two max-ages is never
// fresher than either), and an invalid argument for a freshness directive
// makes the message stale (max-age=0) rather than being ignored.
struct cache_directives {
    bool any = false; // at least one directive recognised

    // response directives (RFC 9111 §5.2.2)
    bool no_store = false;
    bool no_cache = false; // qualified no-cache="f" is treated as unqualified (§5.2.2.4)
    bool private_ = false; // qualified private="f" is treated as unqualified (§5.2.2.7)
    bool public_ = false;
    bool must_revalidate = false;
    bool proxy_revalidate = false;
    bool must_understand = false;
    bool no_transform = false;
    bool immutable = false;
    std::optional<std::int64_t> max_age;
    std::optional<std::int64_t> s_maxage;
    std::optional<std::int64_t> stale_while_revalidate; // RFC 5861
    std::optional<std::int64_t> stale_if_error;         // RFC 5861 (request or response)

    // request directives (RFC 9111 §5.2.1)
    std::optional<std::int64_t> max_stale; // "max-stale" without a value: delta_seconds_max
    std::optional<std::int64_t> min_fresh;
    bool only_if_cached = false;
    // no-cache, no-store, max-age and no-transform are shared with responses.
};

// Parses a Cache-Control field value. Several field lines are combined by
// joining them with ',' (RFC 9110 §5.3) before calling, or by calling
// parse_cache_control_into once per line. Directive names are
// case-insensitive; arguments may be tokens or quoted strings (§5.2); unknown
// directives are ignored.
cache_directives parse_cache_control(std::string_view value);
void parse_cache_control_into(cache_directives& out, std::string_view value);

// RFC 9213 targeted fields (CDN-Cache-Control, Gatehouse-Cache-Control) are
// Structured Field dictionaries: lowercase keys, integer or boolean values.
// Returns nullopt when the value is not a valid dictionary, in which case the
// field MUST be ignored (§2.1) and the next field in precedence order applies.
std::optional<cache_directives> parse_targeted_cache_control(std::string_view value);

// The values of the three fields that control a shared cache's behaviour.
// An absent field is an empty optional; a present-but-empty one is "".
struct response_cache_fields {
    std::optional<std::string_view> gatehouse_cache_control;
    std::optional<std::string_view> cdn_cache_control;
    std::optional<std::string_view> cache_control;
};

// RFC 9213 §2.1: the most specific valid targeted field wins and every field
// of lower precedence, Cache-Control included, is then ignored entirely.
cache_directives effective_response_directives(const response_cache_fields& fields);

// All field lines of `name` joined with ", ", or nullopt if there is none.
// Works with anything that has Beast's `equal_range(string_view)` and
// `value()` on its elements (boost::beast::http::fields).
template <class Fields>
std::optional<std::string> joined_field(const Fields& fields, std::string_view name)
{
    std::optional<std::string> out;
    auto range = fields.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) {
        if (!out)
            out.emplace();
        else
            out->append(", ");
        const auto v = it->value();
        out->append(v.data(), v.size());
    }
    return out;
}

} // namespace gatehouse::gateway::cache
