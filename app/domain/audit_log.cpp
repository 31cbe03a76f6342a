// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/audit_log.h"

#include "app/domain/access_policy.h"
#include "app/storage/sql_query.h"

#include <QJsonDocument>

namespace gatehouse::app {

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

bool AuditLog::record(const QSqlDatabase& db, const Principal& actor, const QString& action,
                      const QString& objectType, qint64 objectId, const QJsonObject& before,
                      const QJsonObject& after, QString* error)
{
    return runSql(db,
                  QStringLiteral("INSERT INTO audit_log (at, actor_id, actor_name, action, "
                                 "object_type, object_id, before_json, after_json)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {nowMs(), nullableId(actor.userId), actor.name, action, objectType, objectId,
                   compact(before), compact(after)},
                  error)
        .has_value();
}

AuditLog::AuditLog(const Database& database)
    : DomainService(database)
    , m_policy(database)
{
}

bool AuditLog::query(const Principal& actor, const AuditFilter& filter,
                     QList<AuditEntry>* out) const
{
    clearError();
    if (!requireAccount(actor))
        return false;
    if (!m_policy.canReadAuditLog(actor))
        return forbidden(msg::OnlyAdminsReadAuditLog);
    QString sql = QStringLiteral("SELECT id, at, actor_id, actor_name, action, object_type, "
                                 "object_id, before_json, after_json FROM audit_log WHERE 1 = 1");
    QVariantList values;
    auto where = [&](const char* clause, const QVariant& value) {
        sql += QLatin1String(clause);
        values << value;
    };
    if (filter.actorId > 0)
        where(" AND actor_id = ?", filter.actorId);
    if (!filter.action.isEmpty())
        where(" AND action = ?", filter.action);
    if (!filter.objectType.isEmpty())
        where(" AND object_type = ?", filter.objectType);
    if (filter.objectId > 0)
        where(" AND object_id = ?", filter.objectId);
    if (filter.fromMs > 0)
        where(" AND at >= ?", filter.fromMs);
    if (filter.untilMs > 0)
        where(" AND at < ?", filter.untilMs);
    sql += QStringLiteral(" ORDER BY at DESC, id DESC LIMIT %1 OFFSET %2")
               .arg(qBound(1, filter.limit, 10000))
               .arg(qMax(0, filter.offset));
    QString err;
    auto query = runSql(db(), sql, values, &err);
    if (!query)
        return storageError(err);
    out->clear();
    while (query->next()) {
        AuditEntry e;
        e.id = query->value(0).toLongLong();
        e.at = query->value(1).toLongLong();
        e.actorId = query->value(2).toLongLong();
        e.actorName = query->value(3).toString();
        e.action = query->value(4).toString();
        e.objectType = query->value(5).toString();
        e.objectId = query->value(6).toLongLong();
        e.before = parse(query->value(7).toString());
        e.after = parse(query->value(8).toString());
        out->append(e);
    }
    return true;
}

} // namespace gatehouse::app
