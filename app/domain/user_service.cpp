// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/user_service.h"

#include "app/domain/access_policy.h"
#include "app/domain/password_hasher.h"
#include "app/storage/database.h"
#include "app/storage/sql_query.h"

#include <QRegularExpression>

namespace gatehouse::app {

namespace {

const QString userColumns =
    QStringLiteral("id, name, display_name, role, is_local, password_hash IS NOT NULL, created_at");

User readUser(const SqlResult& q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.name = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = roleFromString(q.value(3).toString()).value_or(Role::Developer);
    u.isLocal = q.value(4).toInt() != 0;
    u.hasPassword = q.value(5).toBool();
    u.createdAt = q.value(6).toLongLong();
    return u;
}

bool validName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    return re.match(name).hasMatch();
}

} // namespace

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), toString(role)},
            {QStringLiteral("isLocal"), isLocal},
            {QStringLiteral("hasPassword"), hasPassword}};
}

UserService::UserService(const Database& database)
    : DomainService(database)
    , m_dialect(database.dialect())
    , m_policy(database)
{
}

std::optional<User> UserService::findUser(const QString& column, const QVariant& value) const
{
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users WHERE ") +
                        column + QStringLiteral(" = ?"),
                    {value}, &err);
    if (!q) {
        storageError(err);
        return std::nullopt;
    }
    if (!q->next()) {
        notFound(msg::NoSuchUser);
        return std::nullopt;
    }
    return readUser(*q);
}

std::optional<User> UserService::user(qint64 id) const
{
    clearError();
    return findUser(QStringLiteral("id"), id);
}

std::optional<User> UserService::userByName(const QString& name) const
{
    clearError();
    return findUser(QStringLiteral("name"), name);
}

std::optional<Principal> UserService::principal(qint64 userId) const
{
    const auto u = user(userId);
    return u ? std::optional(u->principal()) : std::nullopt;
}

QList<User> UserService::users(const Principal& actor) const
{
    clearError();
    if (!requireAccount(actor))
        return {};
    QList<User> result = allUsers();
    if (!m_policy.isAdmin(actor)) {
        for (User& u : result) {
            u.isLocal = false;
            u.hasPassword = false;
        }
    }
    return result;
}

bool UserService::hasUsers() const
{
    clearError();
    return !allUsers().isEmpty();
}

std::optional<Principal> UserService::oldestAdmin() const
{
    clearError();
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + userColumns +
                        QStringLiteral(" FROM users WHERE role = 'admin' ORDER BY id LIMIT 1"),
                    {}, &err);
    if (!q) {
        storageError(err);
        return std::nullopt;
    }
    if (!q->next()) {
        notFound(msg::NoAdminYet);
        return std::nullopt;
    }
    return readUser(*q).principal();
}

QList<User> UserService::allUsers() const
{
    QList<User> result;
    QString err;
    auto q = runSql(
        db(), QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users ORDER BY name"),
        {}, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next())
        result.append(readUser(*q));
    return result;
}

std::optional<User> UserService::insertUser(const Principal& actor, const QString& name,
                                            const QString& displayName, Role role,
                                            const QString& password, bool isLocal)
{
    if (!validName(name)) {
        invalid(msg::UserNameRule);
        return std::nullopt;
    }
    if (!password.isEmpty() && password.size() < MinimumPasswordLength) {
        invalid(
            DomainMessage(msg::PasswordTooShort, {DomainMessage::number(MinimumPasswordLength)}));
        return std::nullopt;
    }
    QString hash;
    if (!password.isEmpty() && (hash = PasswordHasher::hash(password)).isEmpty()) {
        storageError(msg::NoRandomForSalt);
        return std::nullopt;
    }
    Transaction tx(db());
    QString err;
    auto exists = runSql(db(), QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {name}, &err);
    if (!exists) {
        storageError(err);
        return std::nullopt;
    }
    if (exists->next()) {
        fail(DomainErrorCode::Conflict, DomainMessage(msg::UserExists, {name}),
             QStringLiteral("name"));
        return std::nullopt;
    }
    auto q = runSql(db(),
                    QStringLiteral("INSERT INTO users (name, display_name, role, password_hash,"
                                   " is_local, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                    {name, displayName.isEmpty() ? name : displayName, toString(role),
                     hash.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(hash),
                     isLocal ? 1 : 0, nowMs()},
                    &err);
    if (!q || !q->next()) {
        storageError(err);
        return std::nullopt;
    }
    User u;
    u.id = q->value(0).toLongLong();
    u.name = name;
    u.displayName = displayName.isEmpty() ? name : displayName;
    u.role = role;
    u.isLocal = isLocal;
    u.hasPassword = !hash.isEmpty();
    const Principal who = actor.userId > 0 ? actor : u.principal();
    if (!audit(who, QStringLiteral("user.create"), QStringLiteral("user"), u.id, {}, u.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return u;
}

std::optional<Principal> UserService::ensureLocalAdmin(const QString& osUser)
{
    clearError();
    if (m_dialect != SqlDialect::Sqlite) {
        forbidden(msg::SharedCatalogNoLocalAdmin);
        return std::nullopt;
    }
    if (auto existing = findUser(QStringLiteral("name"), osUser))
        return existing->principal();
    if (lastErrorCode() != DomainErrorCode::NotFound)
        return std::nullopt;
    clearError();
    if (!allUsers().isEmpty()) {
        forbidden(DomainMessage(msg::NoAccountInWorkspace, {osUser}));
        return std::nullopt;
    }
    auto u = insertUser({}, osUser, osUser, Role::Admin, {}, true);
    return u ? std::optional(u->principal()) : std::nullopt;
}

std::optional<Principal> UserService::createInitialAdmin(const QString& name,
                                                         const QString& password)
{
    clearError();
    if (password.isEmpty()) {
        invalid(msg::FirstAdminNeedsPassword);
        return std::nullopt;
    }
    const QList<User> existing = allUsers();
    if (lastErrorCode() != DomainErrorCode::None)
        return std::nullopt;
    if (!existing.isEmpty()) {
        forbidden(msg::CatalogHasUsers);
        return std::nullopt;
    }
    auto u = insertUser({}, name, name, Role::Admin, password, false);
    return u ? std::optional(u->principal()) : std::nullopt;
}

std::optional<User> UserService::createUser(const Principal& actor, const QString& name,
                                            const QString& displayName, Role role,
                                            const QString& password)
{
    clearError();
    if (!m_policy.canManageUsers(actor)) {
        forbidden(msg::OnlyAdminsCreateUsers);
        return std::nullopt;
    }
    return insertUser(actor, name, displayName, role, password, false);
}

bool UserService::setRole(const Principal& actor, qint64 userId, Role role)
{
    clearError();
    if (!m_policy.canManageUsers(actor))
        return forbidden(msg::OnlyAdminsChangeRoles);
    Transaction tx(db());
    const auto before = findUser(QStringLiteral("id"), userId);
    if (!before)
        return false;
    QString err;
    if (before->role == Role::Admin && role != Role::Admin) {
        auto q = runSql(db(), QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin'"), {},
                        &err);
        if (!q || !q->next())
            return storageError(err);
        if (q->value(0).toInt() <= 1)
            return fail(DomainErrorCode::Conflict, msg::CannotDemoteLastAdmin);
    }
    if (!runSql(db(), QStringLiteral("UPDATE users SET role = ? WHERE id = ?"),
                {toString(role), userId}, &err))
        return storageError(err);
    User after = *before;
    after.role = role;
    if (!audit(actor, QStringLiteral("user.set_role"), QStringLiteral("user"), userId,
               before->toJson(), after.toJson()))
        return false;
    return tx.commit(&err) || storageError(err);
}

bool UserService::setPassword(const Principal& actor, qint64 userId, const QString& password)
{
    clearError();
    const auto role = m_policy.storedRole(actor);
    if (!role || (*role != Role::Admin && actor.userId != userId))
        return forbidden(msg::OnlyAdminsSetPasswords);
    if (password.size() < MinimumPasswordLength)
        return invalid(
            DomainMessage(msg::PasswordTooShort, {DomainMessage::number(MinimumPasswordLength)}));
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty())
        return storageError(msg::NoRandomForSalt);
    Transaction tx(db());
    const auto before = findUser(QStringLiteral("id"), userId);
    if (!before)
        return false;
    QString err;
    if (!runSql(db(), QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                {hash, userId}, &err))
        return storageError(err);
    User after = *before;
    after.hasPassword = true;
    if (!audit(actor, QStringLiteral("user.set_password"), QStringLiteral("user"), userId,
               before->toJson(), after.toJson()))
        return false;
    return tx.commit(&err) || storageError(err);
}

std::optional<Principal> UserService::signIn(const QString& name, const QString& password)
{
    clearError();
    QString err;
    auto q = runSql(
        db(), QStringLiteral("SELECT id, name, role, password_hash FROM users WHERE name = ?"),
        {name}, &err);
    if (!q) {
        storageError(err);
        return std::nullopt;
    }
    // Same work and message whether or not the user exists.
    const bool found = q->next();
    const QString encoded = found ? q->value(3).toString() : QString();
    const bool ok = PasswordHasher::verify(
        password, encoded.isEmpty() ? PasswordHasher::hash(QStringLiteral("-")) : encoded);
    if (!found || encoded.isEmpty() || !ok) {
        forbidden(msg::WrongPassword);
        return std::nullopt;
    }
    return Principal{q->value(0).toLongLong(), q->value(1).toString(),
                     roleFromString(q->value(2).toString()).value_or(Role::Developer)};
}

} // namespace gatehouse::app
