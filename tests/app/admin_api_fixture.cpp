// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/app/admin_api_fixture.h"

#include <QFile>
#include <QTest>

using namespace gatehouse::app;
using gatehouse::test::header_list;
using gatehouse::test::http_response;

bool AdminApiFixture::startApi(AdminApi& api, const QString& tokenFile, AdminControl* control,
                               std::function<QByteArray()> metrics)
{
    AdminApi::Options options;
    options.catalog = m_catalog.get();
    options.actingUser = m_world.admin.name;
    options.port = 0;
    options.tokenFile = tokenFile;
    options.limits.bodyLimit = 64 * 1024;
    options.limits.headerLimit = 8 * 1024;
    options.control = control;
    options.metricsText = std::move(metrics);
    return api.start(options);
}

void AdminApiFixture::setUpApi()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    m_catalog = std::make_unique<CatalogService>();
    err = m_catalog->open(m_db.spec());
    QVERIFY2(err.isEmpty(), qPrintable(err));
    m_tokenFile =
        m_db.tempDir() + QStringLiteral("/config-%1/gatehouse/admin-token").arg(++m_counter);
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile), qPrintable(m_api->lastError()));
    QVERIFY(m_api->port() != 0);
    QCOMPARE(m_api->actingUserName(), m_world.admin.name);
    QFile file(m_tokenFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_token = file.readAll().trimmed().toStdString();
    QCOMPARE(m_token.size(), std::size_t(43)); // base64url of 32 bytes, unpadded
}

void AdminApiFixture::tearDownApi()
{
    m_api.reset();
    m_catalog.reset(); // closes its connection before the database is dropped
    m_db.cleanup();
}

http_response AdminApiFixture::call(const char* method, const QString& target,
                                    const QJsonObject& body, bool withBody)
{
    header_list headers{{"Authorization", "Bearer " + m_token}};
    std::string payload;
    if (withBody) {
        headers.emplace_back("Content-Type", "application/json");
        payload = bodyOf(body);
    }
    return gatehouse::test::http_request(m_api->port(), method, target.toStdString(), headers,
                                         payload);
}

qint64 AdminApiFixture::createApi(const QString& slug, bool withRoute)
{
    QJsonObject body{{QStringLiteral("slug"), slug},
                     {QStringLiteral("name"), slug.toUpper()},
                     {QStringLiteral("teamId"), m_world.teamId},
                     {QStringLiteral("visibility"), QStringLiteral("organisation")},
                     {QStringLiteral("basePath"), QString(QLatin1Char('/') + slug)},
                     {QStringLiteral("tags"), QJsonArray{QString(QStringLiteral("t-") + slug)}},
                     {QStringLiteral("upstreams"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9100")}}}}};
    if (withRoute)
        body.insert(QStringLiteral("routes"),
                    QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                           {QStringLiteral("path"), QStringLiteral("/items")}}});
    const http_response r = post(QStringLiteral("/v1/apis"), body);
    if (r.status != 201)
        qWarning("create %s: %d %s", qPrintable(slug), r.status, r.body.c_str());
    return jsonOf(r).value(QStringLiteral("id")).toInteger();
}

qint64 AdminApiFixture::createPublishedApiWithPlan(const QString& slug, const char* approval,
                                                   qint64* planId)
{
    const qint64 apiId = createApi(slug);
    const auto published = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(apiId),
                                {{QStringLiteral("action"), QStringLiteral("publish")}});
    if (published.status != 200)
        qWarning("publish: %d %s", published.status, published.body.c_str());
    const auto plan = post(QStringLiteral("/v1/apis/%1/plans").arg(apiId),
                           {{QStringLiteral("name"), QStringLiteral("gold")},
                            {QStringLiteral("approvalMode"), QString::fromLatin1(approval)}});
    if (plan.status != 201)
        qWarning("plan: %d %s", plan.status, plan.body.c_str());
    *planId = jsonOf(plan).value(QStringLiteral("id")).toInteger();
    return apiId;
}
