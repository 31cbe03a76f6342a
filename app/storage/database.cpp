// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/storage/database.h"

#include "app/storage/migrations.h"
#include "app/storage/sql_query.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace gatehouse::app {

Database::Database(const QString& connectionName)
    : m_name(connectionName)
{
}

Database::~Database()
{
    close();
}

QString Database::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/catalog.sqlite");
}

bool Database::isPostgresUrl(const QString& spec)
{
    return spec.startsWith(QLatin1String("postgresql://")) ||
           spec.startsWith(QLatin1String("postgres://"));
}

bool Database::open(const QString& spec)
{
    if (isPostgresUrl(spec))
        return openPostgres(spec);
    return openSqlite(spec.isEmpty() ? defaultSqlitePath() : spec);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_name) && connection().isOpen();
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

int Database::schemaVersion() const
{
    QString error;
    return Migrations::currentVersion(connection(), &error);
}

bool Database::fail(const QString& message)
{
    m_error = message;
    return false;
}

// The connection is removed only after the opening function has released its
// handle (QSqlDatabase::removeDatabase warns about handles still in use).
bool Database::openSqlite(const QString& path)
{
    close();
    m_error.clear();
    if (openSqliteConnection(path))
        return true;
    close();
    return false;
}

bool Database::openPostgres(const QString& url)
{
    close();
    m_error.clear();
    if (openPostgresConnection(url))
        return true;
    close();
    return false;
}

bool Database::openSqliteConnection(const QString& path)
{
    m_dialect = SqlDialect::Sqlite;
    m_location = path;
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return fail(QStringLiteral("%1: not a regular file").arg(path));
    if (info.exists() && !info.isReadable())
        return fail(QStringLiteral("%1: the file is not readable").arg(path));
    if (!info.exists() && !QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("%1: cannot create the directory").arg(info.absolutePath()));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!db.isValid())
        return fail(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db.open())
        return fail(QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text()));
    // Order matters: nothing may write to the file (journal mode, migrations)
    // until it is known to be a Gatehouse database this code understands.
    if (!checkSqliteFile(db) || !checkVersion(db) || !configureSqlite(db) ||
        !Migrations::migrate(db, m_dialect, &m_error))
        return fail(m_error);
    return true;
}

bool Database::checkSqliteFile(QSqlDatabase& db)
{
    QString err;
    auto query = runSql(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), {}, &err);
    if (!query || !query->next()) {
        m_error = QStringLiteral("%1: not a readable SQLite database, left untouched (%2)")
                      .arg(m_location, err);
        return false;
    }
    return true;
}

bool Database::configureSqlite(QSqlDatabase& db)
{
    QString err;
    auto mode = runSql(db, QStringLiteral("PRAGMA journal_mode=WAL"), {}, &err);
    if (!mode || !mode->next() ||
        mode->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        m_error = QStringLiteral("%1: cannot switch to WAL journal mode%2")
                      .arg(m_location, err.isEmpty() ? QString() : QStringLiteral(": ") + err);
        return false;
    }
    auto fk = runSql(db, QStringLiteral("PRAGMA foreign_keys=ON"), {}, &err);
    auto check = runSql(db, QStringLiteral("PRAGMA foreign_keys"), {}, &err);
    if (!fk || !check || !check->next() || check->value(0).toInt() != 1) {
        m_error = QStringLiteral("%1: cannot enable foreign keys %2").arg(m_location, err);
        return false;
    }
    // NORMAL is durable across application crashes in WAL mode and much
    // cheaper than FULL for the call-log writer.
    if (!runSql(db, QStringLiteral("PRAGMA synchronous=NORMAL"), {}, &err)) {
        m_error = err;
        return false;
    }
    return true;
}

// Refuses a newer schema before anything is written; the migration itself
// re-checks inside its transaction (another process may have migrated since).
bool Database::checkVersion(QSqlDatabase& db)
{
    QString err;
    const int current = Migrations::currentVersion(db, &err);
    if (current < 0) {
        m_error = QStringLiteral("%1: cannot read the schema version: %2").arg(m_location, err);
        return false;
    }
    if (current > Migrations::latestVersion()) {
        m_error = QStringLiteral("%1: the database schema is version %2, newer than this "
                                 "Gatehouse understands (%3); upgrade Gatehouse to use it (the "
                                 "database was not modified)")
                      .arg(m_location)
                      .arg(current)
                      .arg(Migrations::latestVersion());
        return false;
    }
    return true;
}

bool Database::openPostgresConnection(const QString& urlText)
{
    m_dialect = SqlDialect::Postgres;
    const QUrl url(urlText, QUrl::StrictMode);
    QUrl shown = url;
    shown.setPassword({});
    m_location = shown.toString();
    const QString dbName = url.path().mid(1);
    if (!url.isValid() || !isPostgresUrl(urlText) || url.host().isEmpty() || dbName.isEmpty() ||
        dbName.contains(QLatin1Char('/'))) {
        return fail(QStringLiteral("%1: not a PostgreSQL URL "
                                   "(postgresql://user[:password]@host[:port]/database)")
                        .arg(m_location));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!db.isValid())
        return fail(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not available; "
                                   "install libqt6sql6-psql"));
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(dbName);
    db.setUserName(url.userName());
    db.setPassword(url.password());
    QStringList options{QStringLiteral("connect_timeout=10")};
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        options << key + QLatin1Char('=') + value;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open())
        return fail(QStringLiteral("%1: cannot connect: %2")
                        .arg(m_location, db.lastError().text().trimmed()));
    if (!checkVersion(db) || !Migrations::migrate(db, m_dialect, &m_error))
        return fail(m_error);
    return true;
}

} // namespace gatehouse::app
