// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/access/authorize.hpp"

namespace gatehouse::gateway::access {

decision authorize(const access_table& table, const api_access& api, std::uint64_t api_id,
                   std::string_view presented_key, std::int64_t now_ms)
{
    if (api.state == api_state::retired)
        return {verdict::retired, nullptr};
    if (api.auth == auth_mode::open && api.state != api_state::draft)
        return {verdict::allow, nullptr};
    if (presented_key.empty())
        return {verdict::missing_key, nullptr};
    const key_entry* key = table.key(digest_key(presented_key));
    if (!key)
        return {verdict::invalid_key, nullptr};
    if (key->expires_at_ms != 0 && key->expires_at_ms <= now_ms)
        return {verdict::expired_key, nullptr};
    const consumer& who = table.consumers[key->consumer];
    if (api.state == api_state::draft) {
        // Drafts have no subscriptions (only published APIs take them): the
        // owning team tries its own work in progress.
        return {who.in_team(api.owning_team_id) ? verdict::allow : verdict::not_subscribed, &who};
    }
    const subscription_state* sub = who.subscription(api_id);
    if (!sub)
        return {verdict::not_subscribed, &who};
    if (*sub == subscription_state::suspended)
        return {verdict::suspended, &who};
    return {verdict::allow, &who};
}

} // namespace gatehouse::gateway::access
