// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// /v1/apis, /v1/apis/{id}/lifecycle, /v1/apis/{id}/plans
#include "app/admin_api/admin_dispatcher.h"
#include "app/admin_api/admin_json.h"
#include "app/domain/api_catalog.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/plan_service.h"
#include "app/openapi_export.h"
#include "app/openapi_import.h"

namespace gatehouse::app {

namespace {

// The full definition, with the OpenAPI text and timestamps that toJson()
// leaves out of audit entries.
QJsonObject apiJson(const ApiDefinition& api)
{
    QJsonObject o = api.toJson();
    o.remove(QStringLiteral("openApiBytes"));
    o.insert(QStringLiteral("openApi"), api.openApi);
    o.insert(QStringLiteral("createdAt"), api.createdAt);
    o.insert(QStringLiteral("updatedAt"), api.updatedAt);
    return o;
}

bool matchesFilters(const ApiDefinition& api, const AdminQuery& q)
{
    auto param = [&](const char* name) {
        return q.queryItemValue(QLatin1String(name));
    };
    if (q.hasQueryItem(QStringLiteral("state")) && toString(api.state) != param("state"))
        return false;
    if (q.hasQueryItem(QStringLiteral("teamId")) && QString::number(api.teamId) != param("teamId"))
        return false;
    if (q.hasQueryItem(QStringLiteral("slug")) && api.slug != param("slug"))
        return false;
    if (q.hasQueryItem(QStringLiteral("tag")) && !api.tags.contains(param("tag")))
        return false;
    if (q.hasQueryItem(QStringLiteral("q"))) {
        const QString needle = param("q");
        if (!api.name.contains(needle, Qt::CaseInsensitive) &&
            !api.slug.contains(needle, Qt::CaseInsensitive) &&
            !api.description.contains(needle, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

AdminResponse listApis(const AdminServices& s, const AdminRequest& req)
{
    AdminResponse error;
    const auto page = parsePage(req.query, &error);
    if (!page)
        return error;
    if (req.query.hasQueryItem(QStringLiteral("state")) &&
        !apiStateFromString(req.query.queryItemValue(QStringLiteral("state"))))
        return AdminResponse::problem(
            400, QStringLiteral("bad-query"), QStringLiteral("Invalid query parameters"), {},
            QJsonArray{QJsonObject{
                {QStringLiteral("field"), QStringLiteral("state")},
                {QStringLiteral("message"), QStringLiteral("one of draft, published, deprecated, "
                                                           "retired")}}});
    const QList<ApiDefinition> apis = s.catalog->visibleApis(s.actor);
    if (s.catalog->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.catalog);
    QJsonArray all;
    for (const ApiDefinition& api : apis) {
        if (matchesFilters(api, req.query))
            all.append(apiJson(api));
    }
    return pageResponse(all, *page);
}

AdminResponse createApi(const AdminServices& s, const AdminRequest& req)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    for (const char* required : {"slug", "name", "basePath"}) {
        if (!body.contains(QLatin1String(required)))
            fields.addError(QString::fromLatin1(required), QStringLiteral("is required"));
    }
    if (!body.contains(QStringLiteral("teamId")))
        fields.addError(QStringLiteral("teamId"), QStringLiteral("is required"));
    ApiDefinition api;
    applyApiFields(fields, body, &api);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto made = s.catalog->createApi(s.actor, api);
    if (!made)
        return AdminResponse::failed(*s.catalog);
    return AdminResponse::created(QStringLiteral("/v1/apis/%1").arg(made->id), apiJson(*made));
}

// POST /v1/apis/import?teamId=N: a draft API from an OpenAPI 3 document
// (YAML or JSON) in the body; the document's problems come back as field
// errors with line and column, nothing is created then.
AdminResponse importApi(const AdminServices& s, const AdminRequest& req)
{
    const auto teamId = idParameter(req.query.queryItemValue(QStringLiteral("teamId")));
    if (!teamId)
        return AdminResponse::validation(QJsonArray{
            QJsonObject{{QStringLiteral("field"), QStringLiteral("teamId")},
                        {QStringLiteral("message"), QStringLiteral("is required (query)")}}});
    if (req.body.trimmed().isEmpty())
        return AdminResponse::badRequest(QStringLiteral("the body must be an OpenAPI document"));
    const OpenApiImport imported = OpenApiImporter::import(req.body, QStringLiteral("body"));
    if (!imported.errors.isEmpty()) {
        QJsonArray errors;
        for (const QString& e : imported.errors)
            errors.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("body")},
                                      {QStringLiteral("message"), e}});
        return AdminResponse::problem(422, QStringLiteral("openapi-invalid"),
                                      QStringLiteral("The OpenAPI document cannot be imported"),
                                      QStringLiteral("%1 error(s)").arg(errors.size()), errors);
    }
    ApiDefinition api = *imported.api;
    api.teamId = *teamId;
    const auto made = s.catalog->createApi(s.actor, api);
    if (!made)
        return AdminResponse::failed(*s.catalog);
    QJsonObject body = apiJson(*made);
    body.insert(QStringLiteral("operations"), imported.operationCount);
    body.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(imported.warnings));
    return AdminResponse::created(QStringLiteral("/v1/apis/%1").arg(made->id), body);
}

AdminResponse getApi(const AdminServices& s, qint64 id)
{
    const auto api = s.catalog->api(s.actor, id);
    if (!api)
        return AdminResponse::failed(*s.catalog);
    return AdminResponse::json(200, apiJson(*api));
}

// The API's OpenAPI document as it stands now (openApiDocumentFor): its
// imported document with the catalog's changes, or a new one.
AdminResponse getOpenApi(const AdminServices& s, qint64 id)
{
    const auto api = s.catalog->api(s.actor, id);
    if (!api)
        return AdminResponse::failed(*s.catalog);
    return AdminResponse::json(200, openApiDocumentFor(*api));
}

AdminResponse updateApi(const AdminServices& s, const AdminRequest& req, qint64 id)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    auto api = s.catalog->api(s.actor, id);
    if (!api)
        return AdminResponse::failed(*s.catalog);
    JsonFields fields(body);
    applyApiFields(fields, body, &*api);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    if (!s.catalog->updateApi(s.actor, *api))
        return AdminResponse::failed(*s.catalog);
    return getApi(s, id);
}

AdminResponse deleteApi(const AdminServices& s, qint64 id)
{
    if (!s.catalog->deleteDraft(s.actor, id))
        return AdminResponse::failed(*s.catalog);
    return AdminResponse::noContent();
}

// Every visible version of the API's slug, oldest first.
AdminResponse listVersions(const AdminServices& s, const AdminRequest& req, qint64 id)
{
    const auto api = s.catalog->api(s.actor, id);
    if (!api)
        return AdminResponse::failed(*s.catalog);
    AdminResponse error;
    const auto page = parsePage(req.query, &error);
    if (!page)
        return error;
    const QList<ApiDefinition> versions = s.catalog->versions(s.actor, api->slug);
    if (s.catalog->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.catalog);
    QJsonArray all;
    for (const ApiDefinition& v : versions)
        all.append(apiJson(v));
    return pageResponse(all, *page);
}

// {"version": "v2", "basePath": "/orders/v2"}: a new draft copied from this
// API and linked to it; without basePath, ApiCatalog::versionBasePath().
AdminResponse createVersion(const AdminServices& s, const AdminRequest& req, qint64 id)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto version = fields.string(QStringLiteral("version"), true);
    const auto basePath = fields.string(QStringLiteral("basePath"));
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto made = s.catalog->createVersion(s.actor, id, *version, basePath.value_or(QString()));
    if (!made)
        return AdminResponse::failed(*s.catalog);
    return AdminResponse::created(QStringLiteral("/v1/apis/%1").arg(made->id), apiJson(*made));
}

QJsonObject lifecycleJson(const ApiDefinition& api)
{
    QJsonArray next;
    for (const auto& t : ApiLifecycle::table()) {
        if (t.from == api.state)
            next.append(QJsonObject{{QStringLiteral("action"), QString::fromLatin1(t.action)},
                                    {QStringLiteral("to"), toString(t.to)}});
    }
    return {{QStringLiteral("apiId"), api.id},
            {QStringLiteral("state"), toString(api.state)},
            {QStringLiteral("sunsetAt"), api.sunsetAt},
            {QStringLiteral("successorId"), api.successorId},
            {QStringLiteral("transitions"), next}};
}

AdminResponse getLifecycle(const AdminServices& s, qint64 id)
{
    const auto api = s.catalog->api(s.actor, id);
    if (!api)
        return AdminResponse::failed(*s.catalog);
    return AdminResponse::json(200, lifecycleJson(*api));
}

// {"action": "publish" | "deprecate" | "retire", "reason": "...",
//  "sunsetAt": ms (deprecate), "successorId": id (deprecate, optional)}
// or {"state": "published" | ...} naming the target state instead.
AdminResponse transitionApi(const AdminServices& s, const AdminRequest& req, qint64 id)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto action = fields.string(QStringLiteral("action"));
    const auto state = fields.string(QStringLiteral("state"));
    const auto reason = fields.string(QStringLiteral("reason"));
    const auto sunsetAt = fields.integer(QStringLiteral("sunsetAt"), false, 0);
    const auto successorId = fields.integer(QStringLiteral("successorId"), false, 0);
    std::optional<ApiState> to;
    if (action) {
        for (const auto& t : ApiLifecycle::table()) {
            if (*action == QLatin1String(t.action))
                to = t.to;
        }
        if (!to)
            fields.addError(QStringLiteral("action"),
                            QStringLiteral("one of publish, deprecate, retire"));
    } else if (state) {
        to = apiStateFromString(*state);
        if (!to)
            fields.addError(QStringLiteral("state"),
                            QStringLiteral("one of draft, published, deprecated, retired"));
    } else if (fields.ok()) {
        fields.addError(QStringLiteral("action"), QStringLiteral("is required"));
    }
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());

    const auto before = s.catalog->api(s.actor, id);
    if (!before)
        return AdminResponse::failed(*s.catalog);
    // Refused transitions are 409 with the state machine's reason, before
    // any precondition of the target state is looked at.
    if (const QString refusal = ApiLifecycle::refusal(before->state, *to); !refusal.isEmpty())
        return AdminResponse::domainError(DomainErrorCode::Conflict, refusal);
    const QString why = reason.value_or(QString());
    bool ok = false;
    switch (*to) {
    case ApiState::Published:
        ok = s.catalog->publish(s.actor, id, why);
        break;
    case ApiState::Deprecated:
        ok = s.catalog->deprecate(s.actor, id, sunsetAt.value_or(0), successorId.value_or(0), why);
        break;
    case ApiState::Retired:
        ok = s.catalog->retire(s.actor, id, why);
        break;
    case ApiState::Draft:
        break; // refused above: nothing leads back to draft
    }
    if (!ok)
        return AdminResponse::failed(*s.catalog);
    const auto after = s.catalog->api(s.actor, id);
    if (!after)
        return AdminResponse::failed(*s.catalog);
    QJsonObject result = lifecycleJson(*after);
    result.insert(QStringLiteral("previousState"), toString(before->state));
    if (reason)
        result.insert(QStringLiteral("reason"), *reason);
    return AdminResponse::json(200, result);
}

void applyPlanFields(JsonFields& fields, Plan* plan)
{
    if (const auto v = fields.string(QStringLiteral("name")))
        plan->name = *v;
    if (const auto v = fields.string(QStringLiteral("approvalMode"))) {
        if (const auto mode = approvalModeFromString(*v))
            plan->approvalMode = *mode;
        else
            fields.addError(QStringLiteral("approvalMode"),
                            QStringLiteral("one of automatic, manual"));
    }
    if (const auto v = fields.integer(QStringLiteral("rateLimitPerMinute")))
        plan->rateLimitPerMinute = *v;
    if (const auto v = fields.integer(QStringLiteral("quotaPerMonth")))
        plan->quotaPerMonth = *v;
}

AdminResponse listPlans(const AdminServices& s, const AdminRequest& req, qint64 apiId)
{
    AdminResponse error;
    const auto page = parsePage(req.query, &error);
    if (!page)
        return error;
    const QList<Plan> plans = s.plans->plans(s.actor, apiId);
    if (s.plans->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.plans);
    QJsonArray all;
    for (const Plan& p : plans)
        all.append(p.toJson());
    return pageResponse(all, *page);
}

AdminResponse createPlan(const AdminServices& s, const AdminRequest& req, qint64 apiId)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    fields.string(QStringLiteral("name"), true);
    Plan plan;
    plan.apiId = apiId;
    applyPlanFields(fields, &plan);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto made = s.plans->createPlan(s.actor, plan);
    if (!made)
        return AdminResponse::failed(*s.plans);
    return AdminResponse::created(QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(made->id),
                                  made->toJson());
}

AdminResponse getPlan(const AdminServices& s, qint64 apiId, qint64 planId)
{
    const auto plan = s.plans->plan(s.actor, planId);
    if (!plan)
        return AdminResponse::failed(*s.plans);
    if (plan->apiId != apiId)
        return AdminResponse::notFound(QStringLiteral("no such plan of this API"));
    return AdminResponse::json(200, plan->toJson());
}

AdminResponse updatePlan(const AdminServices& s, const AdminRequest& req, qint64 apiId,
                         qint64 planId)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    auto plan = s.plans->plan(s.actor, planId);
    if (!plan || plan->apiId != apiId)
        return plan ? AdminResponse::notFound(QStringLiteral("no such plan of this API"))
                    : AdminResponse::failed(*s.plans);
    JsonFields fields(body);
    applyPlanFields(fields, &*plan);
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    if (!s.plans->updatePlan(s.actor, *plan))
        return AdminResponse::failed(*s.plans);
    return AdminResponse::json(200, s.plans->plan(s.actor, planId).value_or(*plan).toJson());
}

AdminResponse badId()
{
    return AdminResponse::notFound(QStringLiteral("no such resource"));
}

} // namespace

void addCatalogRoutes(AdminRouter& router, const AdminServices* s)
{
    // Each handler resolves its numeric ids first; a non-numeric id is 404.
    auto withId = [s](auto handler) {
        return [s, handler](const AdminRequest& req, const QStringList& params) {
            const auto id = idParameter(params.value(0));
            return id ? handler(*s, req, *id) : badId();
        };
    };
    router.add("GET", QStringLiteral("/v1/apis"),
               [s](const AdminRequest& req, const QStringList&) { return listApis(*s, req); });
    router.add("POST", QStringLiteral("/v1/apis"),
               [s](const AdminRequest& req, const QStringList&) { return createApi(*s, req); });
    router.add("POST", QStringLiteral("/v1/apis/import"),
               [s](const AdminRequest& req, const QStringList&) { return importApi(*s, req); });
    router.add("GET", QStringLiteral("/v1/apis/{}"),
               withId([](const AdminServices& sv, const AdminRequest&, qint64 id) {
                   return getApi(sv, id);
               }));
    router.add("GET", QStringLiteral("/v1/apis/{}/openapi"),
               withId([](const AdminServices& sv, const AdminRequest&, qint64 id) {
                   return getOpenApi(sv, id);
               }));
    // Both merge: fields left out keep their value (a full PUT body replaces
    // everything anyway, since every editable field is then present).
    for (const char* method : {"PUT", "PATCH"})
        router.add(method, QStringLiteral("/v1/apis/{}"), withId(&updateApi));
    router.add("DELETE", QStringLiteral("/v1/apis/{}"),
               withId([](const AdminServices& sv, const AdminRequest&, qint64 id) {
                   return deleteApi(sv, id);
               }));
    router.add("GET", QStringLiteral("/v1/apis/{}/lifecycle"),
               withId([](const AdminServices& sv, const AdminRequest&, qint64 id) {
                   return getLifecycle(sv, id);
               }));
    router.add("POST", QStringLiteral("/v1/apis/{}/lifecycle"), withId(&transitionApi));
    router.add("GET", QStringLiteral("/v1/apis/{}/versions"), withId(&listVersions));
    router.add("POST", QStringLiteral("/v1/apis/{}/versions"), withId(&createVersion));
    router.add("GET", QStringLiteral("/v1/apis/{}/plans"), withId(&listPlans));
    router.add("POST", QStringLiteral("/v1/apis/{}/plans"), withId(&createPlan));
    router.add("GET", QStringLiteral("/v1/apis/{}/plans/{}"),
               [s](const AdminRequest&, const QStringList& params) {
                   const auto apiId = idParameter(params.value(0));
                   const auto planId = idParameter(params.value(1));
                   return apiId && planId ? getPlan(*s, *apiId, *planId) : badId();
               });
    router.add("PUT", QStringLiteral("/v1/apis/{}/plans/{}"),
               [s](const AdminRequest& req, const QStringList& params) {
                   const auto apiId = idParameter(params.value(0));
                   const auto planId = idParameter(params.value(1));
                   return apiId && planId ? updatePlan(*s, req, *apiId, *planId) : badId();
               });
}

} // namespace gatehouse::app
