// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "app/admin_api/admin_control.h"
#include "tests/app/admin_api_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse::app;
using gatehouse::test::header_list;
using gatehouse::test::http_connection;
using gatehouse::test::http_response;

namespace {

// Stands in for the gateway controller.
class FakeControl : public AdminControl {
public:
    std::optional<QJsonObject> purgeCache(const QJsonObject& request, QString*) override
    {
        ++purges;
        return QJsonObject{{QStringLiteral("purged"), 3}, {QStringLiteral("request"), request}};
    }
    QJsonObject stats() override { return {{QStringLiteral("requests"), 42}}; }
    std::atomic<int> purges{0};
};

} // namespace

// The admin API's HTTP side: token auth and its file, the acting user,
// transport limits and errors, keep-alive, and the controller hooks.
class TestAdminApiHttp : public QObject, public AdminApiFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init() { setUpApi(); }
    void cleanup() { tearDownApi(); }

    void authentication();
    void unauthenticatedBodyIsNeverRead();
    void tokenFileIsPrivateAndReused();
    void existingDirectoryIsLeftAlone();
    void stopWhileBusy();
    void malformedJson();
    void storageFailureIsLoggedNotQuoted();
    void oversizedBody();
    void oversizedHeaders();
    void malformedRequestLine();
    void ambiguousBodyFramingIsRefused();
    void unknownRouteAndWrongMethod();
    void keepAlive();
    void headIsGetWithoutContent();
    void controlHooks();
    void gatewayResourcesWithTheCatalogClosed();
    void refusesNonLoopbackAddress();
    void refusesClosedCatalog();
    void defaultActingUser();
};

void TestAdminApiHttp::authentication()
{
    const quint16 port = m_api->port();
    auto missing = gatehouse::test::http_request(port, "GET", "/v1/health");
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.header("WWW-Authenticate").starts_with("Bearer"));
    QCOMPARE(missing.header("Content-Type"), std::string("application/problem+json"));
    QCOMPARE(jsonOf(missing).value(QStringLiteral("status")).toInt(), 401);

    std::string wrong = m_token;
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A'; // same length, one byte off
    auto bad = gatehouse::test::http_request(port, "GET", "/v1/health",
                                             {{"Authorization", "Bearer " + wrong}});
    QCOMPARE(bad.status, 401);
    QVERIFY(bad.header("WWW-Authenticate").find("invalid_token") != std::string::npos);
    auto basic = gatehouse::test::http_request(port, "GET", "/v1/apis",
                                               {{"Authorization", "Basic " + m_token}});
    QCOMPARE(basic.status, 401);
    // Unauthenticated requests never reach a route, even an unknown one.
    QCOMPARE(gatehouse::test::http_request(port, "GET", "/nowhere").status, 401);

    auto ok = get(QStringLiteral("/v1/health"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(jsonOf(ok).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    auto lower = gatehouse::test::http_request(port, "GET", "/v1/health",
                                               {{"Authorization", "bearer " + m_token}});
    QCOMPARE(lower.status, 200);
}

// Without the token a request is answered on its head: its body (here just
// under the limit) is never read (so no one without the token can make the API
// take one in), and the 401 does not wait for it.
void TestAdminApiHttp::unauthenticatedBodyIsNeverRead()
{
    http_connection c;
    QVERIFY(c.connect(m_api->port()));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(c.send_raw("POST /v1/teams HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n"
                       "{\"name\": \"intruders\""));
    const auto r = c.read(std::chrono::seconds(3));
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("WWW-Authenticate").starts_with("Bearer"));
    QVERIFY(!r.keep_alive); // the rest of the body is not read: the connection ends
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    // The same with a wrong token, and with 100-continue: no 100 first.
    std::string wrong = m_token;
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
    http_connection expecting;
    QVERIFY(expecting.connect(m_api->port()));
    QVERIFY(expecting.send_raw("PUT /v1/teams/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Authorization: Bearer " +
                               wrong +
                               "\r\nExpect: 100-continue\r\n"
                               "Content-Type: application/json\r\nContent-Length: 20\r\n\r\n"));
    const auto refused = expecting.read(std::chrono::seconds(3));
    QCOMPARE(refused.status, 401);
    QVERIFY(refused.header("WWW-Authenticate").find("invalid_token") != std::string::npos);
    QVERIFY(!refused.keep_alive);
    // Nothing was created.
    const auto teams = jsonOf(get(QStringLiteral("/v1/teams")));
    for (const QJsonValue team : teams.value(QStringLiteral("items")).toArray())
        QVERIFY(team.toObject().value(QStringLiteral("name")).toString() !=
                QStringLiteral("intruders"));
}

void TestAdminApiHttp::tokenFileIsPrivateAndReused()
{
    const QFileInfo info(m_tokenFile);
    const auto mode = [](const QString& path) {
        const QFileInfo i(path);
        const auto p = i.permissions();
        return QFileDevice::Permissions(
            p & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                 QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                 QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
    };
    QCOMPARE(mode(m_tokenFile), QFileDevice::ReadOwner | QFileDevice::WriteOwner); // 0600
    QCOMPARE(mode(info.absolutePath()),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner); // 0700

    // A second start reads the same token instead of minting a new one.
    m_api->stop();
    AdminApi again;
    QVERIFY2(startApi(again, m_tokenFile), qPrintable(again.lastError()));
    auto r = gatehouse::test::http_request(again.port(), "GET", "/v1/health",
                                           {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 200);
    again.stop();

    // A file others could read is tightened; a malformed one is refused, not replaced.
    QVERIFY(QFile::setPermissions(m_tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ReadOther));
    AdminApi tightened;
    QVERIFY2(startApi(tightened, m_tokenFile), qPrintable(tightened.lastError()));
    QCOMPARE(mode(m_tokenFile), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    tightened.stop();
    {
        QFile f(m_tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("short\n");
    }
    AdminApi refused;
    QVERIFY(!startApi(refused, m_tokenFile));
    QVERIFY2(refused.lastError().contains(m_tokenFile), qPrintable(refused.lastError()));
    QFile f(m_tokenFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("short\n"));
}

void TestAdminApiHttp::malformedJson()
{
    auto r = gatehouse::test::http_request(
        m_api->port(), "POST", "/v1/teams",
        {{"Authorization", "Bearer " + m_token}, {"Content-Type", "application/json"}},
        "{\"name\": ");
    QCOMPARE(r.status, 400);
    QVERIFY(jsonOf(r)
                .value(QStringLiteral("type"))
                .toString()
                .endsWith(QStringLiteral("malformed-json")));
    auto array = gatehouse::test::http_request(m_api->port(), "POST", "/v1/teams",
                                               {{"Authorization", "Bearer " + m_token}}, "[1,2]");
    QCOMPARE(array.status, 400);

    // U+0000 is valid JSON, but no text of the catalog can hold it
    // (PostgreSQL refuses it): a 422 naming the field, on both backends.
    const header_list json{{"Authorization", "Bearer " + m_token},
                           {"Content-Type", "application/json"}};
    auto nul = gatehouse::test::http_request(m_api->port(), "POST", "/v1/teams", json,
                                             "{\"name\": \"ops\\u0000team\"}");
    QCOMPARE(nul.status, 422);
    QCOMPARE(errorFields(jsonOf(nul)), QStringList{QStringLiteral("name")});
    auto nested = gatehouse::test::http_request(
        m_api->port(), "POST", "/v1/apis", json,
        "{\"slug\": \"s\", \"routes\": [{\"path\": \"/a\"}, {\"path\": \"/\\u0000\"}]}");
    QCOMPARE(nested.status, 422);
    QCOMPARE(errorFields(jsonOf(nested)), QStringList{QStringLiteral("routes[1].path")});
    auto workspace = gatehouse::test::http_request(m_api->port(), "PUT", "/v1/workspace", json,
                                                   "{\"gatehouse\": \"workspace\", \"version\": 1, "
                                                   "\"teams\": [{\"name\": \"x\\u0000\"}]}");
    QCOMPARE(workspace.status, 422);
    QCOMPARE(errorFields(jsonOf(workspace)), QStringList{QStringLiteral("teams[0].name")});
    QCOMPARE(jsonOf(get(QStringLiteral("/v1/teams"))).value(QStringLiteral("total")).toInt(),
             2); // the world's two teams, nothing more
    // Nor in a query: a 400 naming the parameter, not a failed query.
    auto query = get(QStringLiteral("/v1/audit?objectType=api%00x"));
    QCOMPARE(query.status, 400);
    QVERIFY2(jsonOf(query)
                 .value(QStringLiteral("detail"))
                 .toString()
                 .contains(QStringLiteral("'objectType'")),
             query.body.c_str());
}

// What the database driver says about a failed statement (the SQL, the
// table and its columns) is for the operator: the client gets a 500 with an
// incident id, the log the driver's message under that id.
void TestAdminApiHttp::storageFailureIsLoggedNotQuoted()
{
    static QMutex logged;
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
            if (type == QtWarningMsg && text.startsWith(QStringLiteral("admin API: "))) {
                const QMutexLocker lock(&logged);
                warnings.append(text);
            }
        });
    const auto restore = qScopeGuard([&] { qInstallMessageHandler(previous); });
    // Every change is audited in its own transaction: without the audit
    // table, every change fails in the database.
    QString error;
    QVERIFY2(m_db.exec(QStringLiteral("ALTER TABLE audit_log RENAME TO audit_log_gone"), &error),
             qPrintable(error));

    const auto r =
        post(QStringLiteral("/v1/teams"), {{QStringLiteral("name"), QStringLiteral("ops")}});
    QCOMPARE(r.status, 500);
    const QJsonObject problem = jsonOf(r);
    QVERIFY(problem.value(QStringLiteral("type")).toString().endsWith(QStringLiteral("/storage")));
    const QString incident = problem.value(QStringLiteral("incident")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{12}$")).match(incident).hasMatch(),
             r.body.c_str());
    const QString detail = problem.value(QStringLiteral("detail")).toString();
    QVERIFY2(detail.contains(incident), r.body.c_str());
    for (const char* internal : {"audit_log", "INSERT", "insert", "relation", "table"})
        QVERIFY2(!QString::fromStdString(r.body).contains(QLatin1String(internal)), r.body.c_str());

    {
        const QMutexLocker lock(&logged);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(incident), qPrintable(warnings.first()));
        QVERIFY2(warnings.first().contains(QStringLiteral("audit_log")),
                 qPrintable(warnings.first()));
    }
    // Each failure its own incident.
    const auto again =
        post(QStringLiteral("/v1/teams"), {{QStringLiteral("name"), QStringLiteral("ops")}});
    QCOMPARE(again.status, 500);
    QVERIFY(jsonOf(again).value(QStringLiteral("incident")).toString() != incident);
}

void TestAdminApiHttp::oversizedBody()
{
    // The test instance allows 64 KiB.
    const std::string big(200 * 1024, 'x');
    auto r = gatehouse::test::http_request(m_api->port(), "POST", "/v1/teams",
                                           {{"Authorization", "Bearer " + m_token}}, big);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
    QVERIFY(!r.keep_alive);
    // Still serving.
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
}

void TestAdminApiHttp::oversizedHeaders()
{
    auto r = gatehouse::test::http_request(
        m_api->port(), "GET", "/v1/health",
        {{"Authorization", "Bearer " + m_token}, {"X-Padding", std::string(16 * 1024, 'p')}});
    QCOMPARE(r.status, 431);
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
}

void TestAdminApiHttp::malformedRequestLine()
{
    http_connection c;
    QVERIFY(c.connect(m_api->port()));
    QVERIFY(
        c.send_raw("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n"));
    auto r = c.read();
    QCOMPARE(r.status, 400);
    QVERIFY(c.wait_closed(std::chrono::seconds(5)));
}

// A body whose length the listener and a client could read differently is
// refused and the connection closed (RFC 9112 §6.3), as the gateway does:
// Beast alone read a Transfer-Encoding not ending in chunked as no body,
// and what followed as the next request.
void TestAdminApiHttp::ambiguousBodyFramingIsRefused()
{
    const struct {
        const char* framing;
        int status;
    } cases[] = {
        {"HTTP/1.1\r\nTransfer-Encoding: chunked, gzip", 400},
        {"HTTP/1.1\r\nTransfer-Encoding: gzip, chunked", 501},
        {"HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked", 400},
        {"HTTP/1.1\r\nContent-Length: 4\r\nContent-Length: 4", 400},
        {"HTTP/1.0\r\nTransfer-Encoding: chunked", 400},
    };
    for (const auto& c : cases) {
        http_connection connection;
        QVERIFY(connection.connect(m_api->port()));
        // What would be a second request, if the first had no body.
        const std::string smuggled = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                     "Authorization: Bearer " +
                                     m_token + "\r\n\r\n";
        QVERIFY(connection.send_raw(std::string("POST /v1/teams ") + c.framing +
                                    "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token +
                                    "\r\n\r\n" + smuggled));
        const auto r = connection.read();
        QVERIFY2(r.status == c.status, c.framing);
        QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
        QVERIFY(!r.keep_alive);
        QCOMPARE(connection.read_raw(std::chrono::milliseconds(500)), std::string());
    }
}

void TestAdminApiHttp::unknownRouteAndWrongMethod()
{
    auto missing = get(QStringLiteral("/v1/nothing-here"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.header("Content-Type"), std::string("application/problem+json"));
    auto wrong = call("DELETE", QStringLiteral("/v1/teams"));
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.header("Allow"), std::string("GET, HEAD, POST"));
    auto wrongApi = call("POST", QStringLiteral("/v1/apis/1"));
    QCOMPARE(wrongApi.status, 405);
    const std::string allow = wrongApi.header("Allow");
    for (const char* m : {"GET", "PUT", "PATCH", "DELETE"})
        QVERIFY2(allow.find(m) != std::string::npos, allow.c_str());
}

void TestAdminApiHttp::keepAlive()
{
    http_connection c;
    QVERIFY(c.connect(m_api->port()));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(c.send("GET", "/v1/health", {{"Authorization", "Bearer " + m_token}}));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(r.keep_alive);
    }
    // A 401 keeps the connection, too.
    QVERIFY(c.send("GET", "/v1/health"));
    QCOMPARE(c.read().status, 401);
    QVERIFY(c.send("GET", "/v1/health", {{"Authorization", "Bearer " + m_token}}));
    QCOMPARE(c.read().status, 200);
}

// Every GET resource answers HEAD (RFC 9110 §9.1) with the GET's head and
// no content, its problems too: on a kept-alive connection content after a
// HEAD's response would be read as the next response.
void TestAdminApiHttp::headIsGetWithoutContent()
{
    const header_list auth{{"Authorization", "Bearer " + m_token}};
    const auto health = get(QStringLiteral("/v1/health"));
    QCOMPARE(health.status, 200);
    QVERIFY(!health.body.empty());

    http_connection c;
    QVERIFY(c.connect(m_api->port()));
    QVERIFY(c.send("HEAD", "/v1/health", auth));
    QVERIFY(c.send("HEAD", "/v1/nothing-here", auth));
    QVERIFY(c.send("HEAD", "/v1/health"));
    QVERIFY(c.send("GET", "/v1/health", auth));
    const auto head = c.read(std::chrono::seconds(10), true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Type"), health.header("Content-Type"));
    QCOMPARE(head.header("Content-Length"), std::to_string(health.body.size()));
    QVERIFY(head.keep_alive);
    const auto missing = c.read(std::chrono::seconds(10), true);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.header("Content-Type"), std::string("application/problem+json"));
    QCOMPARE(c.read(std::chrono::seconds(10), true).status, 401);
    const auto after = c.read();
    QCOMPARE(after.status, 200);
    QCOMPARE(after.body, health.body);
}

void TestAdminApiHttp::controlHooks()
{
    QCOMPARE(get(QStringLiteral("/v1/stats")).status, 503);
    QCOMPARE(post(QStringLiteral("/v1/cache/purge"), {}).status, 503);
    QCOMPARE(get(QStringLiteral("/metrics")).status, 503);

    m_api->stop();
    FakeControl control;
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile, &control,
                      [] { return QByteArray("# TYPE gatehouse_requests_total counter\n"); }),
             qPrintable(m_api->lastError()));
    auto stats = get(QStringLiteral("/v1/stats"));
    QCOMPARE(stats.status, 200);
    QCOMPARE(jsonOf(stats).value(QStringLiteral("requests")).toInt(), 42);
    auto purge = post(QStringLiteral("/v1/cache/purge"),
                      {{QStringLiteral("pathPrefix"), QStringLiteral("/geo")}});
    QCOMPARE(purge.status, 200);
    QCOMPARE(control.purges.load(), 1);
    auto badPurge = post(QStringLiteral("/v1/cache/purge"),
                         {{QStringLiteral("pathPrefix"), QStringLiteral("geo")}});
    QCOMPARE(badPurge.status, 422);
    QCOMPARE(control.purges.load(), 1);
    auto metrics = get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").starts_with("text/plain"));
    QVERIFY(metrics.body.find("gatehouse_requests_total") != std::string::npos);
    m_api.reset(); // before `control` goes away
}

// The gateway's resources need only the gateway: with the catalog closed
// they still answer, while the catalog's say it is unavailable. An account
// found gone before the catalog closed stays refused.
void TestAdminApiHttp::gatewayResourcesWithTheCatalogClosed()
{
    m_api->stop();
    FakeControl control;
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile, &control,
                      [] { return QByteArray("# TYPE gatehouse_requests_total counter\n"); }),
             qPrintable(m_api->lastError()));
    QCOMPARE(get(QStringLiteral("/v1/stats")).status, 200);

    // Closed: a reopen that fails leaves no database behind.
    const QString corrupt = m_db.tempDir() + QStringLiteral("/corrupt.sqlite");
    {
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    QVERIFY(!m_catalog->open(corrupt).isEmpty());
    const auto teams = get(QStringLiteral("/v1/teams"));
    QCOMPARE(teams.status, 503);
    QCOMPARE(jsonOf(teams).value(QStringLiteral("type")).toString(),
             QStringLiteral("https://gatehouse.dev/problems/admin/catalog-unavailable"));
    QElapsedTimer timer;
    timer.start();
    auto stats = get(QStringLiteral("/v1/stats"));
    QCOMPARE(stats.status, 200);
    QCOMPARE(jsonOf(stats).value(QStringLiteral("requests")).toInt(), 42);
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed()))); // no grace wait
    QCOMPARE(post(QStringLiteral("/v1/cache/purge"),
                  {{QStringLiteral("pathPrefix"), QStringLiteral("/geo")}})
                 .status,
             200);
    QCOMPARE(control.purges.load(), 1);
    const auto metrics = get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.find("gatehouse_requests_total") != std::string::npos);
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
    m_api.reset();

    // Open again, the account deleted: refused, and still refused once the
    // catalog is closed (the last check's answer stands).
    QCOMPARE(m_catalog->open(m_db.spec()), QString());
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile, &control), qPrintable(m_api->lastError()));
    QCOMPARE(get(QStringLiteral("/v1/stats")).status, 200);
    QString err;
    QVERIFY2(m_db.exec(QStringLiteral("DELETE FROM users WHERE id = %1").arg(m_world.admin.userId),
                       &err),
             qPrintable(err));
    QCOMPARE(get(QStringLiteral("/v1/stats")).status, 403);
    QVERIFY(!m_catalog->open(corrupt).isEmpty());
    const auto refused = get(QStringLiteral("/v1/stats"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(jsonOf(refused).value(QStringLiteral("detail")).toString(),
             QStringLiteral("user '%1' (id %2) has no account in this catalog")
                 .arg(m_world.admin.name)
                 .arg(m_world.admin.userId));
    QCOMPARE(post(QStringLiteral("/v1/cache/purge"), {}).status, 403);
    QCOMPARE(control.purges.load(), 1);
    m_api.reset(); // before `control` goes away
}

void TestAdminApiHttp::refusesNonLoopbackAddress()
{
    AdminApi api;
    AdminApi::Options options;
    options.catalog = m_catalog.get();
    options.address = QStringLiteral("0.0.0.0");
    options.port = 0;
    options.tokenFile = m_tokenFile;
    QVERIFY(!api.start(options));
    QVERIFY2(api.lastError().contains(QStringLiteral("loopback")), qPrintable(api.lastError()));
    QVERIFY(!api.isRunning());
}

// The admin API has no connection of its own: without an open catalog it
// does not start, and says why.
void TestAdminApiHttp::refusesClosedCatalog()
{
    AdminApi::Options options;
    options.port = 0;
    options.tokenFile = m_tokenFile;
    AdminApi none;
    QVERIFY(!none.start(options));
    QCOMPARE(none.lastError(), QStringLiteral("admin API: the catalog database is not open"));
    QVERIFY(!none.isRunning());

    CatalogService unopened;
    options.catalog = &unopened;
    AdminApi closed;
    QVERIFY(!closed.start(options));
    QCOMPARE(closed.lastError(), QStringLiteral("admin API: the catalog database is not open"));
}

// Without Options::actingUser: the local admin of a SQLite workspace (the
// OS account), the oldest admin of a shared PostgreSQL catalog.
void TestAdminApiHttp::defaultActingUser()
{
    const QByteArray savedUser = qgetenv("USER");
    const auto restore = qScopeGuard([&] { qputenv("USER", savedUser); });
    AdminApi::Options options;
    options.catalog = m_catalog.get();
    options.port = 0;
    options.tokenFile = m_tokenFile;
    if (TestDatabases::isPostgres()) {
        qputenv("USER", "nobody-here");
        AdminApi api;
        QVERIFY2(api.start(options), qPrintable(api.lastError()));
        QCOMPARE(api.actingUserName(), m_world.admin.name);
        return;
    }
    qputenv("USER", m_world.admin.name.toUtf8());
    AdminApi local;
    QVERIFY2(local.start(options), qPrintable(local.lastError()));
    QCOMPARE(local.actingUserName(), m_world.admin.name);
    local.stop();

    qputenv("USER", m_world.developer.name.toUtf8()); // has an account, not an admin
    AdminApi developer;
    QVERIFY(!developer.start(options));
    QVERIFY2(developer.lastError().contains(QStringLiteral("not an admin")),
             qPrintable(developer.lastError()));
    qputenv("USER", "stranger"); // no account in a workspace that has users
    AdminApi stranger;
    QVERIFY(!stranger.start(options));
    QVERIFY2(stranger.lastError().contains(QStringLiteral("stranger")),
             qPrintable(stranger.lastError()));
}

// A directory the caller names and that already exists is not re-moded
// (it might be a home directory); the token file in it is 0600 regardless.
void TestAdminApiHttp::existingDirectoryIsLeftAlone()
{
    const QString dir = m_db.tempDir() + QStringLiteral("/shared-%1").arg(++m_counter);
    QVERIFY(QDir().mkpath(dir));
    const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                      QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                      QFileDevice::ExeOther; // 0755
    QVERIFY(QFile::setPermissions(dir, open));
    AdminApi api;
    QVERIFY2(startApi(api, dir + QStringLiteral("/admin-token")), qPrintable(api.lastError()));
    QCOMPARE(QFileInfo(dir).permissions() & open, open);
    const auto file = QFileInfo(dir + QStringLiteral("/admin-token")).permissions();
    QCOMPARE(file & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                     QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

// Stopping with requests in flight on several connections: every client
// gets an answer or a closed connection, nothing hangs or crashes, and a
// new instance serves again.
void TestAdminApiHttp::stopWhileBusy()
{
    const quint16 port = m_api->port();
    std::atomic<bool> stop{false};
    std::atomic<int> answered{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&, c] {
            for (int i = 0; i < 200 && !stop.load(); ++i) {
                const std::string body =
                    "{\"name\":\"busy-" + std::to_string(c) + "-" + std::to_string(i) + "\"}";
                auto r = gatehouse::test::http_request(port, "POST", "/v1/teams",
                                                       {{"Authorization", "Bearer " + m_token}},
                                                       body, std::chrono::seconds(5));
                if (r.status == 201)
                    ++answered;
            }
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(answered.load() >= 10, 10000);
    m_api->stop();
    stop = true;
    for (auto& t : clients)
        t.join();
    QVERIFY(!m_api->isRunning());

    AdminApi again;
    QVERIFY2(startApi(again, m_tokenFile), qPrintable(again.lastError()));
    auto r = gatehouse::test::http_request(again.port(), "GET", "/v1/teams?limit=1",
                                           {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 200);
    // Every team the clients were told about exists (2 from the seeded world).
    QVERIFY(jsonOf(r).value(QStringLiteral("total")).toInt() >= answered.load() + 2);
}

QTEST_GUILESS_MAIN(TestAdminApiHttp)
#include "tst_admin_api_http.moc"
