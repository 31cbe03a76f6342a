// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/response_head.hpp"

#include "gateway/field_code.hpp"
#include "gateway/head_scan.hpp"

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
    reason_ = {};
    fields_.clear();
    copies_.clear();
    reason_copied_ = false;
    fields_copied_ = 0;
}

std::string_view response_head::reason() const
{
    if (!reason_.empty())
        return reason_;
    const auto standard = http::obsolete_reason(static_cast<http::status>(status_));
    return {standard.data(), standard.size()};
}

std::string_view response_head::keep(std::string_view s, std::string_view received)
{
    // Compared as integers: pointers into different objects have no order.
    const auto at = reinterpret_cast<std::uintptr_t>(s.data());
    const auto begin = reinterpret_cast<std::uintptr_t>(received.data());
    if (s.empty() || (at >= begin && at - begin <= received.size() &&
                      s.size() <= received.size() - (at - begin)))
        return s;
    return copies_.emplace_front(s);
}

void response_head::copy_views()
{
    // What an earlier call copied is not copied again: a head trickling in
    // byte by byte costs one copy of each part, not one per read.
    if (!reason_copied_) {
        reason_ = keep(reason_, {});
        reason_copied_ = true;
    }
    for (; fields_copied_ < fields_.size(); ++fields_copied_) {
        auto& e = fields_[fields_copied_];
        e.name = keep(e.name, {});
        e.value = keep(e.value, {});
    }
}

void response_head::set_status_line(unsigned status, std::string_view reason, unsigned version,
                                    std::string_view received)
{
    status_ = status;
    version_ = version;
    reason_ = keep(reason, received);
}

void response_head::add(http::field code, std::string_view name, std::string_view value,
                        std::string_view received)
{
    fields_.push_back({code, keep(name, received), keep(value, received)});
}

void response_head::to_header(http::response_header<>& out) const
{
    out = {};
    out.result(status_);
    out.version(version_);
    if (!reason_.empty())
        out.reason(reason_);
    for (const auto& field : *this)
        out.insert(field.name(), field.name_string(), field.value());
}

bool response_head_parser::put_scanned(std::size_t& used, error_code& ec)
{
    scanned_start_line start;
    std::size_t size = 0;
    framing_summary summary;
    const auto scanned =
        scan_head<false>(received_, scan_limit(), start, size, [&](auto name, auto value) {
            const auto code = field_code(name);
            head_.add_received(code, name, value);
            if (framing_field(code))
                summary.add(name, value);
        });
    const std::string_view for_beast = scanned == head_scan::complete
                                           ? summary.response(start.version, start.first)
                                           : std::string_view{};
    if (scanned != head_scan::complete || !summary.fits()) {
        head_.clear();
        return false; // Beast reads it all
    }
    head_.set_status_line(start.status, start.second, start.version, received_);
    used = put_summary(for_beast, size, ec);
    return true;
}

void response_head_parser::on_response_impl(int code, string_view reason, int version,
                                            error_code& ec)
{
    ec = {};
    if (replaying())
        return;
    head_.set_status_line(static_cast<unsigned>(code), {reason.data(), reason.size()},
                          static_cast<unsigned>(version), received_);
}

void response_head_parser::on_field_impl(http::field name, string_view name_string,
                                         string_view value, error_code& ec)
{
    ec = {};
    if (replaying())
        return;
    head_.add(name, {name_string.data(), name_string.size()}, {value.data(), value.size()},
              received_);
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
