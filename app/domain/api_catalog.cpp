// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_catalog.h"

#include "app/api_cache_policy.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/api_store.h"
#include "app/domain/base_path.h"
#include "app/storage/sql_query.h"

#include "gateway/http_util.hpp"
#include "gateway/router.hpp"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gatehouse::app {

ApiCatalog::ApiCatalog(const Database& database)
    : DomainService(database)
    , m_policy(database)
{
}

QString ApiCatalog::validate(const ApiDefinition& api)
{
    return validationMessage(api).toString();
}

DomainMessage ApiCatalog::validationMessage(const ApiDefinition& api)
{
    static const QRegularExpression slugRe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    static const QRegularExpression versionRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!slugRe.match(api.slug).hasMatch())
        return msg::SlugRule;
    if (!versionRe.match(api.version).hasMatch())
        return msg::VersionRule;
    if (api.name.trimmed().isEmpty())
        return msg::NameRequired;
    if (!api.basePath.startsWith(QLatin1Char('/')))
        return msg::BasePathSlash;
    // What the router could not parse would make the compiled snapshot
    // invalid ("/a//b", "/a/../b", "/a?x").
    if (std::string why; !gateway::route_pattern::parse(api.basePath.toStdString(), &why))
        return {msg::BasePathUnparsable, {QString::fromStdString(why)}};
    for (qsizetype i = 0; i < api.routes.size(); ++i) {
        const ApiRoute& r = api.routes[i];
        const bool anyMethod = r.method == QLatin1String("*");
        if (!anyMethod && !gateway::is_token(r.method.toStdString()))
            return {msg::RouteMethodRule, {DomainMessage::number(i)}};
        if (!r.path.startsWith(QLatin1Char('/')))
            return {msg::RoutePathSlash, {DomainMessage::number(i)}};
    }
    for (qsizetype i = 0; i < api.upstreams.size(); ++i) {
        if (api.upstreams[i].weight < 1)
            return {msg::UpstreamWeightRule, {DomainMessage::number(i)}};
    }
    QJsonParseError parseError{};
    const QJsonDocument cache = QJsonDocument::fromJson(api.cachePolicy.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !cache.isObject())
        return msg::CachePolicyNotObject;
    // The compiler reads it into the gateway's route cache policy: refuse
    // what it could not read, rather than leave the API uncached later.
    QString cacheError;
    DomainMessage cacheMessage;
    if (!readApiCachePolicy(api.cachePolicy, &cacheError, &cacheMessage))
        return cacheMessage;
    if (api.connectTimeoutMs <= 0 || api.requestTimeoutMs <= 0)
        return msg::TimeoutsPositive;
    // Unreserved characters only: what the gateway matches is what the
    // user typed, with no percent-encoding in between.
    if (!api.keyQueryParameter.isEmpty()) {
        if (!isValidKeyQueryParameter(api.keyQueryParameter))
            return msg::KeyQueryParameterRule;
        if (api.authMode != AuthMode::ApiKey)
            return msg::KeyQueryParameterOpenApi;
    }
    return {};
}

bool ApiCatalog::slugVersionTaken(const QString& slug, const QString& version, qint64 exceptId,
                                  bool* taken) const
{
    QString err;
    auto q = runSql(db(), QStringLiteral("SELECT id FROM apis WHERE slug = ? AND version = ?"),
                    {slug, version}, &err);
    if (!q)
        return storageError(err);
    *taken = q->next() && q->value(0).toLongLong() != exceptId;
    return true;
}

std::optional<SlugVersionCheck> ApiCatalog::checkSlugVersion(const QString& slug,
                                                             const QString& version) const
{
    clearError();
    QString err;
    auto q = runSql(db(), QStringLiteral("SELECT version FROM apis WHERE slug = ?"), {slug}, &err);
    if (!q) {
        storageError(err);
        return std::nullopt;
    }
    QSet<QString> versions;
    while (q->next())
        versions.insert(q->value(0).toString());
    SlugVersionCheck check;
    check.taken = versions.contains(version);
    if (!check.taken)
        return check;

    // "v3" after the highest "vN"; any other spelling gets a "-N" suffix.
    static const QRegularExpression numbered(QStringLiteral("^[vV](\\d{1,9})$"));
    if (numbered.match(version).hasMatch()) {
        int highest = 0;
        for (const QString& v : std::as_const(versions)) {
            if (const auto m = numbered.match(v); m.hasMatch())
                highest = std::max(highest, m.captured(1).toInt());
        }
        check.freeVersion = version.left(1) + QString::number(highest + 1);
    } else {
        for (int n = 2; check.freeVersion.isEmpty(); ++n) {
            const QString suffix = QStringLiteral("-%1").arg(n);
            const QString candidate = version.left(32 - suffix.size()) + suffix;
            if (!versions.contains(candidate))
                check.freeVersion = candidate;
        }
    }

    // A slug of its own: no version of it exists, so the copy is an API of
    // its own rather than a version of someone else's.
    for (int n = 2; check.freeSlug.isEmpty(); ++n) {
        const QString suffix = QStringLiteral("-%1").arg(n);
        QString base = slug.left(63 - suffix.size());
        while (base.endsWith(QLatin1Char('-')))
            base.chop(1);
        const QString candidate = base + suffix;
        auto used =
            runSql(db(), QStringLiteral("SELECT 1 FROM apis WHERE slug = ?"), {candidate}, &err);
        if (!used) {
            storageError(err);
            return std::nullopt;
        }
        if (!used->next())
            check.freeSlug = candidate;
    }
    return check;
}

std::optional<QList<ApiDefinition>> ApiCatalog::liveApis(qint64 exceptId) const
{
    QString err;
    auto live = ApiStore::loadWhere(db(), QStringLiteral("state <> ? AND id <> ?"),
                                    {toString(ApiState::Retired), exceptId}, &err);
    if (!live)
        storageError(err);
    return live;
}

namespace {

struct Conflict {
    const ApiDefinition* other = nullptr;
    QString route; // nested: the outer API's route under the inner base path
};

// The outer API's first route that lies under `inner`, as "METHOD /path".
QString routeUnder(const ApiDefinition& outer, const QString& inner)
{
    for (const ApiRoute& r : outer.routes) {
        const QString full = BasePath::join(outer.basePath, r.path);
        if (BasePath::isUnder(full, inner))
            return r.method + QLatin1Char(' ') + full;
    }
    return {};
}

Conflict firstConflict(const QList<ApiDefinition>& live, const QString& basePath,
                       const QList<ApiRoute>& routes)
{
    ApiDefinition self;
    self.basePath = basePath;
    self.routes = routes;
    for (const ApiDefinition& other : live) {
        if (!BasePath::overlap(basePath, other.basePath))
            continue;
        if (BasePath::sameSpace(basePath, other.basePath))
            return {&other, {}};
        const bool otherInside = BasePath::isUnder(other.basePath, basePath);
        const QString route =
            otherInside ? routeUnder(self, other.basePath) : routeUnder(other, basePath);
        if (!route.isEmpty())
            return {&other, route};
    }
    return {};
}

// Nearby base paths for a new `version`, most natural first: the version in
// place of a "vN" segment, then appended as a segment, then the slug (with
// and without the version), then the version appended to one segment (last
// first: a path under a taken one must leave it), then numbered.
QStringList basePathCandidates(const QString& basePath, const QString& slug, const QString& version)
{
    static const QRegularExpression numbered(QStringLiteral("^[vV]\\d{1,9}$"));
    const QString path = BasePath::normalized(basePath);
    const QStringList segments = BasePath::segments(path);
    const auto join = [](const QStringList& parts) -> QString {
        return QLatin1Char('/') + parts.join(QLatin1Char('/'));
    };
    if (segments.isEmpty()) {
        QStringList out{QLatin1Char('/') + slug,
                        QLatin1Char('/') + slug + QLatin1Char('-') + version};
        for (int n = 2; n <= 99; ++n)
            out << QLatin1Char('/') + slug + QStringLiteral("-%1").arg(n);
        return out;
    }
    QStringList out;
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        if (numbered.match(segments[i]).hasMatch()) {
            if (segments[i] != version) {
                QStringList replaced = segments;
                replaced[i] = version;
                out << join(replaced);
            }
            break;
        }
    }
    if (segments.last() != version)
        out << path + QLatin1Char('/') + version;
    // Out from under a taken path: the API's own slug.
    out << QLatin1Char('/') + slug + QLatin1Char('/') + version << QLatin1Char('/') + slug;
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        if (segments[i] == version)
            continue; // no "/v1-v1"
        QStringList suffixed = segments;
        suffixed[i] += QLatin1Char('-') + version;
        out << join(suffixed);
    }
    for (int n = 2; n <= 99; ++n)
        out << path + QLatin1Char('-') + version + QStringLiteral("-%1").arg(n);
    return out;
}

} // namespace

std::optional<BasePathCheck>
ApiCatalog::checkBasePath(const Principal& actor, const ApiDefinition& api, qint64 exceptId) const
{
    clearError();
    const auto live = liveApis(exceptId);
    if (!live)
        return std::nullopt;
    BasePathCheck check;
    const Conflict conflict = firstConflict(*live, api.basePath, api.routes);
    if (!conflict.other)
        return check;
    check.taken = true;
    if (m_policy.canViewApi(actor, *conflict.other)) {
        check.otherId = conflict.other->id;
        check.otherName = conflict.other->name;
        check.otherVersion = conflict.other->version;
        check.otherBasePath = conflict.other->basePath;
        check.route = conflict.route;
    }
    for (const QString& candidate : basePathCandidates(api.basePath, api.slug, api.version)) {
        if (gateway::route_pattern::parse(candidate.toStdString()) &&
            !firstConflict(*live, candidate, api.routes).other) {
            check.freeBasePath = candidate;
            break;
        }
    }
    return check;
}

bool ApiCatalog::requireFreeBasePath(const Principal& actor, const ApiDefinition& api) const
{
    const auto live = liveApis(api.id);
    if (!live)
        return false;
    const Conflict conflict = firstConflict(*live, api.basePath, api.routes);
    if (!conflict.other)
        return true;
    const ApiDefinition& other = *conflict.other;
    if (!m_policy.canViewApi(actor, other))
        return fail(DomainErrorCode::Conflict, {msg::BasePathInUse, {api.basePath}},
                    QStringLiteral("basePath"));
    const DomainMessage message =
        conflict.route.isEmpty()
            ? DomainMessage(msg::BasePathOverlaps,
                            {api.basePath, other.basePath, other.name, other.version})
            : DomainMessage(msg::BasePathOverlapsRoute, {api.basePath, other.basePath, other.name,
                                                         other.version, conflict.route});
    return fail(DomainErrorCode::Conflict, message, QStringLiteral("basePath"));
}

QString ApiCatalog::versionBasePath(const ApiDefinition& from, const QString& version)
{
    if (version.isEmpty())
        return from.basePath;
    QStringList segments = BasePath::segments(from.basePath);
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        if (segments[i] == from.version) {
            segments[i] = version;
            return QLatin1Char('/') + segments.join(QLatin1Char('/'));
        }
    }
    return from.basePath;
}

// A missing team is the caller's mistake (404), not a foreign-key failure
// deep in the insert.
bool ApiCatalog::requireTeam(qint64 teamId) const
{
    QString err;
    auto q = runSql(db(), QStringLiteral("SELECT 1 FROM teams WHERE id = ?"), {teamId}, &err);
    if (!q)
        return storageError(err);
    if (!q->next())
        return notFound({msg::NoTeamId, {DomainMessage::number(teamId)}});
    return true;
}

std::optional<ApiDefinition> ApiCatalog::createApi(const Principal& actor,
                                                   const ApiDefinition& input)
{
    clearError();
    if (!m_policy.canEditApi(actor, input.teamId)) {
        forbidden(msg::OnlyPublishersCreateApis);
        return std::nullopt;
    }
    if (!requireTeam(input.teamId))
        return std::nullopt;
    if (const DomainMessage why = validationMessage(input); !why.isEmpty()) {
        invalid(why);
        return std::nullopt;
    }
    ApiDefinition api = input;
    api.state = ApiState::Draft;
    api.sunsetAt = 0;
    api.previousId = api.successorId = 0;
    api.createdAt = api.updatedAt = nowMs();
    Transaction tx(db());
    QString err;
    bool taken = false;
    if (!slugVersionTaken(api.slug, api.version, 0, &taken))
        return std::nullopt;
    if (taken) {
        fail(DomainErrorCode::Conflict,
             DomainMessage(msg::ApiVersionExists, {api.slug, api.version}),
             QStringLiteral("version"));
        return std::nullopt;
    }
    api.id = 0;
    if (!requireFreeBasePath(actor, api))
        return std::nullopt;
    api.id = ApiStore::insert(db(), api, &err);
    if (api.id == 0) {
        storageError(err);
        return std::nullopt;
    }
    if (!audit(actor, QStringLiteral("api.create"), QStringLiteral("api"), api.id, {},
               api.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return api;
}

std::optional<ApiDefinition> ApiCatalog::loadForEdit(const Principal& actor, qint64 apiId) const
{
    QString err;
    auto api = ApiStore::load(db(), apiId, &err);
    if (!api || !m_policy.canViewApi(actor, *api)) {
        err.isEmpty() ? notFound(msg::NoSuchApi) : storageError(err);
        return std::nullopt;
    }
    if (!m_policy.canEditApi(actor, api->teamId)) {
        forbidden(msg::OnlyPublishersChangeApi);
        return std::nullopt;
    }
    return api;
}

bool ApiCatalog::updateApi(const Principal& actor, const ApiDefinition& input)
{
    clearError();
    Transaction tx(db());
    const auto before = loadForEdit(actor, input.id);
    if (!before)
        return false;
    if (before->state == ApiState::Retired)
        return invalid(msg::RetiredApiFinal);
    if (input.teamId != before->teamId && !m_policy.canEditApi(actor, input.teamId))
        return forbidden(msg::MayNotMoveApi);
    if (input.teamId != before->teamId && !requireTeam(input.teamId))
        return false;
    if (const DomainMessage why = validationMessage(input); !why.isEmpty())
        return invalid(why);
    ApiDefinition after = input;
    after.state = before->state;
    after.sunsetAt = before->sunsetAt;
    after.previousId = before->previousId;
    after.successorId = before->successorId;
    after.createdAt = before->createdAt;
    after.updatedAt = nowMs();
    if (after.state != ApiState::Draft) {
        if (const DomainMessage why = ApiLifecycle::publishableMessage(after); !why.isEmpty())
            return invalid({msg::WhyWithState, {why, toMessage(after.state)}});
    }
    bool taken = false;
    if (!slugVersionTaken(after.slug, after.version, after.id, &taken))
        return false;
    if (taken)
        return fail(DomainErrorCode::Conflict,
                    DomainMessage(msg::ApiVersionExists, {after.slug, after.version}),
                    QStringLiteral("version"));
    // Only a new base path or new routes are checked: an overlap stored
    // before this check existed does not block other edits (publishing
    // still checks).
    if ((BasePath::normalized(after.basePath) != BasePath::normalized(before->basePath) ||
         after.routes != before->routes) &&
        !requireFreeBasePath(actor, after))
        return false;
    QString err;
    if (!ApiStore::update(db(), after, &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("api.update"), QStringLiteral("api"), after.id,
               before->toJson(), after.toJson()))
        return false;
    return tx.commit(&err) || storageError(err);
}

std::optional<ApiDefinition> ApiCatalog::createVersion(const Principal& actor, qint64 fromApiId,
                                                       const QString& version,
                                                       const QString& basePath)
{
    clearError();
    Transaction tx(db());
    const auto from = loadForEdit(actor, fromApiId);
    if (!from)
        return std::nullopt;
    if (from->successorId != 0) {
        fail(DomainErrorCode::Conflict,
             DomainMessage(msg::ApiHasSuccessor, {from->slug, from->version}));
        return std::nullopt;
    }
    ApiDefinition next = *from;
    next.version = version;
    next.basePath = basePath.isEmpty() ? versionBasePath(*from, version) : basePath;
    next.state = ApiState::Draft;
    next.sunsetAt = 0;
    next.previousId = from->id;
    next.successorId = 0;
    next.createdAt = next.updatedAt = nowMs();
    if (const DomainMessage why = validationMessage(next); !why.isEmpty()) {
        invalid(why);
        return std::nullopt;
    }
    bool taken = false;
    if (!slugVersionTaken(next.slug, next.version, 0, &taken))
        return std::nullopt;
    if (taken) {
        fail(DomainErrorCode::Conflict,
             DomainMessage(msg::ApiVersionExists, {next.slug, next.version}),
             QStringLiteral("version"));
        return std::nullopt;
    }
    next.id = 0;
    if (!requireFreeBasePath(actor, next))
        return std::nullopt;
    QString err;
    next.id = ApiStore::insert(db(), next, &err);
    ApiDefinition linked = *from;
    linked.successorId = next.id;
    linked.updatedAt = nowMs();
    if (next.id == 0 || !ApiStore::update(db(), linked, &err)) {
        storageError(err);
        return std::nullopt;
    }
    if (!audit(actor, QStringLiteral("api.create_version"), QStringLiteral("api"), next.id, {},
               next.toJson()) ||
        !audit(actor, QStringLiteral("api.link_successor"), QStringLiteral("api"), from->id,
               from->toJson(), linked.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return next;
}

bool ApiCatalog::publish(const Principal& actor, qint64 apiId, const QString& reason)
{
    return transition(actor, apiId, ApiState::Published, 0, 0, reason);
}

bool ApiCatalog::deprecate(const Principal& actor, qint64 apiId, qint64 sunsetAt,
                           qint64 successorId, const QString& reason)
{
    return transition(actor, apiId, ApiState::Deprecated, sunsetAt, successorId, reason);
}

bool ApiCatalog::retire(const Principal& actor, qint64 apiId, const QString& reason)
{
    return transition(actor, apiId, ApiState::Retired, 0, 0, reason);
}

bool ApiCatalog::deleteDraft(const Principal& actor, qint64 apiId)
{
    clearError();
    Transaction tx(db());
    const auto before = loadForEdit(actor, apiId);
    if (!before)
        return false;
    if (before->state != ApiState::Draft)
        return fail(DomainErrorCode::Conflict,
                    DomainMessage(msg::OnlyDraftsDeleted, {toMessage(before->state)}));
    QString err;
    if (!runSql(db(), QStringLiteral("UPDATE apis SET successor_id = NULL WHERE successor_id = ?"),
                {apiId}, &err) ||
        !runSql(db(), QStringLiteral("UPDATE apis SET previous_id = NULL WHERE previous_id = ?"),
                {apiId}, &err) ||
        !runSql(db(), QStringLiteral("DELETE FROM apis WHERE id = ?"), {apiId}, &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("api.delete"), QStringLiteral("api"), apiId, before->toJson(),
               {}))
        return false;
    return tx.commit(&err) || storageError(err);
}

bool ApiCatalog::transition(const Principal& actor, qint64 apiId, ApiState to, qint64 sunsetAt,
                            qint64 successorId, const QString& reason)
{
    clearError();
    Transaction tx(db());
    const auto before = loadForEdit(actor, apiId);
    if (!before)
        return false;
    if (const DomainMessage why = ApiLifecycle::refusalMessage(before->state, to); !why.isEmpty())
        return fail(DomainErrorCode::Conflict, why);
    ApiDefinition after = *before;
    if (to == ApiState::Published) {
        if (const DomainMessage why = ApiLifecycle::publishableMessage(*before); !why.isEmpty())
            return invalid(why);
        // Drafts are checked when saved; this catches overlaps stored
        // before that check existed.
        if (!requireFreeBasePath(actor, *before))
            return false;
    } else if (to == ApiState::Deprecated) {
        if (const DomainMessage why =
                ApiLifecycle::deprecationMessage(*before, sunsetAt, successorId, nowMs());
            !why.isEmpty())
            return invalid(why);
        if (successorId != 0) {
            QString err;
            const auto successor = ApiStore::load(db(), successorId, &err);
            if (!successor || !m_policy.canViewApi(actor, *successor))
                return invalid(msg::NoSuchSuccessor);
            if (successor->state == ApiState::Retired)
                return invalid(msg::SuccessorRetired);
            after.successorId = successorId;
        }
        after.sunsetAt = sunsetAt;
    }
    const QString action = QString::fromLatin1([&] {
        for (const auto& t : ApiLifecycle::table()) {
            if (t.from == before->state && t.to == to)
                return t.action;
        }
        return "transition";
    }());
    after.state = to;
    after.updatedAt = nowMs();
    QString err;
    if (!ApiStore::update(db(), after, &err))
        return storageError(err);
    QJsonObject afterJson = after.toJson();
    if (!reason.isEmpty())
        afterJson.insert(QStringLiteral("reason"), reason);
    if (!audit(actor, QStringLiteral("api.") + action, QStringLiteral("api"), apiId,
               before->toJson(), afterJson))
        return false;
    return tx.commit(&err) || storageError(err);
}

QList<ApiAction> ApiCatalog::allowedActions(const Principal& actor, const ApiDefinition& api) const
{
    clearError();
    QList<ApiAction> actions;
    if (!requireAccount(actor))
        return actions;
    if (!m_policy.canViewApi(actor, api) || !m_policy.canEditApi(actor, api.teamId))
        return actions;
    if (ApiLifecycle::isLegal(api.state, ApiState::Published))
        actions.append(ApiAction::Publish);
    if (ApiLifecycle::isLegal(api.state, ApiState::Deprecated))
        actions.append(ApiAction::Deprecate);
    if (ApiLifecycle::isLegal(api.state, ApiState::Retired))
        actions.append(ApiAction::Retire);
    if (api.state == ApiState::Draft)
        actions.append(ApiAction::DeleteDraft);
    // createVersion() links the new draft as the successor: one per version.
    if (api.successorId == 0)
        actions.append(ApiAction::NewVersion);
    return actions;
}

std::optional<ApiDefinition> ApiCatalog::api(const Principal& actor, qint64 apiId) const
{
    clearError();
    if (!requireAccount(actor))
        return std::nullopt;
    QString err;
    auto found = ApiStore::load(db(), apiId, &err);
    if (!found || !m_policy.canViewApi(actor, *found)) {
        err.isEmpty() ? notFound(msg::NoSuchApi) : storageError(err);
        return std::nullopt;
    }
    return found;
}

QList<ApiDefinition> ApiCatalog::visibleApis(const Principal& actor) const
{
    clearError();
    if (!requireAccount(actor))
        return {};
    QString err;
    const auto all = ApiStore::loadWhere(db(), QStringLiteral("1 = 1"), {}, &err);
    QList<ApiDefinition> result;
    if (!all) {
        storageError(err);
        return result;
    }
    for (const ApiDefinition& a : *all) {
        if (m_policy.canViewApi(actor, a))
            result.append(a);
    }
    return result;
}

QList<ApiDefinition> ApiCatalog::versions(const Principal& actor, const QString& slug) const
{
    clearError();
    if (!requireAccount(actor))
        return {};
    QString err;
    const auto all = ApiStore::loadWhere(db(), QStringLiteral("slug = ?"), {slug}, &err);
    QList<ApiDefinition> result;
    if (!all) {
        storageError(err);
        return result;
    }
    for (const ApiDefinition& a : *all) {
        if (m_policy.canViewApi(actor, a))
            result.append(a);
    }
    std::sort(result.begin(), result.end(),
              [](const ApiDefinition& l, const ApiDefinition& r) { return l.id < r.id; });
    return result;
}

} // namespace gatehouse::app
