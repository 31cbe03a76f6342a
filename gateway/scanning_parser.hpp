// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/body_views.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/basic_parser.hpp>

#include <cstdint>
#include <string_view>

namespace gatehouse::gateway {

// What the parsers whose heads head_scan reads have in common (the upstream
// response's, response_head_parser; the client request's,
// request_head_parser; the demo origin's): the header limit the scan needs
// to know, and handing Beast a scanned head's framing summary while their
// callbacks know to ignore what it repeats.
//
// The scan itself stays in each parser, with that parser's sink for the
// fields: run through one shared template, GCC stopped inlining the
// per-field callbacks into the scan loop (~250 more instructions per
// proxied request).
template <bool isRequest>
class scanning_parser : public boost::beast::http::basic_parser<isRequest> {
public:
    using error_code = boost::system::error_code;

    // As basic_parser's, remembered for the scan.
    void header_limit(std::uint32_t bytes)
    {
        header_limit_ = bytes;
        boost::beast::http::basic_parser<isRequest>::header_limit(bytes);
    }

    // While set, the body is not copied into the message's window: its
    // pieces are left as views into the bytes given to put() (body_views,
    // for the relay). nullptr: the window again.
    void view_body(body_views* views) { views_ = views; }

protected:
    body_views* body_view_sink() const { return views_; }

    std::uint32_t scan_limit() const { return header_limit_; }

    // Whether this message's head may still be scanned: nothing given to
    // Beast yet, and not eager (an eager put() would go on into the body).
    bool may_scan() const { return !this->got_some() && !this->eager(); }

    // Beast reads the framing summary of a scanned head `size` bytes long;
    // returns what put() of the real head would have: `size`, or 0 with the
    // error when Beast rejects the framing.
    std::size_t put_summary(std::string_view summary, std::size_t size, error_code& ec)
    {
        replaying_ = true;
        this->put(boost::asio::buffer(summary.data(), summary.size()), ec);
        replaying_ = false;
        return ec ? 0 : size;
    }

    // Beast is reading a summary: its callbacks repeat what the scan gave.
    bool replaying() const { return replaying_; }

private:
    std::uint32_t header_limit_ = 8192; // Beast's default
    bool replaying_ = false;
    body_views* views_ = nullptr;
};

} // namespace gatehouse::gateway
