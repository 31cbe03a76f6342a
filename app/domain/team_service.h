// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/domain_service.h"

#include <QList>

#include <optional>

namespace gatehouse::app {

struct Team {
    qint64 id = 0;
    QString name;
    QString description;
    qint64 createdAt = 0;
    QJsonObject toJson() const;
};

struct TeamMember {
    qint64 userId = 0;
    QString userName;
    TeamRole teamRole = TeamRole::Member;
};

// Teams own APIs and applications. The creator becomes the first owner;
// owners (and admins) manage members. A team always keeps one owner.
class TeamService : public DomainService {
public:
    explicit TeamService(const Database& database);

    // Admins and publishers.
    std::optional<Team> createTeam(const Principal& actor, const QString& name,
                                   const QString& description = {});
    // Adds the user or changes their team role.
    bool setMember(const Principal& actor, qint64 teamId, qint64 userId, TeamRole role);
    bool removeMember(const Principal& actor, qint64 teamId, qint64 userId);
    // Whether setMember() and removeMember() would pass the permission check
    // (they may still refuse, e.g. to remove a team's last owner).
    bool canManage(const Principal& actor, qint64 teamId) const
    {
        return m_policy.canManageTeam(actor, teamId);
    }

    std::optional<Team> team(qint64 teamId) const;
    QList<Team> teams() const;
    QList<Team> teamsOf(qint64 userId) const;
    QList<TeamMember> members(qint64 teamId) const;

private:
    int ownerCount(qint64 teamId, QString* error) const;
    QList<Team> readTeams(const QString& sql, const QVariantList& values) const;

    AccessPolicy m_policy;
};

} // namespace gatehouse::app
