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
// change; the UI may use it to hide what would be refused anyway. Roles are
// read from storage for every check (see storedRole()).
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
    explicit AccessPolicy(QString connectionName);

    std::optional<TeamRole> teamRole(qint64 userId, qint64 teamId) const;
    bool isTeamMember(qint64 userId, qint64 teamId) const
    {
        return teamRole(userId, teamId).has_value();
    }
    bool isTeamOwner(qint64 userId, qint64 teamId) const
    {
        return teamRole(userId, teamId) == TeamRole::Owner;
    }

    // The actor's organisation role as stored now. Every check below uses
    // it, never the role a Principal carries, which may be stale (demoted
    // since sign-in) or made up. Empty when no user has the principal's id
    // and name, or the lookup fails: such an actor may do nothing.
    std::optional<Role> storedRole(const Principal& actor) const;
    // As above; `error` tells a failed lookup from an unknown actor.
    std::optional<Role> storedRole(const Principal& actor, QString* error) const;
    // Whether a user has this id; false with `error` set when the lookup failed.
    bool hasUser(qint64 userId, QString* error) const;
    bool isKnown(const Principal& actor) const { return storedRole(actor).has_value(); }
    bool isAdmin(const Principal& actor) const { return storedRole(actor) == Role::Admin; }

    bool canCreateTeam(const Principal& actor) const;
    // Create users and change their organisation role.
    bool canManageUsers(const Principal& actor) const { return isAdmin(actor); }
    bool canReadAuditLog(const Principal& actor) const { return isAdmin(actor); }
    bool canManageTeam(const Principal& actor, qint64 teamId) const;
    bool canViewApi(const Principal& actor, const ApiDefinition& api) const;
    bool canEditApi(const Principal& actor, qint64 teamId) const;
    bool canApproveFor(const Principal& actor, qint64 apiTeamId) const;
    // Whether the actor decides subscription requests at all: an admin, or
    // the owner of at least one team. Others only request subscriptions.
    bool canApproveForAnyTeam(const Principal& actor) const;
    bool canCreateApplication(const Principal& actor, qint64 ownerTeamId) const;
    bool canManageApplication(const Principal& actor, qint64 ownerUserId, qint64 ownerTeamId) const;

private:
    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }

    QString m_connectionName;
};

} // namespace gatehouse::app
