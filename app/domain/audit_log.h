// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/domain_service.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gatehouse::app {

struct AuditEntry {
    qint64 id = 0;
    qint64 at = 0; // Unix ms
    qint64 actorId = 0;
    QString actorName;
    QString action;     // e.g. "api.publish", "subscription.approve"
    QString objectType; // e.g. "api", "subscription"
    qint64 objectId = 0;
    QJsonObject before; // empty for a creation
    QJsonObject after;  // empty for a deletion
};

// Every field is optional; empty/0 means "any". Newest first.
struct AuditFilter {
    qint64 actorId = 0;
    QString action;
    QString objectType;
    qint64 objectId = 0;
    qint64 fromMs = 0;  // inclusive
    qint64 untilMs = 0; // exclusive
    int limit = 100;
    int offset = 0;
};

// Who did what, to which object, when, with the object before and after.
// Entries are written by the services inside the transaction of the change
// they describe, so a change and its entry commit (or roll back) together.
class AuditLog : public DomainService {
public:
    explicit AuditLog(const Database& database);

    static bool record(const QSqlDatabase& db, const Principal& actor, const QString& action,
                       const QString& objectType, qint64 objectId, const QJsonObject& before,
                       const QJsonObject& after, QString* error);

    // Admins only.
    bool query(const Principal& actor, const AuditFilter& filter, QList<AuditEntry>* out) const;

private:
    AccessPolicy m_policy;
};

} // namespace gatehouse::app
