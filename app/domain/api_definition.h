// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::app {

enum class ApiState { Draft, Published, Deprecated, Retired };
// Team: the owning team's members (and admins) see it. Organisation: everyone.
enum class ApiVisibility { Team, Organisation };
enum class AuthMode { ApiKey, Open };
enum class BalancingPolicy { RoundRobin, Weighted, LeastConnections };

QString toString(ApiState state);
// The state as a word of a domain message, which the console translates.
DomainMessage toMessage(ApiState state);
QString toString(ApiVisibility visibility);
QString toString(AuthMode mode);
QString toString(BalancingPolicy policy);
std::optional<ApiState> apiStateFromString(const QString& text);
std::optional<ApiVisibility> visibilityFromString(const QString& text);
std::optional<AuthMode> authModeFromString(const QString& text);
std::optional<BalancingPolicy> balancingFromString(const QString& text);

// A query parameter name the gateway may take an API key from: 1-64 RFC 3986
// unreserved characters, so it needs no percent-encoding.
bool isValidKeyQueryParameter(const QString& name);

struct ApiRoute {
    QString method; // "GET", ... or "*" for any
    QString path;   // relative to the API's base path, starts with '/'
    bool operator==(const ApiRoute&) const = default;
};

struct ApiUpstream {
    QString url; // http://host[:port][/path]
    int weight = 1;
    bool operator==(const ApiUpstream&) const = default;
};

// One version of one API. v1 and v2 of the same API share a slug and link to
// each other through previousId / successorId.
struct ApiDefinition {
    qint64 id = 0;
    QString slug; // URL-safe family name, e.g. "billing"
    QString version = QStringLiteral("v1");
    QString name;
    QString description;
    QStringList tags;
    qint64 teamId = 0; // owning team
    ApiVisibility visibility = ApiVisibility::Team;
    QString basePath; // e.g. "/billing/v1"
    // Forward /billing/v1/invoices to the upstream as /invoices (plus the
    // upstream URL's own path), rather than with the base path kept.
    bool stripBasePath = false;
    QList<ApiRoute> routes;
    QList<ApiUpstream> upstreams;
    BalancingPolicy balancing = BalancingPolicy::RoundRobin;
    AuthMode authMode = AuthMode::ApiKey;
    // Non-empty: the gateway also takes the API key from this query
    // parameter (e.g. "api_key") and removes it before forwarding. Empty:
    // header only. Only for API-key APIs; keys in URLs end up in logs.
    QString keyQueryParameter;
    QString cachePolicy = QStringLiteral("{}"); // JSON object, interpreted by a later issue
    qint64 connectTimeoutMs = 5000;
    qint64 requestTimeoutMs = 30000;
    QString openApi; // the OpenAPI document, as text

    // Lifecycle, changed only through ApiCatalog's transitions.
    ApiState state = ApiState::Draft;
    qint64 sunsetAt = 0; // Unix ms; set when deprecated
    qint64 previousId = 0;
    qint64 successorId = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
};

} // namespace gatehouse::app
