// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_catalog.h"
#include "app/domain/api_definition.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/domain_service.h"
#include "app/domain/plan_service.h"
#include "app/domain/roles.h"
#include "app/domain/subscription_service.h"
#include "app/openapi_document.h"

#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::app {

class CatalogStore;

// One API as the catalog page lists it: the definition, its team's name and
// what the actor may do with it now.
struct CatalogEntry {
    ApiDefinition api;
    QString team;
    QList<ApiAction> actions; // ApiCatalog::allowedActions()
    // The actor may change its definition (ApiCatalog::updateApi would not
    // refuse for who they are or for the API being retired).
    bool editable = false;
};

struct CatalogListing {
    QList<CatalogEntry> entries; // ordered by name, then id
    QString error;               // non-empty: the catalog could not be read
    DomainMessage errorMessage;  // the same, for the console to translate
};

// Runs on the storage thread (through CatalogService::run): every API the
// actor may see.
CatalogListing loadCatalog(CatalogStore& store, const Principal& actor);

struct ApiVersionLink {
    qint64 id = 0;
    QString version;
    ApiState state = ApiState::Draft;
    qint64 successorId = 0;
};

struct ApiSubscriber {
    qint64 subscriptionId = 0;
    QString application;
    QString applicationTeam; // empty for an application owned by one user
    QString plan;
    SubscriptionState state = SubscriptionState::Pending;
    qint64 since = 0; // last change, ms since the epoch
};

// Everything the detail pane shows about one API.
struct ApiDetails {
    std::optional<CatalogEntry> entry;
    QList<ApiVersionLink> versions; // every visible version of the slug, oldest first
    QList<Plan> plans;
    // Subscriptions to the API's plans; only for those who decide or edit
    // them (admins, the team's owners and publishers).
    bool subscribersVisible = false;
    QList<ApiSubscriber> subscribers;
    OpenApiSummary openApi; // empty operations and error when there is no document
    DomainErrorCode errorCode = DomainErrorCode::None;
    QString error;              // set when `entry` is not
    DomainMessage errorMessage; // the same, for the console to translate
    // Set when the entry was read but its versions, plans or subscribers could not be
    // (a storage error, or a refusal): the lists are then empty because
    // they are unknown, not because there are none.
    DomainErrorCode versionsErrorCode = DomainErrorCode::None;
    QString versionsError;
    DomainMessage versionsErrorMessage;
    DomainErrorCode plansErrorCode = DomainErrorCode::None;
    QString plansError;
    DomainMessage plansErrorMessage;
    // Likewise for the subscribers (only read when subscribersVisible).
    DomainErrorCode subscribersErrorCode = DomainErrorCode::None;
    QString subscribersError;
    DomainMessage subscribersErrorMessage;
};

ApiDetails loadApiDetails(CatalogStore& store, const Principal& actor, qint64 apiId);

struct LifecycleRequest {
    ApiAction action = ApiAction::Publish;
    qint64 apiId = 0;
    qint64 sunsetAt = 0;    // Deprecate
    qint64 successorId = 0; // Deprecate, optional
    QString version;        // NewVersion
    QString reason;         // kept in the audit entry where the call takes one
    QString basePath;       // NewVersion, optional: ApiCatalog::createVersion()'s default
};

struct LifecycleOutcome {
    bool ok = false;
    DomainErrorCode errorCode = DomainErrorCode::None;
    QString error;              // the domain's message when !ok
    DomainMessage errorMessage; // the same, for the console to translate
    QString errorField;         // the request's field it is about ("version", "basePath"), if any
    // NewVersion refused for its base path: who holds it, and a free one.
    std::optional<BasePathCheck> basePath;
    qint64 apiId = 0; // the API after the action: the new version's id for NewVersion
};

// Runs one lifecycle action through ApiCatalog (which checks everything).
LifecycleOutcome applyLifecycleAction(CatalogStore& store, const Principal& actor,
                                      const LifecycleRequest& request);

// Replaces the API's cache policy (a JSON object, see readApiCachePolicy)
// through ApiCatalog::updateApi, which checks rights and the policy itself.
LifecycleOutcome saveCachePolicy(CatalogStore& store, const Principal& actor, qint64 apiId,
                                 const QString& cachePolicy);

} // namespace gatehouse::app
