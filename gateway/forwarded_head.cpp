// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/forwarded_head.hpp"

#include "gateway/forwarding.hpp"
#include "gateway/http_util.hpp"
#include "gateway/message_head.hpp"

#include <array>
#include <vector>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

namespace {

// The fields a Connection header names (RFC 9110 §7.6.1), other than the
// connection options and framing fields that never name a field to drop.
// Usually none: held inline, spilling over only for unusual lists.
class connection_named {
public:
    explicit connection_named(const http::fields& fields)
    {
        const auto [first, last] = fields.equal_range(http::field::connection);
        for (auto it = first; it != last; ++it)
            for_each_connection_named(it->value(), [this](std::string_view token) {
                if (inline_count_ < inline_.size())
                    inline_[inline_count_++] = token;
                else
                    overflow_.push_back(token);
            });
    }

    bool contains(std::string_view name) const
    {
        for (std::size_t i = 0; i < inline_count_; ++i)
            if (iequals(inline_[i], name))
                return true;
        for (const auto& n : overflow_)
            if (iequals(n, name))
                return true;
        return false;
    }
    bool empty() const { return inline_count_ == 0; }

private:
    std::array<std::string_view, 8> inline_{};
    std::size_t inline_count_ = 0;
    std::vector<std::string_view> overflow_;
};

// Collects the values of one list-valued field in order, to write it once
// with the gateway's own member appended ("a, b, <ours>"). Usually just
// ours, which fits the string's inline storage.
class list_field {
public:
    void add(std::string_view value)
    {
        if (value.empty())
            return;
        if (!joined_.empty())
            joined_.append(", ");
        joined_.append(value);
    }
    void write(std::string& out, std::string_view name, std::string_view own)
    {
        add(own);
        if (!joined_.empty())
            append_field(out, name, joined_);
    }

private:
    std::string joined_;
};

} // namespace

void serialize_forwarded_request(const http::request_header<>& req, const request_rewrite& rewrite,
                                 std::string& out)
{
    const connection_named named(req);
    out.clear();
    out.append(req.method_string()).push_back(' ');
    out.append(rewrite.target).append(" HTTP/1.1\r\n");

    std::string_view client_host;
    bool has_client_host = false;
    list_field forwarded_for;
    list_field via;
    std::string_view forwarded_host;
    for (const auto& field : req) {
        const http::field name = field.name();
        switch (name) {
        case http::field::host:
            if (!has_client_host) {
                client_host = field.value();
                has_client_host = true;
            }
            continue;
        case http::field::expect:
            continue;
        case http::field::via:
            via.add(field.value());
            continue;
        default:
            break;
        }
        if (is_hop_by_hop_field(name))
            continue;
        const std::string_view name_string = field.name_string();
        if (name == http::field::unknown) {
            if (iequals(name_string, "X-Forwarded-For")) {
                forwarded_for.add(field.value());
                continue;
            }
            if (iequals(name_string, "X-Forwarded-Proto") || iequals(name_string, "X-Request-Id"))
                continue;
            if (iequals(name_string, "X-Forwarded-Host")) {
                forwarded_host = field.value();
                continue;
            }
        }
        if (!named.empty() && named.contains(name_string))
            continue;
        append_field(out, name_string, field.value());
    }
    const std::string_view host = rewrite.host.empty() ? client_host : rewrite.host;
    if (!rewrite.host.empty() || has_client_host)
        append_field(out, "Host", host);
    forwarded_for.write(out, "X-Forwarded-For", rewrite.client_ip);
    append_field(out, "X-Forwarded-Proto", "http");
    if (!client_host.empty())
        append_field(out, "X-Forwarded-Host", client_host);
    else if (!forwarded_host.empty())
        append_field(out, "X-Forwarded-Host", forwarded_host);
    via.write(out, "Via", rewrite.via);
    append_field(out, "X-Request-Id", rewrite.request_id);
    out.append("\r\n");
}

void serialize_forwarded_response(const http::response_header<>& res,
                                  const response_rewrite& rewrite, std::string& out)
{
    const connection_named named(res);
    out.clear();
    append_status_line(out, 11, res.result_int(), res.reason());

    list_field via;
    bool has_request_id = false;
    bool wrote_transfer_encoding = false;
    for (const auto& field : res) {
        const http::field name = field.name();
        switch (name) {
        case http::field::via:
            via.add(field.value());
            continue;
        case http::field::transfer_encoding:
            // Kept only while the body goes out chunked. The codings the
            // upstream applied stay on the relayed bytes; when it did not
            // end with chunked (a close-delimited body, RFC 9112 §6.3), the
            // relay adds that coding, and the field must say so, or the
            // client cannot find the end of the body.
            if (rewrite.chunked && !wrote_transfer_encoding) {
                const auto value = field.value();
                const std::string_view codings(value.data(), value.size());
                const auto comma = codings.rfind(',');
                const auto last =
                    trim_ows(comma == std::string_view::npos ? codings : codings.substr(comma + 1));
                if (iequals(last, "chunked")) {
                    append_field(out, "Transfer-Encoding", codings);
                } else if (trim_ows(codings).empty()) {
                    append_field(out, "Transfer-Encoding", "chunked");
                } else {
                    std::string with_chunked(trim_ows(codings));
                    with_chunked.append(", chunked");
                    append_field(out, "Transfer-Encoding", with_chunked);
                }
                wrote_transfer_encoding = true;
            }
            continue;
        default:
            break;
        }
        if (is_hop_by_hop_field(name))
            continue;
        const std::string_view name_string = field.name_string();
        if (name == http::field::unknown) {
            if (iequals(name_string, "X-Request-Id"))
                has_request_id = true;
            else if (!rewrite.cache_status.empty() && iequals(name_string, "Cache-Status"))
                continue;
            else if (rewrite.strip_targeted && (iequals(name_string, "CDN-Cache-Control") ||
                                                iequals(name_string, "Gatehouse-Cache-Control")))
                continue;
        }
        if (!named.empty() && named.contains(name_string))
            continue;
        append_field(out, name_string, field.value());
    }
    if (rewrite.chunked && !wrote_transfer_encoding)
        append_field(out, "Transfer-Encoding", "chunked");
    if (!rewrite.cache_status.empty())
        append_field(out, "Cache-Status", rewrite.cache_status);
    via.write(out, "Via", rewrite.via);
    if (!has_request_id)
        append_field(out, "X-Request-Id", rewrite.request_id);
    if (!rewrite.keep_alive)
        append_field(out, "Connection", "close");
    out.append("\r\n");
}

} // namespace gatehouse::gateway
