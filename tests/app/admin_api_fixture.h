// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_api.h"
#include "app/catalog_service.h"
#include "tests/app/test_databases.h"
#include "tests/support/test_http.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>

// Shared by the admin API suites: a fresh database per test function (SQLite
// and PostgreSQL), the seeded TestWorld, the catalog opened as the console
// opens it (CatalogService), and a running AdminApi on a free port of
// 127.0.0.1 going through it as the world's admin, driven with real HTTP.
class AdminApiFixture {
protected:
    // Call from the suite's init() and cleanup().
    void setUpApi();
    void tearDownApi();

    bool startApi(gatehouse::app::AdminApi& api, const QString& tokenFile,
                  gatehouse::app::AdminControl* control = nullptr,
                  std::function<QByteArray()> metrics = {});
    gatehouse::test::http_response call(const char* method, const QString& target,
                                        const QJsonObject& body = {}, bool withBody = false);
    gatehouse::test::http_response get(const QString& target) { return call("GET", target); }
    gatehouse::test::http_response post(const QString& target, const QJsonObject& body)
    {
        return call("POST", target, body, true);
    }
    // A draft in the world's team, 0 on failure (with a warning).
    qint64 createApi(const QString& slug, bool withRoute = true);
    qint64 createPublishedApiWithPlan(const QString& slug, const char* approval, qint64* planId);

    static QJsonObject jsonOf(const gatehouse::test::http_response& r)
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
    }
    static std::string bodyOf(const QJsonObject& o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
    }
    static QStringList errorFields(const QJsonObject& problem)
    {
        QStringList fields;
        for (const QJsonValue& e : problem.value(QStringLiteral("errors")).toArray())
            fields.append(e.toObject().value(QStringLiteral("field")).toString());
        return fields;
    }

    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<gatehouse::app::CatalogService> m_catalog;
    std::unique_ptr<gatehouse::app::AdminApi> m_api;
    QString m_tokenFile;
    std::string m_token;
    int m_counter = 0;
};
