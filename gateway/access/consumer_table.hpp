// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/access/api_access.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gatehouse::gateway::access {

// SHA-256 of an API key as presented. Only digests reach the gateway: the
// control plane never stores the key itself.
using key_digest = std::array<std::uint8_t, 32>;

key_digest digest_key(std::string_view key);
// From 64 hex digits (either case); nullopt otherwise.
std::optional<key_digest> digest_from_hex(std::string_view hex);

struct key_digest_hash {
    std::size_t operator()(const key_digest& d) const noexcept
    {
        // The digest is already uniformly distributed.
        std::size_t h;
        std::memcpy(&h, d.data(), sizeof h);
        return h;
    }
};

enum class subscription_state : std::uint8_t { approved, suspended };

// One application that holds keys, with what it may call.
struct consumer {
    std::uint64_t application_id = 0;
    std::string application_header; // X-Application-Id value
    std::string consumer_header;    // X-Consumer-Id value, e.g. "team:3" or "user:7"
    // Teams whose drafts this application may call (its owning team, or the
    // teams of its owning user). Sorted.
    std::vector<std::uint64_t> teams;
    // Live subscriptions by API id, sorted by id (small; binary search).
    std::vector<std::pair<std::uint64_t, subscription_state>> subscriptions;

    const subscription_state* subscription(std::uint64_t api_id) const;
    bool in_team(std::uint64_t team_id) const;
};

struct key_entry {
    std::uint32_t consumer = 0;     // index into access_table::consumers
    std::int64_t expires_at_ms = 0; // 0: never
};

// Everything the gateway needs to authorise a call: the guarded APIs and the
// key digest -> application -> subscriptions table. Immutable once built and
// shared by every worker through the snapshot: lookups take no lock and
// allocate nothing.
struct access_table {
    std::unordered_map<std::uint64_t, api_access> apis;
    std::vector<consumer> consumers;
    std::unordered_map<key_digest, key_entry, key_digest_hash> keys;

    const api_access* api(std::uint64_t api_id) const
    {
        const auto it = apis.find(api_id);
        return it == apis.end() ? nullptr : &it->second;
    }
    const key_entry* key(const key_digest& digest) const
    {
        const auto it = keys.find(digest);
        return it == keys.end() ? nullptr : &it->second;
    }
    // Sorts every consumer's lists; call once after filling the table.
    void finish();
    // Empty when consistent, otherwise one line per problem.
    std::string validate() const;
};

} // namespace gatehouse::gateway::access
