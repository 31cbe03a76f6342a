// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// /v1/teams (+ members), /v1/users, /v1/audit
#include "app/admin_api/admin_dispatcher.h"
#include "app/admin_api/admin_json.h"
#include "app/domain/audit_log.h"
#include "app/domain/team_service.h"
#include "app/domain/user_service.h"

namespace gatehouse::app {

namespace {

using Params = const QStringList&;

AdminResponse badId()
{
    return AdminResponse::notFound(QStringLiteral("no such resource"));
}

AdminResponse paged(const QJsonArray& all, const AdminRequest& req)
{
    AdminResponse error;
    const auto page = parsePage(req.query, &error);
    return page ? pageResponse(all, *page) : error;
}

AdminResponse listTeams(const AdminServices& s, const AdminRequest& req)
{
    const QList<Team> teams = s.teams->teams();
    if (s.teams->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.teams);
    QJsonArray all;
    for (const Team& t : teams)
        all.append(t.toJson());
    return paged(all, req);
}

AdminResponse createTeam(const AdminServices& s, const AdminRequest& req)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto name = fields.string(QStringLiteral("name"), true);
    const auto description = fields.string(QStringLiteral("description"));
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto team = s.teams->createTeam(s.actor, *name, description.value_or(QString()));
    if (!team)
        return AdminResponse::failed(*s.teams);
    return AdminResponse::created(QStringLiteral("/v1/teams/%1").arg(team->id), team->toJson());
}

AdminResponse getTeam(const AdminServices& s, qint64 id)
{
    const auto team = s.teams->team(id);
    if (!team)
        return s.teams->lastErrorCode() == DomainErrorCode::Storage
                   ? AdminResponse::failed(*s.teams)
                   : AdminResponse::notFound(QStringLiteral("no such team"));
    return AdminResponse::json(200, team->toJson());
}

AdminResponse listMembers(const AdminServices& s, const AdminRequest& req, qint64 teamId)
{
    if (!s.teams->team(teamId))
        return AdminResponse::notFound(QStringLiteral("no such team"));
    const QList<TeamMember> members = s.teams->members(teamId);
    if (s.teams->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.teams);
    QJsonArray all;
    for (const TeamMember& m : members)
        all.append(QJsonObject{{QStringLiteral("userId"), m.userId},
                               {QStringLiteral("userName"), m.userName},
                               {QStringLiteral("teamRole"), toString(m.teamRole)}});
    return paged(all, req);
}

// PUT /v1/teams/{id}/members/{userId} {"teamRole": "owner" | "member"}
AdminResponse setMember(const AdminServices& s, const AdminRequest& req, qint64 teamId,
                        qint64 userId)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    TeamRole role = TeamRole::Member;
    if (const auto text = fields.string(QStringLiteral("teamRole"))) {
        if (const auto r = teamRoleFromString(*text))
            role = *r;
        else
            fields.addError(QStringLiteral("teamRole"), QStringLiteral("one of owner, member"));
    }
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    if (!s.teams->setMember(s.actor, teamId, userId, role))
        return AdminResponse::failed(*s.teams);
    return AdminResponse::json(200, {{QStringLiteral("teamId"), teamId},
                                     {QStringLiteral("userId"), userId},
                                     {QStringLiteral("teamRole"), toString(role)}});
}

AdminResponse removeMember(const AdminServices& s, qint64 teamId, qint64 userId)
{
    if (!s.teams->removeMember(s.actor, teamId, userId))
        return AdminResponse::failed(*s.teams);
    return AdminResponse::noContent();
}

AdminResponse listUsers(const AdminServices& s, const AdminRequest& req)
{
    const QList<User> users = s.users->users(s.actor);
    if (s.users->lastErrorCode() != DomainErrorCode::None)
        return AdminResponse::failed(*s.users);
    QJsonArray all;
    for (const User& u : users)
        all.append(u.toJson());
    return paged(all, req);
}

AdminResponse createUser(const AdminServices& s, const AdminRequest& req)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    const auto name = fields.string(QStringLiteral("name"), true);
    const auto displayName = fields.string(QStringLiteral("displayName"));
    const auto password = fields.string(QStringLiteral("password"));
    Role role = Role::Developer;
    if (const auto text = fields.string(QStringLiteral("role"))) {
        if (const auto r = roleFromString(*text))
            role = *r;
        else
            fields.addError(QStringLiteral("role"),
                            QStringLiteral("one of admin, publisher, developer"));
    }
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    const auto user = s.users->createUser(s.actor, *name, displayName.value_or(*name), role,
                                          password.value_or(QString()));
    if (!user)
        return AdminResponse::failed(*s.users);
    return AdminResponse::created(QStringLiteral("/v1/users/%1").arg(user->id), user->toJson());
}

AdminResponse getUser(const AdminServices& s, qint64 id)
{
    const auto user = s.users->user(id);
    if (!user)
        return s.users->lastErrorCode() == DomainErrorCode::Storage
                   ? AdminResponse::failed(*s.users)
                   : AdminResponse::notFound(QStringLiteral("no such user"));
    return AdminResponse::json(200, user->toJson());
}

// PATCH /v1/users/{id} {"role": ..., "password": ...}
AdminResponse updateUser(const AdminServices& s, const AdminRequest& req, qint64 id)
{
    QJsonObject body;
    AdminResponse error;
    if (!parseJsonBody(req, &body, &error))
        return error;
    JsonFields fields(body);
    std::optional<Role> role;
    if (const auto text = fields.string(QStringLiteral("role"))) {
        role = roleFromString(*text);
        if (!role)
            fields.addError(QStringLiteral("role"),
                            QStringLiteral("one of admin, publisher, developer"));
    }
    const auto password = fields.string(QStringLiteral("password"));
    if (!fields.ok())
        return AdminResponse::validation(fields.errors());
    if (role && !s.users->setRole(s.actor, id, *role))
        return AdminResponse::failed(*s.users);
    if (password && !s.users->setPassword(s.actor, id, *password))
        return AdminResponse::failed(*s.users);
    return getUser(s, id);
}

QJsonObject auditJson(const AuditEntry& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), e.at},
            {QStringLiteral("actorId"), e.actorId},
            {QStringLiteral("actorName"), e.actorName},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("objectType"), e.objectType},
            {QStringLiteral("objectId"), e.objectId},
            {QStringLiteral("before"), e.before},
            {QStringLiteral("after"), e.after}};
}

// ?actorId=&action=&objectType=&objectId=&from=&until=&limit=&offset=
// Newest first. Paged in the database, so "total" is not known: the page
// carries nextOffset while more entries follow.
AdminResponse queryAudit(const AdminServices& s, const AdminRequest& req)
{
    AdminResponse error;
    const auto page = parsePage(req.query, &error);
    if (!page)
        return error;
    AuditFilter filter;
    QJsonArray errors;
    auto number = [&](const char* name, qint64* out) {
        const QString key = QString::fromLatin1(name);
        if (!req.query.hasQueryItem(key))
            return;
        bool ok = false;
        *out = req.query.queryItemValue(key).toLongLong(&ok);
        if (!ok || *out < 0)
            errors.append(QJsonObject{
                {QStringLiteral("field"), key},
                {QStringLiteral("message"), QStringLiteral("must be a non-negative integer")}});
    };
    number("actorId", &filter.actorId);
    number("objectId", &filter.objectId);
    number("from", &filter.fromMs);
    number("until", &filter.untilMs);
    if (!errors.isEmpty())
        return AdminResponse::problem(400, QStringLiteral("bad-query"),
                                      QStringLiteral("Invalid query parameters"), {}, errors);
    filter.action = req.query.queryItemValue(QStringLiteral("action"));
    filter.objectType = req.query.queryItemValue(QStringLiteral("objectType"));
    filter.limit = page->limit + 1; // one more tells whether a next page exists
    filter.offset = page->offset;
    QList<AuditEntry> entries;
    if (!s.audit->query(s.actor, filter, &entries))
        return AdminResponse::failed(*s.audit);
    const bool more = entries.size() > page->limit;
    QJsonArray items;
    for (qsizetype i = 0; i < std::min<qsizetype>(entries.size(), page->limit); ++i)
        items.append(auditJson(entries.at(i)));
    return AdminResponse::json(
        200, {{QStringLiteral("items"), items},
              {QStringLiteral("limit"), page->limit},
              {QStringLiteral("offset"), page->offset},
              {QStringLiteral("nextOffset"),
               more ? QJsonValue(qint64(page->offset) + page->limit) : QJsonValue()}});
}

} // namespace

void addOrganisationRoutes(AdminRouter& router, const AdminServices* s)
{
    router.add("GET", QStringLiteral("/v1/teams"),
               [s](const AdminRequest& req, Params) { return listTeams(*s, req); });
    router.add("POST", QStringLiteral("/v1/teams"),
               [s](const AdminRequest& req, Params) { return createTeam(*s, req); });
    router.add("GET", QStringLiteral("/v1/teams/{}"), [s](const AdminRequest&, Params p) {
        const auto id = idParameter(p.value(0));
        return id ? getTeam(*s, *id) : badId();
    });
    router.add("GET", QStringLiteral("/v1/teams/{}/members"),
               [s](const AdminRequest& req, Params p) {
                   const auto id = idParameter(p.value(0));
                   return id ? listMembers(*s, req, *id) : badId();
               });
    router.add("PUT", QStringLiteral("/v1/teams/{}/members/{}"),
               [s](const AdminRequest& req, Params p) {
                   const auto teamId = idParameter(p.value(0));
                   const auto userId = idParameter(p.value(1));
                   return teamId && userId ? setMember(*s, req, *teamId, *userId) : badId();
               });
    router.add("DELETE", QStringLiteral("/v1/teams/{}/members/{}"),
               [s](const AdminRequest&, Params p) {
                   const auto teamId = idParameter(p.value(0));
                   const auto userId = idParameter(p.value(1));
                   return teamId && userId ? removeMember(*s, *teamId, *userId) : badId();
               });
    router.add("GET", QStringLiteral("/v1/users"),
               [s](const AdminRequest& req, Params) { return listUsers(*s, req); });
    router.add("POST", QStringLiteral("/v1/users"),
               [s](const AdminRequest& req, Params) { return createUser(*s, req); });
    router.add("GET", QStringLiteral("/v1/users/{}"), [s](const AdminRequest&, Params p) {
        const auto id = idParameter(p.value(0));
        return id ? getUser(*s, *id) : badId();
    });
    router.add("PATCH", QStringLiteral("/v1/users/{}"), [s](const AdminRequest& req, Params p) {
        const auto id = idParameter(p.value(0));
        return id ? updateUser(*s, req, *id) : badId();
    });
    router.add("GET", QStringLiteral("/v1/audit"),
               [s](const AdminRequest& req, Params) { return queryAudit(*s, req); });
}

} // namespace gatehouse::app
