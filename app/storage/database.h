// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/storage/sql_dialect.h"

#include <QSqlDatabase>
#include <QString>

namespace gatehouse::app {

// One named Qt SQL connection to the catalog, opened, checked and migrated.
//
// A QSqlDatabase connection belongs to the thread that created it: create a
// Database inside the thread that will use it, give it a name unique to that
// thread, and let code on that thread fetch it by name (connection()).
//
// SQLite: journal_mode=WAL is verified, foreign keys are on and a busy timeout
// is set. A file that is not a database, or a database written by a newer
// Gatehouse, is refused before anything is written to it.
// PostgreSQL: `postgresql://user[:password]@host[:port]/dbname[?param=value&...]`
// (query parameters are passed to libpq, e.g. sslmode=require).
class Database {
public:
    static constexpr int BusyTimeoutMs = 5000;

    explicit Database(const QString& connectionName);
    ~Database(); // closes and removes the connection
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // `spec` is a postgresql:// URL, a SQLite file path, or empty for the
    // default SQLite file (defaultSqlitePath()).
    bool open(const QString& spec = {});
    bool openSqlite(const QString& path);
    bool openPostgres(const QString& url);
    void close();

    bool isOpen() const;
    QString connectionName() const { return m_name; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }
    SqlDialect dialect() const { return m_dialect; }
    // SQLite file path, or the PostgreSQL URL without its password.
    QString location() const { return m_location; }
    int schemaVersion() const;
    QString lastError() const { return m_error; }

    // <AppDataLocation>/catalog.sqlite
    static QString defaultSqlitePath();
    static bool isPostgresUrl(const QString& spec);

private:
    bool fail(const QString& message);
    bool openSqliteConnection(const QString& path);
    bool openPostgresConnection(const QString& url);
    bool checkSqliteFile(QSqlDatabase& db);
    bool configureSqlite(QSqlDatabase& db);
    bool checkVersion(QSqlDatabase& db);

    QString m_name;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    QString m_location;
    QString m_error;
};

} // namespace gatehouse::app
