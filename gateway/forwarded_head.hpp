// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/response_head.hpp"

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>

#include <string>
#include <string_view>

namespace gatehouse::gateway {

// The heads of a proxied exchange, rewritten as they are serialized: one
// pass over the parsed fields writes what goes on the wire, instead of
// editing Beast's field list first (every set() there allocates, every
// lookup walks a tree) and serializing it afterwards.
//
// Both drop the hop-by-hop fields of RFC 9110 §7.6.1 (Connection, every field
// it names, Keep-Alive, Proxy-Connection, TE, Trailer, Upgrade,
// Proxy-Authenticate, Proxy-Authorization), as remove_hop_by_hop() does, and
// append the gateway to Via.

// What the gateway changes in a request it forwards upstream. The request
// goes out as HTTP/1.1 on a persistent connection, without Expect (a client
// waiting for 100 Continue got it from the gateway).
struct request_rewrite {
    std::string_view target;          // the upstream request-target
    std::string_view host;            // the Host sent upstream; empty: the client's own
    std::string_view client_ip;       // appended to X-Forwarded-For (when known)
    std::string_view via;             // appended to Via ("1.1 gatehouse")
    std::string_view request_id;      // replaces X-Request-Id
    std::string_view scheme = "http"; // X-Forwarded-Proto: the client's scheme
    // The host the client asked for when it is not its Host field: an
    // absolute-form target's authority (RFC 9112 §3.2.2), which then
    // stands for Host in X-Forwarded-Host and in a preserved Host.
    std::string_view client_host{};
    // >= 0: the Max-Forwards sent on, replacing the client's (an OPTIONS or
    // TRACE, one hop less, RFC 9110 §7.6.2); < 0: the client's as it is.
    int max_forwards = -1;
    // Non-empty: the protocol the client asked to switch to (a WebSocket),
    // sent on as Upgrade with "Connection: upgrade" (both hop-by-hop, so
    // dropped otherwise).
    std::string_view upgrade{};
    // Non-empty: the host a trusted proxy in front was asked for (its
    // X-Forwarded-Host), sent on as X-Forwarded-Host instead of the Host.
    std::string_view forwarded_host{};
    // The start of the client's path the route took off before forwarding
    // (client_session::removed_prefix): sent as X-Forwarded-Prefix, so that
    // an upstream can build links the client can follow. Empty: none.
    std::string_view removed_prefix{};
    // The client is a trusted proxy (gateway_options::trusted_proxies): its
    // X-Forwarded-Prefix goes before the route's.
    bool trusted_peer = false;
};
// X-Forwarded-Proto becomes the rewrite's scheme; X-Forwarded-Host the
// rewrite's forwarded_host, else the client's Host (else none); a client's
// own X-Forwarded-Host is never passed on;
// X-Forwarded-Prefix a trusted peer's followed by the removed prefix (from
// other clients it is dropped: the gateway speaks for what it forwards).
void serialize_forwarded_request(const boost::beast::http::request_header<>& req,
                                 const request_rewrite& rewrite, std::string& out);

// What the gateway changes in a response it relays to the client, sent as
// HTTP/1.1.
struct response_rewrite {
    std::string_view via;          // appended to Via
    std::string_view request_id;   // X-Request-Id, unless the upstream sent one
    std::string_view cache_status; // replaces Cache-Status; empty: as in the message
    bool strip_targeted = false;   // drop the RFC 9213 targeted cache fields
    bool chunked = false;          // the body goes out chunked (Transfer-Encoding)
    bool keep_alive = true;        // false: "Connection: close"
    // Non-empty: a 101 switching the client's connection to this protocol
    // (Upgrade, with "Connection: upgrade").
    std::string_view upgrade{};
};
void serialize_forwarded_response(const boost::beast::http::response_header<>& res,
                                  const response_rewrite& rewrite, std::string& out);
void serialize_forwarded_response(const response_head& res, const response_rewrite& rewrite,
                                  std::string& out);

// An interim (1xx) response relayed to the client ahead of the final one
// (RFC 9110 §15.2: a proxy forwards them), sent as HTTP/1.1: its fields but
// the hop-by-hop ones and any framing (an interim response has no content),
// and the gateway appended to Via.
void serialize_interim_response(const response_head& res, std::string_view via, std::string& out);

} // namespace gatehouse::gateway
