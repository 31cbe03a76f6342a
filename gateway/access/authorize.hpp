// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/access/consumer_table.hpp"

#include <cstdint>
#include <string_view>

namespace gatehouse::gateway::access {

enum class verdict : std::uint8_t {
    allow,
    missing_key,    // 401
    invalid_key,    // 401: unknown or revoked
    expired_key,    // 401
    not_subscribed, // 403: no approved subscription (or not the draft's team)
    suspended,      // 403: the subscription is suspended
    retired,        // 410
};

struct decision {
    verdict result = verdict::allow;
    const consumer* who = nullptr; // the authenticated application, when known
};

// The whole access rule, free of HTTP: retired first (whoever asks), then
// open APIs, then the key, then the subscription (drafts: team membership).
// `presented_key` empty: none was sent.
decision authorize(const access_table& table, const api_access& api, std::uint64_t api_id,
                   std::string_view presented_key, std::int64_t now_ms);

} // namespace gatehouse::gateway::access
