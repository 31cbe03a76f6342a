// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gatehouse::app {

// What the admin API asks of the running gateway: cache purges and live
// statistics. The gateway controller implements it; until one is wired in,
// /v1/cache/purge and /v1/stats answer 503.
//
// Called on the admin API's own thread: implementations must be thread-safe
// (post to their own thread and wait briefly, or read atomics).
class AdminControl {
public:
    virtual ~AdminControl() = default;

    // `request`: {"apiId": n} | {"pathPrefix": "/x"} | {"tag": "t"} | {} (all).
    // Returns e.g. {"purged": n}; nullopt with `error` when refused.
    virtual std::optional<QJsonObject> purgeCache(const QJsonObject& request, QString* error) = 0;
    // A JSON snapshot of the gateway's counters.
    virtual QJsonObject stats() = 0;
};

} // namespace gatehouse::app
