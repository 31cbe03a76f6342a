// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/domain_service.h"

#include "app/domain/access_policy.h"
#include "app/domain/audit_log.h"
#include "app/storage/database.h"

namespace gatehouse::app {

DomainService::DomainService(const Database& database)
    : m_connectionName(database.connectionName())
{
}

bool DomainService::fail(DomainErrorCode code, const DomainMessage& message,
                         const QString& field) const
{
    m_errorCode = code;
    m_error = message;
    m_errorField = field;
    return false;
}

bool DomainService::requireAccount(const Principal& actor) const
{
    QString err;
    if (AccessPolicy(m_connectionName).storedRole(actor, &err))
        return true;
    if (!err.isEmpty())
        return storageError(err);
    return forbidden({msg::UserHasNoAccount, {actor.name, DomainMessage::number(actor.userId)}});
}

bool DomainService::requireAccount(qint64 userId) const
{
    QString err;
    if (AccessPolicy(m_connectionName).hasUser(userId, &err))
        return true;
    if (!err.isEmpty())
        return storageError(err);
    return forbidden({msg::UserIdHasNoAccount, {DomainMessage::number(userId)}});
}

void DomainService::clearError() const
{
    m_errorCode = DomainErrorCode::None;
    m_error = {};
    m_errorField.clear();
}

bool DomainService::audit(const Principal& actor, const QString& action, const QString& objectType,
                          qint64 objectId, const QJsonObject& before,
                          const QJsonObject& after) const
{
    QString err;
    if (!AuditLog::record(db(), actor, action, objectType, objectId, before, after, &err))
        return storageError({msg::CannotWriteAuditLog, {err}});
    return true;
}

} // namespace gatehouse::app
