// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"
#include "gateway/cache/cache_policy.hpp"

#include <QString>

#include <optional>

namespace gatehouse::app {

// A catalog API's cachePolicy (a JSON object) as the gateway's per-route
// cache policy. The keys are those of a route's `cache:` block in the
// declarative configuration (resources/CONFIG_FORMAT.md), e.g.
// {"max_ttl": "10s", "stale_while_revalidate": "30s"}; a non-empty object
// turns caching on unless it says "enabled": false. The empty object (the
// default) leaves the API uncached.
//
// nullopt with `error` set ("cachePolicy:1:13: max_ttl: ...") when the text is not
// such an object; `message`, when given, is the same for the console to
// translate.
std::optional<gateway::cache::cache_policy> readApiCachePolicy(const QString& json, QString* error,
                                                               DomainMessage* message = nullptr);

} // namespace gatehouse::app
