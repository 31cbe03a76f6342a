// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_control.hpp"

#include "gateway/http_util.hpp"

#include <algorithm>
#include <cctype>

namespace gatehouse::gateway::cache {

namespace {

bool is_ows(char c)
{
    return c == ' ' || c == '\t';
}

// delta-seconds = 1*DIGIT (RFC 9111 §1.2.2); nullopt when invalid.
std::optional<std::int64_t> parse_delta(std::string_view v)
{
    if (v.empty())
        return std::nullopt;
    std::int64_t n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = std::min<std::int64_t>(n * 10 + (c - '0'), delta_seconds_max);
    }
    return n;
}

enum class merge { min, max };

void set_delta(std::optional<std::int64_t>& slot, std::optional<std::int64_t> value, bool has_arg,
               merge how, std::int64_t invalid_value)
{
    // An absent or malformed argument on a freshness directive: §4.2.1 lets
    // a cache treat the response as stale, which is the safe reading.
    const std::int64_t v = (has_arg && value) ? *value : invalid_value;
    if (!slot)
        slot = v;
    else
        slot = how == merge::min ? std::min(*slot, v) : std::max(*slot, v);
}

// The directives whose argument is a delta-seconds: in a targeted field
// (RFC 9213 §2.2) their value must be a Structured Field Integer.
bool takes_delta(std::string_view name)
{
    return iequals(name, "max-age") || iequals(name, "s-maxage") ||
           iequals(name, "stale-while-revalidate") || iequals(name, "stale-if-error");
}

// RFC 8941 §3.3.1 Integer: an optional "-" and 1 to 15 digits.
bool is_sf_integer(std::string_view v)
{
    if (!v.empty() && v.front() == '-')
        v.remove_prefix(1);
    return !v.empty() && v.size() <= 15 &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void apply(cache_directives& d, std::string_view name, std::string_view arg, bool has_arg)
{
    const auto delta = parse_delta(arg);
    const bool seen_before = d.any;
    d.any = true;
    if (iequals(name, "no-store"))
        d.no_store = true;
    else if (iequals(name, "no-cache"))
        d.no_cache = true;
    else if (iequals(name, "private"))
        d.private_ = true;
    else if (iequals(name, "public"))
        d.public_ = true;
    else if (iequals(name, "must-revalidate"))
        d.must_revalidate = true;
    else if (iequals(name, "proxy-revalidate"))
        d.proxy_revalidate = true;
    else if (iequals(name, "must-understand"))
        d.must_understand = true;
    else if (iequals(name, "no-transform"))
        d.no_transform = true;
    else if (iequals(name, "immutable"))
        d.immutable = true;
    else if (iequals(name, "only-if-cached"))
        d.only_if_cached = true;
    else if (iequals(name, "max-age"))
        set_delta(d.max_age, delta, has_arg, merge::min, 0);
    else if (iequals(name, "s-maxage"))
        set_delta(d.s_maxage, delta, has_arg, merge::min, 0);
    else if (iequals(name, "stale-while-revalidate"))
        set_delta(d.stale_while_revalidate, delta, has_arg, merge::min, 0);
    else if (iequals(name, "stale-if-error"))
        set_delta(d.stale_if_error, delta, has_arg, merge::min, 0);
    else if (iequals(name, "min-fresh"))
        set_delta(d.min_fresh, delta, has_arg, merge::max, 0);
    else if (iequals(name, "max-stale"))
        // "max-stale" alone accepts any staleness (§5.2.1.2); a bad value
        // accepts none.
        set_delta(d.max_stale, has_arg ? delta : std::optional<std::int64_t>{delta_seconds_max},
                  true, merge::min, 0);
    else
        d.any = seen_before; // unknown directive: ignored (§5.2.3)
}

} // namespace

void parse_cache_control_into(cache_directives& out, std::string_view v)
{
    std::size_t i = 0;
    const std::size_t n = v.size();
    while (i < n) {
        while (i < n && (is_ows(v[i]) || v[i] == ','))
            ++i;
        const std::size_t name_begin = i;
        while (i < n && v[i] != '=' && v[i] != ',' && !is_ows(v[i]))
            ++i;
        const std::string_view name = v.substr(name_begin, i - name_begin);
        while (i < n && is_ows(v[i]))
            ++i;
        std::string value;
        bool has_arg = false;
        if (i < n && v[i] == '=') {
            has_arg = true;
            ++i;
            while (i < n && is_ows(v[i]))
                ++i;
            if (i < n && v[i] == '"') { // quoted-string with quoted-pair (RFC 9110 §5.6.4)
                ++i;
                while (i < n && v[i] != '"') {
                    if (v[i] == '\\' && i + 1 < n)
                        ++i;
                    value.push_back(v[i++]);
                }
                if (i < n)
                    ++i;
            } else {
                while (i < n && v[i] != ',' && !is_ows(v[i]))
                    value.push_back(v[i++]);
            }
        }
        // Anything else up to the next comma is junk; skip it.
        while (i < n && v[i] != ',')
            ++i;
        if (!name.empty())
            apply(out, name, value, has_arg);
    }
}

cache_directives parse_cache_control(std::string_view value)
{
    cache_directives d;
    parse_cache_control_into(d, value);
    return d;
}

std::optional<cache_directives> parse_targeted_cache_control(std::string_view v)
{
    // RFC 8941 §3.2 dictionary: key [ "=" bare-item ] *( OWS "," OWS ... ),
    // keys are lcalpha / "*" followed by lcalpha / DIGIT / "_" / "-" / "." / "*".
    // Parameters (";k=v") are allowed and ignored.
    cache_directives d;
    std::size_t i = 0;
    const std::size_t n = v.size();
    auto skip_sp = [&] {
        while (i < n && is_ows(v[i]))
            ++i;
    };
    skip_sp();
    if (i == n)
        return d; // empty dictionary: valid, and no directives
    while (true) {
        const std::size_t key_begin = i;
        if (i >= n || !((v[i] >= 'a' && v[i] <= 'z') || v[i] == '*'))
            return std::nullopt;
        while (i < n && ((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9') ||
                         v[i] == '_' || v[i] == '-' || v[i] == '.' || v[i] == '*'))
            ++i;
        const std::string_view key = v.substr(key_begin, i - key_begin);
        std::string value;
        bool has_arg = false;
        bool boolean_false = false;
        if (i < n && v[i] == '=') {
            ++i;
            has_arg = true;
            if (i < n && v[i] == '?') { // boolean
                if (i + 1 >= n || (v[i + 1] != '0' && v[i + 1] != '1'))
                    return std::nullopt;
                boolean_false = v[i + 1] == '0';
                has_arg = false;
                i += 2;
            } else if (i < n && v[i] == '"') {
                // A String where an Integer belongs ("max-age=\"60\"") is
                // the wrong type: the field is then invalid and ignored, so
                // the next field in precedence order (Cache-Control) applies.
                if (takes_delta(key))
                    return std::nullopt;
                ++i;
                while (i < n && v[i] != '"') {
                    if (v[i] == '\\' && i + 1 < n)
                        ++i;
                    value.push_back(v[i++]);
                }
                if (i >= n)
                    return std::nullopt;
                ++i;
            } else {
                const std::size_t b = i;
                if (i < n && v[i] == '-')
                    ++i;
                while (i < n && v[i] != ',' && v[i] != ';' && !is_ows(v[i]))
                    ++i;
                value.assign(v.substr(b, i - b));
                if (value.empty())
                    return std::nullopt;
                // A negative Integer is valid but an invalid delta: set_delta
                // treats it as 0 (stale). Any other type (a Token, a Decimal)
                // makes the field invalid, as a String does.
                if (takes_delta(key) && !is_sf_integer(value))
                    return std::nullopt;
            }
        }
        while (i < n && v[i] == ';') { // parameters: skip
            while (i < n && v[i] != ',')
                ++i;
        }
        if (!boolean_false)
            apply(d, key, value, has_arg);
        skip_sp();
        if (i == n)
            break;
        if (v[i] != ',')
            return std::nullopt;
        ++i;
        skip_sp();
        if (i == n)
            return std::nullopt; // trailing comma
    }
    return d;
}

cache_directives effective_response_directives(const response_cache_fields& fields)
{
    for (const auto& targeted : {fields.gatehouse_cache_control, fields.cdn_cache_control}) {
        if (!targeted)
            continue;
        if (auto d = parse_targeted_cache_control(*targeted))
            return *d;
    }
    if (fields.cache_control)
        return parse_cache_control(*fields.cache_control);
    return {};
}

} // namespace gatehouse::gateway::cache
