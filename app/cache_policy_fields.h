// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::app {

// A catalog API's cachePolicy (see readApiCachePolicy) as a form edits it:
// one member per key of a route's `cache:` block, with durations, sizes and
// lists as the text a person types ("10m", "8MiB", "200, 404",
// "utm_*, fbclid"). Empty text leaves the key out: the gateway's default.
// The form composes the JSON; what it means and whether it is valid stays
// with readApiCachePolicy, which ApiCatalog::validate runs on every save.
struct CachePolicyFields {
    bool enabled = false;            // enabled (a non-empty policy caches unless false)
    QString defaultTtl;              // default_ttl
    QString maxTtl;                  // max_ttl
    bool overrideUpstream = false;   // override_upstream
    QString statuses;                // statuses, separated by commas or spaces
    QString maxObjectSize;           // max_object_size
    QString ignoreQueryParams;       // ignore_query_params, separated by commas or spaces
    QString staleWhileRevalidate;    // stale_while_revalidate
    QString staleIfError;            // stale_if_error
    bool privatePerConsumer = false; // private_per_consumer
    bool cachePost = false;          // cache_post
    bool stripSetCookie = false;     // strip_set_cookie

    // The stored policy (a JSON object) as fields; nullopt with `error` when
    // the text is not a JSON object. Numbers stand for milliseconds
    // (durations) and bytes (sizes), as in the configuration file.
    static std::optional<CachePolicyFields> fromJson(const QString& json, QString* error);
    // The policy as compact JSON: "{}" for caching off with nothing else
    // set; {"enabled": false, ...} keeps the settings of a policy turned off.
    QString toJson() const;

    bool operator==(const CachePolicyFields&) const = default;
};

struct CachePolicyProblem {
    // The key it is about ("max_ttl", "statuses"), or empty for the policy
    // as a whole ("override_upstream needs a default_ttl").
    QString field;
    QString message; // e.g. "invalid duration 'soon' ..."
};

// What readApiCachePolicy refuses in fields.toJson(), field by field: empty
// when ApiCatalog would accept the policy.
QList<CachePolicyProblem> checkCachePolicy(const CachePolicyFields& fields);

} // namespace gatehouse::app
