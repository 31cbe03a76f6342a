// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// /v1/health, /v1/stats, /v1/cache/purge, /metrics
#include "app/admin_api/admin_control.h"
#include "app/admin_api/admin_dispatcher.h"
#include "app/admin_api/admin_json.h"

#include <QUrl>

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
    // What is wrong with the request is a 422 naming the field, as for
    // every other resource; 409 is left for a purge the gateway refuses.
    JsonFields fields(body);
    const QStringList selectors{QStringLiteral("apiId"), QStringLiteral("pathPrefix"),
                                QStringLiteral("tag"), QStringLiteral("url")};
    QStringList given;
    for (const QString& name : selectors)
        if (fields.has(name))
            given.append(name);
    if (given.size() > 1) {
        for (const QString& name : given)
            fields.addError(name, QStringLiteral("give at most one of apiId, pathPrefix, tag and "
                                                 "url (got %1)")
                                      .arg(given.join(QStringLiteral(", "))));
        return AdminResponse::validation(fields.errors());
    }
    fields.integer(QStringLiteral("apiId"), false, 1);
    if (const auto prefix = fields.string(QStringLiteral("pathPrefix"));
        prefix && !prefix->startsWith(QLatin1Char('/')))
        fields.addError(QStringLiteral("pathPrefix"), QStringLiteral("must start with '/'"));
    if (const auto tag = fields.string(QStringLiteral("tag")); tag && tag->trimmed().isEmpty())
        fields.addError(QStringLiteral("tag"), QStringLiteral("must not be empty"));
    if (const auto url = fields.string(QStringLiteral("url"))) {
        // As clients send it: the gateway keys the cache by scheme, host and target.
        const QUrl parsed(*url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
            fields.addError(QStringLiteral("url"),
                            QStringLiteral("must be an absolute http:// or https:// URL with a "
                                           "host, as clients send it"));
    }
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
