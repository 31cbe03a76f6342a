// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/access/access_gate.hpp"

#include "gateway/forwarding.hpp"
#include "gateway/http_util.hpp"

#include <chrono>

namespace gatehouse::gateway::access {

namespace http = boost::beast::http;

namespace {

struct rejection_info {
    http::status status;
    std::string_view type;
    std::string_view title;
    std::string_view detail;
    call_error error;
};

rejection_info info(verdict v)
{
    switch (v) {
    case verdict::missing_key:
        return {http::status::unauthorized, "https://gatehouse.dev/problems/missing-api-key",
                "API key required",
                "send an API key in the X-API-Key header or as Authorization: Bearer",
                call_error::unauthorized};
    case verdict::invalid_key:
        return {http::status::unauthorized, "https://gatehouse.dev/problems/invalid-api-key",
                "Invalid API key", "the API key is unknown or has been revoked",
                call_error::unauthorized};
    case verdict::expired_key:
        return {http::status::unauthorized, "https://gatehouse.dev/problems/expired-api-key",
                "Expired API key", "the API key has expired", call_error::unauthorized};
    case verdict::not_subscribed:
        return {http::status::forbidden, "https://gatehouse.dev/problems/no-subscription",
                "No approved subscription",
                "the application has no approved subscription to this API", call_error::forbidden};
    case verdict::suspended:
        return {http::status::forbidden, "https://gatehouse.dev/problems/subscription-suspended",
                "Subscription suspended", "the application's subscription to this API is suspended",
                call_error::forbidden};
    case verdict::retired:
        return {http::status::gone, "https://gatehouse.dev/problems/api-retired", "API retired",
                "this API has been retired", call_error::gone};
    case verdict::allow:
        break;
    }
    return {http::status::internal_server_error, "about:blank", "Internal error", "",
            call_error::none};
}

// The key from X-API-Key, else from "Authorization: Bearer"; which header
// carried it goes into `from`.
std::string_view header_key(const http::request_header<>& request, std::string_view& from)
{
    if (auto it = request.find("X-API-Key"); it != request.end() && !it->value().empty()) {
        from = "X-API-Key";
        return it->value();
    }
    if (auto it = request.find(http::field::authorization); it != request.end()) {
        std::string_view value = it->value();
        if (value.size() > 7 && iequals(value.substr(0, 7), "Bearer ")) {
            value.remove_prefix(7);
            while (!value.empty() && value.front() == ' ')
                value.remove_prefix(1);
            from = "Authorization";
            return value;
        }
    }
    return {};
}

// Finds `name`=value in `query` ("?a=1&b=2"); copies the query without it
// into `rest` ("" when nothing else remains).
std::string_view query_key(std::string_view query, std::string_view name, std::string& rest)
{
    std::string_view found;
    rest.clear();
    std::string_view q = query.empty() ? query : query.substr(1);
    while (!q.empty()) {
        const auto amp = q.find('&');
        const std::string_view pair = q.substr(0, amp);
        q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
        const auto eq = pair.find('=');
        if (found.empty() && eq != std::string_view::npos && pair.substr(0, eq) == name) {
            found = pair.substr(eq + 1);
            continue;
        }
        rest.append(rest.empty() ? "?" : "&").append(pair);
    }
    return found;
}

} // namespace

bool access_gate::check(const config_snapshot& snapshot, std::uint64_t api_id,
                        http::request_header<>& request, std::string_view& query,
                        std::string_view request_id, bool keep_alive)
{
    api_ = nullptr;
    error_ = call_error::none;
    application_id_ = 0;
    if (!snapshot.access || api_id == 0)
        return true; // a plain route: nothing to enforce
    api_ = snapshot.access->api(api_id);
    // The consumer headers are ours to set; never forward a client's own.
    request.erase("X-Consumer-Id");
    request.erase("X-Application-Id");
    if (!api_)
        return true;

    std::string_view from;
    std::string_view key = header_key(request, from);
    bool key_in_query = false;
    if (key.empty() && !api_->key_query_parameter.empty()) {
        key = query_key(query, api_->key_query_parameter, query_);
        key_in_query = !key.empty();
    }
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const decision d = authorize(*snapshot.access, *api_, api_id, key, now_ms);
    if (d.who)
        application_id_ = d.who->application_id;
    if (d.result != verdict::allow) {
        reject(d.result, request_id, keep_alive);
        return false;
    }
    if (d.who) {
        // The credential stays at the gateway.
        if (key_in_query)
            query = query_;
        else if (!from.empty())
            request.erase(from);
        request.set("X-Consumer-Id", d.who->consumer_header);
        request.set("X-Application-Id", d.who->application_header);
    }
    return true;
}

void access_gate::reject(verdict v, std::string_view request_id, bool keep_alive)
{
    const rejection_info p = info(v);
    error_ = p.error;
    // request_id passed acceptable_request_id() or was generated: no quotes or
    // backslashes, so it needs no JSON escaping; the other strings are ours.
    std::string body;
    body.reserve(256);
    body.append("{\"type\":\"").append(p.type);
    body.append("\",\"title\":\"").append(p.title);
    body.append("\",\"status\":").append(std::to_string(static_cast<unsigned>(p.status)));
    body.append(",\"detail\":\"").append(p.detail).append("\"");
    if (!request_id.empty())
        body.append(",\"request_id\":\"").append(request_id).append("\"");
    body.append("}\n");

    rejection_ = {};
    rejection_.result(p.status);
    rejection_.version(11);
    rejection_.set(http::field::content_type, "application/problem+json");
    rejection_.set(http::field::cache_control, "no-store");
    if (!request_id.empty())
        rejection_.set("X-Request-Id", request_id);
    if (p.status == http::status::unauthorized) {
        rejection_.set(
            http::field::www_authenticate,
            v == verdict::missing_key
                ? std::string_view("Bearer realm=\"gatehouse\"")
                : std::string_view("Bearer realm=\"gatehouse\", error=\"invalid_token\""));
    }
    decorate(rejection_);
    rejection_.body() = std::move(body);
    rejection_.keep_alive(keep_alive);
    rejection_.prepare_payload();
}

bool access_gate::redact_target(std::string_view target, std::string& out) const
{
    if (!api_ || api_->key_query_parameter.empty())
        return false;
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return false;
    const std::string_view name = api_->key_query_parameter;
    std::string redacted(target.substr(0, question + 1));
    bool changed = false;
    std::string_view rest = target.substr(question + 1);
    for (bool first = true; !rest.empty(); first = false) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (!first)
            redacted.push_back('&');
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
            redacted.append(pair.substr(0, eq + 1)).append("REDACTED");
            changed = true;
        } else {
            redacted.append(pair);
        }
    }
    if (changed)
        out = std::move(redacted);
    return changed;
}

bool access_gate::decorates() const
{
    return api_ && api_->state == api_state::deprecated;
}

void access_gate::decorate(http::fields& response) const
{
    if (!decorates())
        return;
    if (!api_->deprecation.empty())
        response.set("Deprecation", api_->deprecation);
    if (!api_->sunset.empty())
        response.set("Sunset", api_->sunset);
    if (!api_->link.empty())
        append_to_list(response, "Link", api_->link);
}

} // namespace gatehouse::gateway::access
