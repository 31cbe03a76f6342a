// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_admin_control.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "tests/app/admin_api_fixture.h"

#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace gatehouse::app;
using gatehouse::test::http_response;
using Scope = GatewayController::CachePurgeScope;

// /v1/cache/purge, /v1/stats and /metrics through the real admin listener,
// against a real gateway in front of the demo origin. Nothing here touches
// the catalog, so SQLite alone is enough.
class TestAdminCache : public QObject, public AdminApiFixture {
    Q_OBJECT

private slots:
    void initTestCase();
    void initTestCase_data();
    void init();
    void cleanup();
    void cleanupTestCase();

    void purgeByPrefixMakesTheNextRequestAMiss();
    void purgeByApiAndEverything();
    void purgeByTag();
    void purgeByUrl();
    void purgeRefusesInvalidSelectors();
    void statsReportCacheAndGateway();
    void metricsCarryCacheFigures();

private:
    http_response gateway(const std::string& target)
    {
        return gatehouse::test::http_request(m_controller->port(), "GET", target);
    }
    static std::string cacheStatus(const http_response& r) { return r.header("Cache-Status"); }
    static bool isHit(const http_response& r)
    {
        return cacheStatus(r).find("; hit") != std::string::npos;
    }
    static bool isMiss(const http_response& r)
    {
        // "fwd=miss" or "fwd=uri-miss" (RFC 9211): nothing stored for this URL.
        const std::string s = cacheStatus(r);
        return s.find("fwd=miss") != std::string::npos ||
               s.find("fwd=uri-miss") != std::string::npos;
    }
    // Requests `target` until the gateway serves it from the cache.
    bool warm(const std::string& target);

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<GatewayAdminControl> m_control;
};

void TestAdminCache::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(0);
    QVERIFY2(m_controller->applyConfig(m_demo.snapshot()), qPrintable(m_controller->lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 2;
    QVERIFY2(m_controller->start(options), qPrintable(m_controller->lastError()));
    m_control = std::make_unique<GatewayAdminControl>(m_controller.get());
}

void TestAdminCache::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
}

void TestAdminCache::init()
{
    setUpApi();
    m_api->stop();
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(
        startApi(*m_api, m_tokenFile, m_control.get(), [this] { return m_control->metricsText(); }),
        qPrintable(m_api->lastError()));
    QVERIFY(m_controller->purgeCache(Scope::Everything).ok);
}

void TestAdminCache::cleanup()
{
    tearDownApi();
}

void TestAdminCache::cleanupTestCase()
{
    m_control.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(500));
    m_controller.reset();
    m_demo.stopOrigin();
}

bool TestAdminCache::warm(const std::string& target)
{
    for (int i = 0; i < 5; ++i) {
        const auto r = gateway(target);
        if (r.status != 200) {
            qWarning("%s: %d %s", target.c_str(), r.status, r.error.c_str());
            return false;
        }
        if (isHit(r))
            return true;
    }
    qWarning("%s never became a hit: %s", target.c_str(), cacheStatus(gateway(target)).c_str());
    return false;
}

void TestAdminCache::purgeByPrefixMakesTheNextRequestAMiss()
{
    QVERIFY(warm("/shop/1"));
    QVERIFY(warm("/shop/2"));
    QVERIFY(warm("/weather/oslo"));
    QVERIFY(isHit(gateway("/shop/1")));

    const auto r = post(QStringLiteral("/v1/cache/purge"),
                        {{QStringLiteral("pathPrefix"), QStringLiteral("/shop/")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonOf(r).value(QStringLiteral("purged")).toInteger(), 2);
    QCOMPARE(jsonOf(r).value(QStringLiteral("scope")).toString(), QStringLiteral("pathPrefix"));

    const auto after = gateway("/shop/1");
    QVERIFY2(isMiss(after), cacheStatus(after).c_str()); // the origin answers again
    QVERIFY(isHit(gateway("/weather/oslo")));            // another prefix: still cached
}

void TestAdminCache::purgeByApiAndEverything()
{
    QVERIFY(warm("/shop/3"));
    QVERIFY(warm("/weather/bergen"));
    const auto byApi = post(QStringLiteral("/v1/cache/purge"), {{QStringLiteral("apiId"), 1}});
    QCOMPARE(byApi.status, 200);
    QCOMPARE(jsonOf(byApi).value(QStringLiteral("purged")).toInteger(), 1);
    QVERIFY(isMiss(gateway("/shop/3")));
    QVERIFY(isHit(gateway("/weather/bergen")));

    const auto all = post(QStringLiteral("/v1/cache/purge"), {});
    QCOMPARE(all.status, 200);
    QCOMPARE(jsonOf(all).value(QStringLiteral("purged")).toInteger(), 2); // /shop/3 again + bergen
    QCOMPARE(jsonOf(all).value(QStringLiteral("scope")).toString(), QStringLiteral("everything"));
    QVERIFY(isMiss(gateway("/weather/bergen")));
    QCOMPARE(m_controller->cacheSnapshot(0).total.objects, 1); // bergen, stored again
}

void TestAdminCache::purgeByTag()
{
    // The demo origin tags forecasts "weather" and "city-<name>".
    QVERIFY(warm("/weather/paris/forecast"));
    QVERIFY(warm("/weather/rome/forecast"));
    const auto r = post(QStringLiteral("/v1/cache/purge"),
                        {{QStringLiteral("tag"), QStringLiteral("city-rome")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonOf(r).value(QStringLiteral("purged")).toInteger(), 1);
    QVERIFY(isMiss(gateway("/weather/rome/forecast")));
    QVERIFY(isHit(gateway("/weather/paris/forecast")));
}

void TestAdminCache::purgeByUrl()
{
    QVERIFY(warm("/shop/8?color=red"));
    QVERIFY(warm("/shop/8"));
    // The URL as clients address it: the test client sends "Host: 127.0.0.1".
    const QString url = QStringLiteral("http://127.0.0.1/shop/8?color=red");
    const auto r = post(QStringLiteral("/v1/cache/purge"), {{QStringLiteral("url"), url}});
    QCOMPARE(r.status, 200);
    QCOMPARE(jsonOf(r).value(QStringLiteral("purged")).toInteger(), 1);
    QVERIFY(isMiss(gateway("/shop/8?color=red")));
    QVERIFY(isHit(gateway("/shop/8"))); // another query: another URL

    const auto relative = post(QStringLiteral("/v1/cache/purge"),
                               {{QStringLiteral("url"), QStringLiteral("/shop/8")}});
    QCOMPARE(relative.status, 422);
    QCOMPARE(errorFields(jsonOf(relative)), QStringList{QStringLiteral("url")});
    QVERIFY(isHit(gateway("/shop/8")));
}

// Each a 422 naming the field, as every other resource answers invalid
// input; nothing purged.
void TestAdminCache::purgeRefusesInvalidSelectors()
{
    QVERIFY(warm("/shop/4"));
    const auto two = post(QStringLiteral("/v1/cache/purge"),
                          {{QStringLiteral("tag"), QStringLiteral("weather")},
                           {QStringLiteral("pathPrefix"), QStringLiteral("/")}});
    QCOMPARE(two.status, 422);
    QCOMPARE(errorFields(jsonOf(two)),
             (QStringList{QStringLiteral("pathPrefix"), QStringLiteral("tag")}));
    QVERIFY2(jsonOf(two)
                 .value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("at most one")),
             two.body.c_str());

    const std::vector<std::pair<QString, QJsonValue>> invalid{
        {QStringLiteral("url"), QStringLiteral("/shop/4")},
        {QStringLiteral("url"), QStringLiteral("shop/4")},
        {QStringLiteral("url"), QStringLiteral("http:///shop/4")},
        {QStringLiteral("url"), QStringLiteral("ftp://127.0.0.1/shop/4")},
        {QStringLiteral("url"), 4},
        {QStringLiteral("pathPrefix"), QStringLiteral("shop")},
        {QStringLiteral("tag"), QStringLiteral("  ")},
        {QStringLiteral("apiId"), 0},
        {QStringLiteral("apiId"), QStringLiteral("1")},
    };
    for (const auto& [field, value] : invalid) {
        const auto r = post(QStringLiteral("/v1/cache/purge"), {{field, value}});
        QVERIFY2(r.status == 422, r.body.c_str());
        QCOMPARE(errorFields(jsonOf(r)), QStringList{field});
    }
    QVERIFY(isHit(gateway("/shop/4"))); // nothing purged
}

void TestAdminCache::statsReportCacheAndGateway()
{
    QVERIFY(warm("/shop/5"));
    QCOMPARE(gateway("/echo").status, 200);
    const auto r = get(QStringLiteral("/v1/stats"));
    QCOMPARE(r.status, 200);
    const QJsonObject body = jsonOf(r);
    const QJsonObject cache = body.value(QStringLiteral("cache")).toObject();
    QCOMPARE(cache.value(QStringLiteral("objects")).toInteger(), 1);
    QVERIFY(cache.value(QStringLiteral("bytes")).toInteger() > 0);
    QVERIFY(cache.value(QStringLiteral("hits")).toInteger() >= 1);
    QCOMPARE(cache.value(QStringLiteral("budgetBytes")).toInteger(),
             qint64(DemoWorkspace::defaultOptions().cache_budget_bytes));
    QCOMPARE(cache.value(QStringLiteral("eviction")).toString(), QStringLiteral("tiny_lfu"));
    bool shopSeen = false;
    for (const QJsonValue& v : cache.value(QStringLiteral("apis")).toArray()) {
        const QJsonObject api = v.toObject();
        if (api.value(QStringLiteral("api")).toString() == QLatin1String("1")) {
            shopSeen = true;
            QCOMPARE(api.value(QStringLiteral("objects")).toInteger(), 1);
            QCOMPARE(api.value(QStringLiteral("name")).toString(), QStringLiteral("shop"));
        }
    }
    QVERIFY2(shopSeen, r.body.c_str());
    const QJsonObject gw = body.value(QStringLiteral("gateway")).toObject();
    QVERIFY(gw.value(QStringLiteral("requests")).toInteger() >= 2);
    QVERIFY(gw.value(QStringLiteral("statusClasses"))
                .toObject()
                .value(QStringLiteral("2xx"))
                .toInteger() >= 2);
}

void TestAdminCache::metricsCarryCacheFigures()
{
    QVERIFY(warm("/shop/6"));
    QVERIFY(warm("/shop/7"));
    const auto r = get(QStringLiteral("/metrics"));
    QCOMPARE(r.status, 200);
    const QString text = QString::fromStdString(r.body);
    QVERIFY2(text.contains(QStringLiteral("\ngatehouse_cache_objects 2\n")), r.body.c_str());
    const qint64 bytes = m_controller->cacheSnapshot(0).total.bytes;
    QVERIFY(bytes > 0);
    QVERIFY2(text.contains(QStringLiteral("\ngatehouse_cache_bytes %1\n").arg(bytes)),
             r.body.c_str());
    QVERIFY(text.contains(QStringLiteral("\ngatehouse_cache_capacity_bytes ")));
    QVERIFY(text.contains(QStringLiteral("\ngatehouse_cache_evictions_total 0\n")));
    QVERIFY(text.contains(QStringLiteral("gatehouse_requests_total")));
    // The shop's answers are small: none is kept in a file.
    QVERIFY2(text.contains(QStringLiteral("\ngatehouse_cache_body_files 0\n")), r.body.c_str());
    const quint64 limit = m_controller->cacheSnapshot(0).bodyFilesLimit;
    QVERIFY(limit > 0);
    QVERIFY(text.contains(QStringLiteral("\ngatehouse_cache_body_files_limit %1\n").arg(limit)));
}

QTEST_GUILESS_MAIN(TestAdminCache)
#include "tst_admin_cache.moc"
