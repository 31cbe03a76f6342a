// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/app/test_databases.h"

#include "app/domain/team_service.h"
#include "app/domain/user_service.h"
#include "app/storage/sql_query.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QTest>
#include <QUrl>

using namespace gatehouse::app;

namespace {

const QString mainConnection = QStringLiteral("gh_test_main");
const QString adminConnection = QStringLiteral("gh_test_pg_admin");

QString missingUrlMessage()
{
    return QStringLiteral(
        "GATEHOUSE_TEST_PG_URL is not set, so the PostgreSQL half of this suite cannot run. "
        "Run the suites with `packaging/dev.sh test` (it starts a throwaway PostgreSQL "
        "cluster), or export GATEHOUSE_TEST_PG_URL=postgresql://user@127.0.0.1:PORT/db "
        "naming a database whose user may CREATE DATABASE.");
}

} // namespace

TestDatabases::TestDatabases() = default;

TestDatabases::~TestDatabases()
{
    cleanup();
    QSqlDatabase::removeDatabase(adminConnection);
}

void TestDatabases::addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

QString TestDatabases::currentBackend()
{
    QFETCH_GLOBAL(QString, backend);
    return backend;
}

bool TestDatabases::createPostgresDatabase(QString* error)
{
    const QString base = qEnvironmentVariable("GATEHOUSE_TEST_PG_URL");
    if (base.isEmpty()) {
        *error = missingUrlMessage();
        return false;
    }
    const QUrl url(base);
    if (!QSqlDatabase::contains(adminConnection)) {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), adminConnection);
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setDatabaseName(url.path().mid(1));
        admin.setUserName(url.userName());
        admin.setPassword(url.password());
    }
    QSqlDatabase admin = QSqlDatabase::database(adminConnection, false);
    if (!admin.isOpen() && !admin.open()) {
        *error = QStringLiteral("cannot connect to GATEHOUSE_TEST_PG_URL (%1): %2")
                     .arg(base, admin.lastError().text());
        return false;
    }
    m_postgresName = QStringLiteral("gh_t_%1_%2_%3")
                         .arg(QCoreApplication::applicationPid())
                         .arg(QDateTime::currentMSecsSinceEpoch())
                         .arg(++m_counter);
    if (!runSql(admin, QStringLiteral("CREATE DATABASE ") + m_postgresName, {}, error))
        return false;
    QUrl fresh = url;
    fresh.setPath(QLatin1Char('/') + m_postgresName);
    m_postgresUrl = fresh.toString();
    return true;
}

bool TestDatabases::openFresh(QString* error)
{
    cleanup();
    m_database = std::make_unique<Database>(mainConnection);
    if (isPostgres()) {
        if (!createPostgresDatabase(error))
            return false;
        if (!m_database->open(m_postgresUrl)) {
            *error = m_database->lastError();
            return false;
        }
        return true;
    }
    m_sqlitePath = m_dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(++m_counter));
    if (!m_database->open(m_sqlitePath)) {
        *error = m_database->lastError();
        return false;
    }
    return true;
}

void TestDatabases::cleanup()
{
    m_database.reset();
    if (!m_postgresName.isEmpty() && QSqlDatabase::contains(adminConnection)) {
        QString error;
        if (!runSql(QSqlDatabase::database(adminConnection),
                    QStringLiteral("DROP DATABASE IF EXISTS ") + m_postgresName +
                        QStringLiteral(" WITH (FORCE)"),
                    {}, &error))
            qWarning("cannot drop %s: %s", qPrintable(m_postgresName), qPrintable(error));
    }
    m_postgresName.clear();
}

std::unique_ptr<Database> TestDatabases::reopen(const QString& connection, QString* error)
{
    auto db = std::make_unique<Database>(connection);
    if (!db->open(spec())) {
        *error = db->lastError();
        return nullptr;
    }
    return db;
}

bool TestDatabases::exec(const QString& sql, QString* error)
{
    return runSql(m_database->connection(), sql, {}, error).has_value();
}

bool TestWorld::seed(Database& db, QString* error)
{
    UserService users(db);
    TeamService teams(db);
    auto admin = users.ensureLocalAdmin(QStringLiteral("root-admin"));
    if (!admin) {
        // PostgreSQL has no local admin: the first admin signs in.
        admin = users.createInitialAdmin(QStringLiteral("root-admin"),
                                         QStringLiteral("correct horse battery"));
    }
    if (!admin) {
        *error = users.lastError();
        return false;
    }
    this->admin = *admin;
    auto make = [&](const char* name, Role role, Principal* out) {
        const auto u = users.createUser(this->admin, QString::fromLatin1(name), {}, role, {});
        if (u)
            *out = u->principal();
        return u.has_value();
    };
    if (!make("pat", Role::Publisher, &publisher) || !make("dev", Role::Developer, &developer) ||
        !make("olga", Role::Developer, &outsider) ||
        !make("otto", Role::Publisher, &otherPublisher)) {
        *error = users.lastError();
        return false;
    }
    const auto team = teams.createTeam(publisher, QStringLiteral("Payments"));
    const auto other = teams.createTeam(otherPublisher, QStringLiteral("Search"));
    if (!team || !other ||
        !teams.setMember(publisher, team->id, developer.userId, TeamRole::Member)) {
        *error = teams.lastError();
        return false;
    }
    teamId = team->id;
    otherTeamId = other->id;
    return true;
}
