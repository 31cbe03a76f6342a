// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_state_loader.h"

#include "app/domain/api_store.h"
#include "app/storage/sql_query.h"

namespace gatehouse::app {

std::optional<CatalogState> loadCatalogState(const QSqlDatabase& db, QString* error)
{
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = QStringLiteral("cannot start a read transaction: ") + tx.lastError();
        return std::nullopt;
    }
    // PostgreSQL's default (read committed) gives each statement its own
    // snapshot; one snapshot for all of them needs repeatable read. SQLite's
    // read transaction is already one snapshot.
    if (db.driverName() == QLatin1String("QPSQL") &&
        !runSql(db, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"), {}, error))
        return std::nullopt;
    CatalogState state;
    auto apis = ApiStore::loadWhere(db, QStringLiteral("1 = 1"), {}, error);
    if (!apis)
        return std::nullopt;
    state.apis = std::move(*apis);

    auto deprecations = runSql(db,
                               QStringLiteral("SELECT object_id, MAX(at) FROM audit_log"
                                              " WHERE object_type = 'api' AND action = ?"
                                              " GROUP BY object_id"),
                               {QStringLiteral("api.deprecate")}, error);
    if (!deprecations)
        return std::nullopt;
    while (deprecations->next())
        state.deprecatedAt.insert(deprecations->value(0).toLongLong(),
                                  deprecations->value(1).toLongLong());

    const qint64 now = nowMs();
    auto keys = runSql(db,
                       QStringLiteral("SELECT key_hash, application_id, expires_at FROM api_keys"
                                      " WHERE revoked_at IS NULL"
                                      " AND (expires_at IS NULL OR expires_at > ?)"),
                       {now}, error);
    if (!keys)
        return std::nullopt;
    while (keys->next())
        state.keys.append({keys->value(0).toString(), keys->value(1).toLongLong(),
                           keys->value(2).isNull() ? 0 : keys->value(2).toLongLong()});

    auto apps = runSql(db,
                       QStringLiteral("SELECT id, owner_user_id, owner_team_id, name"
                                      " FROM applications"),
                       {}, error);
    if (!apps)
        return std::nullopt;
    while (apps->next())
        state.applications.append(
            {apps->value(0).toLongLong(), apps->value(1).isNull() ? 0 : apps->value(1).toLongLong(),
             apps->value(2).isNull() ? 0 : apps->value(2).toLongLong(), apps->value(3).toString()});

    auto subs = runSql(db,
                       QStringLiteral("SELECT application_id, api_id, state FROM subscriptions"
                                      " WHERE state IN ('approved', 'suspended')"),
                       {}, error);
    if (!subs)
        return std::nullopt;
    while (subs->next())
        state.subscriptions.append({subs->value(0).toLongLong(), subs->value(1).toLongLong(),
                                    subs->value(2).toString() == QLatin1String("suspended")});

    auto members =
        runSql(db, QStringLiteral("SELECT user_id, team_id FROM team_members"), {}, error);
    if (!members)
        return std::nullopt;
    while (members->next())
        state.teamsOfUser.insert(members->value(0).toLongLong(), members->value(1).toLongLong());
    return state;
}

} // namespace gatehouse::app
