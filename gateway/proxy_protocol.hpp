// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/asio/ip/address.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gatehouse::gateway {

// The PROXY protocol header (HAProxy's proxy-protocol.txt, versions 1 and
// 2) that a layer-4 load balancer (AWS NLB, HAProxy in TCP mode) puts at
// the start of each connection to tell the server whose connection it
// passes on: there is no HTTP field for it when the balancer does not speak
// HTTP, or when the connection is TLS it does not end.

// The most bytes a header may take here: a version 1 header is at most 107
// bytes; version 2 allows 64 KiB of extensions (TLVs), which balancers use
// for a few dozen bytes (AWS: the VPC endpoint id).
inline constexpr std::size_t proxy_header_limit = 1024;

struct proxy_header {
    enum class status {
        complete,  // `length` bytes are the header
        need_more, // every byte so far is header; more must come
        invalid,   // not a PROXY header, or a broken one
    };
    status state = status::need_more;
    std::size_t length = 0;
    // The client the balancer speaks for; none for a connection of the
    // balancer's own (version 2 LOCAL, version 1 UNKNOWN: health checks),
    // or an address family other than IPv4 and IPv6.
    std::optional<boost::asio::ip::address> source;
    std::uint16_t source_port = 0;
};

// Reads a header from the first bytes of a connection. `bytes` may hold
// more than the header (what follows it belongs to HTTP or TLS): `length`
// says where it ends. With `need_more`, all of `bytes` belongs to the
// header, so a reader may take them off the socket before waiting for more.
proxy_header parse_proxy_header(std::string_view bytes);

} // namespace gatehouse::gateway
