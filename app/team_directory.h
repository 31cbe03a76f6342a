// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/team_service.h"
#include "app/domain/user_service.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace gatehouse::app {

class CatalogStore;

// Teams, their members and the users, as one actor sees them, together with
// what the domain would let that actor do: the Teams page shows and hides its
// actions from these answers instead of knowing the role rules itself.
struct TeamDirectory {
    QString error;              // non-empty: nothing could be read
    DomainMessage errorMessage; // the same, for the console to translate
    QList<Team> teams;
    QHash<qint64, QList<TeamMember>> members; // by team id
    QList<User> users;                        // by name
    QSet<qint64> manageableTeams;             // setMember()/removeMember() allowed
    bool canCreateTeam = false;
    bool canManageUsers = false;
    bool canReadAuditLog = false;

    const User* user(qint64 userId) const;
};

// Storage thread only (CatalogService::run).
TeamDirectory loadTeamDirectory(CatalogStore& store, const Principal& actor);

// The "view as" demo of a local workspace: a user with `role` for `admin` to
// act as. Admin is `admin` itself; otherwise the first user (by name) with
// that role, or, when there is none, a new account "demo-publisher" or
// "demo-developer" without a password, created by `admin`. Sets `error`
// when the catalog refuses. Storage thread only (CatalogService::mutate).
std::optional<Principal> viewAsPrincipal(CatalogStore& store, const Principal& admin, Role role,
                                         QString* error, DomainMessage* message = nullptr);

} // namespace gatehouse::app
