// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/team_directory.h"

#include "app/catalog_store.h"
#include "app/domain/access_policy.h"

namespace gatehouse::app {

const User* TeamDirectory::user(qint64 userId) const
{
    for (const User& u : users) {
        if (u.id == userId)
            return &u;
    }
    return nullptr;
}

TeamDirectory loadTeamDirectory(CatalogStore& store, const Principal& actor)
{
    TeamDirectory out;
    TeamService& teams = store.teams();
    out.teams = teams.teams();
    if (teams.lastErrorCode() != DomainErrorCode::None) {
        out.error = teams.lastError();
        out.errorMessage = teams.lastErrorMessage();
        return out;
    }
    for (const Team& team : std::as_const(out.teams)) {
        out.members.insert(team.id, teams.members(team.id));
        if (teams.lastErrorCode() != DomainErrorCode::None) {
            out.error = teams.lastError();
            out.errorMessage = teams.lastErrorMessage();
            return out;
        }
        if (teams.canManage(actor, team.id))
            out.manageableTeams.insert(team.id);
    }
    out.users = store.users().users(actor);
    if (store.users().lastErrorCode() != DomainErrorCode::None) {
        out.error = store.users().lastError();
        out.errorMessage = store.users().lastErrorMessage();
        return out;
    }
    const AccessPolicy policy(store.database());
    out.canCreateTeam = policy.canCreateTeam(actor);
    out.canManageUsers = policy.canManageUsers(actor);
    out.canReadAuditLog = policy.canReadAuditLog(actor);
    return out;
}

std::optional<Principal> viewAsPrincipal(CatalogStore& store, const Principal& admin, Role role,
                                         QString* error, DomainMessage* message)
{
    if (role == Role::Admin)
        return admin;
    UserService& users = store.users();
    const QList<User> all = users.users(admin);
    if (users.lastErrorCode() != DomainErrorCode::None) {
        *error = users.lastError();
        if (message)
            *message = users.lastErrorMessage();
        return std::nullopt;
    }
    for (const User& u : all) {
        if (u.role == role && !u.isLocal)
            return u.principal();
    }
    const auto created =
        users.createUser(admin, QStringLiteral("demo-") + toString(role), {}, role, {});
    if (!created) {
        *error = users.lastError();
        if (message)
            *message = users.lastErrorMessage();
        return std::nullopt;
    }
    return created->principal();
}

} // namespace gatehouse::app
