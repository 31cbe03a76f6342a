// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/application_overview.h"

#include "app/catalog_store.h"
#include "app/storage/sql_query.h"

#include <QHash>

#include <algorithm>

namespace gatehouse::app {

namespace {

template <typename Service>
ApplicationChange refused(const Service& service)
{
    ApplicationChange change;
    change.errorCode = service.lastErrorCode();
    change.error = service.lastError();
    change.errorMessage = service.lastErrorMessage();
    return change;
}

} // namespace

ApplicationListing loadApplications(CatalogStore& store, const Principal& actor)
{
    ApplicationListing out;
    ApplicationService& apps = store.applications();
    const QList<Application> list = apps.applications(actor);
    if (apps.lastErrorCode() != DomainErrorCode::None) {
        out.error = apps.lastError();
        out.errorMessage = apps.lastErrorMessage();
        return out;
    }
    out.actorTeams = store.teams().teamsOf(actor.userId);
    if (store.teams().lastErrorCode() != DomainErrorCode::None) {
        out.error = store.teams().lastError();
        out.errorMessage = store.teams().lastErrorMessage();
        return out;
    }
    QHash<qint64, QString> teamNames, userNames;
    const qint64 now = nowMs();
    for (const Application& app : list) {
        ApplicationSummary summary;
        summary.application = app;
        summary.teamOwned = app.ownerTeamId != 0;
        if (summary.teamOwned) {
            if (!teamNames.contains(app.ownerTeamId)) {
                const auto team = store.teams().team(app.ownerTeamId);
                teamNames.insert(app.ownerTeamId, team ? team->name : QString());
            }
            summary.owner = teamNames.value(app.ownerTeamId);
        } else {
            if (!userNames.contains(app.ownerUserId)) {
                const auto user = store.users().user(app.ownerUserId);
                userNames.insert(app.ownerUserId, user ? user->displayName : QString());
            }
            summary.owner = userNames.value(app.ownerUserId);
        }
        for (const ApiKeyInfo& key : apps.keys(actor, app.id))
            summary.activeKeys += key.isActive(now) ? 1 : 0;
        for (const Subscription& s : store.subscriptions().subscriptionsOf(actor, app.id))
            summary.approvedSubscriptions += s.state == SubscriptionState::Approved ? 1 : 0;
        out.items.append(summary);
    }
    return out;
}

ApplicationDetail loadApplicationDetail(CatalogStore& store, const Principal& actor,
                                        qint64 applicationId)
{
    ApplicationDetail out;
    out.applicationId = applicationId;
    ApplicationService& apps = store.applications();
    out.keys = apps.keys(actor, applicationId);
    if (apps.lastErrorCode() != DomainErrorCode::None) {
        out.errorCode = apps.lastErrorCode();
        out.error = apps.lastError();
        out.errorMessage = apps.lastErrorMessage();
        return out;
    }
    SubscriptionService& subscriptions = store.subscriptions();
    const QList<Subscription> list = subscriptions.subscriptionsOf(actor, applicationId);
    if (subscriptions.lastErrorCode() != DomainErrorCode::None) {
        out.errorCode = subscriptions.lastErrorCode();
        out.error = subscriptions.lastError();
        out.errorMessage = subscriptions.lastErrorMessage();
        return out;
    }
    // The service said which subscriptions the actor sees; this adds the
    // names of their APIs and plans, whatever state those are in now.
    QString err;
    auto q = runSql(store.database().connection(),
                    QStringLiteral("SELECT s.id, api.name, api.version, p.name, p.approval_mode"
                                   " FROM subscriptions s"
                                   " JOIN apis api ON api.id = s.api_id"
                                   " JOIN plans p ON p.id = s.plan_id"
                                   " WHERE s.application_id = ?"),
                    {applicationId}, &err);
    if (!q) {
        out.errorCode = DomainErrorCode::Storage;
        out.error = err;
        out.errorMessage = err;
        return out;
    }
    QHash<qint64, SubscriptionEntry> names;
    while (q->next()) {
        SubscriptionEntry e;
        e.api = q->value(1).toString();
        e.apiVersion = q->value(2).toString();
        e.plan = q->value(3).toString();
        e.approvalMode =
            approvalModeFromString(q->value(4).toString()).value_or(ApprovalMode::Manual);
        names.insert(q->value(0).toLongLong(), e);
    }
    for (const Subscription& s : list) {
        SubscriptionEntry e = names.value(s.id);
        e.subscription = s;
        out.subscriptions.append(e);
    }
    std::sort(out.subscriptions.begin(), out.subscriptions.end(),
              [](const SubscriptionEntry& a, const SubscriptionEntry& b) {
                  return a.subscription.createdAt != b.subscription.createdAt
                             ? a.subscription.createdAt > b.subscription.createdAt
                             : a.subscription.id > b.subscription.id;
              });
    return out;
}

SubscribableApis loadSubscribableApis(CatalogStore& store, const Principal& actor)
{
    SubscribableApis out;
    const QList<ApiDefinition> apis = store.apis().visibleApis(actor);
    if (store.apis().lastErrorCode() != DomainErrorCode::None) {
        out.error = store.apis().lastError();
        out.errorMessage = store.apis().lastErrorMessage();
        return out;
    }
    for (const ApiDefinition& api : apis) {
        if (api.state != ApiState::Published)
            continue;
        SubscribableApi entry{api.id, api.name, api.version, store.plans().plans(actor, api.id)};
        if (store.plans().lastErrorCode() == DomainErrorCode::Storage) {
            out.error = store.plans().lastError();
            out.errorMessage = store.plans().lastErrorMessage();
            return out;
        }
        if (!entry.plans.isEmpty())
            out.apis.append(entry);
    }
    std::sort(out.apis.begin(), out.apis.end(),
              [](const SubscribableApi& a, const SubscribableApi& b) {
                  const int byName = QString::localeAwareCompare(a.name, b.name);
                  return byName != 0 ? byName < 0 : a.version < b.version;
              });
    return out;
}

ApplicationChange createApplication(CatalogStore& store, const Principal& actor,
                                    const QString& name, const QString& description,
                                    qint64 ownerTeamId)
{
    ApplicationService& apps = store.applications();
    const auto app = apps.createApplication(actor, name, description, ownerTeamId);
    if (!app)
        return refused(apps);
    ApplicationChange change;
    change.ok = true;
    change.id = app->id;
    return change;
}

ApplicationChange issueApplicationKey(CatalogStore& store, const Principal& actor,
                                      qint64 applicationId, const QString& label, qint64 expiresAt)
{
    ApplicationService& apps = store.applications();
    const auto issued = apps.issueKey(actor, applicationId, label, expiresAt);
    if (!issued)
        return refused(apps);
    ApplicationChange change;
    change.ok = true;
    change.id = issued->info.id;
    change.key = issued->key;
    change.keyInfo = issued->info;
    return change;
}

ApplicationChange revokeApplicationKey(CatalogStore& store, const Principal& actor, qint64 keyId)
{
    ApplicationService& apps = store.applications();
    if (!apps.revokeKey(actor, keyId))
        return refused(apps);
    ApplicationChange change;
    change.ok = true;
    change.id = keyId;
    return change;
}

ApplicationChange requestSubscription(CatalogStore& store, const Principal& actor,
                                      qint64 applicationId, qint64 planId)
{
    SubscriptionService& subscriptions = store.subscriptions();
    const auto s = subscriptions.request(actor, applicationId, planId);
    if (!s)
        return refused(subscriptions);
    ApplicationChange change;
    change.ok = true;
    change.id = s->id;
    change.state = s->state;
    return change;
}

ApplicationChange endSubscription(CatalogStore& store, const Principal& actor,
                                  qint64 subscriptionId)
{
    SubscriptionService& subscriptions = store.subscriptions();
    if (!subscriptions.revoke(actor, subscriptionId))
        return refused(subscriptions);
    ApplicationChange change;
    change.ok = true;
    change.id = subscriptionId;
    change.state = SubscriptionState::Revoked;
    return change;
}

} // namespace gatehouse::app
