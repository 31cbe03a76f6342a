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

bool AccessPolicy::canManageTeam(const Principal& actor, qint64 teamId) const
{
    return actor.isAdmin() || isTeamOwner(actor.userId, teamId);
}

bool AccessPolicy::canViewApi(const Principal& actor, const ApiDefinition& api) const
{
    if (actor.isAdmin())
        return true;
    if (api.visibility == ApiVisibility::Organisation && api.state != ApiState::Draft)
        return true;
    return isTeamMember(actor.userId, api.teamId);
}

bool AccessPolicy::canEditApi(const Principal& actor, qint64 teamId) const
{
    if (actor.isAdmin())
        return true;
    return actor.role == Role::Publisher && isTeamMember(actor.userId, teamId);
}

bool AccessPolicy::canApproveFor(const Principal& actor, qint64 apiTeamId) const
{
    return actor.isAdmin() || isTeamOwner(actor.userId, apiTeamId);
}

bool AccessPolicy::canCreateApplication(const Principal& actor, qint64 ownerTeamId) const
{
    if (actor.isAdmin() || ownerTeamId == 0)
        return true;
    return isTeamMember(actor.userId, ownerTeamId);
}

bool AccessPolicy::canManageApplication(const Principal& actor, qint64 ownerUserId,
                                        qint64 ownerTeamId) const
{
    if (actor.isAdmin())
        return true;
    if (ownerUserId != 0)
        return ownerUserId == actor.userId;
    return isTeamMember(actor.userId, ownerTeamId);
}

} // namespace gatehouse::app
