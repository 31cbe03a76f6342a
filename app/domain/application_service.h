// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/domain_service.h"

#include <QList>

#include <optional>

namespace gatehouse::app {

// A consumer of APIs, owned by one user or one team.
struct Application {
    qint64 id = 0;
    QString name;
    QString description;
    qint64 ownerUserId = 0; // exactly one of the two owners is set
    qint64 ownerTeamId = 0;
    qint64 createdBy = 0;
    qint64 createdAt = 0;
    QJsonObject toJson() const;
};

// What is stored about a key; never the key.
struct ApiKeyInfo {
    qint64 id = 0;
    qint64 applicationId = 0;
    QString prefix; // for display: "gh_" + prefix + "…"
    QString label;
    qint64 createdAt = 0;
    qint64 expiresAt = 0; // 0 = never
    qint64 revokedAt = 0; // 0 = not revoked
    bool isActive(qint64 nowMs) const
    {
        return revokedAt == 0 && (expiresAt == 0 || expiresAt > nowMs);
    }
    QJsonObject toJson() const;
};

struct IssuedKey {
    ApiKeyInfo info;
    QString key; // the only copy; show it once
};

// Applications and their API keys. Managed by their owner (the user, or any
// member of the owning team) and admins.
class ApplicationService : public DomainService {
public:
    explicit ApplicationService(const Database& database);

    // `ownerTeamId` 0: owned by the actor.
    std::optional<Application> createApplication(const Principal& actor, const QString& name,
                                                 const QString& description = {},
                                                 qint64 ownerTeamId = 0);
    std::optional<Application> application(const Principal& actor, qint64 appId) const;
    QList<Application> applications(const Principal& actor) const; // the ones actor manages

    // `expiresAt` Unix ms, 0 = never.
    std::optional<IssuedKey> issueKey(const Principal& actor, qint64 appId,
                                      const QString& label = {}, qint64 expiresAt = 0);
    bool revokeKey(const Principal& actor, qint64 keyId);
    QList<ApiKeyInfo> keys(const Principal& actor, qint64 appId) const;

    // Gateway-side lookup (no actor): the active key matching `key`, found
    // by prefix and compared by hash.
    std::optional<ApiKeyInfo> verifyKey(const QString& key) const;

private:
    std::optional<Application> load(qint64 appId) const;
    std::optional<ApiKeyInfo> loadKey(qint64 keyId) const;

    AccessPolicy m_policy;
};

} // namespace gatehouse::app
