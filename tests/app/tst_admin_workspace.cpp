// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "tests/app/admin_api_fixture.h"

#include <QFile>
#include <QTest>

using namespace gatehouse::app;
using gatehouse::test::header_list;
using gatehouse::test::http_response;

// The admin API's declarative side, over real HTTP on both back ends: the
// whole workspace as one file (GET / PUT /v1/workspace, idempotent) and an
// OpenAPI document turned into a draft API (POST /v1/apis/import).
class TestAdminWorkspace : public QObject, public AdminApiFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init() { setUpApi(); }
    void cleanup() { tearDownApi(); }

    void exportListsTeamsAndApis();
    void applyIsIdempotent();
    void applyRefusesUnknownNames();
    void applyRefusesGarbage();
    void importOpenApiCreatesADraft();
    void importReportsDocumentErrors();
    void importNeedsATeam();

private:
    http_response send(const char* method, const QString& target, const QByteArray& body,
                       const char* contentType)
    {
        header_list headers{{"Authorization", "Bearer " + m_token}, {"Content-Type", contentType}};
        return gatehouse::test::http_request(m_api->port(), method, target.toStdString(), headers,
                                             body.toStdString());
    }
    static QByteArray readData(const QString& name)
    {
        QFile file(QFINDTESTDATA(QStringLiteral("../data/openapi/") + name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static QStringList strings(const QJsonValue& array)
    {
        QStringList out;
        for (const QJsonValue& v : array.toArray())
            out << v.toString();
        return out;
    }
};

void TestAdminWorkspace::exportListsTeamsAndApis()
{
    QVERIFY(createApi(QStringLiteral("orders")) > 0);
    const http_response r = get(QStringLiteral("/v1/workspace"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").starts_with("application/json"));
    const QJsonObject doc = jsonOf(r);
    QCOMPARE(doc.value(QStringLiteral("gatehouse")).toString(), QStringLiteral("workspace"));
    QStringList slugs;
    for (const QJsonValue& a : doc.value(QStringLiteral("apis")).toArray())
        slugs << a.toObject().value(QStringLiteral("slug")).toString();
    QVERIFY2(slugs.contains(QStringLiteral("orders")), qPrintable(slugs.join(QLatin1Char(','))));
    QVERIFY(!doc.value(QStringLiteral("teams")).toArray().isEmpty());
}

void TestAdminWorkspace::applyIsIdempotent()
{
    QVERIFY(createApi(QStringLiteral("orders")) > 0);
    QByteArray exported = QByteArray::fromStdString(get(QStringLiteral("/v1/workspace")).body);
    // A new team and API added to the exported file, as someone editing it
    // by hand would.
    QJsonObject doc = QJsonDocument::fromJson(exported).object();
    QJsonArray teams = doc.value(QStringLiteral("teams")).toArray();
    teams.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("billing")},
                             {QStringLiteral("description"), QStringLiteral("Invoices")},
                             {QStringLiteral("members"), QJsonArray()}});
    doc.insert(QStringLiteral("teams"), teams);
    QJsonArray apis = doc.value(QStringLiteral("apis")).toArray();
    QJsonObject invoices = apis.first().toObject();
    invoices.insert(QStringLiteral("slug"), QStringLiteral("invoices"));
    invoices.insert(QStringLiteral("name"), QStringLiteral("Invoices"));
    invoices.insert(QStringLiteral("basePath"), QStringLiteral("/invoices"));
    invoices.insert(QStringLiteral("team"), QStringLiteral("billing"));
    invoices.insert(QStringLiteral("state"), QStringLiteral("draft"));
    invoices.remove(QStringLiteral("successor"));
    apis.append(invoices);
    doc.insert(QStringLiteral("apis"), apis);
    const QByteArray edited = QJsonDocument(doc).toJson();

    const http_response first =
        send("PUT", QStringLiteral("/v1/workspace"), edited, "application/json");
    QCOMPARE(first.status, 200);
    const QStringList changes = strings(jsonOf(first).value(QStringLiteral("changes")));
    QVERIFY2(changes.contains(QStringLiteral("team billing: created")),
             qPrintable(changes.join(QLatin1Char('\n'))));
    QVERIFY2(
        std::any_of(changes.begin(), changes.end(),
                    [](const QString& c) { return c.startsWith(QLatin1String("api invoices@")); }),
        qPrintable(changes.join(QLatin1Char('\n'))));

    const http_response second =
        send("PUT", QStringLiteral("/v1/workspace"), edited, "application/json");
    QCOMPARE(second.status, 200);
    QCOMPARE(strings(jsonOf(second).value(QStringLiteral("changes"))), QStringList());
    QVERIFY(jsonOf(second).value(QStringLiteral("unchanged")).toInt() >= 3);

    const http_response listed = get(QStringLiteral("/v1/apis?slug=invoices"));
    QCOMPARE(jsonOf(listed).value(QStringLiteral("items")).toArray().size(), 1);
}

void TestAdminWorkspace::applyRefusesUnknownNames()
{
    QVERIFY(createApi(QStringLiteral("orders")) > 0);
    QJsonObject workspace = QJsonDocument::fromJson(QByteArray::fromStdString(
                                                        get(QStringLiteral("/v1/workspace")).body))
                                .object();
    QJsonArray apis = workspace.value(QStringLiteral("apis")).toArray();
    QCOMPARE(apis.size(), 1);
    QJsonObject ghost = apis.first().toObject();
    ghost.insert(QStringLiteral("slug"), QStringLiteral("ghost"));
    ghost.insert(QStringLiteral("team"), QStringLiteral("nobody"));
    apis.replace(0, ghost);
    workspace.insert(QStringLiteral("apis"), apis);
    const QByteArray doc = QJsonDocument(workspace).toJson();
    const http_response r = send("PUT", QStringLiteral("/v1/workspace"), doc, "application/json");
    QCOMPARE(r.status, 422);
    QVERIFY(r.header("Content-Type").starts_with("application/problem+json"));
    const QJsonObject problem = jsonOf(r);
    QVERIFY2(errorFields(problem).contains(QStringLiteral("apis[0].team")), r.body.c_str());
    QCOMPARE(strings(problem.value(QStringLiteral("changes"))), QStringList());
    // Nothing was written.
    QCOMPARE(jsonOf(get(QStringLiteral("/v1/apis?slug=ghost")))
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
             0);
}

void TestAdminWorkspace::applyRefusesGarbage()
{
    QCOMPARE(send("PUT", QStringLiteral("/v1/workspace"), "", "application/json").status, 400);
    const http_response r =
        send("PUT", QStringLiteral("/v1/workspace"), "{\"apis\": [1, 2", "application/json");
    QCOMPARE(r.status, 422);
    QVERIFY(!jsonOf(r).value(QStringLiteral("errors")).toArray().isEmpty());
    QCOMPARE(call("POST", QStringLiteral("/v1/workspace")).status, 405);
}

void TestAdminWorkspace::importOpenApiCreatesADraft()
{
    const QByteArray doc = readData(QStringLiteral("petstore.yaml"));
    QVERIFY(!doc.isEmpty());
    const http_response r =
        send("POST", QStringLiteral("/v1/apis/import?teamId=%1").arg(m_world.teamId), doc,
             "application/yaml");
    QCOMPARE(r.status, 201);
    const QJsonObject api = jsonOf(r);
    QCOMPARE(api.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(api.value(QStringLiteral("basePath")).toString(), QStringLiteral("/petstore/v2"));
    QCOMPARE(api.value(QStringLiteral("teamId")).toInteger(), m_world.teamId);
    QCOMPARE(api.value(QStringLiteral("operations")).toInt(), 24);
    const QString location = QString::fromStdString(std::string(r.header("Location")));
    const http_response fetched = get(location);
    QCOMPARE(fetched.status, 200);
    QVERIFY(jsonOf(fetched)
                .value(QStringLiteral("openApi"))
                .toString()
                .contains(QLatin1String("Pet Clinic")));
    // The same document again: same slug and version, a conflict.
    QCOMPARE(send("POST", QStringLiteral("/v1/apis/import?teamId=%1").arg(m_world.teamId), doc,
                  "application/yaml")
                 .status,
             409);
}

void TestAdminWorkspace::importReportsDocumentErrors()
{
    const QByteArray doc = "openapi: 3.0.3\ninfo:\n  title: Broken\npaths:\n  /x:\n    get: {}\n";
    const http_response r =
        send("POST", QStringLiteral("/v1/apis/import?teamId=%1").arg(m_world.teamId), doc,
             "application/yaml");
    QCOMPARE(r.status, 422);
    const QJsonArray errors = jsonOf(r).value(QStringLiteral("errors")).toArray();
    QVERIFY(!errors.isEmpty());
    // Line and column point into the document.
    QVERIFY2(errors.first()
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QStringLiteral("body:")),
             r.body.c_str());
    QCOMPARE(jsonOf(get(QStringLiteral("/v1/apis?q=Broken")))
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
             0);
}

void TestAdminWorkspace::importNeedsATeam()
{
    const QByteArray doc = readData(QStringLiteral("petstore.yaml"));
    const http_response r =
        send("POST", QStringLiteral("/v1/apis/import"), doc, "application/yaml");
    QCOMPARE(r.status, 422);
    QCOMPARE(errorFields(jsonOf(r)), QStringList{QStringLiteral("teamId")});
    QCOMPARE(send("POST", QStringLiteral("/v1/apis/import?teamId=999999"), doc, "application/yaml")
                 .status,
             404);
}

QTEST_GUILESS_MAIN(TestAdminWorkspace)
#include "tst_admin_workspace.moc"
