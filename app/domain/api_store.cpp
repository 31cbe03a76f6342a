// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_store.h"

#include "app/storage/sql_query.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::app {

namespace {

const QString apiColumns = QStringLiteral(
    "id, slug, version, name, description, tags, team_id, visibility, base_path, balancing,"
    " auth_mode, cache_policy, connect_timeout_ms, request_timeout_ms, openapi, state,"
    " sunset_at, previous_id, successor_id, created_at, updated_at, strip_base_path,"
    " key_query_parameter");

ApiDefinition readApi(const SqlResult& q)
{
    ApiDefinition a;
    a.id = q.value(0).toLongLong();
    a.slug = q.value(1).toString();
    a.version = q.value(2).toString();
    a.name = q.value(3).toString();
    a.description = q.value(4).toString();
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
        a.tags << v.toString();
    a.teamId = q.value(6).toLongLong();
    a.visibility = visibilityFromString(q.value(7).toString()).value_or(ApiVisibility::Team);
    a.basePath = q.value(8).toString();
    a.balancing = balancingFromString(q.value(9).toString()).value_or(BalancingPolicy::RoundRobin);
    a.authMode = authModeFromString(q.value(10).toString()).value_or(AuthMode::ApiKey);
    a.cachePolicy = q.value(11).toString();
    a.connectTimeoutMs = q.value(12).toLongLong();
    a.requestTimeoutMs = q.value(13).toLongLong();
    a.openApi = q.value(14).toString();
    a.state = apiStateFromString(q.value(15).toString()).value_or(ApiState::Draft);
    a.sunsetAt = q.value(16).toLongLong();
    a.previousId = q.value(17).toLongLong();
    a.successorId = q.value(18).toLongLong();
    a.createdAt = q.value(19).toLongLong();
    a.updatedAt = q.value(20).toLongLong();
    a.stripBasePath = q.value(21).toInt() != 0;
    a.keyQueryParameter = q.value(22).toString();
    return a;
}

QString tagsJson(const QStringList& tags)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QVariantList columnValues(const ApiDefinition& a)
{
    return {a.slug,
            a.version,
            a.name,
            a.description,
            tagsJson(a.tags),
            a.teamId,
            toString(a.visibility),
            a.basePath,
            toString(a.balancing),
            toString(a.authMode),
            a.cachePolicy,
            a.connectTimeoutMs,
            a.requestTimeoutMs,
            a.openApi,
            toString(a.state),
            a.sunsetAt > 0 ? QVariant(a.sunsetAt) : sqlNull(),
            nullableId(a.previousId),
            nullableId(a.successorId),
            a.createdAt,
            a.updatedAt,
            a.stripBasePath ? 1 : 0,
            a.keyQueryParameter};
}

bool loadChildren(const QSqlDatabase& db, ApiDefinition& a, QString* error)
{
    auto routes = runSql(db,
                         QStringLiteral("SELECT method, path FROM api_routes WHERE api_id = ?"
                                        " ORDER BY position"),
                         {a.id}, error);
    if (!routes)
        return false;
    while (routes->next())
        a.routes.append({routes->value(0).toString(), routes->value(1).toString()});
    auto ups = runSql(db,
                      QStringLiteral("SELECT url, weight FROM api_upstreams WHERE api_id = ?"
                                     " ORDER BY position"),
                      {a.id}, error);
    if (!ups)
        return false;
    while (ups->next())
        a.upstreams.append({ups->value(0).toString(), ups->value(1).toInt()});
    return true;
}

bool saveChildren(const QSqlDatabase& db, const ApiDefinition& a, QString* error)
{
    if (!runSql(db, QStringLiteral("DELETE FROM api_routes WHERE api_id = ?"), {a.id}, error) ||
        !runSql(db, QStringLiteral("DELETE FROM api_upstreams WHERE api_id = ?"), {a.id}, error))
        return false;
    for (qsizetype i = 0; i < a.routes.size(); ++i) {
        if (!runSql(db,
                    QStringLiteral("INSERT INTO api_routes (api_id, position, method, path)"
                                   " VALUES (?, ?, ?, ?)"),
                    {a.id, int(i), a.routes[i].method, a.routes[i].path}, error))
            return false;
    }
    for (qsizetype i = 0; i < a.upstreams.size(); ++i) {
        if (!runSql(db,
                    QStringLiteral("INSERT INTO api_upstreams (api_id, position, url, weight)"
                                   " VALUES (?, ?, ?, ?)"),
                    {a.id, int(i), a.upstreams[i].url, a.upstreams[i].weight}, error))
            return false;
    }
    return true;
}

} // namespace

std::optional<QList<ApiDefinition>> ApiStore::loadWhere(const QSqlDatabase& db,
                                                        const QString& where,
                                                        const QVariantList& values, QString* error)
{
    auto q = runSql(db,
                    QStringLiteral("SELECT ") + apiColumns + QStringLiteral(" FROM apis WHERE ") +
                        where + QStringLiteral(" ORDER BY slug, version, id"),
                    values, error);
    if (!q)
        return std::nullopt;
    QList<ApiDefinition> result;
    while (q->next())
        result.append(readApi(*q));
    for (ApiDefinition& a : result) {
        if (!loadChildren(db, a, error))
            return std::nullopt;
    }
    return result;
}

std::optional<ApiDefinition> ApiStore::load(const QSqlDatabase& db, qint64 id, QString* error)
{
    error->clear();
    auto list = loadWhere(db, QStringLiteral("id = ?"), {id}, error);
    if (!list || list->isEmpty())
        return std::nullopt;
    return list->first();
}

qint64 ApiStore::insert(const QSqlDatabase& db, const ApiDefinition& api, QString* error)
{
    auto q = runSql(db,
                    QStringLiteral("INSERT INTO apis (") + apiColumns.mid(4) +
                        QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                       " ?, ?, ?, ?, ?, ?) RETURNING id"),
                    columnValues(api), error);
    if (!q || !q->next())
        return 0;
    ApiDefinition stored = api;
    stored.id = q->value(0).toLongLong();
    return saveChildren(db, stored, error) ? stored.id : 0;
}

bool ApiStore::update(const QSqlDatabase& db, const ApiDefinition& api, QString* error)
{
    QVariantList values = columnValues(api);
    values << api.id;
    return runSql(db,
                  QStringLiteral("UPDATE apis SET slug = ?, version = ?, name = ?,"
                                 " description = ?, tags = ?, team_id = ?, visibility = ?,"
                                 " base_path = ?, balancing = ?, auth_mode = ?, cache_policy = ?,"
                                 " connect_timeout_ms = ?, request_timeout_ms = ?, openapi = ?,"
                                 " state = ?, sunset_at = ?, previous_id = ?, successor_id = ?,"
                                 " created_at = ?, updated_at = ?, strip_base_path = ?,"
                                 " key_query_parameter = ? WHERE id = ?"),
                  values, error) &&
           saveChildren(db, api, error);
}

} // namespace gatehouse::app
