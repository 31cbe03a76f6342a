// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/upstream.hpp"

#include "gateway/coarse_clock.hpp"
#include "gateway/runtime_config.hpp"

#include <cerrno>
#include <sys/socket.h>

namespace gatehouse::gateway {

std::unique_ptr<worker_stream>
upstream_pool::take(std::uint64_t target_id, std::chrono::steady_clock::duration max_idle_time,
                    bool probe)
{
    auto it = idle_.find(target_id);
    if (it == idle_.end())
        return nullptr;
    auto& list = it->second;
    const auto now = coarse_now();
    // Most recently used first: it is the least likely to have been closed
    // by the upstream's own keep-alive timeout.
    while (!list.empty()) {
        idle_connection conn = std::move(list.back());
        list.pop_back();
        if (now - conn.since > max_idle_time || !conn.stream->socket().is_open())
            continue;
        // EOF or bytes waiting on an idle connection mean the upstream closed
        // it (or broke protocol): do not reuse it. One non-blocking peek is
        // far cheaper than a failed request and a retry.
        if (probe) {
            char byte;
            const auto got =
                ::recv(conn.stream->socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            if (got >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                continue;
        }
        return std::move(conn.stream);
    }
    return nullptr;
}

void upstream_pool::give(const target_state& target, std::unique_ptr<worker_stream> stream,
                         unsigned max_idle)
{
    // A retired target is never taken from again: keeping the connection
    // would only hold a socket open to an address no longer in use.
    if (target.retired.load(std::memory_order_relaxed))
        return;
    auto& list = idle_[target.id];
    if (list.size() >= max_idle)
        return; // the stream closes as it goes out of scope
    stream->expires_never();
    list.push_back({std::move(stream), coarse_now()});
}

void upstream_pool::drop(const std::vector<std::uint64_t>& target_ids)
{
    for (const std::uint64_t id : target_ids)
        idle_.erase(id);
}

void upstream_pool::clear()
{
    idle_.clear();
}

std::size_t upstream_pool::idle_count() const
{
    std::size_t n = 0;
    for (const auto& [id, list] : idle_)
        n += list.size();
    return n;
}

} // namespace gatehouse::gateway
