// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/openapi_import.h"

#include "app/catalog_state_loader.h"
#include "app/config_compiler.h"
#include "app/domain/api_catalog.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/domain_messages.h"
#include "app/openapi_export.h"
#include "tests/app/test_databases.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace gatehouse::app;

// OpenAPI 3 import: a sizeable real-world-like document, JSON and YAML,
// errors that name where the document is wrong, and the imported API stored
// and compiled on both back ends.
class TestOpenApiImport : public QObject {
    Q_OBJECT

private:
    static QByteArray readData(const QString& name)
    {
        QFile file(QFINDTESTDATA(QStringLiteral("../data/openapi/") + name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }
    static bool hasRoute(const ApiDefinition& api, const char* method, const char* path)
    {
        return api.routes.contains(ApiRoute{QLatin1String(method), QLatin1String(path)});
    }

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void cleanup() { m_db.cleanup(); }

    void petstoreYaml()
    {
        const QByteArray doc = readData(QStringLiteral("petstore.yaml"));
        QVERIFY(!doc.isEmpty());
        const OpenApiImport result = OpenApiImporter::import(doc, QStringLiteral("petstore.yaml"));
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY(result.api);
        const ApiDefinition& api = *result.api;
        QCOMPARE(result.operationCount, 24);
        QCOMPARE(api.routes.size(), 24);
        QCOMPARE(api.name, QStringLiteral("Pet Clinic Store"));
        QCOMPARE(api.slug, QStringLiteral("pet-clinic-store"));
        QCOMPARE(api.version, QStringLiteral("v2"));
        QVERIFY(api.description.startsWith(QStringLiteral("Pets, their owners")));
        QCOMPARE(api.basePath, QStringLiteral("/petstore/v2"));
        QCOMPARE(api.upstreams.size(), 1);
        QCOMPARE(api.upstreams.front().url, QStringLiteral("http://127.0.0.1:8090"));
        QCOMPARE(api.tags, (QStringList{QStringLiteral("owners"), QStringLiteral("pets"),
                                        QStringLiteral("store"), QStringLiteral("visits")}));
        QVERIFY(hasRoute(api, "PATCH", "/pets/{petId}"));
        QVERIFY(hasRoute(api, "PUT", "/pets/{petId}/photo"));
        QVERIFY(hasRoute(api, "DELETE", "/store/orders/{orderId}"));
        QVERIFY(hasRoute(api, "HEAD", "/health"));
        QVERIFY(!hasRoute(api, "GET", "/health"));
        QCOMPARE(api.openApi, QString::fromUtf8(doc));
        QVERIFY(ApiCatalog::validate(api).isEmpty());
    }

    void inventoryJson()
    {
        const OpenApiImport result =
            OpenApiImporter::import(readData(QStringLiteral("inventory.json")));
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.api->routes.size(), 3);
        QCOMPARE(result.api->basePath, QStringLiteral("/inventory/v3"));
        QCOMPARE(result.api->version, QStringLiteral("v3"));
        QVERIFY(result.api->upstreams.isEmpty()); // a relative server names no upstream
        QVERIFY(hasRoute(*result.api, "GET", "/items/{sku}"));
    }

    // An apiKey scheme in the query opts the API in to keys in the URL;
    // header schemes and unusable names leave it header-only.
    void queryApiKeySchemeSetsTheKeyQueryParameter()
    {
        const QByteArray head = "openapi: 3.1.0\ninfo: {title: Maps, version: '1'}\n"
                                "paths:\n  /tiles:\n    get: {responses: {'200': {description: "
                                "x}}}\n";
        OpenApiImport result = OpenApiImporter::import(
            head + "components:\n  securitySchemes:\n"
                   "    header: {type: apiKey, in: header, name: X-API-Key}\n"
                   "    query: {type: apiKey, in: query, name: api_key}\n"
                   "security: [{header: []}, {query: []}]\n",
            QStringLiteral("maps.yaml"));
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.api->keyQueryParameter, QStringLiteral("api_key"));
        QVERIFY(result.api->authMode == AuthMode::ApiKey);
        QVERIFY(ApiCatalog::validate(*result.api).isEmpty());

        result = OpenApiImporter::import(
            head + "components:\n  securitySchemes:\n"
                   "    header: {type: apiKey, in: header, name: X-API-Key}\n",
            QStringLiteral("maps.yaml"));
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY(result.api->keyQueryParameter.isEmpty());

        result = OpenApiImporter::import(
            head + "components:\n  securitySchemes:\n"
                   "    query: {type: apiKey, in: query, name: 'api key'}\n",
            QStringLiteral("maps.yaml"));
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY(result.api->keyQueryParameter.isEmpty());
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.front().startsWith(QStringLiteral("maps.yaml:8:44:")) &&
                     result.warnings.front().contains(
                         QStringLiteral("components.securitySchemes.query.name: 'api key'")),
                 qPrintable(result.warnings.front()));

        result = OpenApiImporter::import(
            head + "components:\n  securitySchemes:\n    query: {type: apiKey, in: query}\n",
            QStringLiteral("maps.yaml"));
        QVERIFY(!result.api);
        QVERIFY2(
            result.errors.join(QLatin1Char('\n'))
                .contains(QStringLiteral("components.securitySchemes.query.name: is required")),
            qPrintable(result.errors.join(QLatin1Char('\n'))));
    }

    // An https server is the API's upstream as it is: the gateway forwards
    // to https:// targets over TLS.
    void httpsServerBecomesTheUpstream()
    {
        const OpenApiImport result = OpenApiImporter::import(
            "openapi: 3.0.3\ninfo: {title: Billing, version: '2'}\n"
            "servers: [{url: 'https://billing.example.com:8443/api/v2/'}]\n"
            "paths:\n  /invoices:\n    get: {responses: {'200': {description: x}}}\n",
            QStringLiteral("billing.yaml"));
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(QLatin1Char('\n'))));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(result.api->upstreams.size(), 1);
        QCOMPARE(result.api->upstreams.front().url,
                 QStringLiteral("https://billing.example.com:8443"));
        QCOMPARE(result.api->basePath, QStringLiteral("/api/v2"));
        QVERIFY(ApiCatalog::validate(*result.api).isEmpty());
        QVERIFY(ApiLifecycle::checkPublishable(*result.api).isEmpty());
    }

    // Export back: the imported document with the catalog's later changes
    // (a route removed, one added, renamed, another upstream) imports again
    // as the API stands now, and keeps what only the document said.
    void exportedDocumentImportsAsTheApiStandsNow()
    {
        const OpenApiImport imported =
            OpenApiImporter::import(readData(QStringLiteral("petstore.yaml")));
        QVERIFY2(imported.errors.isEmpty(), qPrintable(imported.errors.join(QLatin1Char('\n'))));
        ApiDefinition api = *imported.api;
        const ApiRoute removed = api.routes.takeFirst();
        api.routes.append({QStringLiteral("GET"), QStringLiteral("/stores/{storeId}/hours")});
        api.routes.append({QStringLiteral("*"), QStringLiteral("/legacy")});
        api.name = QStringLiteral("Pet Store Next");
        api.upstreams = {{QStringLiteral("https://pets.internal:8443"), 1}};

        const QJsonObject document = openApiDocumentFor(api);
        const OpenApiImport again = OpenApiImporter::import(QJsonDocument(document).toJson(),
                                                            QStringLiteral("exported.json"));
        QVERIFY2(again.errors.isEmpty(), qPrintable(again.errors.join(QLatin1Char('\n'))));
        QCOMPARE(again.api->name, api.name);
        QCOMPARE(again.api->version, api.version);
        QCOMPARE(again.api->basePath, api.basePath);
        QCOMPARE(again.api->upstreams, api.upstreams);
        QCOMPARE(again.api->keyQueryParameter, api.keyQueryParameter);
        QSet<QString> expected;
        for (const ApiRoute& route : api.routes) {
            if (route.method == QLatin1String("*")) {
                for (const char* m : {"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH"})
                    expected.insert(QLatin1String(m) + QLatin1Char(' ') + route.path);
            } else {
                expected.insert(route.method + QLatin1Char(' ') + route.path);
            }
        }
        QSet<QString> got;
        for (const ApiRoute& route : again.api->routes)
            got.insert(route.method + QLatin1Char(' ') + route.path);
        QCOMPARE(got, expected);
        QVERIFY(!got.contains(removed.method + QLatin1Char(' ') + removed.path));
        // What only the document said stays: an operation's parameters.
        const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
        bool documentedParameters = false;
        for (const auto& item : paths)
            for (const auto& op : item.toObject())
                documentedParameters |= op.toObject().contains(QStringLiteral("parameters"));
        QVERIFY(documentedParameters);
    }

    // An API made in the catalog gets a document of its own.
    void apiWithoutDocumentGetsOne()
    {
        ApiDefinition api;
        api.name = QStringLiteral("Orders");
        api.version = QStringLiteral("v2");
        api.basePath = QStringLiteral("/orders/v2");
        api.upstreams = {{QStringLiteral("http://orders.internal:9000"), 1}};
        api.routes = {{QStringLiteral("GET"), QStringLiteral("/items/{id}")},
                      {QStringLiteral("POST"), QStringLiteral("/items")}};
        api.keyQueryParameter = QStringLiteral("api_key");
        api.tags = {QStringLiteral("sales")};
        const QJsonObject document = openApiDocumentFor(api);
        QCOMPARE(document.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
        const OpenApiImport again =
            OpenApiImporter::import(QJsonDocument(document).toJson(), QStringLiteral("new.json"));
        QVERIFY2(again.errors.isEmpty(), qPrintable(again.errors.join(QLatin1Char('\n'))));
        QCOMPARE(again.api->name, api.name);
        QCOMPARE(again.api->version, api.version);
        QCOMPARE(again.api->basePath, api.basePath);
        QCOMPARE(again.api->upstreams, api.upstreams);
        // JSON objects keep their keys sorted: the same routes, maybe in
        // another order.
        QCOMPARE(QSet<QString>({again.api->routes.at(0).method + again.api->routes.at(0).path,
                                again.api->routes.at(1).method + again.api->routes.at(1).path}),
                 QSet<QString>({api.routes.at(0).method + api.routes.at(0).path,
                                api.routes.at(1).method + api.routes.at(1).path}));
        QCOMPARE(again.api->routes.size(), api.routes.size());
        QCOMPARE(again.api->keyQueryParameter, QStringLiteral("api_key"));
        QCOMPARE(again.api->tags, api.tags);
    }

    void invalidDocumentsNameTheLocation_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("mentions");
        const QByteArray head = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";
        QTest::newRow("syntax") << QByteArray("openapi: 3.0.3\ninfo: [unclosed\n")
                                << QStringLiteral("doc.yaml:3:");
        QTest::newRow("json syntax") << QByteArray("{\"openapi\": \"3.1.0\",\n  \"info\": {]\n}")
                                     << QStringLiteral("doc.yaml:2:");
        QTest::newRow("swagger 2") << QByteArray("swagger: '2.0'\ninfo: {title: T, version: 1}\n")
                                   << QStringLiteral("doc.yaml:1:10: swagger: Swagger 2.0");
        QTest::newRow("no openapi") << QByteArray("info: {title: T, version: '1'}\npaths: {}\n")
                                    << QStringLiteral("openapi: is required");
        QTest::newRow("version 4") << QByteArray("openapi: 4.0.0\ninfo: {title: T, version: '1'}\n"
                                                 "paths: {}\n")
                                   << QStringLiteral("doc.yaml:1:10: openapi: version '4.0.0'");
        QTest::newRow("no title") << QByteArray("openapi: 3.0.3\ninfo: {version: '1'}\npaths: {}\n")
                                  << QStringLiteral("info.title: is required");
        QTest::newRow("relative path")
            << head + "paths:\n  pets:\n    get: {responses: {'200': {description: x}}}\n"
            << QStringLiteral("doc.yaml:4:3: paths.pets: a path must start with '/'");
        QTest::newRow("bad template")
            << head + "paths:\n  /pets/{id:\n    get: {responses: {'200': {description: x}}}\n"
            << QStringLiteral("doc.yaml:4:3: paths./pets/{id");
        QTest::newRow("unknown method")
            << head + "paths:\n  /pets:\n    fetch: {responses: {}}\n"
            << QStringLiteral("doc.yaml:5:5: paths./pets.fetch: unknown field");
        QTest::newRow("operation not a mapping")
            << head + "paths:\n  /pets:\n    get: [1, 2]\n"
            << QStringLiteral("doc.yaml:5:10: paths./pets.get: an operation must be a mapping");
        QTest::newRow("missing responses")
            << head + "paths:\n  /pets:\n    get:\n      summary: list\n"
            << QStringLiteral("doc.yaml:6:7: paths./pets.get.responses: is required");
        QTest::newRow("same operation twice")
            << head + "paths:\n  /pets/{a}:\n    get: {responses: {}}\n  /pets/{b}:\n"
                      "    get: {responses: {}}\n"
            << QStringLiteral("doc.yaml:7:5: paths./pets/{b}.get: the same operation");
        // YAML's "\0" and JSON's "\u0000": no text of the catalog can hold U+0000.
        QTest::newRow("NUL in the title")
            << QByteArray("openapi: 3.0.3\ninfo: {title: \"Pet\\0store\", version: '1'}\n"
                          "paths: {}\n")
            << QStringLiteral("doc.yaml:2:15: info.title: must not contain the NUL character");
        QTest::newRow("NUL in a JSON summary")
            << QByteArray(
                   "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"},\n"
                   " \"paths\": {\"/pets\": {\"get\": {\"summary\": \"a\\u0000b\"}}}}")
            << QStringLiteral("paths./pets.get.summary: must not contain the NUL character");
        QTest::newRow("server variable without default")
            << head + "servers: [{url: 'http://{host}/v1'}]\npaths: {}\n"
            << QStringLiteral("servers[0].url: variable without a default");
    }

    void invalidDocumentsNameTheLocation()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, mentions);
        const OpenApiImport result = OpenApiImporter::import(document, QStringLiteral("doc.yaml"));
        QVERIFY(!result.api);
        QVERIFY(!result.errors.isEmpty());
        QVERIFY2(result.errors.join(QLatin1Char('\n')).contains(mentions),
                 qPrintable(result.errors.join(QLatin1Char('\n'))));
        // The same lines as messages for the console: the place verbatim,
        // the problem a template to translate (the router's own reason about
        // a path template is English text of the gateway).
        QCOMPARE(result.errorMessages.size(), result.errors.size());
        for (qsizetype i = 0; i < result.errors.size(); ++i) {
            const DomainMessage& m = result.errorMessages.at(i);
            QCOMPARE(m.toString(), result.errors.at(i));
            QCOMPARE(m.text(), msg::ProblemAt);
            QCOMPARE(m.args().size(), 2);
            QVERIFY(m.args().at(0).isVerbatim());
            QVERIFY(m.args().at(0).verbatim().startsWith(QLatin1String("doc.yaml")));
            if (QLatin1String(QTest::currentDataTag()) != QLatin1String("bad template"))
                QVERIFY2(!m.args().at(1).isVerbatim(), qPrintable(result.errors.at(i)));
        }
    }

    void warningsCarryMessagesToo()
    {
        const OpenApiImport result =
            OpenApiImporter::import("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n",
                                    QStringLiteral("doc.yaml"));
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.warnings,
                 QStringList{QStringLiteral("doc.yaml:1:1: paths: no operations to route")});
        QCOMPARE(result.warningMessages.size(), 1);
        QCOMPARE(result.warningMessages.at(0).toString(), result.warnings.at(0));
        QCOMPARE(result.warningMessages.at(0).args().at(1).text(), msg::OpenApiNoOperations);
        // Without a source name the place reads "document", itself a template.
        const OpenApiImport nameless = OpenApiImporter::import("openapi: 3.0.3\n");
        QCOMPARE(nameless.errors.value(0), QStringLiteral("document:1:1: info: is required"));
        QCOMPARE(nameless.errorMessages.value(0).args().at(0).text(), msg::OpenApiUnnamedDocument);
        QCOMPARE(nameless.errorMessages.value(0).toString(), nameless.errors.value(0));
    }

    void importedApiIsStoredPublishedAndCompiled()
    {
        GH_OPEN_FRESH(m_db);
        TestWorld world;
        QString err;
        QVERIFY2(world.seed(m_db.database(), &err), qPrintable(err));
        OpenApiImport result = OpenApiImporter::import(readData(QStringLiteral("petstore.yaml")));
        QVERIFY(result.api);
        ApiDefinition def = *result.api;
        def.teamId = world.teamId;
        ApiCatalog catalog(m_db.database());
        const auto created = catalog.createApi(world.publisher, def);
        QVERIFY2(created, qPrintable(catalog.lastError()));
        QVERIFY2(catalog.publish(world.publisher, created->id), qPrintable(catalog.lastError()));
        const auto stored = catalog.api(world.publisher, created->id);
        QVERIFY(stored);
        QCOMPARE(stored->routes.size(), 24);
        QCOMPARE(stored->openApi, def.openApi);

        const auto state = loadCatalogState(m_db.database().connection(), &err);
        QVERIFY2(state, qPrintable(err));
        const CompiledConfig compiled = ConfigCompiler::compile(*state);
        QVERIFY2(compiled.ok(), qPrintable(compiled.error));
        QCOMPARE(compiled.snapshot.routes.size(), std::size_t(24));
        bool found = false;
        for (const auto& r : compiled.snapshot.routes)
            found = found || r.path == "/petstore/v2/pets/{petId}/vaccinations";
        QVERIFY(found);
    }

    // Importing a document twice: the catalog says the slug and version are
    // taken and offers a free version of the same API or a slug of its own.
    void takenSlugAndVersionHaveFreeAlternatives()
    {
        GH_OPEN_FRESH(m_db);
        TestWorld world;
        QString err;
        QVERIFY2(world.seed(m_db.database(), &err), qPrintable(err));
        ApiCatalog catalog(m_db.database());
        const QString slug = QStringLiteral("pet-clinic-store");
        auto check = catalog.checkSlugVersion(slug, QStringLiteral("v2"));
        QVERIFY2(check, qPrintable(catalog.lastError()));
        QVERIFY(!check->taken);
        QVERIFY(check->freeVersion.isEmpty() && check->freeSlug.isEmpty());

        OpenApiImport result = OpenApiImporter::import(readData(QStringLiteral("petstore.yaml")));
        QVERIFY(result.api);
        ApiDefinition def = *result.api;
        def.teamId = world.teamId;
        QVERIFY2(catalog.createApi(world.publisher, def), qPrintable(catalog.lastError()));
        // Each copy on a base path of its own (two live APIs cannot share one).
        def.version = QStringLiteral("v7");
        def.basePath = QStringLiteral("/petstore/v7");
        QVERIFY2(catalog.createApi(world.publisher, def), qPrintable(catalog.lastError()));
        def.slug = QStringLiteral("pet-clinic-store-2");
        def.basePath = QStringLiteral("/petstore-2/v7");
        QVERIFY2(catalog.createApi(world.publisher, def), qPrintable(catalog.lastError()));
        // Another team's API counts too: createApi would refuse it as well.
        def.slug = QStringLiteral("pet-clinic-store-3");
        def.version = QStringLiteral("2024.1");
        def.basePath = QStringLiteral("/petstore-3");
        def.teamId = world.otherTeamId;
        QVERIFY2(catalog.createApi(world.otherPublisher, def), qPrintable(catalog.lastError()));

        check = catalog.checkSlugVersion(slug, QStringLiteral("v2"));
        QVERIFY2(check, qPrintable(catalog.lastError()));
        QVERIFY(check->taken);
        QCOMPARE(check->freeVersion, QStringLiteral("v8")); // after the highest
        QCOMPARE(check->freeSlug, QStringLiteral("pet-clinic-store-4"));
        check = catalog.checkSlugVersion(QStringLiteral("pet-clinic-store-3"),
                                         QStringLiteral("2024.1"));
        QVERIFY(check && check->taken);
        QCOMPARE(check->freeVersion, QStringLiteral("2024.1-2"));
        QCOMPARE(check->freeSlug, QStringLiteral("pet-clinic-store-3-2"));
        // The alternatives are accepted.
        def.teamId = world.teamId;
        def.slug = slug;
        def.version = QStringLiteral("v8");
        def.basePath = QStringLiteral("/petstore/v8");
        QVERIFY2(catalog.createApi(world.publisher, def), qPrintable(catalog.lastError()));
    }

private:
    TestDatabases m_db;
};

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "tst_openapi_import.moc"
