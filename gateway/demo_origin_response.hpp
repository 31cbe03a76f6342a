// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the demo origin: a response as it builds one.

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway::demo {

// The status, fields and body of a response, in storage a connection reuses
// from response to response, with the part of http::response's interface
// the demo origin's handlers use (and the same meaning: set() replaces every
// field of the name and appends, keep_alive() writes Connection as the
// version needs, prepare_payload() sets Content-Length).
//
// Beast's http::fields allocated a node per field and filed it in a tree by
// case-insensitive name, every set() searching that tree first: about a
// third of the demo origin's time per request, on the core the benchmarks'
// load generator shares with it. A response has some eight fields, written
// once each; a flat array and one reused string for their bytes do.
class response {
public:
    response() = default;
    response(boost::beast::http::status status, unsigned version)
        : status_(static_cast<unsigned>(status))
        , version_(version)
        , keep_alive_(version >= 11)
    {
    }

    // Back to an empty 200 OK of `version`, keeping the storage.
    void clear(unsigned version);

    void result(boost::beast::http::status status) { status_ = static_cast<unsigned>(status); }
    void result(unsigned code) { status_ = code; }
    boost::beast::http::status result() const { return boost::beast::http::int_to_status(status_); }
    unsigned result_int() const { return status_; }
    unsigned version() const { return version_; }

    // Every line of the field (or name) replaced by one with this value, at the end.
    void set(boost::beast::http::field name, std::string_view value);
    void set(std::string_view name, std::string_view value);
    // Another line of that name, at the end.
    void insert(std::string_view name, std::string_view value);
    void erase(boost::beast::http::field name);
    // The first line's value; empty when there is none.
    std::string_view operator[](boost::beast::http::field name) const;

    // As http::message::keep_alive(bool): Connection says what differs from
    // the version's default.
    void keep_alive(bool keep);
    bool keep_alive() const { return keep_alive_; }
    // Transfer-Encoding: chunked instead of a Content-Length.
    void chunked();
    // Content-Length: the body's size.
    void prepare_payload();

    std::string& body() { return body_; }
    const std::string& body() const { return body_; }

    // The status line and fields as they go on the wire, blank line included
    // (`out` is overwritten; its storage is reused).
    void write_head(std::string& out) const;

private:
    struct line {
        boost::beast::http::field code;
        std::uint32_t name_at, name_size, value_at, value_size; // in bytes_
    };

    void remove(boost::beast::http::field code, std::string_view name);
    void append(boost::beast::http::field code, std::string_view name, std::string_view value);
    std::string_view view(std::uint32_t at, std::uint32_t size) const
    {
        return {bytes_.data() + at, size};
    }

    unsigned status_ = 200;
    unsigned version_ = 11;
    bool keep_alive_ = true;
    std::vector<line> lines_;
    std::string bytes_; // names and values; replaced ones stay until clear()
    std::string body_;
};

} // namespace gatehouse::gateway::demo
