// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_browser.h"

#include "app/catalog_store.h"
#include "app/domain/access_policy.h"
#include "app/storage/sql_query.h"

#include <QHash>

namespace gatehouse::app {

namespace {

QHash<qint64, QString> teamNames(CatalogStore& store)
{
    QHash<qint64, QString> names;
    for (const Team& team : store.teams().teams())
        names.insert(team.id, team.name);
    return names;
}

// Null with the domain's error when the actions cannot be told (the actor
// has no account, or the lookup failed): a page must say so rather than
// offer no buttons.
std::optional<CatalogEntry> entryFor(CatalogStore& store, const AccessPolicy& policy,
                                     const Principal& actor, const ApiDefinition& api,
                                     const QString& team, DomainErrorCode* code, QString* error,
                                     DomainMessage* message)
{
    ApiCatalog& apis = store.apis();
    QList<ApiAction> actions = apis.allowedActions(actor, api);
    if (apis.lastErrorCode() != DomainErrorCode::None) {
        *code = apis.lastErrorCode();
        *error = apis.lastError();
        *message = apis.lastErrorMessage();
        return std::nullopt;
    }
    return CatalogEntry{api, team, std::move(actions),
                        api.state != ApiState::Retired && policy.canEditApi(actor, api.teamId)};
}

} // namespace

CatalogListing loadCatalog(CatalogStore& store, const Principal& actor)
{
    CatalogListing out;
    ApiCatalog& apis = store.apis();
    const QList<ApiDefinition> visible = apis.visibleApis(actor);
    if (apis.lastErrorCode() != DomainErrorCode::None) {
        out.error = apis.lastError();
        out.errorMessage = apis.lastErrorMessage();
        return out;
    }
    const QHash<qint64, QString> teams = teamNames(store);
    const AccessPolicy policy(store.database());
    out.entries.reserve(visible.size());
    for (const ApiDefinition& api : visible) {
        DomainErrorCode code = DomainErrorCode::None;
        auto entry = entryFor(store, policy, actor, api, teams.value(api.teamId), &code, &out.error,
                              &out.errorMessage);
        if (!entry) {
            out.entries.clear();
            return out;
        }
        out.entries.append(std::move(*entry));
    }
    std::sort(out.entries.begin(), out.entries.end(),
              [](const CatalogEntry& l, const CatalogEntry& r) {
                  const int byName = QString::localeAwareCompare(l.api.name, r.api.name);
                  return byName != 0 ? byName < 0 : l.api.id < r.api.id;
              });
    return out;
}

ApiDetails loadApiDetails(CatalogStore& store, const Principal& actor, qint64 apiId)
{
    ApiDetails out;
    ApiCatalog& apis = store.apis();
    const auto api = apis.api(actor, apiId);
    if (!api) {
        out.errorCode = apis.lastErrorCode();
        out.error = apis.lastError();
        out.errorMessage = apis.lastErrorMessage();
        return out;
    }
    const auto team = store.teams().team(api->teamId);
    const AccessPolicy policy(store.database());
    out.entry = entryFor(store, policy, actor, *api, team ? team->name : QString(), &out.errorCode,
                         &out.error, &out.errorMessage);
    if (!out.entry)
        return out;
    const QList<ApiDefinition> versions = apis.versions(actor, api->slug);
    if (apis.lastErrorCode() != DomainErrorCode::None) {
        out.versionsErrorCode = apis.lastErrorCode();
        out.versionsError = apis.lastError();
        out.versionsErrorMessage = apis.lastErrorMessage();
    }
    for (const ApiDefinition& v : versions)
        out.versions.append({v.id, v.version, v.state, v.successorId});
    PlanService& plans = store.plans();
    out.plans = plans.plans(actor, apiId);
    if (plans.lastErrorCode() != DomainErrorCode::None) {
        out.plansErrorCode = plans.lastErrorCode();
        out.plansError = plans.lastError();
        out.plansErrorMessage = plans.lastErrorMessage();
    }
    if (!api->openApi.trimmed().isEmpty())
        out.openApi = summarizeOpenApi(api->openApi);

    out.subscribersVisible =
        policy.canApproveFor(actor, api->teamId) || policy.canEditApi(actor, api->teamId);
    if (!out.subscribersVisible)
        return out;
    QString error;
    auto q = runSql(store.database().connection(),
                    QStringLiteral("SELECT s.id, a.name, COALESCE(t.name, ''), p.name, s.state,"
                                   " s.updated_at"
                                   " FROM subscriptions s"
                                   " JOIN applications a ON a.id = s.application_id"
                                   " LEFT JOIN teams t ON t.id = a.owner_team_id"
                                   " JOIN plans p ON p.id = s.plan_id"
                                   " WHERE s.api_id = ?"
                                   " ORDER BY a.name, s.id"),
                    {apiId}, &error);
    if (!q) {
        out.subscribersErrorCode = DomainErrorCode::Storage;
        out.subscribersError = error;
        out.subscribersErrorMessage = error;
        return out;
    }
    while (q->next()) {
        ApiSubscriber s;
        s.subscriptionId = q->value(0).toLongLong();
        s.application = q->value(1).toString();
        s.applicationTeam = q->value(2).toString();
        s.plan = q->value(3).toString();
        s.state = subscriptionStateFromString(q->value(4).toString())
                      .value_or(SubscriptionState::Pending);
        s.since = q->value(5).toLongLong();
        out.subscribers.append(s);
    }
    return out;
}

LifecycleOutcome applyLifecycleAction(CatalogStore& store, const Principal& actor,
                                      const LifecycleRequest& request)
{
    LifecycleOutcome out;
    out.apiId = request.apiId;
    ApiCatalog& apis = store.apis();
    switch (request.action) {
    case ApiAction::Publish:
        out.ok = apis.publish(actor, request.apiId, request.reason);
        break;
    case ApiAction::Deprecate:
        out.ok = apis.deprecate(actor, request.apiId, request.sunsetAt, request.successorId,
                                request.reason);
        break;
    case ApiAction::Retire:
        out.ok = apis.retire(actor, request.apiId, request.reason);
        break;
    case ApiAction::DeleteDraft:
        out.ok = apis.deleteDraft(actor, request.apiId);
        if (out.ok)
            out.apiId = 0;
        break;
    case ApiAction::NewVersion:
        if (const auto created =
                apis.createVersion(actor, request.apiId, request.version, request.basePath)) {
            out.ok = true;
            out.apiId = created->id;
        }
        break;
    }
    if (!out.ok) {
        out.errorCode = apis.lastErrorCode();
        out.error = apis.lastError();
        out.errorMessage = apis.lastErrorMessage();
        out.errorField = apis.lastErrorField();
        if (request.action == ApiAction::NewVersion &&
            out.errorField == QLatin1String("basePath")) {
            const auto from = apis.api(actor, request.apiId);
            if (from) {
                ApiDefinition candidate = *from;
                candidate.id = 0;
                candidate.version = request.version;
                candidate.basePath = request.basePath.isEmpty()
                                         ? ApiCatalog::versionBasePath(*from, request.version)
                                         : request.basePath;
                out.basePath = apis.checkBasePath(actor, candidate);
            }
        }
    }
    return out;
}

LifecycleOutcome saveCachePolicy(CatalogStore& store, const Principal& actor, qint64 apiId,
                                 const QString& cachePolicy)
{
    LifecycleOutcome out;
    out.apiId = apiId;
    ApiCatalog& apis = store.apis();
    auto api = apis.api(actor, apiId);
    if (api) {
        api->cachePolicy = cachePolicy;
        out.ok = apis.updateApi(actor, *api);
    }
    if (!out.ok) {
        out.errorCode = apis.lastErrorCode();
        out.error = apis.lastError();
        out.errorMessage = apis.lastErrorMessage();
    }
    return out;
}

} // namespace gatehouse::app
