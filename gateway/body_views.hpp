// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/http/error.hpp>
#include <boost/system/error_code.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace gatehouse::gateway {

// Where a parser puts body bytes for the relay instead of copying them into
// a window (http::buffer_body): views of them where they lie, in the read
// buffer the parser was given, decoded from their framing (chunk sizes and
// extensions left out). The relay writes them on from there, so a body's
// bytes are copied only by the kernel, into the gateway and out of it.
//
// Valid until that buffer is written to again: the relay writes every view
// before it reads more (a parser that is not eager returns after each piece
// of body, never asking for more bytes with pieces in hand).
class body_views {
public:
    // Chunks taken from one read before they are written: a chunked body of
    // small chunks still goes out in one write per read.
    static constexpr std::size_t max_views = 16;

    // A parser's body callback: takes `piece` whole, or nothing with
    // need_buffer once max_views are held.
    std::size_t put(std::string_view piece, boost::system::error_code& ec)
    {
        if (piece.empty()) {
            ec = {};
            return 0;
        }
        if (count_ == max_views) {
            ec = boost::beast::http::error::need_buffer;
            return 0;
        }
        views_[count_++] = piece;
        bytes_ += piece.size();
        ec = {};
        return piece.size();
    }

    std::span<const std::string_view> views() const { return {views_.data(), count_}; }
    bool empty() const { return count_ == 0; }
    bool full() const { return count_ == max_views; }
    std::size_t bytes() const { return bytes_; }
    void clear()
    {
        count_ = 0;
        bytes_ = 0;
    }

private:
    std::array<std::string_view, max_views> views_;
    std::size_t count_ = 0;
    std::size_t bytes_ = 0;
};

} // namespace gatehouse::gateway
