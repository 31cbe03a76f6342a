// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// /v1/applications (+ keys, subscriptions), /v1/subscriptions
#include "app/admin_api/admin_dispatcher.h"
#include "app/admin_api/admin_json.h"
#include "app/domain/application_service.h"
#include "app/domain/subscription_service.h"

namespace gatehouse::app {

namespace {

AdminResponse badId()
{
    return AdminResponse::notFound(QStringLiteral("no such resource"));
}

template <typename T>
AdminResponse listOf(const QList<T>& items, const AdminRequest& req)
{
    AdminResponse error;
    const auto page = parsePage(req.query, &error);
    if (!page)
        return error;
    QJsonArray all;
    for (const T& item : items)
        all.append(item.toJson());
    return pageResponse(all, *page);
}

AdminResponse listApplications(const AdminServices& s, const AdminRequest& req)
{
    const QList<Application> apps = s.applications->applications(s.actor);
    if (s.applications->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.applications);
    return listOf(apps, req);
}

AdminResponse createApplication(const AdminServices& s, const AdminRequest& req)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto name = fields.string(QStringLiteral("name"), true);
    const auto description = fields.string(QStringLiteral("description"));
    const auto teamId = fields.integer(QStringLiteral("ownerTeamId"), false, 1);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto app = s.applications->createApplication(
        s.actor, *name, description.value_or(QString()), teamId.value_or(0));
    if (!app)
        return AdminResponse::failed(*s.applications);
    return AdminResponse::created(QStringLiteral("/v1/applications/%1").arg(app->id),
                                  app->toJson());
}

AdminResponse getApplication(const AdminServices& s, qint64 id)
{
    const auto app = s.applications->application(s.actor, id);
    return app ? AdminResponse::json(200, app->toJson()) : AdminResponse::failed(*s.applications);
}

AdminResponse listKeys(const AdminServices& s, const AdminRequest& req, qint64 appId)
{
    const QList<ApiKeyInfo> keys = s.applications->keys(s.actor, appId);
    if (s.applications->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.applications);
    return listOf(keys, req);
}

// The response is the only place the key ever appears.
AdminResponse issueKey(const AdminServices& s, const AdminRequest& req, qint64 appId)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto label = fields.string(QStringLiteral("label"));
    const auto expiresAt = fields.integer(QStringLiteral("expiresAt"), false, 0);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto issued =
        s.applications->issueKey(s.actor, appId, label.value_or(QString()), expiresAt.value_or(0));
    if (!issued)
        return AdminResponse::failed(*s.applications);
    QJsonObject result = issued->info.toJson();
    result.insert(QStringLiteral("key"), issued->key);
    AdminResponse r = AdminResponse::created(
        QStringLiteral("/v1/applications/%1/keys/%2").arg(appId).arg(issued->info.id), result);
    r.addHeader("Cache-Control", "no-store");
    return r;
}

AdminResponse revokeKey(const AdminServices& s, qint64 appId, qint64 keyId)
{
    // The key must belong to the application named in the path.
    const QList<ApiKeyInfo> keys = s.applications->keys(s.actor, appId);
    if (s.applications->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.applications);
    const bool belongs =
        std::any_of(keys.cbegin(), keys.cend(), [&](const ApiKeyInfo& k) { return k.id == keyId; });
    if (!belongs)
        return AdminResponse::notFound(QStringLiteral("no such key of this application"));
    if (!s.applications->revokeKey(s.actor, keyId))
        return AdminResponse::failed(*s.applications);
    return AdminResponse::noContent();
}

AdminResponse applicationSubscriptions(const AdminServices& s, const AdminRequest& req,
                                       qint64 appId)
{
    const QList<Subscription> subs = s.subscriptions->subscriptionsOf(s.actor, appId);
    if (s.subscriptions->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.subscriptions);
    return listOf(subs, req);
}

// ?state=pending (the default): the pending approvals the admin may decide;
// ?applicationId=n: that application's subscriptions (optionally ?state=).
AdminResponse listSubscriptions(const AdminServices& s, const AdminRequest& req)
{
    const QString stateText = req.query.queryItemValue(QStringLiteral("state"));
    std::optional<SubscriptionState> state;
    if (!stateText.isEmpty() && !(state = subscriptionStateFromString(stateText)))
        return AdminResponse::problem(
            400, QStringLiteral("bad-query"), QStringLiteral("Invalid query parameters"), {},
            QJsonArray{QJsonObject{
                {QStringLiteral("field"), QStringLiteral("state")},
                {QStringLiteral("message"),
                 QStringLiteral("one of pending, approved, rejected, suspended, revoked")}}});
    QList<Subscription> subs;
    if (req.query.hasQueryItem(QStringLiteral("applicationId"))) {
        const auto appId = idParameter(req.query.queryItemValue(QStringLiteral("applicationId")));
        if (!appId)
            return AdminResponse::badRequest(QStringLiteral("applicationId: must be an id"));
        subs = s.subscriptions->subscriptionsOf(s.actor, *appId);
        if (state)
            subs.removeIf([&](const Subscription& x) { return x.state != *state; });
    } else if (!state || *state == SubscriptionState::Pending) {
        subs = s.subscriptions->pendingApprovals(s.actor);
    } else {
        return AdminResponse::badRequest(
            QStringLiteral("without applicationId only state=pending can be listed"));
    }
    if (s.subscriptions->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.subscriptions);
    return listOf(subs, req);
}

AdminResponse requestSubscription(const AdminServices& s, const AdminRequest& req)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto appId = fields.integer(QStringLiteral("applicationId"), true, 1);
    const auto planId = fields.integer(QStringLiteral("planId"), true, 1);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto sub = s.subscriptions->request(s.actor, *appId, *planId);
    if (!sub)
        return AdminResponse::failed(*s.subscriptions);
    return AdminResponse::created(QStringLiteral("/v1/subscriptions/%1").arg(sub->id),
                                  sub->toJson());
}

AdminResponse getSubscription(const AdminServices& s, qint64 id)
{
    const auto sub = s.subscriptions->subscription(s.actor, id);
    return sub ? AdminResponse::json(200, sub->toJson()) : AdminResponse::failed(*s.subscriptions);
}

// POST /v1/subscriptions/{id}/{approve|reject|suspend|resume|revoke}
// with {"reason": "..."} (required by reject).
AdminResponse decide(const AdminServices& s, const AdminRequest& req, qint64 id,
                     const QString& action)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto reason = fields.string(QStringLiteral("reason"), action == QLatin1String("reject"));
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const QString why = reason.value_or(QString());
    SubscriptionService& subs = *s.subscriptions;
    bool ok = false;
    if (action == QLatin1String("approve"))
        ok = subs.approve(s.actor, id);
    else if (action == QLatin1String("reject"))
        ok = subs.reject(s.actor, id, why);
    else if (action == QLatin1String("suspend"))
        ok = subs.suspend(s.actor, id, why);
    else if (action == QLatin1String("resume"))
        ok = subs.resume(s.actor, id);
    else if (action == QLatin1String("revoke"))
        ok = subs.revoke(s.actor, id, why);
    if (!ok)
        return AdminResponse::failed(subs);
    return getSubscription(s, id);
}

} // namespace

void addConsumerRoutes(AdminRouter& router, const AdminServices* s)
{
    using Params = const QStringList&;
    router.add("GET", QStringLiteral("/v1/applications"),
               [s](const AdminRequest& req, Params) { return listApplications(*s, req); });
    router.add("POST", QStringLiteral("/v1/applications"),
               [s](const AdminRequest& req, Params) { return createApplication(*s, req); });
    router.add("GET", QStringLiteral("/v1/applications/{}"), [s](const AdminRequest&, Params p) {
        const auto id = idParameter(p.value(0));
        return id ? getApplication(*s, *id) : badId();
    });
    router.add("GET", QStringLiteral("/v1/applications/{}/keys"),
               [s](const AdminRequest& req, Params p) {
                   const auto id = idParameter(p.value(0));
                   return id ? listKeys(*s, req, *id) : badId();
               });
    router.add("POST", QStringLiteral("/v1/applications/{}/keys"),
               [s](const AdminRequest& req, Params p) {
                   const auto id = idParameter(p.value(0));
                   return id ? issueKey(*s, req, *id) : badId();
               });
    router.add("DELETE", QStringLiteral("/v1/applications/{}/keys/{}"),
               [s](const AdminRequest&, Params p) {
                   const auto appId = idParameter(p.value(0));
                   const auto keyId = idParameter(p.value(1));
                   return appId && keyId ? revokeKey(*s, *appId, *keyId) : badId();
               });
    router.add("GET", QStringLiteral("/v1/applications/{}/subscriptions"),
               [s](const AdminRequest& req, Params p) {
                   const auto id = idParameter(p.value(0));
                   return id ? applicationSubscriptions(*s, req, *id) : badId();
               });
    router.add("GET", QStringLiteral("/v1/subscriptions"),
               [s](const AdminRequest& req, Params) { return listSubscriptions(*s, req); });
    router.add("POST", QStringLiteral("/v1/subscriptions"),
               [s](const AdminRequest& req, Params) { return requestSubscription(*s, req); });
    router.add("GET", QStringLiteral("/v1/subscriptions/{}"), [s](const AdminRequest&, Params p) {
        const auto id = idParameter(p.value(0));
        return id ? getSubscription(*s, *id) : badId();
    });
    for (const char* action : {"approve", "reject", "suspend", "resume", "revoke"}) {
        const QString name = QString::fromLatin1(action);
        router.add("POST", QStringLiteral("/v1/subscriptions/{}/") + name,
                   [s, name](const AdminRequest& req, Params p) {
                       const auto id = idParameter(p.value(0));
                       return id ? decide(*s, req, *id, name) : badId();
                   });
    }
}

} // namespace gatehouse::app
