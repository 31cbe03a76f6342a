// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/forwarded_head.hpp"

#include "gateway/forwarding.hpp"
#include "gateway/head_writer.hpp"
#include "gateway/http_util.hpp"
#include "gateway/message_head.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

namespace {

// The fields a Connection header names (RFC 9110 §7.6.1), other than the
// connection options and framing fields that never name a field to drop.
// Usually none: held inline, spilling over only for unusual lists.
class connection_named {
public:
    // A walk over the (few) fields comparing their codes: a lookup by
    // name in Beast's field tree spells the name out and compares strings
    // case-insensitively at every node, and costs more.
    template <class Fields>
    explicit connection_named(const Fields& fields)
    {
        for (const auto& field : fields)
            if (field.name() == http::field::connection)
                for_each_connection_named(field.value(), [this](std::string_view token) {
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
// ours, written as it is without being collected first.
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
    void write(head_writer& out, std::string_view name, std::string_view own)
    {
        if (joined_.empty()) {
            if (!own.empty())
                out.field(name, own);
            return;
        }
        add(own);
        out.field(name, joined_);
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
    head_writer w(out);
    w.append(req.method_string());
    w.append(' ');
    w.append(rewrite.target);
    w.append(" HTTP/1.1\r\n");

    std::string_view client_host;
    bool has_client_host = false;
    list_field forwarded_for;
    list_field via;
    std::string_view forwarded_prefix;
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
        case http::field::max_forwards:
            if (rewrite.max_forwards >= 0)
                continue;
            break;
        default:
            break;
        }
        if (is_hop_by_hop_field(name))
            continue;
        const std::string_view name_string = field.name_string();
        // What the client named in Connection belongs to its own hop (RFC
        // 9110 §7.6.1): its Via and X-Forwarded-* too, which are then not
        // carried on.
        if (!named.empty() && named.contains(name_string))
            continue;
        if (name == http::field::via) {
            via.add(field.value());
            continue;
        }
        if (name == http::field::unknown) {
            if (iequals(name_string, "X-Forwarded-For")) {
                forwarded_for.add(field.value());
                continue;
            }
            if (iequals(name_string, "X-Forwarded-Proto") || iequals(name_string, "X-Request-Id"))
                continue;
            if (iequals(name_string, "X-Forwarded-Host"))
                continue;
            if (iequals(name_string, "X-Forwarded-Prefix")) {
                if (forwarded_prefix.empty())
                    forwarded_prefix = field.value();
                continue;
            }
        }
        w.field(name_string, field.value());
    }
    if (!rewrite.client_host.empty()) {
        client_host = rewrite.client_host;
        has_client_host = true;
    }
    const std::string_view host = rewrite.host.empty() ? client_host : rewrite.host;
    if (!rewrite.host.empty() || has_client_host)
        w.field("Host", host);
    forwarded_for.write(w, "X-Forwarded-For", rewrite.client_ip);
    w.field("X-Forwarded-Proto", rewrite.scheme);
    if (!rewrite.forwarded_host.empty())
        w.field("X-Forwarded-Host", rewrite.forwarded_host);
    else if (!client_host.empty())
        w.field("X-Forwarded-Host", client_host);
    if (!rewrite.trusted_peer)
        forwarded_prefix = {};
    while (!forwarded_prefix.empty() && forwarded_prefix.back() == '/')
        forwarded_prefix.remove_suffix(1);
    if (!forwarded_prefix.empty() && !rewrite.removed_prefix.empty()) {
        std::string joined(forwarded_prefix);
        joined.append(rewrite.removed_prefix);
        w.field("X-Forwarded-Prefix", joined);
    } else if (!forwarded_prefix.empty() || !rewrite.removed_prefix.empty()) {
        w.field("X-Forwarded-Prefix",
                forwarded_prefix.empty() ? rewrite.removed_prefix : forwarded_prefix);
    }
    via.write(w, "Via", rewrite.via);
    w.field("X-Request-Id", rewrite.request_id);
    if (!rewrite.upgrade.empty()) {
        w.field("Connection", "upgrade");
        w.field("Upgrade", rewrite.upgrade);
    }
    if (rewrite.max_forwards >= 0) {
        char digits[12];
        const auto end = std::to_chars(digits, digits + sizeof digits, rewrite.max_forwards).ptr;
        w.field("Max-Forwards", std::string_view(digits, static_cast<std::size_t>(end - digits)));
    }
    w.append("\r\n");
}

namespace {

template <class Head>
void serialize_response(const Head& res, const response_rewrite& rewrite, std::string& out)
{
    const connection_named named(res);
    out.clear();
    append_status_line(out, 11, res.result_int(), res.reason());
    head_writer w(out);

    list_field via;
    bool has_request_id = false;
    bool wrote_transfer_encoding = false;
    bool wrote_content_length = false;
    for (const auto& field : res) {
        const http::field name = field.name();
        switch (name) {
        case http::field::via:
            via.add(field.value());
            continue;
        case http::field::content_length:
            // One line, however many equal ones the upstream sent (the
            // parser refuses differing ones): a client must not be left to
            // choose. None on a 204 (RFC 9110 §8.6), which has no content
            // whatever its fields say.
            if (wrote_content_length || res.result_int() == 204)
                continue;
            wrote_content_length = true;
            break;
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
                    w.field("Transfer-Encoding", codings);
                } else if (trim_ows(codings).empty()) {
                    w.field("Transfer-Encoding", "chunked");
                } else {
                    std::string with_chunked(trim_ows(codings));
                    with_chunked.append(", chunked");
                    w.field("Transfer-Encoding", with_chunked);
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
        w.field(name_string, field.value());
    }
    if (rewrite.chunked && !wrote_transfer_encoding)
        w.field("Transfer-Encoding", "chunked");
    if (!rewrite.cache_status.empty())
        w.field("Cache-Status", rewrite.cache_status);
    via.write(w, "Via", rewrite.via);
    if (!has_request_id)
        w.field("X-Request-Id", rewrite.request_id);
    if (!rewrite.upgrade.empty()) {
        w.field("Connection", "upgrade");
        w.field("Upgrade", rewrite.upgrade);
    } else if (!rewrite.keep_alive) {
        w.field("Connection", "close");
    }
    w.append("\r\n");
}

} // namespace

void serialize_forwarded_response(const http::response_header<>& res,
                                  const response_rewrite& rewrite, std::string& out)
{
    serialize_response(res, rewrite, out);
}

void serialize_forwarded_response(const response_head& res, const response_rewrite& rewrite,
                                  std::string& out)
{
    serialize_response(res, rewrite, out);
}

void serialize_interim_response(const response_head& res, std::string_view via, std::string& out)
{
    const connection_named named(res);
    out.clear();
    append_status_line(out, 11, res.result_int(), res.reason());
    head_writer w(out);
    list_field via_list;
    for (const auto& field : res) {
        const http::field name = field.name();
        if (name == http::field::via) {
            via_list.add(field.value());
            continue;
        }
        if (is_hop_by_hop_field(name) || name == http::field::content_length ||
            name == http::field::transfer_encoding)
            continue;
        const std::string_view name_string = field.name_string();
        if (!named.empty() && named.contains(name_string))
            continue;
        w.field(name_string, field.value());
    }
    via_list.write(w, "Via", via);
    w.append("\r\n");
}

} // namespace gatehouse::gateway
