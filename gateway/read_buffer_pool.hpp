// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/core/flat_buffer.hpp>

#include <cstddef>
#include <vector>

namespace gatehouse::gateway {

// The buffers upstream responses are read into, lent to one exchange at a
// time and kept by the worker in between (single-threaded: the worker's
// sessions only).
//
// A response body is relayed from where it is read (relay_body), so the
// buffer's size is how much one read and one write move: 64 KiB proxies a
// 64 KiB response with a third of the system calls (and wake-ups of the
// client) that 16 KiB took. A client connection keeps no buffer between its
// requests, so idle keep-alive connections cost none of it; an exchange in
// flight holds one (nginx's proxy_buffers hold 36 KiB per request by
// default).
class read_buffer_pool {
public:
    static constexpr std::size_t buffer_size = 64 * 1024;
    // Kept for reuse beyond that many, buffers are freed.
    static constexpr std::size_t max_idle = 64;

    // An empty buffer with room for buffer_size bytes.
    boost::beast::flat_buffer take()
    {
        if (idle_.empty()) {
            boost::beast::flat_buffer buffer;
            buffer.reserve(buffer_size);
            return buffer;
        }
        boost::beast::flat_buffer buffer = std::move(idle_.back());
        idle_.pop_back();
        return buffer;
    }

    // Back for reuse; one that grew past buffer_size (a partial head or
    // chunk header as long as a whole buffer) is freed instead.
    void give(boost::beast::flat_buffer buffer)
    {
        if (idle_.size() >= max_idle || buffer.capacity() != buffer_size)
            return;
        buffer.clear();
        idle_.push_back(std::move(buffer));
    }

    std::size_t idle() const { return idle_.size(); }

private:
    std::vector<boost::beast::flat_buffer> idle_;
};

} // namespace gatehouse::gateway
