// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"
#include "app/domain/domain_messages.h"
#include "app/domain/roles.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace gatehouse::app {

class Database;

// Why the last call failed; maps onto HTTP statuses in the admin API
// (400, 403, 404, 409, 500).
enum class DomainErrorCode { None, Invalid, Forbidden, NotFound, Conflict, Storage };

// Base of the domain services: the connection name (fetched per call, so a
// service is used on the thread that opened the Database), `bool` results and
// lastError(). Mutations run in one transaction together with their audit
// entry.
class DomainService {
public:
    explicit DomainService(const Database& database);

    DomainErrorCode lastErrorCode() const { return m_errorCode; }
    // In English: what the admin API and the command line show.
    QString lastError() const { return m_error.toString(); }
    // The same message as a template and its arguments, which the console
    // shows translated (ui/domain_message_text.h).
    DomainMessage lastErrorMessage() const { return m_error; }
    // The field of the caller's input the last error is about, when it is
    // about one: e.g. "basePath" for a base path another API already uses,
    // "version" for a slug and version that already exist (both Conflict).
    // A form shows the error next to that field; the admin API names it in
    // its problem's "errors". Empty otherwise.
    QString lastErrorField() const { return m_errorField; }

    // Every call made as someone, reads included, first checks that the
    // principal has an account: a user with its id and name. One that was
    // made up or whose user has gone is refused (Forbidden, "user 'x' (id n)
    // has no account in this catalog") instead of being shown an empty
    // catalog; a failed lookup fails as Storage. Returns false and sets the
    // error; leaves it alone on success.
    bool requireAccount(const Principal& actor) const;
    // The same for calls that name their user by id only.
    bool requireAccount(qint64 userId) const;

protected:
    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }
    // Messages are templates of domain_messages.h with their arguments, so
    // that the console can translate them; see DomainMessage. A plain
    // QString is taken verbatim: that is for a database driver's message
    // (storageError(err)) only.
    bool fail(DomainErrorCode code, const DomainMessage& message, const QString& field = {}) const;
    bool forbidden(const DomainMessage& message) const
    {
        return fail(DomainErrorCode::Forbidden, message);
    }
    bool invalid(const DomainMessage& message) const
    {
        return fail(DomainErrorCode::Invalid, message);
    }
    bool notFound(const DomainMessage& message) const
    {
        return fail(DomainErrorCode::NotFound, message);
    }
    bool storageError(const DomainMessage& message) const
    {
        return fail(DomainErrorCode::Storage, message);
    }
    // Passes on another service's refusal, code, message and field alike.
    bool failAs(const DomainService& other) const
    {
        return fail(other.m_errorCode, other.m_error, other.m_errorField);
    }
    void clearError() const;

    // Appends to the audit log inside the caller's transaction.
    bool audit(const Principal& actor, const QString& action, const QString& objectType,
               qint64 objectId, const QJsonObject& before, const QJsonObject& after) const;

private:
    QString m_connectionName;
    mutable DomainErrorCode m_errorCode = DomainErrorCode::None;
    mutable DomainMessage m_error;
    mutable QString m_errorField;
};

} // namespace gatehouse::app
