// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache_flow.hpp"

#include "gateway/head_writer.hpp"

#include "gateway/cache/conditional.hpp"
#include "gateway/http_util.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace gatehouse::gateway {

namespace http = boost::beast::http;
namespace c = cache;

namespace {

constexpr std::string_view cache_name = "Gatehouse";

// Request fields that many origins (and frameworks) use to build links or
// pick a response, yet that are not part of the cache key: a client could
// get a poisoned response stored under an innocent URL. They are stripped
// on cached routes; the gateway sets the X-Forwarded-* fields it forwards
// itself, from the keyed Host.
constexpr std::string_view unkeyed_request_fields[] = {
    "X-Forwarded-Host",
    "X-Forwarded-Port",
    "X-Forwarded-Scheme",
    "X-Forwarded-Server",
    "X-Forwarded-Prefix",
    "X-Original-URL",
    "X-Rewrite-URL",
    "X-HTTP-Method-Override",
    "X-HTTP-Method",
    "X-Method-Override",
    "X-Host",
    "Forwarded",
};

c::sys_time now()
{
    return std::chrono::system_clock::now();
}

const http::fields& as_fields(const http::fields& f)
{
    return f;
}

std::optional<std::string> copy_field(const http::fields& f, http::field name)
{
    const auto it = f.find(name);
    if (it == f.end())
        return std::nullopt;
    const auto v = it->value();
    return std::string(v.data(), v.size());
}

} // namespace

void cache_exchange::set_consumer(std::uint64_t application_id)
{
    consumer_.clear();
    if (application_id != 0)
        consumer_.append("app:").append(std::to_string(application_id));
}

void cache_exchange::reset()
{
    ticket_ = c::flight_ticket{}; // a leader that did not finish abandons
    policy_ = nullptr;
    stats_ = nullptr;
    store_ = nullptr;
    api_key_ = nullptr;
    mode_ = mode::bypass;
    head_ = false;
    post_ = false;
    method_ = {};
    if (request_body_.capacity() > 64 * 1024)
        std::string().swap(request_body_);
    request_body_.clear();
    body_buffered_ = false;
    request_cc_ = {};
    has_authorization_ = false;
    consumer_.clear();
    entry_.reset();
    refresh_.reset();
    revalidating_ = false;
    serve_not_modified_ = false;
    range_stripped_ = false;
    serve_age_ = 0;
    client_if_none_match_.reset();
    client_if_modified_since_.reset();
    client_range_.reset();
    client_if_range_.reset();
    serve_range_.reset();
    serve_unsatisfiable_ = false;
    part_.reset();
    part_unsatisfiable_ = false;
    status_ = {};
    record_status_ = cache_status::none;
    capturing_ = false;
    store_decision_ = {};
    response_status_ = 0;
    response_headers_.clear();
    if (body_.capacity() > 64 * 1024)
        std::string().swap(body_); // do not keep a large body's buffer per connection
    body_.clear();
    request_fields_.clear();
}

void cache_exchange::count(c::cache_counter what)
{
    store_->count(stats_, what);
}

bool cache_exchange::wants_request_body(const request_head& req, const route_cache& route,
                                        std::optional<std::uint64_t> content_length)
{
    return route.policy && route.policy->cache_post_by_body_hash &&
           req.method() == http::verb::post && content_length &&
           *content_length <= route.policy->max_object_bytes;
}

cache_exchange::step cache_exchange::begin(request_head& req, const route_cache& route,
                                           c::cache_store& store, c::coalescer& coalescer,
                                           std::string_view scheme, std::string_view authority,
                                           std::string_view path, std::string_view query)
{
    policy_ = route.policy;
    stats_ = route.stats;
    store_ = &store;
    api_key_ = &route.api_key;
    // One pass over the (few) fields the request has, instead of a lookup
    // per name on the list; it also picks up a Range and its If-Range,
    // which most requests do not have.
    for (auto it = req.begin(); it != req.end();) {
        const auto field = it->name();
        if (field == http::field::range || field == http::field::if_range) {
            const auto v = it->value();
            (field == http::field::range ? client_range_ : client_if_range_)
                .emplace(v.data(), v.size());
        }
        const std::string_view name = it->name_string();
        const bool unkeyed =
            (field == http::field::unknown || field == http::field::forwarded) &&
            std::any_of(std::begin(unkeyed_request_fields), std::end(unkeyed_request_fields),
                        [&](std::string_view u) { return iequals(u, name); });
        it = unkeyed ? req.erase(it) : std::next(it);
    }
    const auto method = req.method_string();
    method_ = std::string_view(method.data(), method.size());
    head_ = req.method() == http::verb::head;
    scheme_ = scheme;
    authority_.assign(authority);
    path_.assign(path);
    query_.assign(query);

    const auto cls = c::classify_request(method_, *policy_);
    post_ = req.method() == http::verb::post;
    if (cls != c::request_class::lookup || (post_ && !body_buffered_)) {
        // An opted-in POST whose body could not be buffered (chunked, or
        // over the object limit) is forwarded uncached.
        mode_ = cls == c::request_class::invalidate ? mode::invalidate : mode::bypass;
        status_.fwd = c::forward_reason::method;
        record_status_ = cache_status::bypass;
        count(c::cache_counter::bypasses);
        return step::forward;
    }
    mode_ = mode::lookup;
    record_status_ = cache_status::miss;

    c::key_parts parts;
    parts.scheme = scheme;
    parts.host = authority;
    parts.path = path;
    parts.query = query;
    std::string digest;
    if (post_) {
        digest = c::body_digest(request_body_);
        parts.method = c::method_class::post;
        parts.body_hash = digest;
    }
    c::make_cache_key(parts, *policy_, key_);

    const auto& fields = as_fields(req);
    const auto headers = c::make_header_lookup(fields);
    std::string scratch;
    if (auto cc = headers("cache-control", scratch))
        request_cc_ = c::parse_cache_control(*cc);
    has_authorization_ = req.find(http::field::authorization) != req.end();
    client_if_none_match_ = copy_field(fields, http::field::if_none_match);
    client_if_modified_since_ = copy_field(fields, http::field::if_modified_since);

    entry_ = store_->lookup(key_, consumer_, headers);
    if (entry_) {
        const auto d = c::decide_serving(entry_->freshness, request_cc_, now());
        switch (d.action) {
        case c::serve_action::fresh:
            count(c::cache_counter::hits);
            record_status_ = cache_status::hit;
            return serve_entry(d.age, d.ttl, false);
        case c::serve_action::stale_allowed:
            count(c::cache_counter::stale_served);
            record_status_ = cache_status::stale;
            return serve_entry(d.age, d.ttl, true);
        case c::serve_action::stale_while_revalidate: {
            if (post_)
                break; // the background refresh only knows GET: fetch it again now
            count(c::cache_counter::stale_served);
            record_status_ = cache_status::stale;
            // One refresh per key: whoever leads the flight refreshes; the
            // others just serve the stale entry meanwhile.
            auto ticket = coalescer.join(key_);
            if (ticket.leader()) {
                refresh_ = std::make_shared<refresh_job>();
                refresh_->ticket = std::move(ticket);
                refresh_->key = key_;
                refresh_->entry = entry_;
                refresh_->api_key = route.api_key;
                refresh_->authority.assign(authority);
                refresh_->scheme = scheme_;
                refresh_->request_fields = fields;
            }
            serve_entry(d.age, d.ttl, true);
            status_.detail = "stale-while-revalidate";
            format_status();
            return step::serve;
        }
        case c::serve_action::revalidate:
            break;
        }
        if (request_cc_.only_if_cached)
            return not_cached();
        revalidating_ = true;
        record_status_ = cache_status::revalidated;
        status_.fwd = d.ttl > 0 ? c::forward_reason::request : c::forward_reason::stale;
    } else {
        if (request_cc_.only_if_cached)
            return not_cached();
        status_.fwd = c::forward_reason::uri_miss;
    }
    // A HEAD cannot fill the cache (no body): it goes upstream on its own.
    if (head_)
        return step::forward;
    ticket_ = coalescer.join(key_);
    return ticket_.leader() ? step::forward : step::wait;
}

cache_exchange::step cache_exchange::after_wait(const c::wait_outcome& outcome,
                                                const request_head& req)
{
    auto entry = outcome.entry;
    ticket_ = c::flight_ticket{};
    if (outcome.status == c::wait_status::stored && entry &&
        c::entry_selected_by(*entry, consumer_, c::make_header_lookup(as_fields(req)))) {
        const auto d = c::decide_serving(entry->freshness, request_cc_, now());
        if (d.action == c::serve_action::fresh) {
            entry_ = std::move(entry);
            revalidating_ = false;
            count(c::cache_counter::hits);
            record_status_ = cache_status::hit;
            serve_entry(d.age, d.ttl, false);
            status_.collapsed = true;
            format_status();
            return step::serve;
        }
    }
    // Uncacheable, abandoned, timed out or not our variant: go upstream alone.
    return step::forward;
}

cache_exchange::step cache_exchange::not_cached()
{
    // Nothing served, nothing forwarded: the answer (a 504) says why.
    status_.detail = "only-if-cached";
    format_status();
    return step::not_cached;
}

cache_exchange::step cache_exchange::serve_entry(std::int64_t age, std::int64_t ttl, bool stale)
{
    serve_age_ = std::max<std::int64_t>(0, age);
    status_.hit = true;
    status_.fwd = c::forward_reason::none;
    status_.ttl = ttl;
    if (stale)
        status_.detail = "stale";
    c::client_conditionals conditionals;
    if (client_if_none_match_)
        conditionals.if_none_match = *client_if_none_match_;
    if (client_if_modified_since_)
        conditionals.if_modified_since = *client_if_modified_since_;
    serve_not_modified_ = c::evaluate_conditionals(method_, conditionals, *entry_) ==
                          c::conditional_outcome::not_modified;
    // Preconditions first, then Range (RFC 9110 §13.2.2), on a GET of a 200.
    serve_range_.reset();
    serve_unsatisfiable_ = false;
    if (client_range_ && !serve_not_modified_ && method_ == "GET" && entry_->status == 200 &&
        (!client_if_range_ || c::if_range_matches(*client_if_range_, *entry_))) {
        const auto asked = c::read_byte_range(*client_range_, entry_->body.size());
        if (asked.what == c::byte_range_request::verdict::part)
            serve_range_ = asked.part;
        serve_unsatisfiable_ = asked.what == c::byte_range_request::verdict::unsatisfiable;
    }
    format_status();
    return step::serve;
}

void cache_exchange::prepare_forward(request_head& req)
{
    if (mode_ != mode::lookup)
        return;
    request_time_ = now();
    purge_generation_ = store_->purge_generation();
    if (!head_)
        request_fields_ = as_fields(req); // the Vary secondary key of what gets stored
    // A ranged miss would bring back a 206 the cache cannot store, so ranged
    // clients would never fill it. The whole representation is asked for
    // instead; on_response_head() decides whether it is read whole and the
    // range served from what is stored, or (too large, not storable) the
    // range cut out of the streamed body, or (no Content-Length) the whole
    // 200 relayed, which RFC 9110 §14.2 allows.
    if (client_range_ && !head_ && !post_) {
        req.erase(http::field::range);
        req.erase(http::field::if_range);
        range_stripped_ = true;
    }
    // Validators on a POST would be preconditions (412), not revalidation.
    if (revalidating_ && entry_ && !post_) {
        const auto validators = c::make_revalidation_headers(*entry_);
        if (!validators.empty()) {
            req.erase(http::field::if_none_match);
            req.erase(http::field::if_modified_since);
            if (validators.if_none_match)
                req.set(http::field::if_none_match, *validators.if_none_match);
            if (validators.if_modified_since)
                req.set(http::field::if_modified_since, *validators.if_modified_since);
        }
    }
}

// The stored entry answers a request that went upstream for it (a 304, or
// a 200 to a HEAD, revalidated or refreshed it), as it now stands: with its
// current age and freshness, the client's conditionals applied, and a
// Cache-Status saying the request was forwarded and what came back.
cache_exchange::head_action cache_exchange::serve_forwarded(unsigned upstream_status)
{
    const auto age = entry_->freshness.current_age(response_time_);
    const auto fwd = status_.fwd;
    serve_entry(age, entry_->freshness.lifetime - age, false);
    status_.hit = false;
    status_.fwd = fwd;
    status_.fwd_status = upstream_status;
    format_status();
    return head_action::serve_stored;
}

// A HEAD for a stale entry goes upstream with the entry's validators; a 304
// freshens the entry as for a GET. A 200 says what the representation is now
// (RFC 9111 §4.3.5): when every validator it carries matches the stored
// response's, and its Content-Length (if any) the stored body's, its fields
// update the stored ones as a 304's would (§3.2), so the next GET is served
// fresh without fetching the body again; otherwise the stored body is out of
// date and the URI's entries go.
bool cache_exchange::freshen_with_head(const response_head& res, bool storable)
{
    const auto fields = c::to_header_list(res);
    if (!storable || !c::head_response_matches(*entry_, fields)) {
        store_->purge_key(entry_->primary_key);
        return false;
    }
    // The 304 merge: the same fields are exempt (Content-Length among them).
    auto fresh = c::freshen_with_304(*entry_, fields, request_time_, response_time_,
                                     purge_generation_, *policy_);
    store_->insert(fresh);
    entry_ = std::move(fresh);
    return true;
}

bool cache_exchange::serve_stale_on_error()
{
    if (mode_ != mode::lookup || !entry_)
        return false;
    const auto t = now();
    if (!c::may_serve_stale_on_error(entry_->freshness, request_cc_, t))
        return false;
    if (ticket_.leader())
        ticket_.release_uncacheable();
    const auto age = entry_->freshness.current_age(t);
    count(c::cache_counter::stale_served);
    record_status_ = cache_status::stale;
    const auto fwd_status = status_.fwd_status;
    serve_entry(age, entry_->freshness.lifetime - age, false);
    status_.hit = false;
    status_.fwd = c::forward_reason::stale;
    status_.fwd_status = fwd_status;
    status_.detail = "stale-if-error";
    format_status();
    return true;
}

cache_exchange::head_action cache_exchange::on_response_head(response_head& res)
{
    const unsigned status = res.result_int();
    response_time_ = now();
    if (mode_ == mode::invalidate && c::invalidates(method_, status))
        invalidate_targets(res);
    if (mode_ != mode::lookup) {
        format_status();
        return head_action::relay;
    }
    status_.fwd_status = status;

    if (revalidating_ && entry_) {
        if (status == 304) {
            auto fields = c::to_header_list(res);
            if (c::not_modified_selects(*entry_, fields)) {
                auto fresh = c::freshen_with_304(*entry_, fields, request_time_, response_time_,
                                                 purge_generation_, *policy_);
                store_->insert(fresh);
                count(c::cache_counter::revalidated_304);
                if (ticket_.leader())
                    ticket_.publish(fresh);
                entry_ = std::move(fresh);
                return serve_forwarded(304);
            }
            // A 304 whose validator names another representation cannot
            // update the entry (RFC 9111 §4.3.4), yet it answers the
            // validators sent for this entry (the client's own were replaced)
            // and must not reach a client that asked for a full response.
            // The entry is served unchanged, with the client's conditionals
            // applied, and stays as stale as it was.
            count(c::cache_counter::revalidated_304);
            if (ticket_.leader())
                ticket_.release_uncacheable();
            return serve_forwarded(304);
        } else if (status >= 500 && serve_stale_on_error()) {
            return head_action::serve_stored;
        }
        count(c::cache_counter::revalidated_200);
    } else {
        count(c::cache_counter::misses);
    }

    // Decided on the upstream's head as it is; copied only to be stored.
    const auto view = c::make_response_view_of(res, status);
    const auto content_length = view.content_length;
    c::request_view request;
    request.method = method_;
    request.directives = request_cc_;
    request.has_authorization = has_authorization_;
    request.has_consumer = !consumer_.empty();
    store_decision_ = c::decide_storable(request, view, *policy_);
    if (head_ && revalidating_ && entry_ && status == 200) {
        // Whether the GET it describes could be stored (a HEAD never is).
        auto as_get = request;
        as_get.method = "GET";
        if (freshen_with_head(res, static_cast<bool>(c::decide_storable(as_get, view, *policy_)))) {
            // Answered from the freshened entry, as after a 304: the stored
            // fields with the HEAD's updates, and the Age that goes with them.
            return serve_forwarded(200);
        }
    }
    if (store_decision_ && !head_) {
        body_limit_ = std::min(policy_->max_object_bytes, store_->max_object_bytes());
        if (view.content_length && *view.content_length > body_limit_) {
            status_.detail = c::to_string(c::store_verdict::too_large);
        } else if (auto headers = c::to_header_list(res); purged_since_request(headers)) {
            status_.detail = c::to_string(c::store_verdict::superseded);
        } else {
            const auto freshness =
                c::compute_freshness(view, *policy_, request_time_, response_time_);
            capturing_ = true;
            response_status_ = status;
            response_headers_ = std::move(headers);
            body_.clear();
            if (view.content_length)
                body_.reserve(static_cast<std::size_t>(*view.content_length));
            // Announced when the head goes out; a body without a length that
            // outgrows the limit is then streamed without being stored, and a
            // purge while the body is on its way has insert() refuse it.
            status_.stored = true;
            status_.ttl = freshness.lifetime - freshness.corrected_initial_age;
        }
    } else if (!store_decision_) {
        status_.detail = c::to_string(store_decision_.verdict);
    }
    if (!capturing_ && ticket_.leader())
        ticket_.release_uncacheable(); // followers go upstream now, not at the end
    format_status();
    // A ranged miss answered with the whole 200 (the Range was not passed
    // on) of a known length: the client's range is cut out of the body as it
    // streams past, so its part goes out as soon as it arrives. A body being
    // stored is still read (and captured) to its end; one too large to store,
    // or not storable, is not read past the range. An unknown length is
    // relayed whole: the part's Content-Range needs the full length.
    if (range_stripped_ && status == 200 && content_length) {
        auto field = [&](http::field name) -> std::optional<std::string_view> {
            const auto it = res.find(name);
            if (it == res.end())
                return std::nullopt;
            return std::string_view(it->value().data(), it->value().size());
        };
        if (!client_if_range_ || c::if_range_matches(*client_if_range_, field(http::field::etag),
                                                     field(http::field::last_modified))) {
            const auto size = static_cast<std::size_t>(*content_length);
            const auto asked = c::read_byte_range(*client_range_, size);
            if (asked.what == c::byte_range_request::verdict::part) {
                part_ = asked.part;
            } else if (asked.what == c::byte_range_request::verdict::unsatisfiable && size > 0) {
                // A 416, as from a hit, while the body goes by unsent (and
                // is stored when it can be). An empty body is relayed as it
                // is: there is no end to place an empty part at.
                part_ = c::byte_range{size, 0};
                part_unsatisfiable_ = true;
            }
        }
        if (part_) {
            part_of_ = *content_length;
            return head_action::relay_part;
        }
    }
    return head_action::relay;
}

bool cache_exchange::purged_since_request(const c::header_list& response_headers) const
{
    // What the purges test: the key, the API and the upstream's tags.
    c::cached_response probe;
    probe.primary_key = key_.primary;
    probe.key_hash = key_.hash;
    probe.api_id = *api_key_;
    probe.purge_generation = purge_generation_;
    probe.tags = c::parse_tags(response_headers);
    return store_->superseded(probe);
}

void cache_exchange::make_part_head(response_head& res) const
{
    if (part_unsatisfiable_) {
        // Its status, as counted; the session writes the 416 itself
        // (client_session::range_not_satisfiable), as for a hit.
        res.result(http::status::range_not_satisfiable);
        return;
    }
    res.result(http::status::partial_content);
    res.reason({}); // the upstream's reason phrase ("OK") went with its status
    res.set(http::field::content_range, "bytes " + std::to_string(part_->first) + "-" +
                                            std::to_string(part_->first + part_->length - 1) + "/" +
                                            std::to_string(part_of_));
    res.set(http::field::content_length, std::to_string(part_->length));
}

void cache_exchange::format_status()
{
    status_value_.clear();
    c::append_cache_status(status_value_, cache_name, status_);
}

void cache_exchange::invalidate_targets(const response_head& res)
{
    auto purge = [&](std::string_view path, std::string_view query) {
        c::key_parts parts;
        parts.scheme = scheme_;
        parts.host = authority_;
        parts.path = path;
        parts.query = query;
        store_->purge_key(c::make_cache_key(parts, *policy_).primary);
    };
    purge(path_, query_);
    for (const auto name : {http::field::location, http::field::content_location}) {
        const auto it = res.find(name);
        if (it == res.end())
            continue;
        const auto value = it->value();
        if (auto target = c::same_origin_target(std::string_view(value.data(), value.size()),
                                                scheme_, authority_, path_))
            purge(target->path, target->query);
    }
}

void cache_exchange::stop_capture()
{
    capturing_ = false;
    std::string().swap(body_);
    response_headers_.clear();
    if (ticket_.leader())
        ticket_.release_uncacheable();
}

void cache_exchange::capture(const char* data, std::size_t size)
{
    if (!capturing_)
        return;
    if (body_.size() + size > body_limit_)
        return stop_capture(); // over the per-object limit: streamed, not stored
    body_.append(data, size);
}

void cache_exchange::complete()
{
    if (!capturing_)
        return;
    capturing_ = false;
    // Per exchange, never per stored response.
    std::erase_if(response_headers_,
                  [](const c::header_field& h) { return iequals(h.name, "X-Request-Id"); });
    c::entry_inputs in;
    in.status = response_status_;
    in.headers = std::move(response_headers_);
    in.body = std::move(body_);
    in.body_files = store_->body_files();
    in.request_time = request_time_;
    in.response_time = response_time_;
    in.purge_generation = purge_generation_;
    in.key = &key_;
    in.api_id = *api_key_;
    in.request_headers = c::make_header_lookup(request_fields_);
    in.policy = policy_;
    in.strip_set_cookie = store_decision_.strip_set_cookie;
    if (store_decision_.per_consumer)
        in.consumer = consumer_;
    auto entry = c::make_cached_response(std::move(in));
    const auto result = store_->insert(entry);
    const bool stored = result == c::insert_result::stored || result == c::insert_result::replaced;
    if (ticket_.leader()) {
        if (stored)
            ticket_.publish(std::move(entry));
        else
            ticket_.release_uncacheable();
    }
}

void cache_exchange::make_stored_head(http::response_header<>& res, std::string_view via,
                                      std::string_view request_id) const
{
    const auto& e = *entry_;
    res = {};
    res.version(11);
    if (serve_not_modified_) {
        res.result(http::status::not_modified);
        for (const auto& h : c::not_modified_headers(e))
            res.insert(h.name, h.value);
        if (auto date = e.header("date"))
            res.set(http::field::date, *date);
    } else {
        res.result(serve_range_ ? 206u : e.status);
        for (const auto& h : e.headers) {
            if (iequals(h.name, "Content-Length") || iequals(h.name, "Transfer-Encoding"))
                continue;
            res.insert(h.name, h.value);
        }
        if (serve_range_) {
            const std::size_t last = serve_range_->first + serve_range_->length - 1;
            res.set(http::field::content_range, "bytes " + std::to_string(serve_range_->first) +
                                                    "-" + std::to_string(last) + "/" +
                                                    std::to_string(e.body.size()));
            res.set(http::field::content_length, std::to_string(serve_range_->length));
        } else if (e.status != 204) {
            res.set(http::field::content_length, std::to_string(e.body.size()));
        }
    }
    res.set(http::field::age, std::to_string(serve_age_));
    res.set("Cache-Status", status_value_);
    res.insert(http::field::via, via);
    res.set("X-Request-Id", request_id);
}

bool cache_exchange::write_stored_head(std::string& out, std::string_view via,
                                       std::string_view request_id, bool keep_alive) const
{
    if (serve_not_modified_ || serve_range_ || !entry_)
        return false;
    out.assign(entry_->wire_head);
    char age[24];
    const auto end = std::to_chars(age, age + sizeof age, serve_age_).ptr;
    head_writer w(out);
    w.field("Age", std::string_view(age, static_cast<std::size_t>(end - age)));
    w.field("Cache-Status", status_value_);
    w.field("Via", via);
    w.field("X-Request-Id", request_id);
    if (!keep_alive)
        w.field("Connection", "close");
    w.append("\r\n");
    return true;
}

unsigned cache_exchange::stored_status() const
{
    return serve_not_modified_ ? 304u : serve_range_ ? 206u : entry_->status;
}

std::string_view cache_exchange::stored_body() const
{
    if (!stored_response_has_body())
        return {};
    const std::string_view body = entry_->body.view();
    return serve_range_ ? body.substr(serve_range_->first, serve_range_->length) : body;
}

std::optional<cache_exchange::body_file_range> cache_exchange::stored_body_file() const
{
    if (!stored_response_has_body() || entry_->body.file() < 0)
        return std::nullopt;
    if (serve_range_)
        return body_file_range{entry_->body.file(), serve_range_->first, serve_range_->length};
    return body_file_range{entry_->body.file(), 0, entry_->body.size()};
}

bool cache_exchange::stored_response_has_body() const
{
    return !head_ && !serve_not_modified_ && entry_ && entry_->status != 204 &&
           !entry_->body.empty();
}

} // namespace gatehouse::gateway
