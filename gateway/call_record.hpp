// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace gatehouse::gateway {

enum class cache_status : std::uint8_t { none, hit, miss, stale, revalidated, bypass };

// Why the gateway itself answered (or gave up on) a call; `none` when the
// upstream's response was relayed.
enum class call_error : std::uint8_t {
    none,
    no_route,
    method_not_allowed,
    bad_request,
    header_too_large,
    body_too_large,
    request_timeout,
    upstream_unavailable,
    upstream_timeout,
    upstream_aborted, // the upstream broke off mid-response
    client_aborted,   // the client went away mid-exchange
    unauthorized,
    forbidden,
    rate_limited,
    gone,
    shutting_down,
    not_cached, // only-if-cached and nothing usable stored (RFC 9111 §5.2.1.7)
};

std::string_view to_string(cache_status status);
std::string_view to_string(call_error error);

// One call, as captured on the worker thread: fixed size and trivially
// copyable, so capturing it allocates nothing and a ring slot is a memcpy.
// Text fields are truncated to their capacity.
struct call_record {
    std::int64_t timestamp_us = 0;    // request start, microseconds since the Unix epoch
    std::uint64_t api_id = 0;         // 0: no API (no route, or a plain route)
    std::uint64_t application_id = 0; // the authenticated consumer; 0: anonymous
    std::uint64_t bytes_in = 0;
    std::uint64_t bytes_out = 0;
    std::uint32_t total_latency_us = 0;
    std::uint32_t upstream_latency_us = 0; // request sent -> response head received
    std::uint16_t status = 0;              // 0: no response was sent
    cache_status cache = cache_status::none;
    call_error error = call_error::none;

    template <std::size_t N>
    struct text {
        std::uint16_t size = 0;
        char data[N];
        void assign(std::string_view value)
        {
            size = static_cast<std::uint16_t>(std::min(value.size(), N));
            if (size != 0) // an empty view may carry a null pointer: memcpy's UB
                std::memcpy(data, value.data(), size);
        }
        std::string_view view() const { return {data, size}; }
    };

    text<16> method;
    text<40> request_id;
    text<48> route_id;
    text<64> upstream; // target URL
    text<48> client_address;
    text<256> path; // path and query as the client sent them
};

static_assert(std::is_trivially_copyable_v<call_record>);

} // namespace gatehouse::gateway
