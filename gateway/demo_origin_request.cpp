// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo_origin_request.hpp"

#include "gateway/field_code.hpp"
#include "gateway/head_scan.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>

namespace gatehouse::gateway::demo {

namespace http = boost::beast::http;

// A body is reserved up to this much in one go from its Content-Length;
// beyond it the string grows as the bytes arrive (the length is the client's word).
constexpr std::uint64_t body_reserve_max = 1024 * 1024;

std::string_view request::operator[](http::field name) const
{
    for (const field_line& line : lines_)
        if (line.name == name)
            return line.value;
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
    viewing_ = false;
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
    if (viewing_)
        return;
    const char* base = storage_.data();
    method_string_ = {base + method_at_, method_size_};
    target_ = {base + target_at_, target_size_};
    lines_.clear();
    for (const entry& e : entries_)
        lines_.push_back(
            {e.name, {base + e.name_at, e.name_size}, {base + e.value_at, e.value_size}});
}

void request::keep_head()
{
    if (!viewing_)
        return;
    std::size_t total = method_string_.size() + target_.size();
    for (const field_line& line : lines_)
        total += line.name_string.size() + line.value.size();
    storage_.clear();
    storage_.reserve(total); // no reallocation below: the views stay valid
    const auto copy = [&](std::string_view& s) {
        const std::size_t at = storage_.size();
        storage_.append(s);
        s = {storage_.data() + at, s.size()};
    };
    copy(method_string_);
    copy(target_);
    for (field_line& line : lines_) {
        copy(line.name_string);
        copy(line.value);
    }
    viewing_ = false;
    entries_.clear(); // finish_head is not called again for this request
}

void request::view_request_line(std::string_view method_string, std::string_view target,
                                unsigned version)
{
    method_ = http::string_to_verb({method_string.data(), method_string.size()});
    method_string_ = method_string;
    target_ = target;
    version_ = version;
    viewing_ = true;
}

std::size_t request_parser::put_received(boost::asio::const_buffer received, error_code& ec)
{
    if (!may_scan())
        return put(received, ec);
    const std::string_view bytes{static_cast<const char*>(received.data()), received.size()};
    scanned_start_line start;
    std::size_t size = 0;
    framing_summary summary;
    const auto scanned =
        scan_head<true>(bytes, scan_limit(), start, size, [&](auto name, auto value) {
            const auto code = field_code(name);
            req_.view_field(code, name, value);
            if (framing_field(code))
                summary.add(name, value);
        });
    const std::string_view for_beast =
        scanned == head_scan::complete ? summary.request(start.version) : std::string_view{};
    if (scanned != head_scan::complete || !summary.fits()) {
        req_.clear();
        return put(received, ec); // Beast reads it all
    }
    req_.view_request_line(start.first, start.second, start.version);
    return put_summary(for_beast, size, ec);
}

void request_parser::on_request_impl(http::verb method, string_view method_string,
                                     string_view target, int version, error_code& ec)
{
    ec = {};
    if (replaying())
        return;
    req_.set_request_line(method, {method_string.data(), method_string.size()},
                          {target.data(), target.size()}, static_cast<unsigned>(version));
}

void request::set_request_line(http::verb method, std::string_view method_string,
                               std::string_view target, unsigned version)
{
    method_ = method;
    version_ = version;
    method_at_ = keep(method_string);
    method_size_ = static_cast<std::uint32_t>(method_string.size());
    target_at_ = keep(target);
    target_size_ = static_cast<std::uint32_t>(target.size());
}

void request::add_field(http::field name, std::string_view name_string, std::string_view value)
{
    // Within the parser's header limit, so the offsets fit.
    const std::uint32_t name_at = keep(name_string);
    const std::uint32_t value_at = keep(value);
    entries_.push_back({name, name_at, static_cast<std::uint32_t>(name_string.size()), value_at,
                        static_cast<std::uint32_t>(value.size())});
}

void request_parser::on_field_impl(http::field name, string_view name_string, string_view value,
                                   error_code& ec)
{
    ec = {};
    if (replaying())
        return;
    req_.add_field(name, {name_string.data(), name_string.size()}, {value.data(), value.size()});
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
