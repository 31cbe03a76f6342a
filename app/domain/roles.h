// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace gatehouse::app {

// Organisation-wide role of a user.
//  admin:     anything, including approvals, users and the audit log;
//  publisher: creates, edits and moves through the lifecycle the APIs of the
//             teams they belong to;
//  developer: browses the catalog, creates applications, keys and
//             subscriptions.
enum class Role { Admin, Publisher, Developer };

// Role inside one team. Owners manage the team's members and approve
// subscriptions to the team's APIs.
enum class TeamRole { Owner, Member };

QString toString(Role role);
QString toString(TeamRole role);
std::optional<Role> roleFromString(const QString& text);
std::optional<TeamRole> teamRoleFromString(const QString& text);

// Who is acting. Obtained from UserService (sign-in, local admin, lookup);
// every domain call takes one and checks its permissions itself.
struct Principal {
    qint64 userId = 0;
    QString name;
    Role role = Role::Developer;

    bool isAdmin() const { return role == Role::Admin; }
};

} // namespace gatehouse::app
