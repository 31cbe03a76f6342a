// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/access_policy.h"

#include "app/storage/database.h"
#include "app/storage/sql_query.h"

namespace gatehouse::app {

AccessPolicy::AccessPolicy(const Database& database)
    : m_connectionName(database.connectionName())
{
}

AccessPolicy::AccessPolicy(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

std::optional<TeamRole> AccessPolicy::teamRole(qint64 userId, qint64 teamId) const
{
    // A failed query denies: it never grants access.
    auto q = runSql(db(),
                    QStringLiteral("SELECT team_role FROM team_members"
                                   " WHERE team_id = ? AND user_id = ?"),
                    {teamId, userId});
    if (!q || !q->next())
        return std::nullopt;
    return teamRoleFromString(q->value(0).toString());
}

std::optional<Role> AccessPolicy::storedRole(const Principal& actor) const
{
    return storedRole(actor, nullptr);
}

std::optional<Role> AccessPolicy::storedRole(const Principal& actor, QString* error) const
{
    if (actor.userId <= 0)
        return std::nullopt;
    // A failed query denies: it never grants access.
    auto q = runSql(db(), QStringLiteral("SELECT role FROM users WHERE id = ? AND name = ?"),
                    {actor.userId, actor.name}, error);
    if (!q || !q->next())
        return std::nullopt;
    return roleFromString(q->value(0).toString());
}

bool AccessPolicy::hasUser(qint64 userId, QString* error) const
{
    if (userId <= 0)
        return false;
    auto q = runSql(db(), QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {userId}, error);
    return q && q->next();
}

bool AccessPolicy::canCreateTeam(const Principal& actor) const
{
    const auto role = storedRole(actor);
    return role && *role != Role::Developer;
}

bool AccessPolicy::canManageTeam(const Principal& actor, qint64 teamId) const
{
    return isAdmin(actor) || (isKnown(actor) && isTeamOwner(actor.userId, teamId));
}

bool AccessPolicy::canViewApi(const Principal& actor, const ApiDefinition& api) const
{
    // Cheapest first: listings ask this for every API.
    if (api.visibility == ApiVisibility::Organisation && api.state != ApiState::Draft)
        return isKnown(actor);
    if (isTeamMember(actor.userId, api.teamId))
        return isKnown(actor);
    return isAdmin(actor);
}

bool AccessPolicy::canEditApi(const Principal& actor, qint64 teamId) const
{
    const auto role = storedRole(actor);
    if (role == Role::Admin)
        return true;
    return role == Role::Publisher && isTeamMember(actor.userId, teamId);
}

bool AccessPolicy::canApproveFor(const Principal& actor, qint64 apiTeamId) const
{
    return isAdmin(actor) || (isKnown(actor) && isTeamOwner(actor.userId, apiTeamId));
}

bool AccessPolicy::canApproveForAnyTeam(const Principal& actor) const
{
    if (isAdmin(actor))
        return true;
    if (!isKnown(actor))
        return false;
    // A failed query denies: it never grants access.
    auto q = runSql(db(),
                    QStringLiteral("SELECT 1 FROM team_members WHERE user_id = ? AND team_role = ?"
                                   " LIMIT 1"),
                    {actor.userId, toString(TeamRole::Owner)});
    return q && q->next();
}

bool AccessPolicy::canCreateApplication(const Principal& actor, qint64 ownerTeamId) const
{
    const auto role = storedRole(actor);
    if (!role)
        return false;
    if (*role == Role::Admin || ownerTeamId == 0)
        return true;
    return isTeamMember(actor.userId, ownerTeamId);
}

bool AccessPolicy::canManageApplication(const Principal& actor, qint64 ownerUserId,
                                        qint64 ownerTeamId) const
{
    const auto role = storedRole(actor);
    if (!role)
        return false;
    if (*role == Role::Admin)
        return true;
    if (ownerUserId != 0)
        return ownerUserId == actor.userId;
    return isTeamMember(actor.userId, ownerTeamId);
}

} // namespace gatehouse::app
