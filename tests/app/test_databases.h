// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"
#include "app/storage/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// Runs every storage and domain test against SQLite and PostgreSQL.
//
// A suite adds the two back ends as global data (initTestCase_data() calls
// addBackends()), so Qt Test runs each test function once per back end, and
// opens a fresh, migrated database per function in init(). PostgreSQL comes
// from GATEHOUSE_TEST_PG_URL (set by `packaging/dev.sh test`); each function
// gets its own database, created from that URL and dropped afterwards. When
// the variable is unset, the PostgreSQL half fails: it is never skipped.
class TestDatabases {
public:
    TestDatabases();
    ~TestDatabases();

    static void addBackends(); // column "backend": "sqlite", "postgresql"
    static QString currentBackend();
    static bool isPostgres() { return currentBackend() == QLatin1String("postgresql"); }

    // Opens a fresh database for the current backend. For SQLite the file is
    // sqlitePath(); for PostgreSQL a new database at postgresUrl().
    bool openFresh(QString* error);
    // Closes the database and drops the PostgreSQL database, if any.
    void cleanup();

    gatehouse::app::Database& database() { return *m_database; }
    QString sqlitePath() const { return m_sqlitePath; }
    QString postgresUrl() const { return m_postgresUrl; }
    QString spec() const { return isPostgres() ? m_postgresUrl : m_sqlitePath; }
    QString tempDir() const { return m_dir.path(); }

    // Reopens spec() in a fresh Database named `connection` (checks what a
    // second start sees).
    std::unique_ptr<gatehouse::app::Database> reopen(const QString& connection, QString* error);

    // Runs a statement on the current test database outside the services.
    bool exec(const QString& sql, QString* error = nullptr);

private:
    bool createPostgresDatabase(QString* error);

    QTemporaryDir m_dir;
    std::unique_ptr<gatehouse::app::Database> m_database;
    QString m_sqlitePath;
    QString m_postgresUrl;
    QString m_postgresName;
    int m_counter = 0;
};

// Users with each role, a team owned by the publisher with the developer as a
// plain member, and an outsider developer in no team.
struct TestWorld {
    gatehouse::app::Principal admin;
    gatehouse::app::Principal publisher;      // owner of `team`
    gatehouse::app::Principal developer;      // member of `team`
    gatehouse::app::Principal outsider;       // developer, no team
    gatehouse::app::Principal otherPublisher; // publisher, owner of `otherTeam`
    qint64 teamId = 0;
    qint64 otherTeamId = 0;

    bool seed(gatehouse::app::Database& db, QString* error);
};

#define GH_OPEN_FRESH(fixture)                                                                     \
    do {                                                                                           \
        QString ghError_;                                                                          \
        QVERIFY2((fixture).openFresh(&ghError_), qPrintable(ghError_));                            \
    } while (false)
