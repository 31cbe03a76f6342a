// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_http.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace gatehouse::app {

// Method + path-pattern routing. A pattern is a path whose "{}" segments
// match any one segment; the matched segments are the handler's `params`.
// No pattern matches: 404. A pattern matches but not for this method: 405
// with an Allow header listing the methods that would.
class AdminRouter {
public:
    using Handler = std::function<AdminResponse(const AdminRequest&, const QStringList& params)>;

    void add(const QByteArray& method, const QString& pattern, Handler handler);
    AdminResponse route(const AdminRequest& request) const;
    // Whether some pattern matches `path`, for any method.
    bool servesPath(const QString& path) const;

    // The routing table as added, e.g. for a test to call every endpoint.
    struct Endpoint {
        QByteArray method;
        QString pattern;
    };
    QList<Endpoint> endpoints() const;

private:
    struct Route {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static bool match(const Route& route, const QStringList& segments, QStringList* params);

    QList<Route> m_routes;
};

} // namespace gatehouse::app
