// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/team_service.h"

#include "app/storage/sql_query.h"

namespace gatehouse::app {

namespace {

QJsonObject memberJson(qint64 teamId, qint64 userId, const std::optional<TeamRole>& role)
{
    QJsonObject o{{QStringLiteral("teamId"), teamId}, {QStringLiteral("userId"), userId}};
    if (role)
        o.insert(QStringLiteral("teamRole"), toString(*role));
    return role ? o : QJsonObject{};
}

} // namespace

QJsonObject Team::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), description}};
}

TeamService::TeamService(const Database& database)
    : DomainService(database)
    , m_policy(database)
{
}

std::optional<Team> TeamService::createTeam(const Principal& actor, const QString& name,
                                            const QString& description)
{
    clearError();
    if (!m_policy.canCreateTeam(actor)) {
        forbidden(msg::OnlyAdminsPublishersCreateTeams);
        return std::nullopt;
    }
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100) {
        invalid(msg::TeamNameRule);
        return std::nullopt;
    }
    Transaction tx(db());
    QString err;
    auto exists =
        runSql(db(), QStringLiteral("SELECT 1 FROM teams WHERE name = ?"), {trimmed}, &err);
    if (!exists) {
        storageError(err);
        return std::nullopt;
    }
    if (exists->next()) {
        fail(DomainErrorCode::Conflict, DomainMessage(msg::TeamExists, {trimmed}),
             QStringLiteral("name"));
        return std::nullopt;
    }
    auto q = runSql(db(),
                    QStringLiteral("INSERT INTO teams (name, description, created_at)"
                                   " VALUES (?, ?, ?) RETURNING id"),
                    {trimmed, description, nowMs()}, &err);
    if (!q || !q->next()) {
        storageError(err);
        return std::nullopt;
    }
    Team t{q->value(0).toLongLong(), trimmed, description, nowMs()};
    if (!runSql(db(),
                QStringLiteral("INSERT INTO team_members (team_id, user_id, team_role)"
                               " VALUES (?, ?, 'owner')"),
                {t.id, actor.userId}, &err)) {
        storageError(err);
        return std::nullopt;
    }
    if (!audit(actor, QStringLiteral("team.create"), QStringLiteral("team"), t.id, {},
               t.toJson()) ||
        !audit(actor, QStringLiteral("team.set_member"), QStringLiteral("team"), t.id, {},
               memberJson(t.id, actor.userId, TeamRole::Owner)))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return t;
}

int TeamService::ownerCount(qint64 teamId, QString* error) const
{
    auto q = runSql(db(),
                    QStringLiteral("SELECT COUNT(*) FROM team_members"
                                   " WHERE team_id = ? AND team_role = 'owner'"),
                    {teamId}, error);
    return q && q->next() ? q->value(0).toInt() : -1;
}

bool TeamService::setMember(const Principal& actor, qint64 teamId, qint64 userId, TeamRole role)
{
    clearError();
    if (!team(teamId))
        return false;
    if (!m_policy.canManageTeam(actor, teamId))
        return forbidden(msg::OnlyOwnersManageMembers);
    Transaction tx(db());
    QString err;
    auto user = runSql(db(), QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {userId}, &err);
    if (!user)
        return storageError(err);
    if (!user->next())
        return notFound(msg::NoSuchUser);
    const auto before = m_policy.teamRole(userId, teamId);
    if (before == TeamRole::Owner && role != TeamRole::Owner && ownerCount(teamId, &err) <= 1)
        return fail(DomainErrorCode::Conflict, msg::TeamKeepsOwner);
    const QString sql = before ? QStringLiteral("UPDATE team_members SET team_role = ?"
                                                " WHERE team_id = ? AND user_id = ?")
                               : QStringLiteral("INSERT INTO team_members (team_role, team_id,"
                                                " user_id) VALUES (?, ?, ?)");
    if (!runSql(db(), sql, {toString(role), teamId, userId}, &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("team.set_member"), QStringLiteral("team"), teamId,
               memberJson(teamId, userId, before), memberJson(teamId, userId, role)))
        return false;
    return tx.commit(&err) || storageError(err);
}

bool TeamService::removeMember(const Principal& actor, qint64 teamId, qint64 userId)
{
    clearError();
    if (!m_policy.canManageTeam(actor, teamId))
        return forbidden(msg::OnlyOwnersManageMembers);
    Transaction tx(db());
    QString err;
    const auto before = m_policy.teamRole(userId, teamId);
    if (!before)
        return notFound(msg::NotAMember);
    if (before == TeamRole::Owner && ownerCount(teamId, &err) <= 1)
        return fail(DomainErrorCode::Conflict, msg::TeamKeepsOwner);
    if (!runSql(db(), QStringLiteral("DELETE FROM team_members WHERE team_id = ? AND user_id = ?"),
                {teamId, userId}, &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("team.remove_member"), QStringLiteral("team"), teamId,
               memberJson(teamId, userId, before), {}))
        return false;
    return tx.commit(&err) || storageError(err);
}

QList<Team> TeamService::readTeams(const QString& sql, const QVariantList& values) const
{
    QList<Team> result;
    QString err;
    auto q = runSql(db(), sql, values, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next())
        result.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                       q->value(3).toLongLong()});
    return result;
}

std::optional<Team> TeamService::team(qint64 teamId) const
{
    clearError();
    const QList<Team> found = readTeams(
        QStringLiteral("SELECT id, name, description, created_at FROM teams WHERE id = ?"),
        {teamId});
    if (found.isEmpty()) {
        if (lastErrorCode() == DomainErrorCode::None)
            notFound(msg::NoSuchTeam);
        return std::nullopt;
    }
    return found.first();
}

QList<Team> TeamService::teams() const
{
    clearError();
    return readTeams(
        QStringLiteral("SELECT id, name, description, created_at FROM teams ORDER BY name"), {});
}

QList<Team> TeamService::teamsOf(qint64 userId) const
{
    clearError();
    if (!requireAccount(userId))
        return {};
    return readTeams(QStringLiteral("SELECT t.id, t.name, t.description, t.created_at"
                                    " FROM teams t JOIN team_members m ON m.team_id = t.id"
                                    " WHERE m.user_id = ? ORDER BY t.name"),
                     {userId});
}

QList<TeamMember> TeamService::members(qint64 teamId) const
{
    clearError();
    QList<TeamMember> result;
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT u.id, u.name, m.team_role FROM team_members m"
                                   " JOIN users u ON u.id = m.user_id"
                                   " WHERE m.team_id = ? ORDER BY u.name"),
                    {teamId}, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next())
        result.append({q->value(0).toLongLong(), q->value(1).toString(),
                       teamRoleFromString(q->value(2).toString()).value_or(TeamRole::Member)});
    return result;
}

} // namespace gatehouse::app
