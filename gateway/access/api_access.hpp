// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse::gateway::access {

enum class auth_mode : std::uint8_t { api_key, open };
enum class api_state : std::uint8_t { draft, published, deprecated, retired };

// How the gateway guards one catalog API. Compiled by the control plane into
// the snapshot; immutable once there.
struct api_access {
    auth_mode auth = auth_mode::api_key;
    api_state state = api_state::published;
    // A draft answers only keys of applications belonging to this team.
    std::uint64_t owning_team_id = 0;
    // Non-empty: the API also accepts its key in this query parameter (which
    // is then removed before forwarding). Off by default: URLs end up in logs.
    std::string key_query_parameter;

    // Response decoration for deprecated APIs, as ready header values (empty:
    // header not sent): Deprecation (RFC 9745, "@<epoch seconds>"), Sunset
    // (RFC 8594, an HTTP-date) and Link (RFC 8288, rel="successor-version").
    std::string deprecation;
    std::string sunset;
    std::string link;
};

// "@1767225600": an RFC 9745 structured-field date.
std::string deprecation_value(std::int64_t epoch_seconds);
// "Thu, 01 Jan 2026 00:00:00 GMT": an RFC 9110 IMF-fixdate.
std::string http_date(std::int64_t epoch_seconds);
// "<url>; rel=\"successor-version\"".
std::string successor_link(std::string_view url);

} // namespace gatehouse::gateway::access
