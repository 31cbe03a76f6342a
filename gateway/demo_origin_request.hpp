// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the demo origin: a request as it reads one.

#include "gateway/scanning_parser.hpp"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway::demo {

// The request line, the fields in the order they arrived and the body, in
// storage a connection reuses from request to request.
//
// Beast's http::request keeps its fields in http::fields: a node allocated per
// field, filed in a tree ordered by case-insensitive name, and every lookup
// (If-None-Match, If-Modified-Since, Expect) a walk of that tree comparing
// names character by character. That was a third of the demo origin's time
// per request, and grew with every field a proxy adds (X-Forwarded-*, Via,
// X-Request-Id), on the core the benchmarks' load generator shares with the
// origin. The demo origin only ever reads a request's fields, a handful of
// times, so a flat array with each field's code does.
class request {
public:
    struct field_line {
        boost::beast::http::field name; // field::unknown for names Beast does not know
        std::string_view name_string;
        std::string_view value;
    };

    boost::beast::http::verb method() const { return method_; }
    std::string_view method_string() const { return method_string_; }
    std::string_view target() const { return target_; }
    unsigned version() const { return version_; }
    // As http::message::keep_alive(): the version's default unless Connection says otherwise.
    bool keep_alive() const { return keep_alive_; }

    // The value of the first line of that field; empty when there is none.
    std::string_view operator[](boost::beast::http::field name) const;
    // The same by name, compared case-insensitively.
    std::string_view operator[](std::string_view name) const;
    // Every line, in the order received.
    const std::vector<field_line>& fields() const { return lines_; }

    std::string& body() { return body_; }
    const std::string& body() const { return body_; }

    // A head read by the quick scan views the bytes it was read from (no
    // copy: nearly every request has no body, and is answered before the
    // next read); before more is read into that buffer (the body), the head
    // takes copies here.
    void keep_head();

private:
    friend class request_parser;
    struct entry {
        boost::beast::http::field name;
        std::uint32_t name_at, name_size, value_at, value_size;
    };

    void clear();
    std::uint32_t keep(std::string_view s); // into storage_, returns where
    // Beast's reading: copies.
    void set_request_line(boost::beast::http::verb method, std::string_view method_string,
                          std::string_view target, unsigned version);
    void add_field(boost::beast::http::field name, std::string_view name_string,
                   std::string_view value);
    // The quick scan's: views of the bytes received.
    void view_request_line(std::string_view method_string, std::string_view target,
                           unsigned version);
    void view_field(boost::beast::http::field name, std::string_view name_string,
                    std::string_view value)
    {
        lines_.push_back({name, name_string, value});
    }
    void finish_head(bool keep_alive); // the views of the copies, if copies they are

    boost::beast::http::verb method_ = boost::beast::http::verb::unknown;
    unsigned version_ = 11;
    bool keep_alive_ = true;
    bool viewing_ = false; // the head views the bytes it was read from
    std::string storage_;  // method, target, names and values, one after another
    std::vector<entry> entries_;
    std::vector<field_line> lines_;
    std::string_view method_string_, target_;
    std::uint32_t method_at_ = 0, method_size_ = 0, target_at_ = 0, target_size_ = 0;
    std::string body_;
};

// Reads one request into a `request` (cleared when the parser is made), for
// Beast's http::async_read_header and http::async_read like http::request_parser.
class request_parser : public scanning_parser<true> {
public:
    explicit request_parser(request& req)
        : req_(req)
    {
        req_.clear();
    }

    request& get() { return req_; }

    // put() of a head at the front of `received`, read by head_scan when it
    // has the plain shape (as response_head_parser does): for relay.hpp's read_header.
    std::size_t put_received(boost::asio::const_buffer received, error_code& ec);

private:
    using string_view = boost::beast::string_view;

    void on_request_impl(boost::beast::http::verb method, string_view method_string,
                         string_view target, int version, error_code& ec) override;
    void on_response_impl(int, string_view, int, error_code& ec) override { ec = {}; }
    void on_field_impl(boost::beast::http::field name, string_view name_string, string_view value,
                       error_code& ec) override;
    void on_header_impl(error_code& ec) override;
    void on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                           error_code& ec) override;
    std::size_t on_body_impl(string_view body, error_code& ec) override;
    void on_chunk_header_impl(std::uint64_t, string_view, error_code& ec) override { ec = {}; }
    std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code& ec) override
    {
        return on_body_impl(body, ec);
    }
    void on_finish_impl(error_code& ec) override { ec = {}; }

    request& req_;
};

} // namespace gatehouse::gateway::demo
