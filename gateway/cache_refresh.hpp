// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_entry.hpp"
#include "gateway/cache/cache_key.hpp"
#include "gateway/cache/coalescer.hpp"
#include "gateway/runtime_config.hpp"

#include <boost/beast/http/fields.hpp>

#include <memory>
#include <string>

namespace gatehouse::gateway {

struct worker;

// One background refresh of a stale entry served under
// stale-while-revalidate (RFC 5861 §3). The job holds the coalescing
// ticket for the key, so concurrent requests neither start a second refresh
// nor wait for this one longer than it takes.
struct refresh_job {
    cache::flight_ticket ticket; // leader
    cache::cache_key key;
    std::shared_ptr<const cache::cached_response> entry; // the stale one
    std::string api_key;
    std::string authority;            // the host the client asked for (the key's)
    std::string preserved_host;       // the Host a preserve_host route sends on: the client's
    std::string_view scheme = "http"; // its scheme ("http" or "https", static)
    boost::beast::http::fields request_fields;    // the client's (Vary, forwarding)
    std::shared_ptr<const runtime_config> config; // keeps policy, store and target alive
    std::size_t route_index = 0;
    target_state* target = nullptr;
    std::string upstream_target; // origin-form target for the upstream
    std::string removed_prefix;  // X-Forwarded-Prefix (client_session::removed_prefix)
};

// Runs the refresh on the worker's io_context, detached: a conditional GET
// upstream (validators of the stale entry); a 304 freshens the entry, a
// storable 200 replaces it, anything else leaves it to expire. Never throws;
// failures only mean the entry is not refreshed.
void start_refresh(worker& w, std::shared_ptr<refresh_job> job);

} // namespace gatehouse::gateway
