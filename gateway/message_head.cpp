// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/message_head.hpp"

#include "gateway/head_writer.hpp"

#include <charconv>
#include <cstring>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

namespace {

void append_version(std::string& out, unsigned version)
{
    if (version == 11) {
        out.append("HTTP/1.1");
        return;
    }
    if (version == 10) {
        out.append("HTTP/1.0");
        return;
    }
    out.append("HTTP/");
    out.push_back(static_cast<char>('0' + version / 10 % 10));
    out.push_back('.');
    out.push_back(static_cast<char>('0' + version % 10));
}

void append_fields(const http::fields& fields, std::string& out)
{
    head_writer w(out);
    for (const auto& field : fields)
        w.field(field.name_string(), field.value());
    w.append("\r\n");
}

} // namespace

void append_status_line(std::string& out, unsigned version, unsigned code, std::string_view reason)
{
    append_version(out, version);
    const char status[] = {' ', static_cast<char>('0' + code / 100 % 10),
                           static_cast<char>('0' + code / 10 % 10),
                           static_cast<char>('0' + code % 10), ' '};
    out.append(status, sizeof status);
    if (reason != "<unknown-status>")
        out.append(reason);
    out.append("\r\n");
}

void append_field(std::string& out, std::string_view name, std::string_view value)
{
    // One growth and plain copies instead of four appends, each with its
    // own capacity check and out-of-line copy: this runs for every field of
    // every head the gateway writes.
    const std::size_t at = out.size();
    out.resize(at + name.size() + value.size() + 4);
    char* p = out.data() + at;
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    p[0] = ':';
    p[1] = ' ';
    p += 2;
    std::memcpy(p, value.data(), value.size());
    p += value.size();
    p[0] = '\r';
    p[1] = '\n';
}

void serialize_head(const http::request_header<>& req, std::string& out)
{
    out.clear();
    out.append(req.method_string()).push_back(' ');
    out.append(req.target()).push_back(' ');
    append_version(out, req.version());
    out.append("\r\n");
    append_fields(req, out);
}

void serialize_head(const http::response_header<>& res, std::string& out)
{
    out.clear();
    // The reason the message carries, else the standard one for its status.
    append_status_line(out, res.version(), res.result_int(), res.reason());
    append_fields(res, out);
}

std::size_t format_chunk_size_line(std::size_t size, char* out)
{
    const auto end = std::to_chars(out, out + chunk_size_line_max - 2, size, 16).ptr;
    end[0] = '\r';
    end[1] = '\n';
    return static_cast<std::size_t>(end + 2 - out);
}

} // namespace gatehouse::gateway
