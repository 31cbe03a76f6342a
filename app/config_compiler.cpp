// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_compiler.h"

#include "app/api_cache_policy.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/base_path.h"
#include "gateway/access/consumer_table.hpp"
#include "gateway/http_util.hpp"
#include "gateway/router.hpp"

#include <QSet>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <set>

namespace gatehouse::app {

namespace access = gateway::access;

namespace {

// Never contacted: retired APIs are answered with 410 before forwarding.
constexpr const char* RetiredUpstream = "gatehouse-retired";

int priority(ApiState state)
{
    switch (state) {
    case ApiState::Published:
    case ApiState::Deprecated:
        return 0;
    case ApiState::Retired:
        return 1;
    case ApiState::Draft:
        break;
    }
    return 2;
}

access::api_state toGateway(ApiState state)
{
    switch (state) {
    case ApiState::Draft:
        return access::api_state::draft;
    case ApiState::Published:
        return access::api_state::published;
    case ApiState::Deprecated:
        return access::api_state::deprecated;
    case ApiState::Retired:
        break;
    }
    return access::api_state::retired;
}

gateway::balance_policy toGateway(BalancingPolicy policy)
{
    switch (policy) {
    case BalancingPolicy::Weighted:
        return gateway::balance_policy::weighted;
    case BalancingPolicy::LeastConnections:
        return gateway::balance_policy::least_connections;
    case BalancingPolicy::RoundRobin:
        break;
    }
    return gateway::balance_policy::round_robin;
}

std::string joinPath(const QString& base, const QString& path)
{
    QString joined = base;
    while (joined.endsWith(QLatin1Char('/')))
        joined.chop(1);
    if (path.isEmpty())
        return joined.isEmpty() ? std::string("/") : joined.toStdString();
    joined += path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    return joined.toStdString();
}

// The same identity the gateway's validate() uses for duplicate routes.
std::string routeKey(const gateway::route_config& route)
{
    std::set<std::string> methods(route.methods.begin(), route.methods.end());
    std::string key = route.host + ' ' + std::to_string(static_cast<int>(route.match)) + ' ' +
                      gateway::route_pattern::canonical(route.path) + ' ';
    for (const auto& m : methods)
        key += m + ',';
    return key;
}

// The base configuration's upstream that `url` stands for, if any: a target
// written as "http://NAME" or "http://NAME/path" (no dot, no port) where
// NAME names an upstream of the base; `path` gets the path, if any, for the
// targets to keep. The demo catalog's APIs are stored as
// "http://demo-origin" because the in-process origin listens on a different
// ephemeral port on every start; resolving the name here, at compile time,
// keeps the stored catalog stable (no rewrite, no audit entry per start) and
// works for every console and headless gateway sharing the catalog.
const gateway::upstream_config*
baseUpstreamFor(const QString& url, const gateway::config_snapshot& base, std::string* path)
{
    const QUrl parsed(url);
    const QString host = parsed.host();
    if (parsed.scheme() != QLatin1String("http") || host.isEmpty() ||
        host.contains(QLatin1Char('.')) || parsed.port() != -1 || parsed.hasQuery() ||
        parsed.hasFragment())
        return nullptr;
    const std::string name = host.toStdString();
    const auto it = std::find_if(base.upstreams.begin(), base.upstreams.end(),
                                 [&](const auto& up) { return up.name == name; });
    if (it == base.upstreams.end())
        return nullptr;
    QString own = parsed.path(QUrl::FullyEncoded);
    while (own.endsWith(QLatin1Char('/')))
        own.chop(1);
    *path = own.toStdString();
    return &*it;
}

gateway::upstream_config upstreamFor(const ApiDefinition& api, const gateway::config_snapshot& base)
{
    gateway::upstream_config up;
    up.name = "api-" + std::to_string(api.id);
    for (const auto& target : api.upstreams) {
        std::string path;
        if (const auto* named = baseUpstreamFor(target.url, base, &path)) {
            for (auto t : named->targets) {
                while (!path.empty() && !t.url.empty() && t.url.back() == '/')
                    t.url.pop_back();
                t.url += path;
                up.targets.push_back(std::move(t));
            }
            continue;
        }
        up.targets.push_back(
            {target.url.toStdString(), static_cast<unsigned>(std::max(1, target.weight))});
    }
    up.policy = toGateway(api.balancing);
    up.connect_timeout = std::chrono::milliseconds(std::max<qint64>(1, api.connectTimeoutMs));
    up.read_timeout = std::chrono::milliseconds(std::max<qint64>(1, api.requestTimeoutMs));
    up.total_timeout = up.read_timeout;
    return up;
}

access::api_access accessFor(const ApiDefinition& api, const CatalogState& state,
                             const QHash<qint64, const ApiDefinition*>& byId)
{
    access::api_access a;
    a.auth = api.authMode == AuthMode::Open ? access::auth_mode::open : access::auth_mode::api_key;
    a.state = toGateway(api.state);
    a.owning_team_id = static_cast<std::uint64_t>(api.teamId);
    if (a.auth == access::auth_mode::api_key)
        a.key_query_parameter = api.keyQueryParameter.toStdString();
    if (api.state == ApiState::Deprecated) {
        const qint64 since = state.deprecatedAt.value(api.id, api.updatedAt);
        a.deprecation = access::deprecation_value(since / 1000);
        if (api.sunsetAt > 0)
            a.sunset = access::http_date(api.sunsetAt / 1000);
        if (const ApiDefinition* next = byId.value(api.successorId, nullptr))
            a.link = access::successor_link(next->basePath.toStdString());
    }
    return a;
}

QString labelOf(const ApiDefinition& api)
{
    return QStringLiteral("%1 %2 (#%3)").arg(api.slug, api.version).arg(api.id);
}

// Why the gateway would refuse one of `api`'s stored targets (a bad URL or
// port, a scheme other than http), or empty. One API's bad target must not
// fail the whole snapshot: the catalog checks targets when an API is
// published, but a database written before that check, or by hand, can
// still hold one.
QString targetProblem(const ApiDefinition& api)
{
    for (const ApiUpstream& target : api.upstreams) {
        std::string why;
        if (!gateway::parse_http_url(target.url.toStdString(), &why))
            return QStringLiteral("upstream target '%1' %2")
                .arg(target.url, QString::fromStdString(why));
    }
    return {};
}

// targetProblem(), and whether the compiled upstream has targets at all.
QString upstreamProblem(const ApiDefinition& api, const gateway::upstream_config& up)
{
    if (QString why = targetProblem(api); !why.isEmpty())
        return why;
    if (up.targets.empty())
        return QStringLiteral("it has no upstream target");
    return {};
}

// Routed unless left out for its own sake (the base path owners are chosen
// among these only, so an API left out does not push another one out).
bool isRoutable(const ApiDefinition& api)
{
    if (api.state == ApiState::Published || api.state == ApiState::Deprecated)
        return targetProblem(api).isEmpty();
    return api.state == ApiState::Draft && ApiLifecycle::checkPublishable(api).isEmpty();
}

// The catalog refuses overlapping base paths, but a database from before
// that check may hold some. The router prefers the most specific route, so
// the compiler makes that rule hold for whole APIs rather than route by
// route: of two APIs whose base paths are equal (same depth), the first in
// compile order (published before drafts, then the older) keeps the path
// and the other is left out; of two nested ones, the deeper base path owns
// everything under it, and the outer API's routes there are left out.
struct BasePathOwnership {
    QHash<qint64, QString> leftOut;                     // api id -> warning
    QHash<qint64, QList<const ApiDefinition*>> innerOf; // api id -> deeper overlapping APIs
};

BasePathOwnership ownBasePaths(const std::vector<const ApiDefinition*>& ordered)
{
    BasePathOwnership out;
    std::vector<const ApiDefinition*> kept;
    for (const ApiDefinition* api : ordered) {
        if (!isRoutable(*api))
            continue;
        const qsizetype depth = BasePath::segments(api->basePath).size();
        const auto same = std::find_if(kept.begin(), kept.end(), [&](const ApiDefinition* k) {
            return BasePath::segments(k->basePath).size() == depth &&
                   BasePath::overlap(k->basePath, api->basePath);
        });
        if (same != kept.end()) {
            out.leftOut.insert(
                api->id,
                QStringLiteral("%1 is not routed: its base path %2 overlaps %3's %4, "
                               "which keeps it")
                    .arg(labelOf(*api), api->basePath, labelOf(**same), (*same)->basePath));
            continue;
        }
        kept.push_back(api);
    }
    for (const ApiDefinition* outer : kept) {
        for (const ApiDefinition* inner : kept) {
            if (inner != outer && BasePath::isUnder(inner->basePath, outer->basePath) &&
                !BasePath::isUnder(outer->basePath, inner->basePath))
                out.innerOf[outer->id].append(inner);
        }
    }
    return out;
}

} // namespace

CompiledConfig ConfigCompiler::compile(const CatalogState& state,
                                       const gateway::config_snapshot& base)
{
    CompiledConfig out;
    out.snapshot.upstreams = base.upstreams;
    out.snapshot.routes = base.routes;
    out.snapshot.dns_refresh_interval = base.dns_refresh_interval;
    auto table = std::make_shared<access::access_table>();

    QHash<qint64, const ApiDefinition*> byId;
    std::vector<const ApiDefinition*> ordered;
    for (const auto& api : state.apis) {
        byId.insert(api.id, &api);
        ordered.push_back(&api);
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
        return std::pair(priority(a->state), a->id) < std::pair(priority(b->state), b->id);
    });

    // Base routes stay unguarded. The gateway guards a route by its api_id,
    // and the demo workspace's stand-in ids (1, 2, 3) are real catalog ids
    // as soon as the catalog has APIs: such a route would answer with that
    // API's keys, subscriptions and deprecation (and be counted for it), so
    // it loses its id.
    for (auto& r : out.snapshot.routes)
        if (r.api_id != 0 && byId.contains(static_cast<qint64>(r.api_id)))
            r.api_id = 0;
    for (const auto& r : out.snapshot.routes)
        if (r.api_id != 0 && !out.apiNames.contains(r.api_id))
            out.apiNames.insert(r.api_id, QString::fromStdString(r.id));
    std::set<std::string> taken;
    for (const auto& r : base.routes)
        taken.insert(routeKey(r));
    bool retiredUpstream = false;
    const BasePathOwnership ownership = ownBasePaths(ordered);
    for (const ApiDefinition* api : ordered) {
        const QString name = labelOf(*api);
        if (api->state == ApiState::Draft) {
            const QString why = ApiLifecycle::checkPublishable(*api);
            if (!why.isEmpty()) {
                out.warnings << QStringLiteral("draft %1 is not routed: %2").arg(name, why);
                continue;
            }
        }
        if (const auto left = ownership.leftOut.constFind(api->id);
            left != ownership.leftOut.constEnd()) {
            out.warnings << *left;
            continue;
        }
        const QList<const ApiDefinition*> inner = ownership.innerOf.value(api->id);
        std::vector<gateway::route_config> routes;
        std::set<std::string> own;
        QString cacheError;
        auto cache = readApiCachePolicy(api->cachePolicy, &cacheError);
        if (!cache) {
            out.warnings << QStringLiteral("%1 is not cached: %2").arg(name, cacheError);
            cache.emplace();
        }
        if (api->state == ApiState::Retired) {
            gateway::route_config route;
            route.id = "api-" + std::to_string(api->id) + "-retired";
            route.api_id = static_cast<std::uint64_t>(api->id);
            route.path = joinPath(api->basePath, QString());
            route.match = gateway::path_match::prefix;
            route.upstream = RetiredUpstream;
            routes.push_back(route);
        } else {
            int n = 0;
            for (const auto& r : api->routes) {
                gateway::route_config route;
                route.id = "api-" + std::to_string(api->id) + "-" + std::to_string(++n);
                route.api_id = static_cast<std::uint64_t>(api->id);
                route.path = joinPath(api->basePath, r.path);
                route.match = gateway::path_match::exact;
                if (api->stripBasePath && api->basePath != QLatin1String("/"))
                    route.strip_base = joinPath(api->basePath, QString());
                if (r.method != QLatin1String("*"))
                    route.methods.push_back(r.method.toUpper().toStdString());
                route.upstream = "api-" + std::to_string(api->id);
                route.cache = *cache;
                const auto deeper = std::find_if(inner.begin(), inner.end(), [&](const auto* in) {
                    return BasePath::isUnder(QString::fromStdString(route.path), in->basePath);
                });
                if (deeper != inner.end()) {
                    out.warnings << QStringLiteral("%1: route %2 %3 is not routed: it lies under "
                                                   "%4, the base path of %5")
                                        .arg(name, r.method, r.path, (*deeper)->basePath,
                                             labelOf(**deeper));
                    continue;
                }
                if (!own.insert(routeKey(route)).second) {
                    out.warnings << QStringLiteral("%1: route %2 %3 is listed twice")
                                        .arg(name, r.method, r.path);
                    continue;
                }
                routes.push_back(std::move(route));
            }
        }
        // What the router cannot parse would make the whole snapshot invalid.
        std::string unparsable;
        const auto bad = std::find_if(routes.begin(), routes.end(), [&](const auto& r) {
            return !gateway::route_pattern::parse(r.path, &unparsable);
        });
        if (bad != routes.end()) {
            out.warnings << QStringLiteral("%1 is not routed: path %2 %3")
                                .arg(name, QString::fromStdString(bad->path),
                                     QString::fromStdString(unparsable));
            continue;
        }
        const auto collision = std::find_if(routes.begin(), routes.end(), [&](const auto& r) {
            return taken.count(routeKey(r)) != 0;
        });
        if (collision != routes.end()) {
            out.warnings << QStringLiteral("%1 is not routed: %2 is already routed to another API")
                                .arg(name, QString::fromStdString(collision->path));
            continue;
        }
        std::optional<gateway::upstream_config> upstream;
        if (api->state != ApiState::Retired) {
            upstream = upstreamFor(*api, base);
            if (const QString why = upstreamProblem(*api, *upstream); !why.isEmpty()) {
                out.warnings << QStringLiteral("%1 is not routed: %2").arg(name, why);
                continue;
            }
        }
        for (const auto& r : routes)
            taken.insert(routeKey(r));
        if (api->state == ApiState::Retired) {
            if (!retiredUpstream) {
                gateway::upstream_config up;
                up.name = RetiredUpstream;
                up.targets.push_back({"http://127.0.0.1:9", 1});
                out.snapshot.upstreams.push_back(std::move(up));
                retiredUpstream = true;
            }
        } else {
            out.snapshot.upstreams.push_back(std::move(*upstream));
        }
        out.snapshot.routes.insert(out.snapshot.routes.end(), routes.begin(), routes.end());
        table->apis[static_cast<std::uint64_t>(api->id)] = accessFor(*api, state, byId);
        out.apiNames.insert(static_cast<quint64>(api->id),
                            QStringLiteral("%1 %2").arg(api->name, api->version).trimmed());
    }

    for (const CatalogState::Application& a : state.applications)
        out.applicationNames.insert(static_cast<quint64>(a.id), a.name);

    // Applications that hold at least one active key.
    QHash<qint64, std::uint32_t> consumerOf;
    QHash<qint64, const CatalogState::Application*> apps;
    for (const auto& app : state.applications)
        apps.insert(app.id, &app);
    for (const auto& key : state.keys) {
        const auto digest = access::digest_from_hex(key.hashHex.toStdString());
        const auto* app = apps.value(key.applicationId, nullptr);
        if (!digest || !app) {
            out.warnings << QStringLiteral("a key of application #%1 is unusable and was left out")
                                .arg(key.applicationId);
            continue;
        }
        auto it = consumerOf.find(app->id);
        if (it == consumerOf.end()) {
            access::consumer c;
            c.application_id = static_cast<std::uint64_t>(app->id);
            c.application_header = std::to_string(app->id);
            if (app->ownerTeamId > 0) {
                c.consumer_header = "team:" + std::to_string(app->ownerTeamId);
                c.teams.push_back(static_cast<std::uint64_t>(app->ownerTeamId));
            } else {
                c.consumer_header = "user:" + std::to_string(app->ownerUserId);
                for (qint64 team : state.teamsOfUser.values(app->ownerUserId))
                    c.teams.push_back(static_cast<std::uint64_t>(team));
            }
            table->consumers.push_back(std::move(c));
            it =
                consumerOf.insert(app->id, static_cast<std::uint32_t>(table->consumers.size() - 1));
        }
        table->keys[*digest] = {*it, key.expiresAt};
    }
    for (const auto& sub : state.subscriptions) {
        const auto it = consumerOf.constFind(sub.applicationId);
        if (it == consumerOf.constEnd())
            continue; // no active key: nothing to look up
        table->consumers[*it].subscriptions.emplace_back(
            static_cast<std::uint64_t>(sub.apiId), sub.suspended
                                                       ? access::subscription_state::suspended
                                                       : access::subscription_state::approved);
    }
    table->finish();
    out.snapshot.access = std::move(table);

    const std::string problems = gateway::validate(out.snapshot);
    if (!problems.empty())
        out.error = QString::fromStdString(problems);
    return out;
}

} // namespace gatehouse::app
