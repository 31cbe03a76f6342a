// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/access_policy.h"

#include "app/application_overview.h"
#include "app/approval_inbox.h"
#include "app/catalog_browser.h"
#include "app/catalog_store.h"
#include "app/domain/api_catalog.h"
#include "app/domain/application_service.h"
#include "app/domain/audit_log.h"
#include "app/domain/password_hasher.h"
#include "app/domain/plan_service.h"
#include "app/domain/subscription_service.h"
#include "app/domain/team_service.h"
#include "app/domain/user_service.h"
#include "app/try_it_access.h"
#include "tests/app/test_databases.h"

#include <QTest>

#include <algorithm>

using namespace gatehouse::app;

namespace {

ApiDefinition apiFor(qint64 teamId, const QString& slug, ApiVisibility visibility)
{
    ApiDefinition api;
    api.slug = slug;
    api.name = slug;
    api.teamId = teamId;
    api.visibility = visibility;
    api.basePath = QLatin1Char('/') + slug;
    api.routes = {{QStringLiteral("*"), QStringLiteral("/")}};
    api.upstreams = {{QStringLiteral("http://127.0.0.1:9000"), 1}};
    return api;
}

QStringList slugs(const QList<ApiDefinition>& apis)
{
    QStringList result;
    for (const ApiDefinition& a : apis)
        result << a.slug;
    result.sort();
    return result;
}

} // namespace

class TestPermissions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void passwordHashing();
    void localAdminAndSignIn();
    void onlyAdminsManageUsers();
    void userDirectory();
    void roleIsReadFromStorage();
    void teamsAndMembers();
    void apiEditingByRole();
    void visibility();
    void applicationsByRole();
    void readsRefuseUnknownUsers();

private:
    TestDatabases m_db;
    TestWorld m_world;
};

void TestPermissions::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
}

void TestPermissions::passwordHashing()
{
    const QString encoded = PasswordHasher::hash(QStringLiteral("s3cret-pass"));
    QVERIFY(encoded.startsWith(QLatin1String("pbkdf2-sha256$210000$")));
    QVERIFY(!encoded.contains(QLatin1String("s3cret-pass")));
    QVERIFY(PasswordHasher::verify(QStringLiteral("s3cret-pass"), encoded));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret-pasS"), encoded));
    // Salted: the same password hashes differently each time.
    QVERIFY(PasswordHasher::hash(QStringLiteral("s3cret-pass")) != encoded);
    // Too few iterations, or garbage, never verifies.
    QVERIFY(
        !PasswordHasher::verify(QStringLiteral("x"), QStringLiteral("pbkdf2-sha256$1$AA==$AA==")));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("x"), QStringLiteral("plain")));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("x"), QString()));
}

void TestPermissions::localAdminAndSignIn()
{
    UserService users(m_db.database());
    if (TestDatabases::isPostgres()) {
        QVERIFY(!users.ensureLocalAdmin(QStringLiteral("root-admin")));
        QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
        const auto p =
            users.signIn(QStringLiteral("root-admin"), QStringLiteral("correct horse battery"));
        QVERIFY2(p, qPrintable(users.lastError()));
        QCOMPARE(p->userId, m_world.admin.userId);
        QVERIFY(p->isAdmin());
    } else {
        // The first start created the admin; later starts find it again.
        const auto again = users.ensureLocalAdmin(QStringLiteral("root-admin"));
        QVERIFY(again);
        QCOMPARE(again->userId, m_world.admin.userId);
        QVERIFY(again->isAdmin());
        QVERIFY(users.user(again->userId)->isLocal);
        // Another OS account gets nothing once the workspace has users.
        QVERIFY(!users.ensureLocalAdmin(QStringLiteral("mallory")));
        QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
        // The local admin has no password to sign in with.
        QVERIFY(!users.signIn(QStringLiteral("root-admin"), QString()));
    }
    QVERIFY(!users.createInitialAdmin(QStringLiteral("late"), QStringLiteral("long enough")));

    QVERIFY(users.setPassword(m_world.developer, m_world.developer.userId,
                              QStringLiteral("dev password")));
    const auto dev = users.signIn(QStringLiteral("dev"), QStringLiteral("dev password"));
    QVERIFY2(dev, qPrintable(users.lastError()));
    QVERIFY(dev->role == Role::Developer);
    QVERIFY(!users.signIn(QStringLiteral("dev"), QStringLiteral("wrong password")));
    const QString wrongPassword = users.lastError();
    QVERIFY(!users.signIn(QStringLiteral("nobody"), QStringLiteral("dev password")));
    QCOMPARE(users.lastError(), wrongPassword); // no user enumeration
    QVERIFY(
        !users.setPassword(m_world.developer, m_world.developer.userId, QStringLiteral("short")));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Invalid);
}

void TestPermissions::onlyAdminsManageUsers()
{
    UserService users(m_db.database());
    for (const Principal& p : {m_world.publisher, m_world.developer}) {
        QVERIFY(!users.createUser(p, QStringLiteral("eve"), {}, Role::Admin, {}));
        QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
        QVERIFY(!users.setRole(p, p.userId, Role::Admin));
        QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
        QVERIFY(!users.setPassword(p, m_world.admin.userId, QStringLiteral("taken over!")));
        QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
    }
    QVERIFY(!users.createUser(m_world.admin, QStringLiteral("dev"), {}, Role::Developer, {}));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Conflict);
    QVERIFY(!users.createUser(m_world.admin, QStringLiteral("bad name!"), {}, Role::Developer, {}));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Invalid);
    QVERIFY(users.setRole(m_world.admin, m_world.developer.userId, Role::Publisher));
    QVERIFY(users.principal(m_world.developer.userId)->role == Role::Publisher);
    QVERIFY(!users.setRole(m_world.admin, m_world.admin.userId, Role::Developer));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Conflict); // the last admin stays
    QCOMPARE(users.users(m_world.admin).size(), 5);
}

// The directory: any existing user may read it, only admins see how each
// account signs in, and a principal no user matches reads nothing.
void TestPermissions::userDirectory()
{
    UserService users(m_db.database());
    QVERIFY(
        users.setPassword(m_world.admin, m_world.developer.userId, QStringLiteral("dev password")));
    const QList<User> all = users.users(m_world.admin);
    QCOMPARE(all.size(), 5);
    QVERIFY(std::any_of(all.begin(), all.end(), [&](const User& u) {
        return u.id == m_world.developer.userId && u.hasPassword;
    }));
    const QList<User> seen = users.users(m_world.developer);
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::None);
    QCOMPARE(seen.size(), 5);
    for (const User& u : seen) {
        QVERIFY(!u.hasPassword);
        QVERIFY(!u.isLocal);
        QVERIFY(!u.name.isEmpty());
    }
    Principal stranger{9999, QStringLiteral("stranger"), Role::Admin};
    QVERIFY(users.users(stranger).isEmpty());
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
    QCOMPARE(users.lastError(),
             QStringLiteral("user 'stranger' (id 9999) has no account in this catalog"));
}

// A Principal's role is what it was when it was handed out: the domain
// reads the stored one for every check. A developer claiming to be an
// admin is refused, and so is an admin demoted since signing in.
void TestPermissions::roleIsReadFromStorage()
{
    UserService users(m_db.database());
    TeamService teams(m_db.database());
    AuditLog audit(m_db.database());
    ApiCatalog catalog(m_db.database());

    Principal forged = m_world.developer;
    forged.role = Role::Admin;
    QVERIFY(!users.createUser(forged, QStringLiteral("mallory"), {}, Role::Admin, {}));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!users.setRole(forged, forged.userId, Role::Admin));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!users.setPassword(forged, m_world.admin.userId, QStringLiteral("taken over!")));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
    QList<AuditEntry> entries;
    QVERIFY(!audit.query(forged, {}, &entries));
    QCOMPARE(audit.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!teams.createTeam(forged, QStringLiteral("Forged")));
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!catalog.createApi(forged, apiFor(m_world.otherTeamId, QStringLiteral("forged"),
                                              ApiVisibility::Organisation)));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY2(users.principal(forged.userId)->role == Role::Developer, "nothing changed");

    // A name that does not go with the id is nobody.
    Principal impostor = m_world.admin;
    impostor.name = QStringLiteral("someone-else");
    QVERIFY(!users.createUser(impostor, QStringLiteral("mallory"), {}, Role::Developer, {}));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);

    // Demoted while holding an admin principal: the next action is refused.
    const auto second =
        users.createUser(m_world.admin, QStringLiteral("second-admin"), {}, Role::Admin, {});
    QVERIFY2(second, qPrintable(users.lastError()));
    const Principal stale = second->principal();
    QVERIFY(users.createUser(stale, QStringLiteral("made-by-second"), {}, Role::Developer, {}));
    QVERIFY(users.setRole(m_world.admin, stale.userId, Role::Developer));
    QVERIFY(stale.isAdmin()); // the caller's copy still says admin
    QVERIFY(!users.createUser(stale, QStringLiteral("too-late"), {}, Role::Developer, {}));
    QCOMPARE(users.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!audit.query(stale, {}, &entries));
    QCOMPARE(audit.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!users.userByName(QStringLiteral("too-late")));
}

void TestPermissions::teamsAndMembers()
{
    TeamService teams(m_db.database());
    QVERIFY(!teams.createTeam(m_world.developer, QStringLiteral("Devs")));
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(teams.createTeam(m_world.admin, QStringLiteral("Admins")));
    QVERIFY(!teams.createTeam(m_world.publisher, QStringLiteral("Payments")));
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Conflict);

    // Only owners and admins manage members; plain members do not.
    QVERIFY(!teams.setMember(m_world.developer, m_world.teamId, m_world.outsider.userId,
                             TeamRole::Member));
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!teams.setMember(m_world.otherPublisher, m_world.teamId, m_world.outsider.userId,
                             TeamRole::Member));
    QVERIFY(
        teams.setMember(m_world.admin, m_world.teamId, m_world.outsider.userId, TeamRole::Member));
    QCOMPARE(teams.members(m_world.teamId).size(), 3);
    QVERIFY(teams.removeMember(m_world.publisher, m_world.teamId, m_world.outsider.userId));
    QCOMPARE(teams.members(m_world.teamId).size(), 2);

    // A team keeps an owner.
    QVERIFY(!teams.setMember(m_world.publisher, m_world.teamId, m_world.publisher.userId,
                             TeamRole::Member));
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Conflict);
    QVERIFY(!teams.removeMember(m_world.publisher, m_world.teamId, m_world.publisher.userId));
    // Promote the developer, then the publisher may step down.
    QVERIFY(teams.setMember(m_world.publisher, m_world.teamId, m_world.developer.userId,
                            TeamRole::Owner));
    QVERIFY(teams.setMember(m_world.publisher, m_world.teamId, m_world.publisher.userId,
                            TeamRole::Member));
    AccessPolicy policy(m_db.database());
    QVERIFY(policy.isTeamOwner(m_world.developer.userId, m_world.teamId));
    QVERIFY(!policy.isTeamOwner(m_world.publisher.userId, m_world.teamId));
    QCOMPARE(teams.teamsOf(m_world.developer.userId).size(), 1);
}

void TestPermissions::apiEditingByRole()
{
    ApiCatalog catalog(m_db.database());
    const ApiDefinition def = apiFor(m_world.teamId, QStringLiteral("pay"), ApiVisibility::Team);
    // A developer of the team may not create or publish; a publisher of
    // another team may not either; the team's publisher and admins may.
    QVERIFY(!catalog.createApi(m_world.developer, def));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!catalog.createApi(m_world.otherPublisher, def));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Forbidden);
    auto api = catalog.createApi(m_world.publisher, def);
    QVERIFY2(api, qPrintable(catalog.lastError()));
    QVERIFY(!catalog.publish(m_world.developer, api->id));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!catalog.publish(m_world.otherPublisher, api->id));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::NotFound); // cannot even see it
    QVERIFY(catalog.publish(m_world.admin, api->id));

    // Moving an API needs edit rights on the target team too.
    api = catalog.api(m_world.publisher, api->id);
    api->teamId = m_world.otherTeamId;
    QVERIFY(!catalog.updateApi(m_world.publisher, *api));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(catalog.updateApi(m_world.admin, *api));

    // Plans follow the API's edit rights.
    PlanService plans(m_db.database());
    Plan plan;
    plan.apiId = api->id;
    plan.name = QStringLiteral("free");
    QVERIFY(!plans.createPlan(m_world.publisher, plan)); // no longer their team
    QVERIFY(plans.createPlan(m_world.otherPublisher, plan));
    QVERIFY(!plans.createPlan(m_world.developer, plan));
}

void TestPermissions::visibility()
{
    ApiCatalog catalog(m_db.database());
    auto make = [&](const Principal& who, qint64 team, const char* slug, ApiVisibility v,
                    bool publish) {
        auto api = catalog.createApi(who, apiFor(team, QString::fromLatin1(slug), v));
        QVERIFY2(api, qPrintable(catalog.lastError()));
        if (publish)
            QVERIFY2(catalog.publish(who, api->id), qPrintable(catalog.lastError()));
    };
    make(m_world.publisher, m_world.teamId, "pay-internal", ApiVisibility::Team, true);
    make(m_world.publisher, m_world.teamId, "pay-public", ApiVisibility::Organisation, true);
    make(m_world.publisher, m_world.teamId, "pay-draft", ApiVisibility::Organisation, false);
    make(m_world.otherPublisher, m_world.otherTeamId, "search-internal", ApiVisibility::Team, true);

    QCOMPARE(slugs(catalog.visibleApis(m_world.admin)),
             QStringList({QStringLiteral("pay-draft"), QStringLiteral("pay-internal"),
                          QStringLiteral("pay-public"), QStringLiteral("search-internal")}));
    QCOMPARE(slugs(catalog.visibleApis(m_world.developer)),
             QStringList({QStringLiteral("pay-draft"), QStringLiteral("pay-internal"),
                          QStringLiteral("pay-public")}));
    QCOMPARE(slugs(catalog.visibleApis(m_world.outsider)),
             QStringList({QStringLiteral("pay-public")}));
    QCOMPARE(slugs(catalog.visibleApis(m_world.otherPublisher)),
             QStringList({QStringLiteral("pay-public"), QStringLiteral("search-internal")}));

    // Direct access to a hidden API looks like a missing one.
    const auto hidden = catalog.visibleApis(m_world.developer);
    for (const ApiDefinition& a : hidden) {
        if (a.slug == QLatin1String("pay-internal")) {
            QVERIFY(!catalog.api(m_world.outsider, a.id));
            QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::NotFound);
            QVERIFY(catalog.api(m_world.developer, a.id));
        }
    }
}

void TestPermissions::applicationsByRole()
{
    ApplicationService apps(m_db.database());
    // Every role may create its own applications.
    for (const Principal& p : {m_world.developer, m_world.publisher, m_world.outsider})
        QVERIFY2(apps.createApplication(p, QStringLiteral("app of ") + p.name),
                 qPrintable(apps.lastError()));
    // Team applications need membership.
    QVERIFY(!apps.createApplication(m_world.outsider, QStringLiteral("x"), {}, m_world.teamId));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::Forbidden);
    const auto teamApp =
        apps.createApplication(m_world.developer, QStringLiteral("team app"), {}, m_world.teamId);
    QVERIFY(teamApp);
    QCOMPARE(teamApp->ownerTeamId, m_world.teamId);
    QCOMPARE(teamApp->ownerUserId, qint64(0));
    // Team members manage it; outsiders do not see it.
    QVERIFY(apps.application(m_world.publisher, teamApp->id));
    QVERIFY(!apps.application(m_world.outsider, teamApp->id));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::NotFound);
    QCOMPARE(apps.applications(m_world.outsider).size(), 1);
    QCOMPARE(apps.applications(m_world.developer).size(), 2);
    QCOMPARE(apps.applications(m_world.admin).size(), 4);
}

// Reads made as someone refuse a principal without an account (made up, or
// whose user was deleted) as writes do, instead of answering with an empty
// catalog; the same reads as a real user are answered.
void TestPermissions::readsRefuseUnknownUsers()
{
    ApiCatalog catalog(m_db.database());
    PlanService plans(m_db.database());
    ApplicationService apps(m_db.database());
    SubscriptionService subs(m_db.database());
    TeamService teams(m_db.database());
    UserService users(m_db.database());
    AuditLog audit(m_db.database());

    // Something to read: a published API with a manual plan, an application
    // with a key and a pending subscription.
    const auto api =
        catalog.createApi(m_world.publisher, apiFor(m_world.teamId, QStringLiteral("orders"),
                                                    ApiVisibility::Organisation));
    QVERIFY2(api && catalog.publish(m_world.publisher, api->id), qPrintable(catalog.lastError()));
    const auto plan = plans.createPlan(
        m_world.publisher, Plan{0, api->id, QStringLiteral("gold"), ApprovalMode::Manual, 0, 0, 0});
    QVERIFY2(plan, qPrintable(plans.lastError()));
    const auto app = apps.createApplication(m_world.developer, QStringLiteral("shop-app"));
    QVERIFY2(app, qPrintable(apps.lastError()));
    QVERIFY2(apps.issueKey(m_world.developer, app->id), qPrintable(apps.lastError()));
    const auto sub = subs.request(m_world.developer, app->id, plan->id);
    QVERIFY2(sub, qPrintable(subs.lastError()));

    auto store = CatalogStore::open(QStringLiteral("unknown-users"), m_db.spec(), nullptr);
    QVERIFY(store);

    // The outsider's account goes (nothing refers to it).
    const Principal deleted = m_world.outsider;
    QString err;
    QVERIFY2(m_db.exec(QStringLiteral("DELETE FROM users WHERE id = %1").arg(deleted.userId), &err),
             qPrintable(err));
    const Principal madeUp{9999, QStringLiteral("stranger"), Role::Admin};
    Principal renamed = m_world.developer; // a name that does not go with the id
    renamed.name = QStringLiteral("not-the-developer");

    for (const Principal& who : {deleted, madeUp, renamed}) {
        const QString expected = QStringLiteral("user '%1' (id %2) has no account in this catalog")
                                     .arg(who.name)
                                     .arg(who.userId);
        const auto refused = [&](const DomainService& service, const char* what) {
            const bool ok = service.lastErrorCode() == DomainErrorCode::Forbidden &&
                            service.lastError() == expected;
            if (!ok)
                qWarning("%s as %s: %d %s", what, qPrintable(who.name),
                         int(service.lastErrorCode()), qPrintable(service.lastError()));
            return ok;
        };
        QVERIFY(catalog.visibleApis(who).isEmpty());
        QVERIFY(refused(catalog, "visibleApis"));
        QVERIFY(!catalog.api(who, api->id));
        QVERIFY(refused(catalog, "api"));
        // Not "no actions": a refusal the console can show.
        QVERIFY(catalog.allowedActions(who, *api).isEmpty());
        QVERIFY(refused(catalog, "allowedActions"));
        QVERIFY(catalog.versions(who, api->slug).isEmpty());
        QVERIFY(refused(catalog, "versions"));
        QVERIFY(plans.plans(who, api->id).isEmpty());
        QVERIFY(refused(plans, "plans"));
        QVERIFY(!plans.plan(who, plan->id));
        QVERIFY(refused(plans, "plan"));
        QVERIFY(apps.applications(who).isEmpty());
        QVERIFY(refused(apps, "applications"));
        QVERIFY(!apps.application(who, app->id));
        QVERIFY(refused(apps, "application"));
        QVERIFY(apps.keys(who, app->id).isEmpty());
        QVERIFY(refused(apps, "keys"));
        QVERIFY(subs.subscriptionsOf(who, app->id).isEmpty());
        QVERIFY(refused(subs, "subscriptionsOf"));
        QVERIFY(!subs.subscription(who, sub->id));
        QVERIFY(refused(subs, "subscription"));
        QVERIFY(subs.pendingApprovals(who).isEmpty());
        QVERIFY(refused(subs, "pendingApprovals"));
        QVERIFY(users.users(who).isEmpty());
        QVERIFY(refused(users, "users"));
        QList<AuditEntry> entries;
        QVERIFY(!audit.query(who, {}, &entries));
        QVERIFY(refused(audit, "audit"));

        // What the console's pages read goes through the same check.
        QCOMPARE(loadCatalog(*store, who).error, expected);
        QCOMPARE(loadApiDetails(*store, who, api->id).error, expected);
        QCOMPARE(loadApprovals(*store, who, ApprovalList::Pending).error, expected);
        QCOMPARE(loadApprovals(*store, who, ApprovalList::History).error, expected);
        QVERIFY(!loadApprovals(*store, who, ApprovalList::Pending).mayDecide);
        QCOMPARE(loadApplications(*store, who).error, expected);
        QCOMPARE(loadApplicationDetail(*store, who, app->id).error, expected);
        QCOMPARE(loadSubscribableApis(*store, who).error, expected);
        QCOMPARE(loadTryItApplications(*store, who, api->id).error, expected);
    }
    // Reads that name their user by id alone.
    for (const qint64 id : {deleted.userId, qint64(9999)}) {
        QVERIFY(teams.teamsOf(id).isEmpty());
        QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Forbidden);
        QCOMPARE(teams.lastError(),
                 QStringLiteral("user id %1 has no account in this catalog").arg(id));
    }

    // Nobody else is refused: the same reads as the admin find everything.
    const Principal admin = m_world.admin;
    QCOMPARE(catalog.visibleApis(admin).size(), 1);
    QVERIFY(catalog.api(admin, api->id));
    QVERIFY(catalog.allowedActions(admin, *api).contains(ApiAction::NewVersion));
    QCOMPARE(catalog.versions(admin, api->slug).size(), 1);
    QCOMPARE(plans.plans(admin, api->id).size(), 1);
    QVERIFY(plans.plan(admin, plan->id));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::None);
    QCOMPARE(plans.lastErrorCode(), DomainErrorCode::None);
    QVERIFY(!apps.applications(admin).isEmpty());
    QVERIFY(apps.application(admin, app->id));
    QCOMPARE(apps.keys(admin, app->id).size(), 1);
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::None);
    QCOMPARE(subs.subscriptionsOf(admin, app->id).size(), 1);
    QVERIFY(subs.subscription(admin, sub->id));
    QCOMPARE(subs.pendingApprovals(admin).size(), 1);
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::None);
    QCOMPARE(teams.teamsOf(m_world.developer.userId).size(), 1);
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::None);
    QCOMPARE(loadCatalog(*store, m_world.developer).entries.size(), 1);
    QCOMPARE(loadApprovals(*store, admin, ApprovalList::Pending).items.size(), 1);
    QVERIFY(loadApprovals(*store, admin, ApprovalList::History).error.isEmpty());
    // Who decides requests at all: admins and team owners, not a plain
    // member or a developer of no team (their inbox is always empty).
    QVERIFY(loadApprovals(*store, admin, ApprovalList::Pending).mayDecide);
    QVERIFY(loadApprovals(*store, m_world.publisher, ApprovalList::History).mayDecide);
    QVERIFY(!loadApprovals(*store, m_world.developer, ApprovalList::Pending).mayDecide);
    QVERIFY(!loadApprovals(*store, m_world.outsider, ApprovalList::History).mayDecide);
    QCOMPARE(loadApplications(*store, m_world.developer).items.size(), 1);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
