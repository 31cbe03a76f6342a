// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/response_head.hpp"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/status.hpp>

#include <algorithm>
#include <cstring>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

void response_head::clear()
{
    status_ = 0;
    version_ = 11;
    reason_offset_ = 0;
    reason_size_ = 0;
    bytes_.clear();
    fields_.clear();
}

std::string_view response_head::reason() const
{
    if (reason_size_ != 0)
        return std::string_view(bytes_).substr(reason_offset_, reason_size_);
    const auto standard = http::obsolete_reason(static_cast<http::status>(status_));
    return {standard.data(), standard.size()};
}

void response_head::set_status_line(unsigned status, std::string_view reason, unsigned version)
{
    status_ = status;
    version_ = version;
    reason_offset_ = static_cast<std::uint32_t>(bytes_.size());
    reason_size_ = static_cast<std::uint32_t>(reason.size());
    bytes_.append(reason);
}

void response_head::add(http::field code, std::string_view name, std::string_view value)
{
    const auto name_offset = static_cast<std::uint32_t>(bytes_.size());
    bytes_.append(name);
    const auto value_offset = static_cast<std::uint32_t>(bytes_.size());
    bytes_.append(value);
    fields_.push_back({code, name_offset, static_cast<std::uint32_t>(name.size()), value_offset,
                       static_cast<std::uint32_t>(value.size())});
}

void response_head::to_header(http::response_header<>& out) const
{
    out = {};
    out.result(status_);
    out.version(version_);
    if (reason_size_ != 0)
        out.reason(std::string_view(bytes_).substr(reason_offset_, reason_size_));
    for (const auto& field : *this)
        out.insert(field.name(), field.name_string(), field.value());
}

void response_head_parser::on_response_impl(int code, string_view reason, int version,
                                            error_code& ec)
{
    ec = {};
    head_.set_status_line(static_cast<unsigned>(code), {reason.data(), reason.size()},
                          static_cast<unsigned>(version));
}

void response_head_parser::on_field_impl(http::field name, string_view name_string,
                                         string_view value, error_code& ec)
{
    ec = {};
    head_.add(name, {name_string.data(), name_string.size()}, {value.data(), value.size()});
}

std::size_t response_head_parser::put_body(string_view body, error_code& ec)
{
    if (!body_.data) {
        ec = http::error::need_buffer;
        return 0;
    }
    const std::size_t n = std::min(body_.size, body.size());
    if (n != 0)
        std::memcpy(body_.data, body.data(), n);
    body_.data = static_cast<char*>(body_.data) + n;
    body_.size -= n;
    if (n == body.size())
        ec = {};
    else
        ec = http::error::need_buffer;
    return n;
}

} // namespace gatehouse::gateway
