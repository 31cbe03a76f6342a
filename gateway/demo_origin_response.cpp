// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo_origin_response.hpp"

#include "gateway/head_writer.hpp"
#include "gateway/message_head.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <charconv>

namespace gatehouse::gateway::demo {

namespace http = boost::beast::http;

namespace {

std::string_view name_of(http::field code)
{
    const auto name = http::to_string(code);
    return {name.data(), name.size()};
}

} // namespace

void response::clear(unsigned version)
{
    status_ = 200;
    version_ = version;
    keep_alive_ = version >= 11;
    lines_.clear();
    bytes_.clear();
    body_.clear();
}

void response::remove(http::field code, std::string_view name)
{
    std::erase_if(lines_, [&](const line& l) {
        if (code != http::field::unknown)
            return l.code == code;
        return l.code == http::field::unknown &&
               boost::beast::iequals(view(l.name_at, l.name_size), name);
    });
}

void response::append(http::field code, std::string_view name, std::string_view value)
{
    const auto name_at = static_cast<std::uint32_t>(bytes_.size());
    bytes_.append(name);
    const auto value_at = static_cast<std::uint32_t>(bytes_.size());
    bytes_.append(value);
    lines_.push_back({code, name_at, static_cast<std::uint32_t>(name.size()), value_at,
                      static_cast<std::uint32_t>(value.size())});
}

void response::set(http::field name, std::string_view value)
{
    remove(name, {});
    append(name, name_of(name), value);
}

// As http::fields: a name goes on the wire as the caller spelled it, and a
// name Beast knows is that field for set(), erase() and operator[].
void response::set(std::string_view name, std::string_view value)
{
    const auto code = http::string_to_field({name.data(), name.size()});
    remove(code, name);
    append(code, name, value);
}

void response::insert(std::string_view name, std::string_view value)
{
    append(http::string_to_field({name.data(), name.size()}), name, value);
}

void response::erase(http::field name)
{
    remove(name, {});
}

std::string_view response::operator[](http::field name) const
{
    for (const line& l : lines_)
        if (l.code == name)
            return view(l.value_at, l.value_size);
    return {};
}

void response::keep_alive(bool keep)
{
    keep_alive_ = keep;
    erase(http::field::connection);
    if (version_ >= 11 && !keep)
        set(http::field::connection, "close");
    else if (version_ < 11 && keep)
        set(http::field::connection, "keep-alive");
}

void response::chunked()
{
    erase(http::field::content_length);
    set(http::field::transfer_encoding, "chunked");
}

void response::prepare_payload()
{
    erase(http::field::transfer_encoding);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, body_.size()).ptr;
    set(http::field::content_length, {digits, static_cast<std::size_t>(end - digits)});
}

void response::write_head(std::string& out) const
{
    out.clear();
    const auto reason = http::obsolete_reason(http::int_to_status(status_));
    append_status_line(out, version_, status_, {reason.data(), reason.size()});
    head_writer w(out);
    for (const line& l : lines_)
        w.field(view(l.name_at, l.name_size), view(l.value_at, l.value_size));
    w.append("\r\n");
}

} // namespace gatehouse::gateway::demo
