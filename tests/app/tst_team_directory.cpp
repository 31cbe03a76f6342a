// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/team_directory.h"

#include "app/catalog_store.h"
#include "app/domain/access_policy.h"
#include "tests/app/test_databases.h"

#include <QTest>

using namespace gatehouse::app;

// What the Teams page reads: the directory and the "may I" answers, which
// must agree with what the services then allow or refuse; and the users the
// "view as" demo acts as.
class TestTeamDirectory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup();

    void mayIAnswersMatchTheServices();
    void directoryAsEachRoleSeesIt();
    void viewAsFindsOrCreatesAUser();

private:
    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<CatalogStore> m_store;
};

void TestTeamDirectory::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    m_store = CatalogStore::open(QStringLiteral("tst_team_directory"), m_db.spec(), &err);
    QVERIFY2(m_store, qPrintable(err));
}

void TestTeamDirectory::cleanup()
{
    m_store.reset();
    m_db.cleanup();
}

void TestTeamDirectory::mayIAnswersMatchTheServices()
{
    UserService& users = m_store->users();
    TeamService& teams = m_store->teams();
    AuditLog& audit = m_store->auditLog();
    const QList<Principal> everyone = {m_world.admin, m_world.publisher, m_world.developer,
                                       m_world.outsider, m_world.otherPublisher};
    const AccessPolicy policy(m_store->database());
    int n = 0;
    for (const Principal& p : everyone) {
        const QString name = QStringLiteral("new-user-%1").arg(++n);
        const bool created = users.createUser(p, name, {}, Role::Developer, {}).has_value();
        QCOMPARE(created, policy.canManageUsers(p));
        if (!created)
            QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
        QList<AuditEntry> entries;
        QCOMPARE(audit.query(p, {}, &entries), policy.canReadAuditLog(p));
        if (!policy.canReadAuditLog(p))
            QCOMPARE(audit.lastErrorCode(), DomainErrorCode::Forbidden);
        const bool teamCreated = teams.createTeam(p, QStringLiteral("Team %1").arg(n)).has_value();
        QCOMPARE(teamCreated, policy.canCreateTeam(p));

        const bool mayManage = teams.canManage(p, m_world.teamId);
        const bool added =
            teams.setMember(p, m_world.teamId, m_world.outsider.userId, TeamRole::Member);
        QCOMPARE(added, mayManage);
        if (added)
            QVERIFY(teams.removeMember(p, m_world.teamId, m_world.outsider.userId));
        else
            QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Forbidden);
    }
    QVERIFY(teams.canManage(m_world.admin, m_world.teamId));
    QVERIFY(teams.canManage(m_world.publisher, m_world.teamId));
    QVERIFY(!teams.canManage(m_world.developer, m_world.teamId));
    QVERIFY(!teams.canManage(m_world.otherPublisher, m_world.teamId));
}

void TestTeamDirectory::directoryAsEachRoleSeesIt()
{
    const TeamDirectory admin = loadTeamDirectory(*m_store, m_world.admin);
    QVERIFY2(admin.error.isEmpty(), qPrintable(admin.error));
    QCOMPARE(admin.teams.size(), 2);
    QCOMPARE(admin.users.size(), 5);
    QCOMPARE(admin.members.value(m_world.teamId).size(), 2);
    QCOMPARE(admin.manageableTeams, (QSet<qint64>{m_world.teamId, m_world.otherTeamId}));
    QVERIFY(admin.canCreateTeam && admin.canManageUsers && admin.canReadAuditLog);
    QVERIFY(admin.user(m_world.developer.userId));
    QVERIFY(admin.user(m_world.developer.userId)->role == Role::Developer);
    QVERIFY(!admin.user(987654));

    const TeamDirectory owner = loadTeamDirectory(*m_store, m_world.publisher);
    QCOMPARE(owner.manageableTeams, (QSet<qint64>{m_world.teamId}));
    QVERIFY(owner.canCreateTeam);
    QVERIFY(!owner.canManageUsers && !owner.canReadAuditLog);

    const TeamDirectory developer = loadTeamDirectory(*m_store, m_world.developer);
    QVERIFY(developer.manageableTeams.isEmpty());
    QVERIFY(!developer.canCreateTeam && !developer.canManageUsers && !developer.canReadAuditLog);
    QCOMPARE(developer.teams.size(), 2);
}

void TestTeamDirectory::viewAsFindsOrCreatesAUser()
{
    QString err;
    const auto admin = viewAsPrincipal(*m_store, m_world.admin, Role::Admin, &err);
    QVERIFY(admin);
    QCOMPARE(admin->userId, m_world.admin.userId);
    // The seeded users, first by name: "otto" before "pat", "dev" before "olga".
    const auto publisher = viewAsPrincipal(*m_store, m_world.admin, Role::Publisher, &err);
    QVERIFY2(publisher, qPrintable(err));
    QCOMPARE(publisher->name, QStringLiteral("otto"));
    QVERIFY(publisher->role == Role::Publisher);
    const auto developer = viewAsPrincipal(*m_store, m_world.admin, Role::Developer, &err);
    QVERIFY2(developer, qPrintable(err));
    QCOMPARE(developer->name, QStringLiteral("dev"));
    QCOMPARE(m_store->users().users(m_world.admin).size(), 5); // nothing created

    // Without a user of the role, one is made (by the admin, audited).
    QVERIFY(
        m_store->users().setRole(m_world.admin, m_world.otherPublisher.userId, Role::Developer));
    QVERIFY(m_store->users().setRole(m_world.admin, m_world.publisher.userId, Role::Developer));
    const auto made = viewAsPrincipal(*m_store, m_world.admin, Role::Publisher, &err);
    QVERIFY2(made, qPrintable(err));
    QCOMPARE(made->name, QStringLiteral("demo-publisher"));
    QVERIFY(made->role == Role::Publisher);
    QCOMPARE(m_store->users().users(m_world.admin).size(), 6);
    // ...once.
    QCOMPARE(viewAsPrincipal(*m_store, m_world.admin, Role::Publisher, &err)->userId, made->userId);

    // Only an admin can make one.
    QVERIFY(m_store->users().setRole(m_world.admin, made->userId, Role::Developer));
    QVERIFY(!viewAsPrincipal(*m_store, m_world.developer, Role::Publisher, &err));
    QVERIFY(err.contains(QLatin1String("only admins")));
}

QTEST_GUILESS_MAIN(TestTeamDirectory)
#include "tst_team_directory.moc"
