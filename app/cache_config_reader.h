// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/config_reader.h"
#include "gateway/cache/cache_policy.hpp"
#include "gateway/gateway_options.hpp"

// Internal to app/ (yaml-cpp): the `cache:` blocks of the declarative
// configuration file (resources/CONFIG_FORMAT.md).
namespace gatehouse::app {

// A route's `cache:` mapping: enabled, default_ttl, max_ttl,
// override_upstream, statuses, max_object_size, ignore_query_params,
// cache_post, private_per_consumer, strip_set_cookie,
// stale_while_revalidate, stale_if_error. The block turns caching on unless
// it says `enabled: false`.
void readRouteCache(ConfigReader& reader, const ConfigField& field,
                    gateway::cache::cache_policy& policy);

// A catalog API's cachePolicy document, already parsed: null or {} is no
// policy (not cached); anything else is read as a route's `cache:` block.
// Problems are left in `reader` (readApiCachePolicy, checkCachePolicy).
gateway::cache::cache_policy readApiCachePolicyNode(ConfigReader& reader, const YAML::Node& node);

// The top-level `cache:` mapping: budget (a size) and eviction (lru or tiny_lfu).
void readGatewayCache(ConfigReader& reader, const ConfigField& field,
                      gateway::gateway_options& options);

} // namespace gatehouse::app
