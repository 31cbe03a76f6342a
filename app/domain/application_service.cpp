// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/application_service.h"

#include "app/domain/api_key.h"
#include "app/storage/sql_query.h"

namespace gatehouse::app {

namespace {

const QString appColumns =
    QStringLiteral("id, name, description, owner_user_id, owner_team_id, created_by, created_at");
const QString keyColumns =
    QStringLiteral("id, application_id, prefix, label, created_at, expires_at, revoked_at");

Application readApp(const SqlResult& q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toString(),
            q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(),
            q.value(6).toLongLong()};
}

ApiKeyInfo readKey(const SqlResult& q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toLongLong(),
            q.value(6).toLongLong()};
}

} // namespace

QJsonObject Application::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("ownerUserId"), ownerUserId},
            {QStringLiteral("ownerTeamId"), ownerTeamId}};
}

QJsonObject ApiKeyInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("applicationId"), applicationId},
            {QStringLiteral("prefix"), prefix},
            {QStringLiteral("label"), label},
            {QStringLiteral("expiresAt"), expiresAt},
            {QStringLiteral("revokedAt"), revokedAt}};
}

ApplicationService::ApplicationService(const Database& database)
    : DomainService(database)
    , m_policy(database)
{
}

std::optional<Application> ApplicationService::load(qint64 appId) const
{
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + appColumns +
                        QStringLiteral(" FROM applications WHERE id = ?"),
                    {appId}, &err);
    if (!q || !q->next()) {
        q ? notFound(msg::NoSuchApplication) : storageError(err);
        return std::nullopt;
    }
    return readApp(*q);
}

std::optional<Application> ApplicationService::createApplication(const Principal& actor,
                                                                 const QString& name,
                                                                 const QString& description,
                                                                 qint64 ownerTeamId)
{
    clearError();
    if (name.trimmed().isEmpty()) {
        invalid(msg::ApplicationNeedsName);
        return std::nullopt;
    }
    if (!m_policy.canCreateApplication(actor, ownerTeamId)) {
        forbidden(msg::OnlyMembersCreateApplications);
        return std::nullopt;
    }
    Application app{0,           name.trimmed(), description, ownerTeamId ? 0 : actor.userId,
                    ownerTeamId, actor.userId,   nowMs()};
    Transaction tx(db());
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("INSERT INTO applications (name, description, owner_user_id,"
                                   " owner_team_id, created_by, created_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                    {app.name, app.description, nullableId(app.ownerUserId),
                     nullableId(app.ownerTeamId), app.createdBy, app.createdAt},
                    &err);
    if (!q || !q->next()) {
        storageError(err);
        return std::nullopt;
    }
    app.id = q->value(0).toLongLong();
    if (!audit(actor, QStringLiteral("application.create"), QStringLiteral("application"), app.id,
               {}, app.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return app;
}

std::optional<Application> ApplicationService::application(const Principal& actor,
                                                           qint64 appId) const
{
    clearError();
    if (!requireAccount(actor))
        return std::nullopt;
    auto app = load(appId);
    if (app && !m_policy.canManageApplication(actor, app->ownerUserId, app->ownerTeamId)) {
        notFound(msg::NoSuchApplication);
        return std::nullopt;
    }
    return app;
}

QList<Application> ApplicationService::applications(const Principal& actor) const
{
    clearError();
    QList<Application> result;
    if (!requireAccount(actor))
        return result;
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + appColumns +
                        QStringLiteral(" FROM applications ORDER BY name, id"),
                    {}, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next()) {
        Application app = readApp(*q);
        if (m_policy.canManageApplication(actor, app.ownerUserId, app.ownerTeamId))
            result.append(app);
    }
    return result;
}

std::optional<IssuedKey> ApplicationService::issueKey(const Principal& actor, qint64 appId,
                                                      const QString& label, qint64 expiresAt)
{
    clearError();
    if (!application(actor, appId))
        return std::nullopt;
    if (expiresAt != 0 && expiresAt <= nowMs()) {
        invalid(msg::ExpiryInFuture);
        return std::nullopt;
    }
    IssuedKey issued;
    issued.key = ApiKeyCodec::generate();
    if (issued.key.isEmpty()) {
        storageError(msg::NoRandomForKey);
        return std::nullopt;
    }
    issued.info = {0, appId, ApiKeyCodec::lookupPrefix(issued.key), label, nowMs(), expiresAt, 0};
    Transaction tx(db());
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("INSERT INTO api_keys (application_id, prefix, key_hash, label,"
                                   " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"
                                   " RETURNING id"),
                    {appId, issued.info.prefix, ApiKeyCodec::sha256Hex(issued.key), label,
                     issued.info.createdAt, expiresAt ? QVariant(expiresAt) : sqlNull()},
                    &err);
    if (!q || !q->next()) {
        storageError(err);
        return std::nullopt;
    }
    issued.info.id = q->value(0).toLongLong();
    if (!audit(actor, QStringLiteral("api_key.issue"), QStringLiteral("api_key"), issued.info.id,
               {}, issued.info.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return issued;
}

std::optional<ApiKeyInfo> ApplicationService::loadKey(qint64 keyId) const
{
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + keyColumns +
                        QStringLiteral(" FROM api_keys WHERE id = ?"),
                    {keyId}, &err);
    if (!q || !q->next()) {
        q ? notFound(msg::NoSuchKey) : storageError(err);
        return std::nullopt;
    }
    return readKey(*q);
}

bool ApplicationService::revokeKey(const Principal& actor, qint64 keyId)
{
    clearError();
    Transaction tx(db());
    const auto before = loadKey(keyId);
    if (!before || !application(actor, before->applicationId))
        return false;
    if (before->revokedAt != 0)
        return fail(DomainErrorCode::Conflict, msg::KeyAlreadyRevoked);
    ApiKeyInfo after = *before;
    after.revokedAt = nowMs();
    QString err;
    if (!runSql(db(), QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ?"),
                {after.revokedAt, keyId}, &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("api_key.revoke"), QStringLiteral("api_key"), keyId,
               before->toJson(), after.toJson()))
        return false;
    return tx.commit(&err) || storageError(err);
}

QList<ApiKeyInfo> ApplicationService::keys(const Principal& actor, qint64 appId) const
{
    clearError();
    QList<ApiKeyInfo> result;
    if (!application(actor, appId))
        return result;
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + keyColumns +
                        QStringLiteral(" FROM api_keys WHERE application_id = ? ORDER BY id"),
                    {appId}, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next())
        result.append(readKey(*q));
    return result;
}

std::optional<ApiKeyInfo> ApplicationService::verifyKey(const QString& key) const
{
    clearError();
    if (!ApiKeyCodec::looksLikeKey(key)) {
        notFound(msg::UnknownKey);
        return std::nullopt;
    }
    const QString digest = ApiKeyCodec::sha256Hex(key);
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + keyColumns +
                        QStringLiteral(", key_hash FROM api_keys WHERE prefix = ?"),
                    {ApiKeyCodec::lookupPrefix(key)}, &err);
    if (!q) {
        storageError(err);
        return std::nullopt;
    }
    while (q->next()) {
        if (!ApiKeyCodec::digestsEqual(q->value(7).toString(), digest))
            continue;
        const ApiKeyInfo info = readKey(*q);
        if (info.isActive(nowMs()))
            return info;
        forbidden(info.revokedAt ? msg::KeyRevoked : msg::KeyExpired);
        return std::nullopt;
    }
    notFound(msg::UnknownKey);
    return std::nullopt;
}

} // namespace gatehouse::app
