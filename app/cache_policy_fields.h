// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"

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
    // The same, with `error` as a message the console can translate.
    static std::optional<CachePolicyFields> fromJson(const QString& json, DomainMessage* error);
    // The policy as compact JSON: "{}" for caching off with nothing else
    // set; {"enabled": false, ...} keeps the settings of a policy turned off.
    QString toJson() const;

    bool operator==(const CachePolicyFields&) const = default;
};

// The fields of CachePolicyFields, for naming the one a problem is about;
// Policy is the policy as a whole.
enum class CachePolicyField {
    Policy,
    Enabled,
    DefaultTtl,
    MaxTtl,
    OverrideUpstream,
    Statuses,
    MaxObjectSize,
    IgnoreQueryParams,
    StaleWhileRevalidate,
    StaleIfError,
    PrivatePerConsumer,
    CachePost,
    StripSetCookie,
};

// The field's key in a route's `cache:` block ("default_ttl"); empty for
// Policy. For logs and the configuration file, not for people.
QString cachePolicyKey(CachePolicyField field);

// One thing the catalog refuses, as a kind and the text it is about, so a
// form can say it in the user's language next to the field's own label.
struct CachePolicyProblem {
    enum class Kind {
        NotADuration,            // value: the text typed
        NotWholeSeconds,         // value: the duration ("1500ms")
        DurationOutOfRange,      // value: the duration; 1s to 8760h
        NotASize,                // value: the text typed
        SizeOutOfRange,          // value: the text typed; 1B to 1GiB
        NotAStatus,              // value: the item
        StatusOutOfRange,        // value: the status; 200 to 599
        StatusNotStorable,       // value: 206 or 304
        DuplicateStatus,         // value: the status
        ParameterNameMissing,    // value: the item ("*")
        WildcardNotAtEnd,        // value: the item ("utm*x")
        NotAParameterName,       // value: the item ("a=b")
        DefaultTtlAboveMaxTtl,   // on DefaultTtl
        OverrideNeedsDefaultTtl, // on Policy
        Other,                   // only `message` says what
    };
    CachePolicyField field = CachePolicyField::Policy;
    Kind kind = Kind::Other;
    QString value;
    // The catalog's own wording, in English with configuration keys
    // ("default_ttl is longer than max_ttl"), as the admin API and logs say it.
    QString message;
    // The same for the console to translate (ui/domain_message_text.h).
    DomainMessage what;
};

// What readApiCachePolicy refuses in fields.toJson(), field by field: empty
// when ApiCatalog would accept the policy. The catalog's reader decides;
// each of its findings is then told apart by looking at the field again.
QList<CachePolicyProblem> checkCachePolicy(const CachePolicyFields& fields);

} // namespace gatehouse::app
