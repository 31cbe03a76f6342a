// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_lifecycle.h"

#include "gateway/http_util.hpp"

#include <string>

namespace gatehouse::app {

const QList<ApiLifecycle::Transition>& ApiLifecycle::table()
{
    static const QList<Transition> transitions{
        {ApiState::Draft, ApiState::Published, "publish"},
        {ApiState::Published, ApiState::Deprecated, "deprecate"},
        {ApiState::Deprecated, ApiState::Retired, "retire"},
    };
    return transitions;
}

bool ApiLifecycle::isLegal(ApiState from, ApiState to)
{
    for (const Transition& t : table()) {
        if (t.from == from && t.to == to)
            return true;
    }
    return false;
}

QString ApiLifecycle::refusal(ApiState from, ApiState to)
{
    if (isLegal(from, to))
        return {};
    const QString move = toString(from) + QStringLiteral(" -> ") + toString(to);
    if (from == to)
        return QStringLiteral("the API is already %1").arg(toString(to));
    if (from == ApiState::Retired)
        return QStringLiteral("%1: a retired API is final and cannot change state").arg(move);
    if (to == ApiState::Draft)
        return QStringLiteral("%1: an API cannot go back to draft; create a new version instead")
            .arg(move);
    if (to == ApiState::Published)
        return QStringLiteral("%1: a deprecated API cannot be published again; create a new "
                              "version instead")
            .arg(move);
    if (from == ApiState::Draft)
        return QStringLiteral("%1: a draft must be published first").arg(move);
    if (to == ApiState::Retired)
        return QStringLiteral("%1: an API must be deprecated, with a sunset date, before it is "
                              "retired")
            .arg(move);
    return QStringLiteral("%1: not a lifecycle transition").arg(move);
}

QString ApiLifecycle::checkPublishable(const ApiDefinition& api)
{
    if (api.routes.isEmpty())
        return QStringLiteral("cannot publish: the API has no routes");
    if (api.upstreams.isEmpty())
        return QStringLiteral("cannot publish: the API has no upstream target");
    if (!api.basePath.startsWith(QLatin1Char('/')))
        return QStringLiteral("cannot publish: the base path must start with '/'");
    for (const ApiUpstream& u : api.upstreams) {
        std::string why;
        if (!gateway::parse_http_url(u.url.toStdString(), &why))
            return QStringLiteral("cannot publish: upstream '%1': %2")
                .arg(u.url, QString::fromStdString(why));
    }
    return {};
}

QString ApiLifecycle::checkDeprecation(const ApiDefinition& api, qint64 sunsetAt,
                                       qint64 successorId, qint64 nowMs)
{
    if (sunsetAt <= nowMs)
        return QStringLiteral("cannot deprecate: the sunset date must be in the future");
    if (successorId != 0 && successorId == api.id)
        return QStringLiteral("cannot deprecate: an API cannot be its own successor");
    return {};
}

} // namespace gatehouse::app
