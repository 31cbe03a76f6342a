// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/access/consumer_table.hpp"

#include "gateway/http_util.hpp"

#include <openssl/sha.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace gatehouse::gateway::access {

key_digest digest_key(std::string_view key)
{
    key_digest out;
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), out.data());
    return out;
}

std::optional<key_digest> digest_from_hex(std::string_view hex)
{
    if (hex.size() != 64)
        return std::nullopt;
    key_digest out;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hex_digit_value(hex[2 * i]);
        const int lo = hex_digit_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return out;
}

const subscription_state* consumer::subscription(std::uint64_t api_id) const
{
    const auto it =
        std::lower_bound(subscriptions.begin(), subscriptions.end(), api_id,
                         [](const auto& entry, std::uint64_t id) { return entry.first < id; });
    return it != subscriptions.end() && it->first == api_id ? &it->second : nullptr;
}

bool consumer::in_team(std::uint64_t team_id) const
{
    return team_id != 0 && std::binary_search(teams.begin(), teams.end(), team_id);
}

void access_table::finish()
{
    for (auto& c : consumers) {
        std::sort(c.teams.begin(), c.teams.end());
        std::sort(c.subscriptions.begin(), c.subscriptions.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
    }
}

std::string access_table::validate() const
{
    std::ostringstream errors;
    for (const auto& [digest, entry] : keys) {
        if (entry.consumer >= consumers.size())
            errors << "key of consumer #" << entry.consumer << ": no such consumer\n";
    }
    for (const auto& c : consumers) {
        std::set<std::uint64_t> seen;
        for (const auto& [api_id, state] : c.subscriptions) {
            if (!seen.insert(api_id).second)
                errors << "application " << c.application_id << ": two subscriptions to API "
                       << api_id << "\n";
        }
    }
    return errors.str();
}

} // namespace gatehouse::gateway::access
