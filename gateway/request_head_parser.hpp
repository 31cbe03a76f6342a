// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/scanning_parser.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/message.hpp>

#include <cstdint>

namespace gatehouse::gateway {

// What http::request_parser<http::buffer_body> is to the client's request on
// the proxy path (the same message, fields, body window and errors), with
// the head read by head_scan when it has the plain shape, as
// response_head_parser reads the upstream's: Beast's parser is then given
// only the framing fields, for the body. put_received() is the quick way
// in; put() is Beast's, unchanged.
class request_head_parser : public scanning_parser<true> {
public:
    using message_type = boost::beast::http::request<boost::beast::http::buffer_body>;

    request_head_parser()
        : reader_(message_.base(), message_.body())
    {
    }
    request_head_parser(const request_head_parser&) = delete;
    request_head_parser& operator=(const request_head_parser&) = delete;

    message_type& get() { return message_; }
    const message_type& get() const { return message_; }

    // put() of the bytes in `received`, a plain head among them read by the scan.
    std::size_t put_received(boost::asio::const_buffer received, error_code& ec);

private:
    using string_view = boost::beast::string_view;

    void on_request_impl(boost::beast::http::verb method, string_view method_string,
                         string_view target, int version, error_code& ec) override;
    void on_response_impl(int, string_view, int, error_code& ec) override { ec = {}; }
    void on_field_impl(boost::beast::http::field name, string_view name_string, string_view value,
                       error_code& ec) override
    {
        ec = {};
        if (!replaying())
            message_.insert(name, name_string, value);
    }
    void on_header_impl(error_code& ec) override { ec = {}; }
    void on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                           error_code& ec) override
    {
        reader_.init(content_length, ec);
    }
    std::size_t on_body_impl(string_view body, error_code& ec) override
    {
        if (auto* views = body_view_sink())
            return views->put({body.data(), body.size()}, ec);
        return reader_.put(boost::asio::buffer(body.data(), body.size()), ec);
    }
    void on_chunk_header_impl(std::uint64_t, string_view, error_code& ec) override { ec = {}; }
    std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code& ec) override
    {
        return on_body_impl(body, ec);
    }
    void on_finish_impl(error_code& ec) override { reader_.finish(ec); }

    message_type message_;
    boost::beast::http::buffer_body::reader reader_;
};

} // namespace gatehouse::gateway
