// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_try_links.h"

#include "app/demo_workspace.h"
#include "gateway/access/consumer_table.hpp"

#include <QSet>

#include <algorithm>
#include <map>
#include <vector>

namespace gatehouse::app {

namespace {

namespace access = gateway::access;

bool takesGet(const gateway::route_config& route)
{
    if (route.methods.empty())
        return true;
    return std::any_of(route.methods.begin(), route.methods.end(),
                       [](const std::string& m) { return m == "GET" || m == "HEAD"; });
}

bool hasParameters(const gateway::route_config& route)
{
    return route.path.find('{') != std::string::npos;
}

// The demo workspace's routes with the example a person would try; only
// when the configured route is still the demo's own (same id and path).
QString demoExample(const gateway::route_config& route)
{
    static const std::map<std::string, std::pair<std::string, QString>> examples = {
        {"shop", {"/shop", QStringLiteral("/shop/1")}},
        {"weather", {"/weather", QStringLiteral("/weather/london")}},
        {"echo", {"/echo", QStringLiteral("/echo")}},
    };
    const auto it = examples.find(route.id);
    if (it == examples.end() || it->second.first != route.path ||
        route.upstream != DemoWorkspace::upstreamName)
        return {};
    return it->second.second;
}

} // namespace

QString examplePath(const std::string& routePath)
{
    QString out;
    const QString path = QString::fromStdString(routePath);
    qsizetype i = 0;
    while (i < path.size()) {
        const qsizetype open = path.indexOf(QLatin1Char('{'), i);
        const qsizetype close = open < 0 ? -1 : path.indexOf(QLatin1Char('}'), open);
        if (open < 0 || close < 0) {
            out += path.mid(i);
            break;
        }
        out += path.mid(i, open - i);
        const QString name = path.mid(open + 1, close - open - 1);
        const bool id = name.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0 ||
                        name.endsWith(QLatin1String("Id")) || name.endsWith(QLatin1String("_id"));
        out += id || name.isEmpty() ? QStringLiteral("1") : name;
        i = close + 1;
    }
    return out.isEmpty() ? QStringLiteral("/") : out;
}

QList<TryLink> tryLinks(const gateway::config_snapshot& snapshot, int maxOpen, int maxKeyed)
{
    const access::access_table* table = snapshot.access.get();
    // Per catalog API, its best route: the first parameterless GET one, or
    // else the first GET one. APIs in the order they are first routed.
    std::vector<quint64> order;
    std::map<quint64, const gateway::route_config*> best;
    std::vector<const gateway::route_config*> base;
    for (const auto& route : snapshot.routes) {
        if (!takesGet(route))
            continue;
        const access::api_access* api = table && route.api_id ? table->api(route.api_id) : nullptr;
        if (!api) {
            base.push_back(&route); // unguarded: answers anyone
            continue;
        }
        if (api->state != access::api_state::published &&
            api->state != access::api_state::deprecated)
            continue;
        const auto [it, first] = best.try_emplace(route.api_id, &route);
        if (first)
            order.push_back(route.api_id);
        else if (hasParameters(*it->second) && !hasParameters(route))
            it->second = &route;
    }

    const auto room = [](const QList<TryLink>& list, int max) {
        return max < 0 || list.size() < max;
    };
    QList<TryLink> open;
    QList<TryLink> keyed;
    for (const quint64 id : order) {
        const gateway::route_config& route = *best.at(id);
        const bool needsKey = table->api(id)->auth == access::auth_mode::api_key;
        TryLink link{examplePath(route.path), id, needsKey};
        if (needsKey) {
            if (room(keyed, maxKeyed))
                keyed.append(link);
        } else if (room(open, maxOpen)) {
            open.append(link);
        }
    }
    QSet<QString> seen;
    for (const TryLink& l : std::as_const(open))
        seen.insert(l.path);
    for (const gateway::route_config* route : base) {
        if (!room(open, maxOpen))
            break;
        QString path = demoExample(*route);
        if (path.isEmpty())
            path = examplePath(route->path);
        if (!route->host.empty() || seen.contains(path))
            continue; // a route for another host name is not reached by this URL
        seen.insert(path);
        open.append(TryLink{path, 0, false});
    }
    return open + keyed;
}

} // namespace gatehouse::app
