// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_definition.h"

#include "app/domain/domain_messages.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace gatehouse::app {

namespace {

template <typename E, std::size_t N>
QString name(const std::array<std::pair<E, const char*>, N>& table, E value)
{
    for (const auto& [e, text] : table) {
        if (e == value)
            return QString::fromLatin1(text);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char*>, N>& table, const QString& text)
{
    for (const auto& [e, t] : table) {
        if (text == QLatin1String(t))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<ApiState, const char*>, 4> states{{
    {ApiState::Draft, "draft"},
    {ApiState::Published, "published"},
    {ApiState::Deprecated, "deprecated"},
    {ApiState::Retired, "retired"},
}};
constexpr std::array<std::pair<ApiVisibility, const char*>, 2> visibilities{{
    {ApiVisibility::Team, "team"},
    {ApiVisibility::Organisation, "organisation"},
}};
constexpr std::array<std::pair<AuthMode, const char*>, 2> authModes{{
    {AuthMode::ApiKey, "api_key"},
    {AuthMode::Open, "open"},
}};
constexpr std::array<std::pair<BalancingPolicy, const char*>, 3> policies{{
    {BalancingPolicy::RoundRobin, "round_robin"},
    {BalancingPolicy::Weighted, "weighted"},
    {BalancingPolicy::LeastConnections, "least_connections"},
}};

} // namespace

QString toString(ApiState state)
{
    return name(states, state);
}
DomainMessage toMessage(ApiState state)
{
    switch (state) {
    case ApiState::Draft:
        return msg::StateDraft;
    case ApiState::Published:
        return msg::StatePublished;
    case ApiState::Deprecated:
        return msg::StateDeprecated;
    case ApiState::Retired:
        break;
    }
    return msg::StateRetired;
}
QString toString(ApiVisibility visibility)
{
    return name(visibilities, visibility);
}
QString toString(AuthMode mode)
{
    return name(authModes, mode);
}
QString toString(BalancingPolicy policy)
{
    return name(policies, policy);
}
std::optional<ApiState> apiStateFromString(const QString& text)
{
    return parse(states, text);
}
std::optional<ApiVisibility> visibilityFromString(const QString& text)
{
    return parse(visibilities, text);
}
std::optional<AuthMode> authModeFromString(const QString& text)
{
    return parse(authModes, text);
}
std::optional<BalancingPolicy> balancingFromString(const QString& text)
{
    return parse(policies, text);
}

bool isValidKeyQueryParameter(const QString& name)
{
    static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]{1,64}$"));
    return unreserved.match(name).hasMatch();
}

QJsonObject ApiDefinition::toJson() const
{
    QJsonArray routeArray;
    for (const ApiRoute& r : routes)
        routeArray.append(
            QJsonObject{{QStringLiteral("method"), r.method}, {QStringLiteral("path"), r.path}});
    QJsonArray upstreamArray;
    for (const ApiUpstream& u : upstreams)
        upstreamArray.append(
            QJsonObject{{QStringLiteral("url"), u.url}, {QStringLiteral("weight"), u.weight}});
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("slug"), slug},
        {QStringLiteral("version"), version},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("teamId"), teamId},
        {QStringLiteral("visibility"), toString(visibility)},
        {QStringLiteral("basePath"), basePath},
        {QStringLiteral("stripBasePath"), stripBasePath},
        {QStringLiteral("routes"), routeArray},
        {QStringLiteral("upstreams"), upstreamArray},
        {QStringLiteral("balancing"), toString(balancing)},
        {QStringLiteral("authMode"), toString(authMode)},
        {QStringLiteral("keyQueryParameter"), keyQueryParameter},
        {QStringLiteral("cachePolicy"), cachePolicy},
        {QStringLiteral("connectTimeoutMs"), connectTimeoutMs},
        {QStringLiteral("requestTimeoutMs"), requestTimeoutMs},
        {QStringLiteral("openApiBytes"), openApi.size()}, // the document itself is too big to log
        {QStringLiteral("state"), toString(state)},
        {QStringLiteral("sunsetAt"), sunsetAt},
        {QStringLiteral("previousId"), previousId},
        {QStringLiteral("successorId"), successorId},
    };
}

} // namespace gatehouse::app
