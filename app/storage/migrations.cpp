// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/storage/migrations.h"

#include "app/storage/sql_query.h"

#include <QSqlError>

namespace gatehouse::app {

namespace {

// Conventions: ids are `{id}`, references BIGINT, timestamps BIGINT Unix ms,
// booleans INTEGER 0/1, enums lower-case TEXT, structured values JSON TEXT.
Migration catalogSchema()
{
    return {
        1,
        QStringLiteral("users, teams, APIs, plans, applications, keys, "
                       "subscriptions, audit log"),
        {
            QStringLiteral("CREATE TABLE users ("
                           " id {id},"
                           " name TEXT NOT NULL UNIQUE,"
                           " display_name TEXT NOT NULL,"
                           " role TEXT NOT NULL,"
                           " password_hash TEXT,"
                           " is_local INTEGER NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE teams ("
                           " id {id},"
                           " name TEXT NOT NULL UNIQUE,"
                           " description TEXT NOT NULL DEFAULT '',"
                           " created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE team_members ("
                           " team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
                           " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                           " team_role TEXT NOT NULL,"
                           " PRIMARY KEY (team_id, user_id))"),
            QStringLiteral("CREATE TABLE apis ("
                           " id {id},"
                           " slug TEXT NOT NULL,"
                           " version TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " description TEXT NOT NULL DEFAULT '',"
                           " tags TEXT NOT NULL DEFAULT '[]',"
                           " team_id BIGINT NOT NULL REFERENCES teams(id),"
                           " visibility TEXT NOT NULL,"
                           " base_path TEXT NOT NULL,"
                           " balancing TEXT NOT NULL,"
                           " auth_mode TEXT NOT NULL,"
                           " cache_policy TEXT NOT NULL DEFAULT '{}',"
                           " connect_timeout_ms BIGINT NOT NULL,"
                           " request_timeout_ms BIGINT NOT NULL,"
                           " openapi TEXT NOT NULL DEFAULT '',"
                           " state TEXT NOT NULL,"
                           " sunset_at BIGINT,"
                           " previous_id BIGINT REFERENCES apis(id),"
                           " successor_id BIGINT REFERENCES apis(id),"
                           " created_at BIGINT NOT NULL,"
                           " updated_at BIGINT NOT NULL,"
                           " UNIQUE (slug, version))"),
            QStringLiteral("CREATE TABLE api_routes ("
                           " id {id},"
                           " api_id BIGINT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " method TEXT NOT NULL,"
                           " path TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE api_upstreams ("
                           " id {id},"
                           " api_id BIGINT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " url TEXT NOT NULL,"
                           " weight INTEGER NOT NULL DEFAULT 1)"),
            QStringLiteral("CREATE TABLE plans ("
                           " id {id},"
                           " api_id BIGINT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,"
                           " name TEXT NOT NULL,"
                           " approval_mode TEXT NOT NULL,"
                           " rate_limit_per_minute BIGINT NOT NULL DEFAULT 0,"
                           " quota_per_month BIGINT NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL,"
                           " UNIQUE (api_id, name))"),
            QStringLiteral("CREATE TABLE applications ("
                           " id {id},"
                           " name TEXT NOT NULL,"
                           " description TEXT NOT NULL DEFAULT '',"
                           " owner_user_id BIGINT REFERENCES users(id),"
                           " owner_team_id BIGINT REFERENCES teams(id),"
                           " created_by BIGINT NOT NULL REFERENCES users(id),"
                           " created_at BIGINT NOT NULL,"
                           " CHECK ((owner_user_id IS NULL) <> (owner_team_id IS NULL)))"),
            QStringLiteral("CREATE TABLE api_keys ("
                           " id {id},"
                           " application_id BIGINT NOT NULL"
                           "  REFERENCES applications(id) ON DELETE CASCADE,"
                           " prefix TEXT NOT NULL,"
                           " key_hash TEXT NOT NULL UNIQUE,"
                           " label TEXT NOT NULL DEFAULT '',"
                           " created_at BIGINT NOT NULL,"
                           " expires_at BIGINT,"
                           " revoked_at BIGINT)"),
            QStringLiteral("CREATE INDEX api_keys_prefix ON api_keys (prefix)"),
            QStringLiteral("CREATE TABLE subscriptions ("
                           " id {id},"
                           " application_id BIGINT NOT NULL"
                           "  REFERENCES applications(id) ON DELETE CASCADE,"
                           " api_id BIGINT NOT NULL REFERENCES apis(id),"
                           " plan_id BIGINT NOT NULL REFERENCES plans(id),"
                           " state TEXT NOT NULL,"
                           " reason TEXT NOT NULL DEFAULT '',"
                           " requested_by BIGINT NOT NULL REFERENCES users(id),"
                           " decided_by BIGINT REFERENCES users(id),"
                           " created_at BIGINT NOT NULL,"
                           " updated_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX subscriptions_state ON subscriptions (state)"),
            // No foreign key on actor_id: the trail outlives deleted users.
            QStringLiteral("CREATE TABLE audit_log ("
                           " id {id},"
                           " at BIGINT NOT NULL,"
                           " actor_id BIGINT,"
                           " actor_name TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " object_type TEXT NOT NULL,"
                           " object_id BIGINT NOT NULL,"
                           " before_json TEXT NOT NULL,"
                           " after_json TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX audit_log_object ON audit_log (object_type, object_id)"),
            QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)"),
        }};
}

// Kong's strip_path: forward /orders/v1/items to the upstream as /items.
// Off for APIs created before it existed, which forward their base path.
Migration stripBasePath()
{
    return {
        2,
        QStringLiteral("APIs may strip their base path before forwarding"),
        {QStringLiteral("ALTER TABLE apis ADD COLUMN strip_base_path INTEGER NOT NULL DEFAULT 0")}};
}

// Some clients cannot set headers (a browser link, a webhook URL): an API may
// opt in to taking its key from a query parameter. Empty (header only) for
// APIs created before it existed.
Migration keyQueryParameter()
{
    return {3,
            QStringLiteral("API-key APIs may accept the key in a query parameter"),
            {QStringLiteral(
                "ALTER TABLE apis ADD COLUMN key_query_parameter TEXT NOT NULL DEFAULT ''")}};
}

bool hasVersionTable(const QSqlDatabase& db)
{
    // QSqlDatabase::tables() works on both drivers (PostgreSQL: search_path).
    return db.tables().contains(QStringLiteral("schema_version"));
}

} // namespace

const std::vector<Migration>& Migrations::all()
{
    static const std::vector<Migration> migrations{catalogSchema(), stripBasePath(),
                                                   keyQueryParameter()};
    return migrations;
}

int Migrations::latestVersion()
{
    return all().empty() ? 0 : all().back().version;
}

int Migrations::currentVersion(const QSqlDatabase& db, QString* error)
{
    if (!hasVersionTable(db))
        return 0;
    auto query = runSql(db, QStringLiteral("SELECT MAX(version) FROM schema_version"), {}, error);
    if (!query)
        return -1;
    return query->next() ? query->value(0).toInt() : 0;
}

bool Migrations::migrate(const QSqlDatabase& db, SqlDialect dialect, QString* error)
{
    return migrateTo(db, dialect, latestVersion(), error);
}

bool Migrations::migrateTo(const QSqlDatabase& db, SqlDialect dialect, int version, QString* error)
{
    QString err;
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    Transaction tx(db);
    if (!tx.isActive())
        return fail(QStringLiteral("cannot start the migration transaction: ") + tx.lastError());
    if (dialect == SqlDialect::Postgres) {
        // Two consoles starting against one shared catalog migrate one at a time.
        if (!runSql(db, QStringLiteral("SELECT pg_advisory_xact_lock(7420130)"), {}, &err))
            return fail(err);
    }
    const int current = currentVersion(db, &err);
    if (current < 0)
        return fail(QStringLiteral("cannot read the schema version: ") + err);
    if (current > latestVersion()) {
        return fail(QStringLiteral("the database schema is version %1, newer than this Gatehouse "
                                   "understands (%2); upgrade Gatehouse to use it (the database "
                                   "was not modified)")
                        .arg(current)
                        .arg(latestVersion()));
    }
    if (current == 0 && !hasVersionTable(db)) {
        if (!runSql(db,
                    QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                                   " description TEXT NOT NULL, applied_at BIGINT NOT NULL)"),
                    {}, &err))
            return fail(err);
    }
    for (const Migration& m : all()) {
        if (m.version <= current || m.version > version)
            continue;
        for (const QString& statement : m.statements) {
            if (!runSql(db, expandSql(statement, dialect), {}, &err))
                return fail(QStringLiteral("migration %1 failed: %2").arg(m.version).arg(err));
        }
        if (!runSql(db,
                    QStringLiteral("INSERT INTO schema_version (version, description, applied_at)"
                                   " VALUES (?, ?, ?)"),
                    {m.version, m.description, nowMs()}, &err))
            return fail(err);
    }
    if (!tx.commit(&err))
        return fail(QStringLiteral("cannot commit the migrations: ") + err);
    return true;
}

} // namespace gatehouse::app
