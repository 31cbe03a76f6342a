// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the demo origin: request handling, shared by demo_origin.cpp
// (the server) and demo_origin_handlers.cpp (the resources).

#include "demo_origin_request.hpp"
#include "demo_origin_response.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::demo {

namespace http = boost::beast::http;

// The product catalog, generated once from a seed and immutable afterwards.
class catalog;
std::shared_ptr<const catalog> make_catalog(std::uint64_t seed);

// Knobs the public API turns while traffic flows.
struct controls {
    std::atomic<std::int64_t> latency_ms{0};
    std::atomic<double> error_rate{0.0};
};

// Per worker thread; only that thread touches it.
struct worker_state {
    const catalog* products = nullptr;
    const controls* knobs = nullptr;
    std::uint64_t rng = 0;
};

// A chunked response: `reply::res` then carries the head only.
struct stream_plan {
    std::uint64_t size = 0;
    std::size_t chunk = 0;
    std::chrono::milliseconds interval{0};
};

struct reply {
    response res;
    std::chrono::milliseconds delay{0}; // requested by the client (delay_ms)
    std::optional<stream_plan> stream;
    bool close = false; // close the connection after this response
};

// Builds the complete response (Date, Server, framing, conditionals) for one request.
void handle_request(const request& req, worker_state& worker, reply& out);

// A problem+json response for failures found before a request is complete (413, 431, 400).
response make_problem_response(http::status status, std::string_view detail);

// Repeating "0123456789abcdef" pattern; `pattern_bytes().substr(offset % 16, n)`
// for any n <= max_pattern_chunk.
inline constexpr std::size_t max_pattern_chunk = 1024 * 1024;
std::string_view pattern_bytes();

} // namespace gatehouse::gateway::demo
