// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/base_path.h"

#include "app/domain/api_catalog.h"
#include "app/openapi_import.h"
#include "tests/app/test_databases.h"

#include <QDateTime>
#include <QTest>

using namespace gatehouse::app;

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ApiDefinition sampleApi(qint64 teamId, const QString& slug, const QString& basePath,
                        const QString& name = QStringLiteral("Weather"))
{
    ApiDefinition api;
    api.slug = slug;
    api.version = QStringLiteral("v1");
    api.name = name;
    api.teamId = teamId;
    api.visibility = ApiVisibility::Organisation;
    api.basePath = basePath;
    api.routes = {{QStringLiteral("GET"), QStringLiteral("/forecast")},
                  {QStringLiteral("GET"), QStringLiteral("/daily/{day}")}};
    api.upstreams = {{QStringLiteral("http://127.0.0.1:9000"), 1}};
    return api;
}

} // namespace

// Two APIs whose base paths overlap compile into routes that shadow each
// other in the gateway: the catalog refuses the second one everywhere an API
// gets or changes its base path.
class TestBasePath : public QObject {
    Q_OBJECT

private slots:
    void overlap_data();
    void overlap();

    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void createIsRefusedWithTheOtherApi();
    void nestedPathsWithSeparateRoutesAreAllowed();
    void siblingPrefixIsAllowed();
    void editIsRefused();
    void newVersionGetsItsOwnPath();
    void importIsRefused();
    void publishRefusesAStoredOverlap();
    void retiringFreesThePath();
    void otherTeamsApiIsNotNamed();
    void freeAlternatives();
    void conflictsNameTheirField();

private:
    TestDatabases m_db;
    TestWorld m_world;
};

void TestBasePath::overlap_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("overlaps");
    QTest::newRow("equal") << "/a"
                           << "/a" << true;
    QTest::newRow("trailing slash") << "/a/"
                                    << "/a" << true;
    QTest::newRow("nested") << "/a"
                            << "/a/b" << true;
    QTest::newRow("contains") << "/a/b/c"
                              << "/a" << true;
    QTest::newRow("sibling prefix") << "/a"
                                    << "/ab" << false;
    QTest::newRow("siblings") << "/a/v1"
                              << "/a/v2" << false;
    QTest::newRow("case") << "/Weather"
                          << "/weather" << false;
    QTest::newRow("root") << "/"
                          << "/anything/at/all" << true;
    QTest::newRow("parameter") << "/a/{tenant}"
                               << "/a/b/c" << true;
    QTest::newRow("parameter elsewhere") << "/a/{tenant}"
                                         << "/b/c" << false;
}

void TestBasePath::overlap()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, overlaps);
    QCOMPARE(BasePath::overlap(a, b), overlaps);
    QCOMPARE(BasePath::overlap(b, a), overlaps);
}

void TestBasePath::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
}

void TestBasePath::createIsRefusedWithTheOtherApi()
{
    ApiCatalog catalog(m_db.database());
    const auto weather =
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/weather")));
    QVERIFY2(weather, qPrintable(catalog.lastError()));
    QVERIFY(catalog.publish(m_world.publisher, weather->id));

    const auto refused = [&](const QString& path, const QString& message) {
        const auto copy =
            catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("copy"),
                                                           path, QStringLiteral("Copy")));
        QVERIFY2(!copy, qPrintable(path));
        QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
        QCOMPARE(catalog.lastError(), message);
    };
    // The same base path, however written.
    refused(QStringLiteral("/weather/"),
            QStringLiteral("basePath: '/weather/' overlaps '/weather', the base path of Weather "
                           "v1"));
    // Inside it, where one of its routes lies.
    refused(QStringLiteral("/weather/daily"),
            QStringLiteral("basePath: '/weather/daily' overlaps '/weather', the base path of "
                           "Weather v1 (route GET /weather/daily/{day})"));
    refused(QStringLiteral("/weather/forecast"),
            QStringLiteral("basePath: '/weather/forecast' overlaps '/weather', the base path of "
                           "Weather v1 (route GET /weather/forecast)"));
    // Around it, with a route of the new API under it; one whose routes
    // stay apart takes no calls from it.
    ApiDefinition root = sampleApi(m_world.teamId, QStringLiteral("root"), QStringLiteral("/"));
    root.routes.append({QStringLiteral("GET"), QStringLiteral("/weather/{any}")});
    QVERIFY(!catalog.createApi(m_world.publisher, root));
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/' overlaps '/weather', the base path of Weather v1 "
                            "(route GET /weather/{any})"));
    root.routes.removeLast();
    QVERIFY2(catalog.createApi(m_world.publisher, root), qPrintable(catalog.lastError()));

    // A draft holds its path too.
    const auto draft = catalog.createApi(
        m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("maps"),
                                     QStringLiteral("/maps/v1/"), QStringLiteral("Maps")));
    QVERIFY2(draft, qPrintable(catalog.lastError()));
    QVERIFY(!catalog.createApi(m_world.admin, sampleApi(m_world.teamId, QStringLiteral("maps2"),
                                                        QStringLiteral("/maps/v1"))));
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/maps/v1' overlaps '/maps/v1/', the base path of Maps v1"));
    QCOMPARE(catalog.visibleApis(m_world.admin).size(), 3);
}

// Nested base paths whose routes stay apart take no calls from each other:
// the router matches exact routes, so "/v1" with "/products" and
// "/v1/weather" live side by side (as in the demo workspace).
void TestBasePath::nestedPathsWithSeparateRoutesAreAllowed()
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition products = sampleApi(m_world.teamId, QStringLiteral("products"),
                                       QStringLiteral("/v1"), QStringLiteral("Products"));
    products.routes = {{QStringLiteral("GET"), QStringLiteral("/products/{id}")}};
    const auto createdProducts = catalog.createApi(m_world.publisher, products);
    QVERIFY2(createdProducts, qPrintable(catalog.lastError()));
    const auto weather =
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/v1/weather")));
    QVERIFY2(weather, qPrintable(catalog.lastError()));
    QVERIFY2(catalog.publish(m_world.publisher, weather->id), qPrintable(catalog.lastError()));
    // A route added to the outer API under the inner path is refused.
    auto edited = *catalog.api(m_world.publisher, createdProducts->id);
    edited.routes.append({QStringLiteral("*"), QStringLiteral("/{any}/forecast")});
    QVERIFY(!catalog.updateApi(m_world.publisher, edited));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/v1' overlaps '/v1/weather', the base path of Weather v1 "
                            "(route * /v1/{any}/forecast)"));
}

void TestBasePath::siblingPrefixIsAllowed()
{
    ApiCatalog catalog(m_db.database());
    QVERIFY(catalog.createApi(
        m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("a"), QStringLiteral("/a"))));
    for (const QString& path : {QStringLiteral("/ab"), QStringLiteral("/A"), QStringLiteral("/b/a"),
                                QStringLiteral("/a-v2")}) {
        QVERIFY2(catalog.createApi(m_world.publisher,
                                   sampleApi(m_world.teamId,
                                             QStringLiteral("x") + QString::number(path.size()) +
                                                 path.mid(1).toLower().remove(QLatin1Char('/')),
                                             path)),
                 qPrintable(path + QLatin1Char(' ') + catalog.lastError()));
    }
}

void TestBasePath::editIsRefused()
{
    ApiCatalog catalog(m_db.database());
    QVERIFY(
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/weather"))));
    auto other = catalog.createApi(m_world.publisher,
                                   sampleApi(m_world.teamId, QStringLiteral("news"),
                                             QStringLiteral("/news"), QStringLiteral("News")));
    QVERIFY(other);
    QVERIFY(catalog.publish(m_world.publisher, other->id));
    auto edited = *catalog.api(m_world.publisher, other->id);
    edited.basePath = QStringLiteral("/weather/daily");
    QVERIFY(!catalog.updateApi(m_world.publisher, edited));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/weather/daily' overlaps '/weather', the base path of "
                            "Weather v1 (route GET /weather/daily/{day})"));
    QCOMPARE(catalog.api(m_world.publisher, other->id)->basePath, QStringLiteral("/news"));
    // Its own path is no conflict.
    edited.basePath = QStringLiteral("/news/");
    edited.description = QStringLiteral("changed");
    QVERIFY2(catalog.updateApi(m_world.publisher, edited), qPrintable(catalog.lastError()));
}

void TestBasePath::newVersionGetsItsOwnPath()
{
    ApiCatalog catalog(m_db.database());
    const auto orders = catalog.createApi(
        m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("orders"),
                                     QStringLiteral("/orders/v1"), QStringLiteral("Orders")));
    QVERIFY(orders && catalog.publish(m_world.publisher, orders->id));
    // The version segment follows the version.
    const auto v2 = catalog.createVersion(m_world.publisher, orders->id, QStringLiteral("v2"));
    QVERIFY2(v2, qPrintable(catalog.lastError()));
    QCOMPARE(v2->basePath, QStringLiteral("/orders/v2"));

    // A path without one stays, and is taken by the original.
    const auto weather =
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/weather")));
    QVERIFY(weather);
    QVERIFY(!catalog.createVersion(m_world.publisher, weather->id, QStringLiteral("v2")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/weather' overlaps '/weather', the base path of "
                            "Weather v1"));
    QVERIFY(!catalog.createVersion(m_world.publisher, weather->id, QStringLiteral("v2"),
                                   QStringLiteral("/weather/daily")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.api(m_world.publisher, weather->id)->successorId, 0);
    const auto next = catalog.createVersion(m_world.publisher, weather->id, QStringLiteral("v2"),
                                            QStringLiteral("/weather/v2"));
    QVERIFY2(next, qPrintable(catalog.lastError()));
    QCOMPARE(next->basePath, QStringLiteral("/weather/v2"));
}

void TestBasePath::importIsRefused()
{
    const QByteArray spec = R"(openapi: 3.0.3
info: {title: Forecasts, version: "2.0"}
servers: [{url: "http://127.0.0.1:9001/weather/daily/"}]
paths:
  /today:
    get: {responses: {"200": {description: ok}}}
)";
    ApiCatalog catalog(m_db.database());
    QVERIFY(
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/weather"))));
    const OpenApiImport imported = OpenApiImporter::import(spec, QStringLiteral("spec.yaml"));
    QVERIFY2(imported.api, qPrintable(imported.errors.join(QLatin1Char('\n'))));
    ApiDefinition api = *imported.api;
    QCOMPARE(api.basePath, QStringLiteral("/weather/daily"));
    QCOMPARE(api.version, QStringLiteral("v2"));
    api.teamId = m_world.teamId;
    QVERIFY(!catalog.createApi(m_world.publisher, api));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/weather/daily' overlaps '/weather', the base path of "
                            "Weather v1 (route GET /weather/daily/{day})"));

    // What the import dialog asks before submitting, and what it offers.
    const auto check = catalog.checkBasePath(m_world.publisher, api);
    QVERIFY(check);
    QVERIFY(check->taken);
    QCOMPARE(check->otherName, QStringLiteral("Weather"));
    QCOMPARE(check->otherVersion, QStringLiteral("v1"));
    QCOMPARE(check->otherBasePath, QStringLiteral("/weather"));
    QCOMPARE(check->route, QStringLiteral("GET /weather/daily/{day}"));
    // "/weather/daily/v2" would lie under GET /weather/daily/{day}.
    QCOMPARE(check->freeBasePath, QStringLiteral("/forecasts/v2"));
    api.basePath = check->freeBasePath;
    const auto made = catalog.createApi(m_world.publisher, api);
    QVERIFY2(made, qPrintable(catalog.lastError()));
    QCOMPARE(made->basePath, QStringLiteral("/forecasts/v2"));
}

// A database from before the check may hold two overlapping drafts:
// publishing one of them is refused.
void TestBasePath::publishRefusesAStoredOverlap()
{
    ApiCatalog catalog(m_db.database());
    const auto first = catalog.createApi(m_world.publisher,
                                         sampleApi(m_world.teamId, QStringLiteral("one"),
                                                   QStringLiteral("/one"), QStringLiteral("One")));
    const auto second = catalog.createApi(m_world.publisher,
                                          sampleApi(m_world.teamId, QStringLiteral("two"),
                                                    QStringLiteral("/two"), QStringLiteral("Two")));
    QVERIFY(first && second);
    QString err;
    QVERIFY2(
        m_db.exec(
            QStringLiteral("UPDATE apis SET base_path = '/one/' WHERE id = %1").arg(second->id),
            &err),
        qPrintable(err));
    QVERIFY(!catalog.publish(m_world.publisher, second->id));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/one/' overlaps '/one', the base path of One v1"));
    QCOMPARE(toString(catalog.api(m_world.publisher, second->id)->state),
             toString(ApiState::Draft));
    // Edits that keep the stored path are not blocked by it.
    auto edited = *catalog.api(m_world.publisher, second->id);
    edited.description = QStringLiteral("still a draft");
    QVERIFY2(catalog.updateApi(m_world.publisher, edited), qPrintable(catalog.lastError()));
}

void TestBasePath::retiringFreesThePath()
{
    ApiCatalog catalog(m_db.database());
    const auto old =
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/weather")));
    QVERIFY(old);
    QVERIFY(catalog.publish(m_world.publisher, old->id));
    QVERIFY(catalog.deprecate(m_world.publisher, old->id, nowMs() + Day));
    // Deprecated still serves its path.
    const ApiDefinition wanted =
        sampleApi(m_world.teamId, QStringLiteral("weather2"), QStringLiteral("/weather"));
    auto check = catalog.checkBasePath(m_world.publisher, wanted);
    QVERIFY(check && check->taken);
    QVERIFY(catalog.retire(m_world.publisher, old->id));
    check = catalog.checkBasePath(m_world.publisher, wanted);
    QVERIFY(check);
    QVERIFY(!check->taken);
    const auto fresh =
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather2"),
                                                       QStringLiteral("/weather")));
    QVERIFY2(fresh, qPrintable(catalog.lastError()));
    QVERIFY2(catalog.publish(m_world.publisher, fresh->id), qPrintable(catalog.lastError()));
    // A new version of the retired API is checked like any new API.
    QVERIFY(!catalog.createVersion(m_world.publisher, old->id, QStringLiteral("v2")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
}

void TestBasePath::otherTeamsApiIsNotNamed()
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition secret = sampleApi(m_world.otherTeamId, QStringLiteral("secret"),
                                     QStringLiteral("/secret"), QStringLiteral("Secret"));
    secret.visibility = ApiVisibility::Team;
    QVERIFY2(catalog.createApi(m_world.otherPublisher, secret), qPrintable(catalog.lastError()));

    const ApiDefinition mine = sampleApi(m_world.teamId, QStringLiteral("mine"),
                                         QStringLiteral("/secret/"), QStringLiteral("Mine"));
    QVERIFY(!catalog.createApi(m_world.publisher, mine));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/secret/' is already in use by another API"));
    QVERIFY(!catalog.lastError().contains(QLatin1String("Secret")));
    auto check = catalog.checkBasePath(m_world.publisher, mine);
    QVERIFY(check && check->taken);
    QCOMPARE(check->otherId, 0);
    QVERIFY(check->otherName.isEmpty());
    QVERIFY(check->otherBasePath.isEmpty());

    // An admin sees every API, so the message names it.
    QVERIFY(!catalog.createApi(m_world.admin, mine));
    QCOMPARE(catalog.lastError(),
             QStringLiteral("basePath: '/secret/' overlaps '/secret', the base path of Secret v1"));
    check = catalog.checkBasePath(m_world.admin, mine);
    QVERIFY(check && check->taken);
    QCOMPARE(check->otherName, QStringLiteral("Secret"));
}

void TestBasePath::freeAlternatives()
{
    ApiCatalog catalog(m_db.database());
    QVERIFY(
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("weather"),
                                                       QStringLiteral("/weather/v1"))));
    QVERIFY(catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("pets"),
                                                           QStringLiteral("/pets"))));
    const auto free = [&](const QString& path, const QString& slug, const QString& version) {
        ApiDefinition api = sampleApi(m_world.teamId, slug, path);
        api.version = version;
        const auto check = catalog.checkBasePath(m_world.publisher, api);
        return check && check->taken ? check->freeBasePath : QStringLiteral("<not taken>");
    };
    // The version segment takes the new version.
    QCOMPARE(free(QStringLiteral("/weather/v1"), QStringLiteral("weather"), QStringLiteral("v2")),
             QStringLiteral("/weather/v2"));
    // The version appended as a segment...
    QCOMPARE(free(QStringLiteral("/pets"), QStringLiteral("pets"), QStringLiteral("v2")),
             QStringLiteral("/pets/v2"));
    // ...or, under a taken path, the slug...
    QCOMPARE(free(QStringLiteral("/pets/daily"), QStringLiteral("toys"), QStringLiteral("1.0")),
             QStringLiteral("/toys/1.0"));
    QCOMPARE(free(QStringLiteral("/pets/daily"), QStringLiteral("pets"), QStringLiteral("v1")),
             QStringLiteral("/pets/v1"));
    QCOMPARE(free(QStringLiteral("/pets/forecast"), QStringLiteral("toys"), QStringLiteral("v1")),
             QStringLiteral("/pets/forecast/v1"));
    QCOMPARE(free(QStringLiteral("/weather/v1"), QStringLiteral("forecasts"), QStringLiteral("v1")),
             QStringLiteral("/forecasts/v1"));
    // "/" whose routes stay apart from the others' is free.
    QCOMPARE(free(QStringLiteral("/"), QStringLiteral("petstore"), QStringLiteral("v1")),
             QStringLiteral("<not taken>"));
    QCOMPARE(free(QStringLiteral("/shop"), QStringLiteral("shop"), QStringLiteral("v1")),
             QStringLiteral("<not taken>"));
}

// A refusal for what is already taken says which field of the input it is
// about, so a form can show it there (one error type; the field is extra):
// the base path, or the version of a slug and version that exist.
void TestBasePath::conflictsNameTheirField()
{
    ApiCatalog catalog(m_db.database());
    const auto orders = catalog.createApi(
        m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("orders"),
                                     QStringLiteral("/orders/v1"), QStringLiteral("Orders")));
    QVERIFY2(orders, qPrintable(catalog.lastError()));
    QVERIFY(catalog.lastErrorField().isEmpty());

    // Base path: on create, on edit, for a new version.
    QVERIFY(!catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("other"),
                                                            QStringLiteral("/orders/v1"))));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("basePath"));
    const auto news =
        catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("news"),
                                                       QStringLiteral("/news")));
    QVERIFY2(news, qPrintable(catalog.lastError()));
    QVERIFY(catalog.lastErrorField().isEmpty()); // a success clears it
    ApiDefinition edited = *news;
    edited.basePath = QStringLiteral("/orders/v1/");
    QVERIFY(!catalog.updateApi(m_world.publisher, edited));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("basePath"));
    QVERIFY(!catalog.createVersion(m_world.publisher, orders->id, QStringLiteral("v2"),
                                   QStringLiteral("/news")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("basePath"));

    // Slug and version: on create, on edit, for a new version.
    ApiDefinition again =
        sampleApi(m_world.teamId, QStringLiteral("orders"), QStringLiteral("/orders-again"));
    QVERIFY(!catalog.createApi(m_world.publisher, again));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastError(), QStringLiteral("orders v1 already exists"));
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("version"));
    again.version = QStringLiteral("v3");
    const auto v3 = catalog.createApi(m_world.publisher, again);
    QVERIFY2(v3, qPrintable(catalog.lastError()));
    ApiDefinition renamed = *v3;
    renamed.version = QStringLiteral("v1");
    QVERIFY(!catalog.updateApi(m_world.publisher, renamed));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("version"));
    QVERIFY(!catalog.createVersion(m_world.publisher, orders->id, QStringLiteral("v3"),
                                   QStringLiteral("/orders/v3")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(catalog.lastErrorField(), QStringLiteral("version"));

    // A conflict with the API's state, not with a field: none named.
    QVERIFY(catalog.createVersion(m_world.publisher, orders->id, QStringLiteral("v2"),
                                  QStringLiteral("/orders/v2")));
    QVERIFY(!catalog.createVersion(m_world.publisher, orders->id, QStringLiteral("v4"),
                                   QStringLiteral("/orders/v4")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QVERIFY2(catalog.lastErrorField().isEmpty(), qPrintable(catalog.lastErrorField()));
}

QTEST_GUILESS_MAIN(TestBasePath)
#include "tst_base_path.moc"
