// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"
#include "app/domain/roles.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace gatehouse::app {

class Database;

// Who may see and do what. The services ask this before every read and
// change; the UI may use it to hide what would be refused anyway.
//
//  - admin: everything, including users and the audit log;
//  - publisher: creates teams; creates, edits and moves through the
//    lifecycle the APIs of teams they belong to;
//  - developer: creates applications (own, or of a team they belong to),
//    keys and subscriptions;
//  - team owners (any role) manage the team's members and approve
//    subscriptions to the team's APIs.
// Catalog visibility: organisation APIs are visible to everyone once
// published; team APIs, and all drafts, only to the owning team and admins.
class AccessPolicy {
public:
    explicit AccessPolicy(const Database& database);

    std::optional<TeamRole> teamRole(qint64 userId, qint64 teamId) const;
    bool isTeamMember(qint64 userId, qint64 teamId) const
    {
        return teamRole(userId, teamId).has_value();
    }
    bool isTeamOwner(qint64 userId, qint64 teamId) const
    {
        return teamRole(userId, teamId) == TeamRole::Owner;
    }

    static bool canCreateTeam(const Principal& actor) { return actor.role != Role::Developer; }
    // Create users and change their organisation role.
    static bool canManageUsers(const Principal& actor) { return actor.isAdmin(); }
    static bool canReadAuditLog(const Principal& actor) { return actor.isAdmin(); }
    bool canManageTeam(const Principal& actor, qint64 teamId) const;
    bool canViewApi(const Principal& actor, const ApiDefinition& api) const;
    bool canEditApi(const Principal& actor, qint64 teamId) const;
    bool canApproveFor(const Principal& actor, qint64 apiTeamId) const;
    bool canCreateApplication(const Principal& actor, qint64 ownerTeamId) const;
    bool canManageApplication(const Principal& actor, qint64 ownerUserId, qint64 ownerTeamId) const;

private:
    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }

    QString m_connectionName;
};

} // namespace gatehouse::app
