// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_router.h"

#include <algorithm>

namespace gatehouse::app {

namespace {

QStringList splitPath(const QString& path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

void AdminRouter::add(const QByteArray& method, const QString& pattern, Handler handler)
{
    m_routes.append({method, pattern, splitPath(pattern), std::move(handler)});
}

bool AdminRouter::match(const Route& route, const QStringList& segments, QStringList* params)
{
    if (route.segments.size() != segments.size())
        return false;
    params->clear();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (route.segments[i] == QLatin1String("{}"))
            params->append(segments[i]);
        else if (route.segments[i] != segments[i])
            return false;
    }
    return true;
}

QList<AdminRouter::Endpoint> AdminRouter::endpoints() const
{
    QList<Endpoint> out;
    out.reserve(m_routes.size());
    for (const Route& r : m_routes)
        out.append({r.method, r.pattern});
    return out;
}

bool AdminRouter::servesPath(const QString& path) const
{
    const QStringList segments = splitPath(path);
    QStringList params;
    return std::any_of(m_routes.begin(), m_routes.end(),
                       [&](const Route& r) { return match(r, segments, &params); });
}

AdminResponse AdminRouter::route(const AdminRequest& request) const
{
    const QStringList segments = splitPath(request.path);
    QList<QByteArray> allowed;
    QStringList params;
    // HEAD is GET without the content (RFC 9110 §9.3.2), which the listener
    // leaves out.
    const bool head = request.method == "HEAD";
    for (const Route& r : m_routes) {
        if (!match(r, segments, &params))
            continue;
        if (r.method == request.method || (head && r.method == "GET"))
            return r.handler(request, params);
        if (!allowed.contains(r.method))
            allowed.append(r.method);
        if (r.method == "GET" && !allowed.contains("HEAD"))
            allowed.append("HEAD");
    }
    if (allowed.isEmpty())
        return AdminResponse::problem(404, QStringLiteral("no-route"),
                                      QStringLiteral("No such resource"),
                                      QStringLiteral("nothing is served at %1").arg(request.path));
    const QByteArray allow = allowed.join(", ");
    AdminResponse r = AdminResponse::problem(
        405, QStringLiteral("method-not-allowed"), QStringLiteral("Method not allowed"),
        QStringLiteral("%1 allows %2").arg(request.path, QString::fromLatin1(allow)));
    r.addHeader("Allow", allow);
    return r;
}

} // namespace gatehouse::app
