// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/workspace_file.h"

#include "app/api_export.h"
#include "app/catalog_store.h"
#include "app/domain/api_store.h"
#include "app/domain/domain_messages.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse::app;

// Whole-workspace export and declarative, idempotent apply.
class TestWorkspaceFile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup()
    {
        m_store.reset();
        m_db.cleanup();
    }

    void exportThenApplyChangesNothing();
    void editsApplyOnceThenNothing();
    void roundTripIntoAnEmptyWorkspace();
    void refusesToMoveBackAndNamesTheField();
    void oneApiExportsOnItsOwn();
    void oneApiExportPrefersItsOpenApiDocument();

private:
    qint64 auditCount();
    QJsonObject exported();
    WorkspaceApplyResult apply(const QJsonObject& doc)
    {
        return WorkspaceFile::apply(*m_store, m_world.admin, QJsonDocument(doc).toJson());
    }

    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<CatalogStore> m_store;
};

void TestWorkspaceFile::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    m_store = CatalogStore::open(QStringLiteral("workspace-test"), m_db.spec(), &err);
    QVERIFY2(m_store, qPrintable(err));

    ApiCatalog& apis = m_store->apis();
    ApiDefinition def;
    def.slug = QStringLiteral("orders");
    def.name = QStringLiteral("Orders");
    def.teamId = m_world.teamId;
    def.visibility = ApiVisibility::Organisation;
    def.basePath = QStringLiteral("/orders/v1");
    def.tags = {QStringLiteral("shop")};
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")},
                  {QStringLiteral("*"), QStringLiteral("/items/{id}")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:9100"), 2}};
    const auto v1 = apis.createApi(m_world.publisher, def);
    QVERIFY2(v1, qPrintable(apis.lastError()));
    const auto v2 = apis.createVersion(m_world.publisher, v1->id, QStringLiteral("v2"));
    QVERIFY2(v2, qPrintable(apis.lastError()));
    ApiDefinition v2def = *v2;
    v2def.basePath = QStringLiteral("/orders/v2");
    QVERIFY2(apis.updateApi(m_world.publisher, v2def), qPrintable(apis.lastError()));
    QVERIFY(apis.publish(m_world.publisher, v1->id));
    QVERIFY(apis.publish(m_world.publisher, v2->id));
    const qint64 sunset = QDateTime::currentMSecsSinceEpoch() + 90LL * 24 * 3600 * 1000;
    QVERIFY2(apis.deprecate(m_world.publisher, v1->id, sunset, v2->id),
             qPrintable(apis.lastError()));
    def.slug = QStringLiteral("drafty");
    def.basePath = QStringLiteral("/drafty");
    QVERIFY(apis.createApi(m_world.publisher, def));
    QVERIFY(
        m_store->plans().createPlan(m_world.publisher, Plan{0, v2->id, QStringLiteral("gold"),
                                                            ApprovalMode::Manual, 600, 100000, 0}));
}

qint64 TestWorkspaceFile::auditCount()
{
    auto q =
        runSql(m_store->database().connection(), QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

QJsonObject TestWorkspaceFile::exported()
{
    QString err;
    const QByteArray bytes = WorkspaceFile::exportWorkspace(*m_store, m_world.admin, &err);
    [&] {
        QVERIFY2(!bytes.isEmpty(), qPrintable(err));
    }();
    return QJsonDocument::fromJson(bytes).object();
}

static QJsonObject apiNamed(const QJsonObject& doc, const QString& slug, const QString& version)
{
    for (const auto& v : doc.value(QStringLiteral("apis")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("slug")).toString() == slug &&
            o.value(QStringLiteral("version")).toString() == version)
            return o;
    }
    return {};
}

void TestWorkspaceFile::exportThenApplyChangesNothing()
{
    const QJsonObject doc = exported();
    QCOMPARE(doc.value(QStringLiteral("apis")).toArray().size(), 3);
    const QJsonObject v1 = apiNamed(doc, QStringLiteral("orders"), QStringLiteral("v1"));
    QCOMPARE(v1.value(QStringLiteral("state")).toString(), QStringLiteral("deprecated"));
    QCOMPARE(v1.value(QStringLiteral("successor")).toString(), QStringLiteral("orders@v2"));
    QCOMPARE(apiNamed(doc, QStringLiteral("orders"), QStringLiteral("v2"))
                 .value(QStringLiteral("plans"))
                 .toArray()
                 .size(),
             1);

    const qint64 before = auditCount();
    const WorkspaceApplyResult result = apply(doc);
    QVERIFY2(result.ok(), qPrintable(result.errors.join(QLatin1Char('\n'))));
    QVERIFY2(result.changes.isEmpty(), qPrintable(result.changes.join(QLatin1Char('\n'))));
    QVERIFY(result.unchanged > 0);
    QCOMPARE(auditCount(), before);
    QCOMPARE(exported(), doc);
}

void TestWorkspaceFile::editsApplyOnceThenNothing()
{
    QJsonObject doc = exported();
    QJsonArray apis = doc.value(QStringLiteral("apis")).toArray();
    for (auto&& v : apis) {
        QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("slug")).toString() == QLatin1String("drafty")) {
            o.insert(QStringLiteral("description"), QStringLiteral("now documented"));
            o.insert(QStringLiteral("state"), QStringLiteral("published"));
            o.insert(QStringLiteral("plans"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("name"), QStringLiteral("free")},
                         {QStringLiteral("approvalMode"), QStringLiteral("automatic")}}});
            v = o;
        }
    }
    QJsonObject newApi = apiNamed(doc, QStringLiteral("drafty"), QStringLiteral("v1"));
    newApi.insert(QStringLiteral("slug"), QStringLiteral("brand-new"));
    newApi.insert(QStringLiteral("basePath"), QStringLiteral("/brand-new"));
    newApi.insert(QStringLiteral("stripBasePath"), true);
    newApi.insert(QStringLiteral("keyQueryParameter"), QStringLiteral("api_key"));
    newApi.insert(QStringLiteral("team"), QStringLiteral("platform"));
    apis.append(newApi);
    doc.insert(QStringLiteral("apis"), apis);
    QJsonArray teams = doc.value(QStringLiteral("teams")).toArray();
    teams.append(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("platform")},
                    {QStringLiteral("description"), QStringLiteral("shared services")},
                    {QStringLiteral("members"),
                     QJsonArray{QJsonObject{{QStringLiteral("user"), m_world.otherPublisher.name},
                                            {QStringLiteral("role"), QStringLiteral("owner")}}}}});
    doc.insert(QStringLiteral("teams"), teams);

    const WorkspaceApplyResult first = apply(doc);
    QVERIFY2(first.ok(), qPrintable(first.errors.join(QLatin1Char('\n'))));
    const QString changes = first.changes.join(QLatin1Char('\n'));
    for (const char* expected :
         {"team platform: created", "api drafty@v1: updated", "api drafty@v1: published",
          "api drafty@v1: plan free created", "api brand-new@v1: created"})
        QVERIFY2(changes.contains(QLatin1String(expected)), qPrintable(changes));
    QVERIFY(apiNamed(exported(), QStringLiteral("brand-new"), QStringLiteral("v1"))
                .value(QStringLiteral("stripBasePath"))
                .toBool());
    QVERIFY(!apiNamed(exported(), QStringLiteral("drafty"), QStringLiteral("v1"))
                 .value(QStringLiteral("stripBasePath"))
                 .toBool(true));
    QCOMPARE(apiNamed(exported(), QStringLiteral("brand-new"), QStringLiteral("v1"))
                 .value(QStringLiteral("keyQueryParameter"))
                 .toString(),
             QStringLiteral("api_key"));
    QCOMPARE(apiNamed(exported(), QStringLiteral("drafty"), QStringLiteral("v1"))
                 .value(QStringLiteral("keyQueryParameter"))
                 .toString(QStringLiteral("missing")),
             QString());

    const qint64 audit = auditCount();
    const WorkspaceApplyResult second = apply(doc);
    QVERIFY2(second.ok(), qPrintable(second.errors.join(QLatin1Char('\n'))));
    QVERIFY2(second.changes.isEmpty(), qPrintable(second.changes.join(QLatin1Char('\n'))));
    QCOMPARE(auditCount(), audit);
}

void TestWorkspaceFile::roundTripIntoAnEmptyWorkspace()
{
    const QJsonObject doc = exported();
    // A second, empty SQLite workspace with the same people.
    QString err;
    auto db = std::make_unique<Database>(QStringLiteral("workspace-other"));
    const QString path =
        m_db.tempDir() + QStringLiteral("/other-%1.sqlite").arg(TestDatabases::currentBackend());
    QVERIFY2(db->open(path), qPrintable(db->lastError()));
    TestWorld people;
    QVERIFY2(people.seed(*db, &err), qPrintable(err));
    db.reset();
    auto target = CatalogStore::open(QStringLiteral("workspace-target"), path, &err);
    QVERIFY2(target, qPrintable(err));

    const WorkspaceApplyResult first =
        WorkspaceFile::apply(*target, people.admin, QJsonDocument(doc).toJson());
    QVERIFY2(first.ok(), qPrintable(first.errors.join(QLatin1Char('\n'))));
    QVERIFY(first.changes.size() >= 5);
    const WorkspaceApplyResult second =
        WorkspaceFile::apply(*target, people.admin, QJsonDocument(doc).toJson());
    QVERIFY2(second.changes.isEmpty(), qPrintable(second.changes.join(QLatin1Char('\n'))));
    const QByteArray again = WorkspaceFile::exportWorkspace(*target, people.admin, &err);
    QCOMPARE(QJsonDocument::fromJson(again).object(), doc);
}

void TestWorkspaceFile::refusesToMoveBackAndNamesTheField()
{
    QJsonObject doc = exported();
    QJsonArray apis = doc.value(QStringLiteral("apis")).toArray();
    for (auto&& v : apis) {
        QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("state")).toString() == QLatin1String("deprecated")) {
            o.insert(QStringLiteral("state"), QStringLiteral("draft"));
            v = o;
        }
    }
    doc.insert(QStringLiteral("apis"), apis);
    WorkspaceApplyResult result = apply(doc);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("cannot move from "
                                          "deprecated back")),
             qPrintable(result.errors.join(QLatin1Char('\n'))));
    // The console's message says the same; the states are words it translates.
    QCOMPARE(result.errorMessages.size(), result.errors.size());
    QCOMPARE(result.errorMessage().toString(), result.errors.join(QStringLiteral("; ")));
    {
        const DomainMessage& m = result.errorMessages.constLast();
        QCOMPARE(m.text(), msg::ProblemAt);
        QVERIFY(m.args().at(0).verbatim().endsWith(QLatin1String(".state")));
        QCOMPARE(m.args().at(1).text(), msg::WorkspaceStateBackwards);
        QCOMPARE(m.args().at(1).args().at(0).text(), msg::StateDeprecated);
        QCOMPARE(m.args().at(1).args().at(1).text(), msg::StateDraft);
    }

    QJsonObject bad = exported();
    QJsonArray badApis = bad.value(QStringLiteral("apis")).toArray();
    QJsonObject first = badApis.at(0).toObject();
    first.insert(QStringLiteral("team"), QStringLiteral("nobody"));
    badApis.replace(0, first);
    bad.insert(QStringLiteral("apis"), badApis);
    const qint64 audit = auditCount();
    result = apply(bad);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("apis[0].team: no team "
                                          "'nobody'")),
             qPrintable(result.errors.join(QLatin1Char('\n'))));
    QCOMPARE(result.errorMessages.size(), result.errors.size());
    for (qsizetype i = 0; i < result.errors.size(); ++i)
        QCOMPARE(result.errorMessages.at(i).toString(), result.errors.at(i));
    QCOMPARE(auditCount(), audit); // checked before anything was written

    first = exported().value(QStringLiteral("apis")).toArray().at(0).toObject();
    first.insert(QStringLiteral("keyQueryParameter"), QStringLiteral("api key"));
    badApis.replace(0, first);
    bad.insert(QStringLiteral("apis"), badApis);
    result = apply(bad);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("apis[0].keyQueryParameter: ")),
             qPrintable(result.errors.join(QLatin1Char('\n'))));
    // "apis[0]" verbatim, then the catalog's own rule, a template.
    QCOMPARE(result.errorMessage().toString(), result.errors.join(QStringLiteral("; ")));
    QCOMPARE(result.errorMessages.value(0).text(), msg::WorkspaceFieldOf);
    QCOMPARE(result.errorMessages.value(0).args().at(1).text(), msg::KeyQueryParameterRule);
    QCOMPARE(auditCount(), audit);

    // U+0000 anywhere (a tag here), which no text of the catalog can hold
    // (PostgreSQL refuses it): the file is refused, naming the field.
    first = exported().value(QStringLiteral("apis")).toArray().at(0).toObject();
    first.insert(QStringLiteral("tags"),
                 QJsonArray{QStringLiteral("ok"), QString(QStringLiteral("bad") + QChar(0))});
    badApis.replace(0, first);
    bad.insert(QStringLiteral("apis"), badApis);
    result = apply(bad);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), qsizetype(1));
    QVERIFY2(result.errors.constFirst().contains(
                 QStringLiteral("apis[0].tags[1]: must not contain the NUL character")),
             qPrintable(result.errors.constFirst()));
    QCOMPARE(result.errorMessages.value(0).args().at(1).text(), msg::TextHoldsNul);
    QCOMPARE(auditCount(), audit);
}

void TestWorkspaceFile::oneApiExportsOnItsOwn()
{
    const QJsonObject whole = exported();
    const QJsonObject v1 = apiNamed(whole, QStringLiteral("orders"), QStringLiteral("v1"));
    const auto found = ApiStore::loadWhere(
        m_store->database().connection(), QStringLiteral("slug = ? AND version = ?"),
        {QStringLiteral("orders"), QStringLiteral("v1")}, nullptr);
    QVERIFY(found && found->size() == 1);
    const qint64 id = found->front().id;

    QString err;
    const QByteArray bytes = WorkspaceFile::exportApi(*m_store, m_world.developer, id, &err);
    QVERIFY2(!bytes.isEmpty(), qPrintable(err));
    const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(doc.value(QStringLiteral("gatehouse")).toString(), QStringLiteral("workspace"));
    const QJsonArray apis = doc.value(QStringLiteral("apis")).toArray();
    QCOMPARE(apis.size(), 1);
    // As in the whole export, less the successor the file does not hold.
    QJsonObject expected = v1;
    expected.remove(QStringLiteral("successor"));
    QCOMPARE(apis.first().toObject(), expected);
    const QJsonArray teams = doc.value(QStringLiteral("teams")).toArray();
    QCOMPARE(teams.size(), 1);
    QCOMPARE(teams.first().toObject().value(QStringLiteral("name")).toString(),
             v1.value(QStringLiteral("team")).toString());
    QVERIFY(teams.first().toObject().value(QStringLiteral("members")).toArray().isEmpty());
    // It applies on its own, and to its own catalog changes nothing.
    const WorkspaceApplyResult applied = WorkspaceFile::apply(*m_store, m_world.admin, bytes);
    QVERIFY2(applied.ok(), qPrintable(applied.errors.join(QLatin1Char('\n'))));
    QVERIFY2(applied.changes.isEmpty(), qPrintable(applied.changes.join(QLatin1Char('\n'))));

    // An API the actor cannot see is not exported.
    const auto drafty =
        ApiStore::loadWhere(m_store->database().connection(), QStringLiteral("slug = ?"),
                            {QStringLiteral("drafty")}, nullptr);
    QVERIFY(drafty && drafty->size() == 1);
    err.clear();
    QVERIFY(
        WorkspaceFile::exportApi(*m_store, m_world.outsider, drafty->front().id, &err).isEmpty());
    QVERIFY(!err.isEmpty());
    const ApiExport refused = exportApi(*m_store, m_world.outsider, drafty->front().id);
    QVERIFY(!refused.ok() && refused.document.isEmpty());
}

void TestWorkspaceFile::oneApiExportPrefersItsOpenApiDocument()
{
    const auto found =
        ApiStore::loadWhere(m_store->database().connection(), QStringLiteral("slug = ?"),
                            {QStringLiteral("drafty")}, nullptr);
    QVERIFY(found && found->size() == 1);
    ApiDefinition api = found->front();
    const ApiExport plain = exportApi(*m_store, m_world.publisher, api.id);
    QVERIFY2(plain.ok(), qPrintable(plain.error));
    QCOMPARE(plain.format, ApiExport::Format::Workspace);

    api.openApi = QStringLiteral("openapi: 3.1.0\ninfo: {title: Drafty, version: '2'}\n"
                                 "paths: {}\nx-limits: {max: 12, ratio: 0.5, none: ~, "
                                 "on: true, text: \"true\"}\n");
    QVERIFY2(m_store->apis().updateApi(m_world.publisher, api),
             qPrintable(m_store->apis().lastError()));
    const ApiExport document = exportApi(*m_store, m_world.publisher, api.id);
    QVERIFY2(document.ok(), qPrintable(document.error));
    QCOMPARE(document.format, ApiExport::Format::OpenApi);
    const QJsonObject root = QJsonDocument::fromJson(document.document).object();
    QCOMPARE(root.value(QStringLiteral("openapi")), QJsonValue(QStringLiteral("3.1.0")));
    // The catalog's version wins over a document that says otherwise
    // (drafty is v1; its document says 2).
    QCOMPARE(root.value(QStringLiteral("info")).toObject().value(QStringLiteral("version")),
             QJsonValue(QStringLiteral("v1")));
    QCOMPARE(root.value(QStringLiteral("info")).toObject().value(QStringLiteral("title")),
             QJsonValue(api.name));
    const QJsonObject limits = root.value(QStringLiteral("x-limits")).toObject();
    QCOMPARE(limits.value(QStringLiteral("max")), QJsonValue(12));
    QCOMPARE(limits.value(QStringLiteral("ratio")), QJsonValue(0.5));
    QVERIFY(limits.value(QStringLiteral("none")).isNull());
    QCOMPARE(limits.value(QStringLiteral("on")), QJsonValue(true));
    QCOMPARE(limits.value(QStringLiteral("text")), QJsonValue(QStringLiteral("true")));
    QVERIFY(root.value(QStringLiteral("paths")).isObject());

    // A document that cannot be read travels inside a workspace file instead.
    QString err;
    QVERIFY(!openApiAsJson(QStringLiteral("openapi: [unclosed"), &err));
    QVERIFY(!err.isEmpty());
    api.openApi = QStringLiteral("openapi: [unclosed");
    QVERIFY2(m_store->apis().updateApi(m_world.publisher, api),
             qPrintable(m_store->apis().lastError()));
    const ApiExport fallback = exportApi(*m_store, m_world.publisher, api.id);
    QVERIFY2(fallback.ok(), qPrintable(fallback.error));
    QCOMPARE(fallback.format, ApiExport::Format::Workspace);
    const QJsonObject exportedApi = QJsonDocument::fromJson(fallback.document)
                                        .object()
                                        .value(QStringLiteral("apis"))
                                        .toArray()
                                        .first()
                                        .toObject();
    QCOMPARE(exportedApi.value(QStringLiteral("openapi")).toString(), api.openApi);
}

QTEST_GUILESS_MAIN(TestWorkspaceFile)
#include "tst_workspace_file.moc"
