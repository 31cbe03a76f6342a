// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/domain_service.h"
#include "app/storage/sql_dialect.h"

#include <QList>

#include <optional>

namespace gatehouse::app {

struct User {
    qint64 id = 0;
    QString name;
    QString displayName;
    Role role = Role::Developer;
    bool isLocal = false;     // the OS account of a local workspace; no password
    bool hasPassword = false; // the hash itself never leaves the service
    qint64 createdAt = 0;

    Principal principal() const { return {id, name, role}; }
    QJsonObject toJson() const;
};

// Users, their organisation role, passwords and sign-in.
class UserService : public DomainService {
public:
    static constexpr int MinimumPasswordLength = 8;

    explicit UserService(const Database& database);

    // Local SQLite workspace: the first start (no users yet) creates an admin
    // named after the OS account, without a password; later starts return
    // that user. Refused on a shared (PostgreSQL) catalog, where people sign in.
    std::optional<Principal> ensureLocalAdmin(const QString& osUser);
    // First start of a shared catalog: only while there are no users at all.
    std::optional<Principal> createInitialAdmin(const QString& name, const QString& password);

    // Admins only. `password` may be empty for an account that cannot sign in yet.
    std::optional<User> createUser(const Principal& actor, const QString& name,
                                   const QString& displayName, Role role, const QString& password);
    // Admins only; the last admin cannot be demoted.
    bool setRole(const Principal& actor, qint64 userId, Role role);
    // The user themself or an admin.
    bool setPassword(const Principal& actor, qint64 userId, const QString& password);

    // One message for unknown users and wrong passwords alike.
    std::optional<Principal> signIn(const QString& name, const QString& password);

    std::optional<User> user(qint64 id) const;
    std::optional<User> userByName(const QString& name) const;
    std::optional<Principal> principal(qint64 userId) const;
    // The directory, for any user who exists (a made-up or deleted principal
    // is refused); how each account signs in (isLocal, hasPassword) only
    // for admins.
    QList<User> users(const Principal& actor) const;
    // Whether the catalog has any account yet (false also on a storage
    // error, see lastError()): a shared catalog's first start asks for an
    // admin instead of a sign-in.
    bool hasUsers() const;
    // The admin account created first, e.g. to act for a shared catalog's
    // admin API; empty (NotFound) when there is none.
    std::optional<Principal> oldestAdmin() const;

private:
    QList<User> allUsers() const;
    std::optional<User> insertUser(const Principal& actor, const QString& name,
                                   const QString& displayName, Role role, const QString& password,
                                   bool isLocal);
    std::optional<User> findUser(const QString& column, const QVariant& value) const;

    SqlDialect m_dialect;
    AccessPolicy m_policy;
};

} // namespace gatehouse::app
