// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_entry.hpp"
#include "gateway/cache/cache_key.hpp"
#include "gateway/cache/cache_status.hpp"
#include "gateway/cache/cache_store.hpp"
#include "gateway/cache/coalescer.hpp"
#include "gateway/cache/conditional.hpp"
#include "gateway/cache/freshness.hpp"
#include "gateway/cache_refresh.hpp"
#include "gateway/call_record.hpp"
#include "gateway/runtime_config.hpp"

#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway {

// The response cache's part of one exchange (RFC 9111 as a shared cache):
// the client session drives the I/O and asks this object what to do at each
// point -- after routing, before forwarding, on the upstream's response head,
// for every piece of its body, and at its end. See gateway/cache/README.md
// for the flow.
//
// Thread safety: one per client session, used on that session's thread only.
class cache_exchange {
public:
    using request_head = boost::beast::http::request_header<>;
    using response_head = boost::beast::http::response_header<>;

    enum class step {
        forward,    // go upstream (prepare_forward() first)
        serve,      // answer from the stored entry (write_stored_response)
        not_cached, // only-if-cached and nothing usable: 504
        wait,       // a coalesced follower: co_await ticket().wait(...), then after_wait()
    };
    enum class head_action {
        relay,        // relay the upstream's response (capture() its body, then complete())
        serve_stored, // drop the upstream's response and serve the stored entry
        // A ranged miss (see prepare_forward) answered with a whole 200:
        // make_part_head(), then relay only part() of the streamed body --
        // while capturing() the whole of it (capture(), then complete()) when
        // it is being stored.
        relay_part,
    };

    // Ready for the next request; a leader that never finished abandons, so
    // its followers go upstream themselves.
    void reset();
    // Caching applies to this exchange (the route has a policy).
    bool active() const { return policy_ != nullptr; }

    // Opted-in POST caching keys on a digest of the body, so the body must
    // be read whole before the lookup: true when this request qualifies (a
    // Content-Length within the policy's object limit). The session then
    // reads it into request_body() and calls mark_body_buffered().
    static bool wants_request_body(const request_head& req, const route_cache& route,
                                   std::optional<std::uint64_t> content_length);
    std::string& request_body() { return request_body_; }
    void mark_body_buffered() { body_buffered_ = true; }
    // The authenticated consumer (after reset(), before begin()); empty for
    // anonymous calls. Keys private-per-consumer entries: a consumer sees
    // shared entries and its own, never another's.
    void set_consumer(std::uint64_t application_id);
    // The request body to send upstream instead of relaying it, or null.
    const std::string* buffered_body() const { return body_buffered_ ? &request_body_ : nullptr; }

    // After routing. `authority` is the Host the client asked for, `path` the
    // normalised path, `query` without the '?'. Strips the unkeyed headers
    // that could poison the cache from `req`.
    // `scheme` is the client's ("http" or "https", static strings): part of
    // the key, as an upstream may answer each differently.
    step begin(request_head& req, const route_cache& route, cache::cache_store& store,
               cache::coalescer& coalescer, std::string_view scheme, std::string_view authority,
               std::string_view path, std::string_view query);

    cache::flight_ticket& ticket() { return ticket_; }
    // After step::serve of a stale entry under stale-while-revalidate: the
    // background refresh to start (the session adds the upstream), or null
    // when none is due (another request is already refreshing the key).
    std::shared_ptr<refresh_job> take_refresh() { return std::move(refresh_); }
    step after_wait(const cache::wait_outcome& outcome, const request_head& req);

    // Just before the request goes upstream (headers not yet rewritten for
    // forwarding): remembers what the stored copy needs and, when a stored
    // entry is being revalidated, replaces the client's validators with the
    // entry's (RFC 9111 §4.3.1). A GET's Range and If-Range are not passed
    // on: the whole representation is fetched so that it can be stored, and
    // the range is cut from it (as nginx's proxy_cache does).
    void prepare_forward(request_head& req);

    // The upstream could not be reached or did not answer: true when a stale
    // entry may stand in (stale-if-error); then serve it.
    bool serve_stale_on_error();

    // The upstream's response head, before the session rewrites it for the
    // client. Decides whether the body is captured for storing, applies
    // invalidation, and settles the Cache-Status the client gets: the
    // session writes status_value() in place of the upstream's and leaves
    // the targeted cache fields out (response_rewrite), so that the head's
    // fields need no changes here.
    head_action on_response_head(response_head& res);
    std::string_view status_value() const { return status_value_; }
    // After step::serve: the client's range lies past the stored body's
    // end; the body's length, for a 416 in place of the stored response.
    std::optional<std::size_t> unsatisfiable_range() const
    {
        if (!serve_unsatisfiable_)
            return std::nullopt;
        return entry_->body.size();
    }
    // A piece of the relayed body.
    void capture(const char* data, std::size_t size);
    // The relayed response ended cleanly: store it (and wake followers).
    void complete();
    // The upstream's body is being kept for the store.
    bool capturing() const { return capturing_; }
    // After head_action::relay_part: the upstream's 200 head turned into the
    // 206 for the client's range, and that range of the upstream's body; or,
    // for a range past the end, a 416 status (the session writes that answer)
    // and an empty part at the end.
    void make_part_head(response_head& res) const;
    const cache::byte_range& part() const { return *part_; }
    // The part is the empty one of a 416 (a range past the end), of a body
    // of part_of() bytes.
    bool part_unsatisfiable() const { return part_unsatisfiable_; }
    std::uint64_t part_of() const { return part_of_; }

    // The head of the response to write when step::serve /
    // head_action::serve_stored, with `via` and `request_id` added; its body
    // is stored_body().
    void make_stored_head(boost::beast::http::response_header<>& res, std::string_view via,
                          std::string_view request_id) const;

    // A client's single byte Range on a GET is served from a stored 200 as a
    // 206 with that part of the body (RFC 9110 §14); anything else gets the
    // whole stored response.
    // False for HEAD, a 304 to the client, 204 and an empty body: write the head only.
    bool stored_response_has_body() const;

    // The fast way to the same response: the head written into `out` from
    // the entry's prebuilt wire head plus the per-hit fields, ready to send
    // with stored_body(). False (nothing written) for a 304 to the client,
    // which make_stored_head() builds.
    bool write_stored_head(std::string& out, std::string_view via, std::string_view request_id,
                           bool keep_alive) const;
    std::string_view stored_body() const;
    // The same bytes as a range of a sealed file to sendfile from, when the
    // entry's body lives in one; nullopt when it is in memory (or there is
    // no body to send).
    struct body_file_range {
        int fd;
        std::size_t offset;
        std::size_t length;
    };
    std::optional<body_file_range> stored_body_file() const;
    // The status the stored response goes out with (304, 206 or the entry's).
    unsigned stored_status() const;

    cache_status record_status() const { return record_status_; }
    bool head_request() const { return head_; }

private:
    enum class mode { bypass, invalidate, lookup };

    // Serve entry_ (Age, client conditionals, Cache-Status) as a hit.
    step serve_entry(std::int64_t age, std::int64_t ttl, bool stale);
    void count(cache::cache_counter what);
    void format_status(); // status_value_ from status_
    step not_cached();    // only-if-cached and nothing to serve
    // Whether a purge or invalidation since the request covers its response,
    // which the store would then refuse (cache_store::superseded).
    bool purged_since_request(const cache::header_list& response_headers) const;
    void invalidate_targets(const response_head& res);
    head_action serve_forwarded(unsigned upstream_status);
    // RFC 9111 §4.3.5: the 200 to a HEAD sent for the stale entry_; true
    // when it updated entry_ (false: entry_ was dropped from the store).
    bool freshen_with_head(const response_head& res, bool storable);
    void stop_capture();

    const cache::cache_policy* policy_ = nullptr;
    cache::cache_stats* stats_ = nullptr;
    cache::cache_store* store_ = nullptr;
    const std::string* api_key_ = nullptr;
    mode mode_ = mode::bypass;
    bool head_ = false;
    bool post_ = false; // an opted-in POST, keyed by its body
    std::string_view method_;
    std::string_view scheme_ = "http"; // static
    std::string authority_;
    std::string path_;
    std::string query_;
    cache::cache_key key_;
    cache::cache_directives request_cc_;
    bool has_authorization_ = false;
    std::string consumer_; // "app:<id>", or empty

    std::shared_ptr<const cache::cached_response> entry_; // stored, selected by this request
    bool revalidating_ = false;                           // forwarding with the entry's validators
    bool serve_not_modified_ = false;                     // answer the client 304
    bool range_stripped_ = false;                         // the client's Range was not forwarded
    std::int64_t serve_age_ = 0;
    std::optional<std::string> client_if_none_match_;
    std::optional<std::string> client_if_modified_since_;
    std::optional<std::string> client_range_;
    std::optional<std::string> client_if_range_;
    std::optional<cache::byte_range> serve_range_; // answer 206 with this part of the entry
    bool serve_unsatisfiable_ = false;             // answer 416: the range starts past its end
    std::optional<cache::byte_range> part_;        // relayed out of a body not stored
    bool part_unsatisfiable_ = false;              // part_ is the empty one of a 416
    std::uint64_t part_of_ = 0;                    // the whole body's length

    std::string request_body_;
    bool body_buffered_ = false;

    cache::flight_ticket ticket_;
    std::shared_ptr<refresh_job> refresh_;
    cache::cache_status status_;
    cache_status record_status_ = cache_status::none;
    std::string status_value_; // formatted Cache-Status

    // The miss being stored.
    boost::beast::http::fields request_fields_; // the client's, for the Vary secondary key
    cache::sys_time request_time_{};
    std::uint64_t purge_generation_ = 0; // the store's, when the request left
    cache::sys_time response_time_{};
    bool capturing_ = false;
    cache::store_decision store_decision_;
    unsigned response_status_ = 0;
    cache::header_list response_headers_;
    std::string body_;
    std::size_t body_limit_ = 0;
};

// "Gatehouse; fwd=bypass": what a route without caching answers with.
inline constexpr std::string_view cache_status_bypass = "Gatehouse; fwd=bypass";

} // namespace gatehouse::gateway
