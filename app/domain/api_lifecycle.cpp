// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_lifecycle.h"

#include "app/domain/domain_messages.h"

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
    return refusalMessage(from, to).toString();
}

DomainMessage ApiLifecycle::refusalMessage(ApiState from, ApiState to)
{
    if (isLegal(from, to))
        return {};
    if (from == to)
        return {msg::AlreadyInState, {toMessage(to)}};
    const auto move = [&](const char* text) {
        return DomainMessage(text, {toMessage(from), toMessage(to)});
    };
    if (from == ApiState::Retired)
        return move(msg::RetiredIsFinal);
    if (to == ApiState::Draft)
        return move(msg::NoWayBackToDraft);
    if (to == ApiState::Published)
        return move(msg::NoRepublish);
    if (from == ApiState::Draft)
        return move(msg::PublishFirst);
    if (to == ApiState::Retired)
        return move(msg::DeprecateFirst);
    return move(msg::NotATransition);
}

QString ApiLifecycle::checkPublishable(const ApiDefinition& api)
{
    return publishableMessage(api).toString();
}

DomainMessage ApiLifecycle::publishableMessage(const ApiDefinition& api)
{
    if (api.routes.isEmpty())
        return msg::PublishNoRoutes;
    if (api.upstreams.isEmpty())
        return msg::PublishNoUpstream;
    if (!api.basePath.startsWith(QLatin1Char('/')))
        return msg::PublishBasePathSlash;
    for (const ApiUpstream& u : api.upstreams) {
        std::string why;
        if (!gateway::parse_http_url(u.url.toStdString(), &why))
            return {msg::PublishBadUpstream, {u.url, QString::fromStdString(why)}};
    }
    return {};
}

QString ApiLifecycle::checkDeprecation(const ApiDefinition& api, qint64 sunsetAt,
                                       qint64 successorId, qint64 nowMs)
{
    return deprecationMessage(api, sunsetAt, successorId, nowMs).toString();
}

DomainMessage ApiLifecycle::deprecationMessage(const ApiDefinition& api, qint64 sunsetAt,
                                               qint64 successorId, qint64 nowMs)
{
    if (sunsetAt <= nowMs)
        return msg::SunsetInFuture;
    if (successorId != 0 && successorId == api.id)
        return msg::OwnSuccessor;
    return {};
}

} // namespace gatehouse::app
