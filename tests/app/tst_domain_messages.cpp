// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/domain_message.h"

#include "app/application_overview.h"
#include "app/catalog_browser.h"
#include "app/catalog_store.h"
#include "app/domain/api_catalog.h"
#include "app/domain/application_service.h"
#include "app/domain/plan_service.h"
#include "app/domain/subscription_service.h"
#include "app/domain/team_service.h"
#include "app/domain/user_service.h"
#include "tests/app/test_databases.h"

#include <QDateTime>
#include <QTest>

using namespace gatehouse::app;

namespace {

// Every template in brackets: shows which parts of a message would be
// translated (templates) and which are shown as they are (user data, the
// database's own text).
QString bracketed(const DomainMessage& message)
{
    return message.render([](const char* text) -> QString {
        return QLatin1Char('[') + QString::fromUtf8(text) + QLatin1Char(']');
    });
}

} // namespace

// The domain's refusals carry a template and its arguments besides the
// English text; rendered untranslated they are exactly lastError(), which
// the admin API and the command line show.
class TestDomainMessages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void substitutesOnce();
    void catalogRefusals();
    void lifecycleRefusals();
    void subscriptionRefusals();
    void accountRefusals();
    void storageErrorsKeepTheDatabaseText();
    void consoleFacadesCarryTheMessage();

private:
    // Checks the last error of `service`: its code, its English text (the
    // wording the admin API has always had), that the structured message
    // renders to exactly that, and how it renders with templates marked.
    void expect(const DomainService& service, DomainErrorCode code, const QString& english,
                const QString& templated);
    qint64 createApi(const QString& slug, const QString& basePath);

    TestDatabases m_db;
    TestWorld m_world;
};

void TestDomainMessages::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
}

void TestDomainMessages::expect(const DomainService& service, DomainErrorCode code,
                                const QString& english, const QString& templated)
{
    QCOMPARE(service.lastErrorCode(), code);
    QCOMPARE(service.lastError(), english);
    QCOMPARE(service.lastErrorMessage().toString(), service.lastError());
    QVERIFY(!service.lastErrorMessage().isVerbatim());
    QCOMPARE(bracketed(service.lastErrorMessage()), templated);
}

qint64 TestDomainMessages::createApi(const QString& slug, const QString& basePath)
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition def;
    def.slug = slug;
    def.name = slug.toUpper();
    def.version = QStringLiteral("v1");
    def.teamId = m_world.teamId;
    def.visibility = ApiVisibility::Organisation;
    def.basePath = basePath;
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/lookup")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:9100"), 1}};
    const auto api = catalog.createApi(m_world.publisher, def);
    return api ? api->id : 0;
}

void TestDomainMessages::substitutesOnce()
{
    // A name that looks like a placeholder stays as typed.
    const DomainMessage m(msg::ApiVersionExists, {QStringLiteral("%2"), QStringLiteral("v%1")});
    QCOMPARE(m.toString(), QStringLiteral("%2 v%1 already exists"));
    QCOMPARE(DomainMessage::substitute(QStringLiteral("%1 and %3 of %2"),
                                       {QStringLiteral("a"), QStringLiteral("b")}),
             QStringLiteral("a and %3 of b"));
    QCOMPARE(DomainMessage(QStringLiteral("as is %1")).toString(), QStringLiteral("as is %1"));
    QVERIFY(DomainMessage().isEmpty());
    QVERIFY(DomainMessage(QStringLiteral("x")).isVerbatim());
}

void TestDomainMessages::catalogRefusals()
{
    const qint64 geo = createApi(QStringLiteral("geo"), QStringLiteral("/geo"));
    QVERIFY(geo != 0);
    ApiCatalog catalog(m_db.database());
    const auto api = catalog.api(m_world.publisher, geo);
    QVERIFY(api);

    ApiDefinition copy = *api;
    copy.id = 0;
    QVERIFY(!catalog.createApi(m_world.publisher, copy));
    expect(catalog, DomainErrorCode::Conflict, QStringLiteral("geo v1 already exists"),
           QStringLiteral("[%1 %2 already exists]")
               .replace(QLatin1String("%1 %2"), QLatin1String("geo v1")));
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("version"));

    copy.slug = QStringLiteral("geo-two");
    copy.basePath = QStringLiteral("/geo/");
    QVERIFY(!catalog.createApi(m_world.publisher, copy));
    expect(catalog, DomainErrorCode::Conflict,
           QStringLiteral("basePath: '/geo/' overlaps '/geo', the base path of GEO v1"),
           QStringLiteral("[basePath: '/geo/' overlaps '/geo', the base path of GEO v1]"));
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("basePath"));

    copy.slug = QStringLiteral("Not A Slug");
    QVERIFY(!catalog.createApi(m_world.publisher, copy));
    expect(catalog, DomainErrorCode::Invalid,
           QStringLiteral("slug: 1-63 characters of a-z 0-9 and '-', starting alphanumeric"),
           QStringLiteral("[slug: 1-63 characters of a-z 0-9 and '-', starting alphanumeric]"));
    QCOMPARE(ApiCatalog::validate(copy), ApiCatalog::validationMessage(copy).toString());

    copy.slug = QStringLiteral("geo-three");
    copy.basePath = QStringLiteral("/three");
    copy.routes = {{QStringLiteral("GET"), QStringLiteral("no-slash")}};
    QVERIFY(!catalog.createApi(m_world.publisher, copy));
    expect(catalog, DomainErrorCode::Invalid, QStringLiteral("routes[0].path: must start with '/'"),
           QStringLiteral("[routes[0].path: must start with '/']"));

    QVERIFY(!catalog.createApi(m_world.developer, copy));
    expect(catalog, DomainErrorCode::Forbidden,
           QStringLiteral("only admins and publishers of the owning team may create its APIs"),
           QStringLiteral("[only admins and publishers of the owning team may create its APIs]"));
}

void TestDomainMessages::lifecycleRefusals()
{
    const qint64 geo = createApi(QStringLiteral("geo"), QStringLiteral("/geo"));
    QVERIFY(geo != 0);
    ApiCatalog catalog(m_db.database());
    QVERIFY(!catalog.retire(m_world.publisher, geo));
    expect(catalog, DomainErrorCode::Conflict,
           QStringLiteral("draft -> retired: a draft must be published first"),
           QStringLiteral("[[draft] -> [retired]: a draft must be published first]"));
    QVERIFY2(catalog.publish(m_world.publisher, geo), qPrintable(catalog.lastError()));
    QVERIFY(!catalog.publish(m_world.publisher, geo));
    expect(catalog, DomainErrorCode::Conflict, QStringLiteral("the API is already published"),
           QStringLiteral("[the API is already [published]]"));
    QVERIFY(!catalog.retire(m_world.publisher, geo));
    expect(catalog, DomainErrorCode::Conflict,
           QStringLiteral("published -> retired: an API must be deprecated, with a sunset date, "
                          "before it is retired"),
           QStringLiteral("[[published] -> [retired]: an API must be deprecated, with a sunset "
                          "date, before it is retired]"));
    QVERIFY(!catalog.deleteDraft(m_world.publisher, geo));
    expect(catalog, DomainErrorCode::Conflict,
           QStringLiteral("only drafts can be deleted; a published API is deprecated and retired "
                          "instead"),
           QStringLiteral("[only drafts can be deleted; a [published] API is deprecated and "
                          "retired instead]"));
    QCOMPARE(ApiLifecycle::refusal(ApiState::Deprecated, ApiState::Published),
             ApiLifecycle::refusalMessage(ApiState::Deprecated, ApiState::Published).toString());
}

void TestDomainMessages::subscriptionRefusals()
{
    const qint64 geo = createApi(QStringLiteral("geo"), QStringLiteral("/geo"));
    QVERIFY(geo != 0);
    ApiCatalog catalog(m_db.database());
    PlanService plans(m_db.database());
    const auto plan = plans.createPlan(
        m_world.publisher, {0, geo, QStringLiteral("free"), ApprovalMode::Automatic, 60, 1000, 0});
    QVERIFY2(plan, qPrintable(plans.lastError()));
    ApplicationService apps(m_db.database());
    const auto app = apps.createApplication(m_world.outsider, QStringLiteral("dashboard"));
    QVERIFY(app);
    SubscriptionService subscriptions(m_db.database());

    QVERIFY(catalog.publish(m_world.publisher, geo));
    const auto sub = subscriptions.request(m_world.outsider, app->id, plan->id);
    QVERIFY2(sub, qPrintable(subscriptions.lastError()));
    QVERIFY(!subscriptions.request(m_world.outsider, app->id, plan->id));
    expect(subscriptions, DomainErrorCode::Conflict,
           QStringLiteral("the application already has a subscription to this API (approved)"),
           QStringLiteral("[the application already has a subscription to this API ([approved])]"));

    // "an approved", not "a approved".
    QVERIFY(!subscriptions.approve(m_world.publisher, sub->id));
    expect(subscriptions, DomainErrorCode::Conflict,
           QStringLiteral("cannot approve an approved subscription"),
           QStringLiteral("[cannot approve [an approved subscription]]"));
    QVERIFY(!subscriptions.suspend(m_world.outsider, sub->id, QStringLiteral("why")));
    expect(subscriptions, DomainErrorCode::Forbidden,
           QStringLiteral("only admins and owners of the API's team may suspend subscriptions"),
           QStringLiteral("[only admins and owners of the API's team may suspend subscriptions]"));
    QVERIFY(!subscriptions.reject(m_world.publisher, sub->id, QStringLiteral(" ")));
    expect(subscriptions, DomainErrorCode::Invalid, QStringLiteral("a rejection needs a reason"),
           QStringLiteral("[a rejection needs a reason]"));

    const qint64 tomorrow = QDateTime::currentMSecsSinceEpoch() + 24 * 3600 * 1000;
    QVERIFY2(catalog.deprecate(m_world.publisher, geo, tomorrow), qPrintable(catalog.lastError()));
    const auto second = apps.createApplication(m_world.outsider, QStringLiteral("second"));
    QVERIFY(second);
    QVERIFY(!subscriptions.request(m_world.outsider, second->id, plan->id));
    expect(subscriptions, DomainErrorCode::Invalid,
           QStringLiteral("geo v1 is deprecated and takes no new subscriptions"),
           QStringLiteral("[geo v1 is [deprecated] and takes no new subscriptions]"));
}

void TestDomainMessages::accountRefusals()
{
    TeamService teams(m_db.database());
    QVERIFY(teams.createTeam(m_world.publisher, QStringLiteral("%2 crew")));
    QVERIFY(!teams.createTeam(m_world.publisher, QStringLiteral("%2 crew")));
    expect(teams, DomainErrorCode::Conflict, QStringLiteral("team '%2 crew' already exists"),
           QStringLiteral("[team '%2 crew' already exists]"));

    UserService users(m_db.database());
    QVERIFY(!users.createUser(m_world.admin, QStringLiteral("bob"), QStringLiteral("Bob"),
                              Role::Developer, QStringLiteral("short")));
    expect(users, DomainErrorCode::Invalid,
           QStringLiteral("password must have at least 8 characters"),
           QStringLiteral("[password must have at least 8 characters]"));

    const Principal ghost{987654, QStringLiteral("ghost"), Role::Admin};
    ApiCatalog catalog(m_db.database());
    QVERIFY(catalog.visibleApis(ghost).isEmpty());
    expect(catalog, DomainErrorCode::Forbidden,
           QStringLiteral("user 'ghost' (id 987654) has no account in this catalog"),
           QStringLiteral("[user 'ghost' (id 987654) has no account in this catalog]"));
}

void TestDomainMessages::storageErrorsKeepTheDatabaseText()
{
    const qint64 geo = createApi(QStringLiteral("geo"), QStringLiteral("/geo"));
    QVERIFY(geo != 0);
    QString err;
    QVERIFY2(m_db.exec(QStringLiteral("DROP TABLE audit_log"), &err), qPrintable(err));
    TeamService teams(m_db.database());
    QVERIFY(!teams.createTeam(m_world.publisher, QStringLiteral("crew")));
    QCOMPARE(teams.lastErrorCode(), DomainErrorCode::Storage);
    const DomainMessage message = teams.lastErrorMessage();
    QCOMPARE(message.toString(), teams.lastError());
    QCOMPARE(message.text(), msg::CannotWriteAuditLog);
    QCOMPARE(message.args().size(), 1);
    // The driver's own words are data, not a template.
    QVERIFY(message.args().first().isVerbatim());
    QVERIFY(!message.args().first().verbatim().isEmpty());
    QCOMPARE(bracketed(message),
             QStringLiteral("[cannot write the audit log: %1]")
                 .replace(QLatin1String("%1"), message.args().first().verbatim()));

    QVERIFY2(m_db.exec(QStringLiteral("DROP TABLE subscriptions"), &err), qPrintable(err));
    QVERIFY2(m_db.exec(QStringLiteral("DROP TABLE plans"), &err), qPrintable(err));
    PlanService plans(m_db.database());
    QVERIFY(plans.plans(m_world.publisher, geo).isEmpty());
    QCOMPARE(plans.lastErrorCode(), DomainErrorCode::Storage);
    QVERIFY(!plans.lastError().isEmpty());
    QVERIFY(plans.lastErrorMessage().isVerbatim());
    QCOMPARE(plans.lastErrorMessage().toString(), plans.lastError());
    QCOMPARE(bracketed(plans.lastErrorMessage()), plans.lastError());
}

void TestDomainMessages::consoleFacadesCarryTheMessage()
{
    // What the console's pages call: the English text and the message
    // travel together.
    QString error;
    auto store = CatalogStore::open(QStringLiteral("messages"), m_db.spec(), &error);
    QVERIFY2(store, qPrintable(error));

    const ApplicationChange unnamed =
        createApplication(*store, m_world.outsider, QStringLiteral("  "), {}, 0);
    QVERIFY(!unnamed.ok);
    QCOMPARE(unnamed.error, QStringLiteral("an application needs a name"));
    QCOMPARE(unnamed.errorMessage.toString(), unnamed.error);
    QCOMPARE(bracketed(unnamed.errorMessage), QStringLiteral("[an application needs a name]"));

    const ApplicationDetail gone = loadApplicationDetail(*store, m_world.outsider, 424242);
    QCOMPARE(gone.errorCode, DomainErrorCode::NotFound);
    QCOMPARE(gone.errorMessage.toString(), gone.error);
    QCOMPARE(bracketed(gone.errorMessage), QStringLiteral("[no such application]"));

    const qint64 geo = createApi(QStringLiteral("geo"), QStringLiteral("/geo"));
    QVERIFY(geo != 0);
    LifecycleRequest retire;
    retire.action = ApiAction::Retire;
    retire.apiId = geo;
    const LifecycleOutcome refused = applyLifecycleAction(*store, m_world.publisher, retire);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.error, QStringLiteral("draft -> retired: a draft must be published first"));
    QCOMPARE(refused.errorMessage.toString(), refused.error);
    QCOMPARE(bracketed(refused.errorMessage),
             QStringLiteral("[[draft] -> [retired]: a draft must be published first]"));

    const ApiDetails missing = loadApiDetails(*store, m_world.publisher, 424242);
    QCOMPARE(missing.errorCode, DomainErrorCode::NotFound);
    QCOMPARE(missing.errorMessage.toString(), missing.error);
    QVERIFY(!missing.errorMessage.isVerbatim());
    store.reset();
}

QTEST_GUILESS_MAIN(TestDomainMessages)
#include "tst_domain_messages.moc"
