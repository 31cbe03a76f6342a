// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"
#include "app/domain/domain_message.h"

#include <QList>
#include <QString>

namespace gatehouse::app {

// The API lifecycle as an explicit transition table:
//
//   draft --publish--> published --deprecate--> deprecated --retire--> retired
//
// Nothing else is legal: no way back, no skipping (an API is deprecated, with
// a sunset date, before it is retired), and retired is final. Preconditions
// that depend on the API itself (routes, upstreams, sunset) are checked by
// checkPublishable() / checkDeprecation().
// What a person may do to one API from the console or the admin API. Which
// of these are open to whom is ApiCatalog::allowedActions().
enum class ApiAction { Publish, Deprecate, Retire, DeleteDraft, NewVersion };

class ApiLifecycle {
public:
    struct Transition {
        ApiState from;
        ApiState to;
        const char* action; // "publish", "deprecate", "retire"
    };

    static const QList<Transition>& table();
    static bool isLegal(ApiState from, ApiState to);
    // Empty when legal, otherwise why not (English; refusalMessage() is the same for the console).
    static QString refusal(ApiState from, ApiState to);
    static DomainMessage refusalMessage(ApiState from, ApiState to);

    // At least one route, at least one upstream, every upstream a valid
    // http:// URL (gateway::parse_http_url), a base path starting with '/'.
    static QString checkPublishable(const ApiDefinition& api);
    static DomainMessage publishableMessage(const ApiDefinition& api);
    // A sunset in the future (relative to nowMs) and no self-succession.
    static QString checkDeprecation(const ApiDefinition& api, qint64 sunsetAt, qint64 successorId,
                                    qint64 nowMs);
    static DomainMessage deprecationMessage(const ApiDefinition& api, qint64 sunsetAt,
                                            qint64 successorId, qint64 nowMs);
};

} // namespace gatehouse::app
