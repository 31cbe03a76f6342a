// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/roles.h"

namespace gatehouse::app {

QString toString(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Publisher:
        return QStringLiteral("publisher");
    case Role::Developer:
        break;
    }
    return QStringLiteral("developer");
}

QString toString(TeamRole role)
{
    return role == TeamRole::Owner ? QStringLiteral("owner") : QStringLiteral("member");
}

std::optional<Role> roleFromString(const QString& text)
{
    for (Role r : {Role::Admin, Role::Publisher, Role::Developer}) {
        if (toString(r) == text)
            return r;
    }
    return std::nullopt;
}

std::optional<TeamRole> teamRoleFromString(const QString& text)
{
    for (TeamRole r : {TeamRole::Owner, TeamRole::Member}) {
        if (toString(r) == text)
            return r;
    }
    return std::nullopt;
}

} // namespace gatehouse::app
