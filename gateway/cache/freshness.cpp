// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/freshness.hpp"

#include "gateway/http_util.hpp"

#include "gateway/cache/http_date.hpp"

#include <algorithm>
#include <cctype>

namespace gatehouse::gateway::cache {

namespace {

std::int64_t seconds_between(sys_time from, sys_time to)
{
    return std::chrono::duration_cast<std::chrono::seconds>(to - from).count();
}

bool vary_is_star(std::optional<std::string_view> vary)
{
    if (!vary)
        return false;
    std::string_view v = *vary;
    while (!v.empty()) {
        const auto comma = v.find(',');
        if (trim_ows(v.substr(0, comma)) == "*")
            return true;
        if (comma == std::string_view::npos)
            break;
        v.remove_prefix(comma + 1);
    }
    return false;
}

bool method_is(std::string_view method, std::string_view name)
{
    return method == name; // methods are case-sensitive (RFC 9110 §9.1)
}

sys_time date_value(const response_view& res, sys_time response_time)
{
    // RFC 9110 §6.6.1: a response without a (valid) Date is dated on receipt.
    if (res.date)
        if (auto d = parse_http_date(*res.date))
            return *d;
    return std::chrono::time_point_cast<std::chrono::seconds>(response_time);
}

} // namespace

bool is_heuristically_cacheable(unsigned status)
{
    switch (status) {
    case 200:
    case 203:
    case 204:
    case 206:
    case 300:
    case 301:
    case 308:
    case 404:
    case 405:
    case 410:
    case 414:
    case 501:
        return true;
    default:
        return false;
    }
}

request_class classify_request(std::string_view method, const cache_policy& policy)
{
    if (method_is(method, "GET") || method_is(method, "HEAD"))
        return policy.enabled ? request_class::lookup : request_class::bypass;
    if (method_is(method, "POST") && policy.enabled && policy.cache_post_by_body_hash)
        return request_class::lookup;
    // Safe methods are never cached here but must not invalidate either;
    // everything else (POST, PUT, PATCH, DELETE, extension methods) is unsafe.
    if (method_is(method, "OPTIONS") || method_is(method, "TRACE"))
        return request_class::bypass;
    return request_class::invalidate;
}

bool invalidates(std::string_view method, unsigned status)
{
    if (status < 200 || status >= 400)
        return false;
    return !(method_is(method, "GET") || method_is(method, "HEAD") ||
             method_is(method, "OPTIONS") || method_is(method, "TRACE"));
}

std::string_view to_string(store_verdict v)
{
    switch (v) {
    case store_verdict::store:
        return "stored";
    case store_verdict::disabled:
        return "disabled";
    case store_verdict::method:
        return "method";
    case store_verdict::status:
        return "status";
    case store_verdict::no_store:
        return "no-store";
    case store_verdict::request_no_store:
        return "request-no-store";
    case store_verdict::private_:
        return "private";
    case store_verdict::authorization:
        return "authorization";
    case store_verdict::set_cookie:
        return "set-cookie";
    case store_verdict::vary_star:
        return "vary-star";
    case store_verdict::too_large:
        return "too-large";
    case store_verdict::no_freshness:
        return "no-freshness";
    case store_verdict::superseded:
        return "superseded";
    }
    return "?";
}

bool has_explicit_expiration(const response_view& res)
{
    return res.directives.s_maxage || res.directives.max_age || res.expires;
}

store_decision decide_storable(const request_view& req, const response_view& res,
                               const cache_policy& policy)
{
    store_decision out;
    auto refuse = [&](store_verdict v) {
        out.verdict = v;
        return out;
    };
    const auto& d = res.directives;
    if (!policy.enabled)
        return refuse(store_verdict::disabled);
    const bool post_ok = method_is(req.method, "POST") && policy.cache_post_by_body_hash;
    if (!method_is(req.method, "GET") && !post_ok)
        return refuse(store_verdict::method);
    // Final statuses only; we do not combine partial content (§3.3/§3.4), and
    // a 304 only ever freshens a stored response (§4.3.4).
    if (res.status < 200 || res.status > 599 || res.status == 206 || res.status == 304)
        return refuse(store_verdict::status);
    if (!policy.cacheable_statuses.empty() &&
        std::find(policy.cacheable_statuses.begin(), policy.cacheable_statuses.end(), res.status) ==
            policy.cacheable_statuses.end())
        return refuse(store_verdict::status);
    if (req.directives.no_store)
        return refuse(store_verdict::request_no_store);
    // §5.2.2.3: with must-understand, a cache that understands the status may
    // ignore no-store; every status we store is one we understand.
    if (d.no_store && !(d.must_understand && is_heuristically_cacheable(res.status)))
        return refuse(store_verdict::no_store);
    if (d.private_) {
        if (!(policy.private_per_consumer && req.has_consumer))
            return refuse(store_verdict::private_);
        out.per_consumer = true;
    } else if (policy.private_per_consumer && req.has_consumer && req.has_authorization) {
        out.per_consumer = true;
    }
    if (req.has_authorization && !out.per_consumer &&
        !(d.public_ || d.s_maxage || d.must_revalidate))
        return refuse(store_verdict::authorization);
    if (res.has_set_cookie) {
        if (!policy.strip_set_cookie)
            return refuse(store_verdict::set_cookie);
        out.strip_set_cookie = true;
    }
    if (vary_is_star(res.vary))
        return refuse(store_verdict::vary_star);
    if (res.content_length && *res.content_length > policy.max_object_bytes)
        return refuse(store_verdict::too_large);
    const bool allowed = has_explicit_expiration(res) || d.public_ ||
                         is_heuristically_cacheable(res.status) || policy.override_upstream ||
                         policy.default_ttl.count() > 0 || post_ok;
    if (!allowed)
        return refuse(store_verdict::no_freshness);
    return out;
}

std::optional<std::int64_t> parse_age(std::string_view value)
{
    value = trim_ows(value.substr(0, value.find(',')));
    if (value.empty())
        return std::nullopt;
    std::int64_t n = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = std::min<std::int64_t>(n * 10 + (c - '0'), delta_seconds_max);
    }
    return n;
}

std::int64_t freshness_lifetime(const response_view& res, const cache_policy& policy,
                                sys_time response_time)
{
    std::int64_t lifetime = 0;
    const auto& d = res.directives;
    if (policy.override_upstream) {
        lifetime = policy.default_ttl.count();
    } else if (d.s_maxage) { // §4.2.1: s-maxage first, for a shared cache
        lifetime = *d.s_maxage;
    } else if (d.max_age) {
        lifetime = *d.max_age;
    } else if (res.expires) {
        // §5.3: an invalid Expires (e.g. "0") is a time in the past.
        const auto expires = parse_http_date(*res.expires);
        lifetime = expires ? std::max<std::int64_t>(
                                 0, seconds_between(date_value(res, response_time), *expires))
                           : 0;
    } else if (policy.default_ttl.count() > 0) {
        lifetime = policy.default_ttl.count();
    } else if (is_heuristically_cacheable(res.status) || d.public_) {
        // §4.2.2: heuristics only without explicit expiration, and only for
        // cacheable-by-default statuses (or an explicit "public").
        if (res.last_modified) {
            const auto lm = parse_http_date(*res.last_modified);
            const auto date = date_value(res, response_time);
            if (lm && *lm < date) {
                const auto span = static_cast<double>(seconds_between(*lm, date));
                lifetime = std::min<std::int64_t>(
                    static_cast<std::int64_t>(span * policy.heuristic_fraction),
                    policy.heuristic_cap.count());
            }
        }
    }
    if (policy.max_ttl.count() > 0)
        lifetime = std::min<std::int64_t>(lifetime, policy.max_ttl.count());
    return std::clamp<std::int64_t>(lifetime, 0, delta_seconds_max);
}

std::int64_t corrected_initial_age(const response_view& res, sys_time request_time,
                                   sys_time response_time)
{
    const std::int64_t apparent_age =
        std::max<std::int64_t>(0, seconds_between(date_value(res, response_time), response_time));
    const std::int64_t response_delay =
        std::max<std::int64_t>(0, seconds_between(request_time, response_time));
    const std::int64_t age_value = res.age ? parse_age(*res.age).value_or(0) : 0;
    const std::int64_t corrected_age_value = age_value + response_delay;
    return std::min(std::max(apparent_age, corrected_age_value), delta_seconds_max);
}

std::int64_t freshness_info::current_age(sys_time now) const
{
    const std::int64_t resident = std::max<std::int64_t>(0, seconds_between(response_time, now));
    return std::min(corrected_initial_age + resident, delta_seconds_max);
}

freshness_info compute_freshness(const response_view& res, const cache_policy& policy,
                                 sys_time request_time, sys_time response_time)
{
    freshness_info f;
    const auto& d = res.directives;
    f.lifetime = freshness_lifetime(res, policy, response_time);
    f.corrected_initial_age = corrected_initial_age(res, request_time, response_time);
    f.response_time = response_time;
    f.no_cache = d.no_cache && !policy.override_upstream;
    // §5.2.2.10: s-maxage implies proxy-revalidate for a shared cache.
    f.must_revalidate = (d.must_revalidate || d.proxy_revalidate || d.s_maxage.has_value()) &&
                        !policy.override_upstream;
    f.stale_while_revalidate = policy.stale_while_revalidate
                                   ? policy.stale_while_revalidate->count()
                                   : d.stale_while_revalidate.value_or(0);
    f.stale_if_error =
        policy.stale_if_error ? policy.stale_if_error->count() : d.stale_if_error.value_or(0);
    return f;
}

serve_decision decide_serving(const freshness_info& f, const cache_directives& request,
                              sys_time now)
{
    serve_decision out;
    out.age = f.current_age(now);
    out.ttl = f.lifetime - out.age;
    // §5.2.2.4 / §5.2.1.4: no-cache on either side means validate first.
    if (f.no_cache || request.no_cache)
        return out;
    bool fresh = out.ttl > 0;
    if (fresh && request.max_age && out.age > *request.max_age) // §5.2.1.1
        fresh = false;
    if (fresh && request.min_fresh && out.ttl < *request.min_fresh) // §5.2.1.3
        fresh = false;
    if (fresh) {
        out.action = serve_action::fresh;
        return out;
    }
    // §4.2.4: must-revalidate and friends forbid any stale use.
    if (f.must_revalidate)
        return out;
    const std::int64_t staleness = -out.ttl;
    if (out.ttl <= 0 && request.max_stale && staleness <= *request.max_stale &&
        !(request.max_age && out.age > *request.max_age)) {
        out.action = serve_action::stale_allowed;
        return out;
    }
    if (out.ttl <= 0 && f.stale_while_revalidate > 0 && staleness <= f.stale_while_revalidate &&
        !request.max_age && !request.min_fresh) {
        out.action = serve_action::stale_while_revalidate;
        return out;
    }
    return out;
}

bool may_serve_stale_on_error(const freshness_info& f, const cache_directives& request,
                              sys_time now)
{
    if (f.must_revalidate || f.no_cache || request.no_cache)
        return false;
    // Stale from the moment current_age reaches the lifetime (§4.2: fresh
    // only while lifetime > age), so a zero window never serves stale.
    const std::int64_t staleness = f.current_age(now) - f.lifetime;
    if (staleness < 0)
        return true;
    std::int64_t window = f.stale_if_error;
    if (request.stale_if_error) // RFC 5861 §4: the request may widen or narrow it
        window = *request.stale_if_error;
    return staleness < window;
}

} // namespace gatehouse::gateway::cache
