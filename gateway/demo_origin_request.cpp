// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo_origin_request.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>

namespace gatehouse::gateway::demo {

namespace http = boost::beast::http;

// A body is reserved up to this much in one go from its Content-Length;
// beyond it the string grows as the bytes arrive (the length is the client's word).
constexpr std::uint64_t body_reserve_max = 1024 * 1024;

std::string_view request::operator[](http::field name) const
{
    for (const entry& e : entries_)
        if (e.name == name)
            return {storage_.data() + e.value_at, e.value_size};
    return {};
}

std::string_view request::operator[](std::string_view name) const
{
    for (const field_line& line : lines_)
        if (boost::beast::iequals(line.name_string, name))
            return line.value;
    return {};
}

void request::clear()
{
    method_ = http::verb::unknown;
    version_ = 11;
    keep_alive_ = true;
    storage_.clear();
    entries_.clear();
    lines_.clear();
    method_string_ = target_ = {};
    body_.clear();
}

std::uint32_t request::keep(std::string_view s)
{
    const auto at = static_cast<std::uint32_t>(storage_.size());
    storage_.append(s);
    return at;
}

void request::finish_head(bool keep_alive)
{
    keep_alive_ = keep_alive;
    const char* base = storage_.data();
    method_string_ = {base + method_at_, static_cast<std::size_t>(target_at_ - method_at_)};
    target_ = {base + target_at_, entries_.empty() ? storage_.size() - target_at_
                                                   : entries_.front().name_at - target_at_};
    lines_.clear();
    for (const entry& e : entries_)
        lines_.push_back(
            {e.name, {base + e.name_at, e.name_size}, {base + e.value_at, e.value_size}});
}

void request_parser::on_request_impl(http::verb method, string_view method_string,
                                     string_view target, int version, error_code& ec)
{
    ec = {};
    req_.method_ = method;
    req_.version_ = static_cast<unsigned>(version);
    req_.method_at_ = req_.keep({method_string.data(), method_string.size()});
    req_.target_at_ = req_.keep({target.data(), target.size()});
}

void request_parser::on_field_impl(http::field name, string_view name_string, string_view value,
                                   error_code& ec)
{
    ec = {};
    // Within the parser's header limit, so the offsets fit.
    const std::uint32_t name_at = req_.keep({name_string.data(), name_string.size()});
    const std::uint32_t value_at = req_.keep({value.data(), value.size()});
    req_.entries_.push_back({name, name_at, static_cast<std::uint32_t>(name_string.size()),
                             value_at, static_cast<std::uint32_t>(value.size())});
}

void request_parser::on_header_impl(error_code& ec)
{
    ec = {};
    req_.finish_head(keep_alive());
}

void request_parser::on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                                       error_code& ec)
{
    ec = {};
    if (content_length)
        req_.body_.reserve(static_cast<std::size_t>(std::min(*content_length, body_reserve_max)));
}

std::size_t request_parser::on_body_impl(string_view body, error_code& ec)
{
    ec = {};
    req_.body_.append(body.data(), body.size());
    return body.size();
}

} // namespace gatehouse::gateway::demo
