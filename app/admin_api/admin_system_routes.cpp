// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// /v1/health, /v1/stats, /v1/cache/purge, /metrics
#include "app/admin_api/admin_control.h"
#include "app/admin_api/admin_dispatcher.h"
#include "app/admin_api/admin_json.h"

namespace gatehouse::app {

namespace {

using Params = const QStringList&;

AdminResponse notWired(const QString& what)
{
    return AdminResponse::problem(503, QStringLiteral("not-available"),
                                  QStringLiteral("Not available"),
                                  QStringLiteral("%1 is not available in this process").arg(what));
}

AdminResponse purge(const AdminServices& s, const AdminRequest& req)
{
    if (!s.control)
        return notWired(QStringLiteral("cache purge"));
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    fields.integer(QStringLiteral("apiId"), false, 1);
    if (const auto prefix = fields.string(QStringLiteral("pathPrefix"));
        prefix && !prefix->startsWith(QLatin1Char('/')))
        fields.addError(QStringLiteral("pathPrefix"), QStringLiteral("must start with '/'"));
    fields.string(QStringLiteral("tag"));
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    QString why;
    const auto result = s.control->purgeCache(body, &why);
    if (!result)
        return AdminResponse::problem(409, QStringLiteral("purge-refused"),
                                      QStringLiteral("Purge refused"), why);
    return AdminResponse::json(200, *result);
}

} // namespace

void addSystemRoutes(AdminRouter& router, const AdminServices* s)
{
    router.add("GET", QStringLiteral("/v1/health"), [s](const AdminRequest&, Params) {
        return AdminResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                         {QStringLiteral("actor"), s->actor.name}});
    });
    router.add("GET", QStringLiteral("/v1/stats"), [s](const AdminRequest&, Params) {
        return s->control ? AdminResponse::json(200, s->control->stats())
                          : notWired(QStringLiteral("gateway statistics"));
    });
    router.add("POST", QStringLiteral("/v1/cache/purge"),
               [s](const AdminRequest& req, Params) { return purge(*s, req); });
    router.add("GET", QStringLiteral("/metrics"), [s](const AdminRequest&, Params) {
        if (!s->metricsText)
            return notWired(QStringLiteral("metrics"));
        return AdminResponse::text(200, "text/plain; version=0.0.4; charset=utf-8",
                                   s->metricsText());
    });
}

} // namespace gatehouse::app
