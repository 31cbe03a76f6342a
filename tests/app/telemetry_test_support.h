// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared by the telemetry suites: a throwaway PostgreSQL database, call
// records, and a record source that hands them to a CallLogWriter as the
// gateway's rings would.

#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_database.h"
#include "gateway/call_record.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace gatehouse::test {

// A database of its own on the server of GATEHOUSE_TEST_PG_URL, dropped
// again at the end of the test.
class ScratchPostgres {
public:
    explicit ScratchPostgres(const QString& base)
    {
        QSqlDatabase db = app::telemetry::openDatabase(base, m_admin, &m_error);
        if (!db.isValid())
            return;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + m_name)) {
            m_error = q.lastError().text();
            return;
        }
        QUrl url(base);
        url.setPath(QLatin1Char('/') + m_name);
        m_url = url.toString();
    }
    ~ScratchPostgres()
    {
        {
            QSqlQuery q(QSqlDatabase::database(m_admin));
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_name +
                   QStringLiteral(" WITH (FORCE)"));
        }
        app::telemetry::closeDatabase(m_admin);
    }
    ScratchPostgres(const ScratchPostgres&) = delete;
    ScratchPostgres& operator=(const ScratchPostgres&) = delete;

    QString url() const { return m_url; } // empty on failure: see error()
    QString error() const { return m_error; }

private:
    QString m_admin = app::telemetry::uniqueConnectionName(QStringLiteral("scratch-admin"));
    QString m_name = QStringLiteral("gh_tel_%1_%2_%3")
                         .arg(QCoreApplication::applicationPid())
                         .arg(QDateTime::currentMSecsSinceEpoch())
                         .arg(++s_databases);
    static inline int s_databases = 0;
    QString m_url;
    QString m_error;
};

// Rows for tests that run on SQLite, and on PostgreSQL when one is given
// (GATEHOUSE_TEST_PG_URL); the data column is `postgres`.
inline void addBackendRows()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    if (!qEnvironmentVariableIsEmpty("GATEHOUSE_TEST_PG_URL"))
        QTest::newRow("postgresql") << true;
}

// The database a test runs on, as its `postgres` data column says: a
// scratch PostgreSQL database on the server of GATEHOUSE_TEST_PG_URL, or the
// SQLite file `sqliteFile`.
class TelemetryTestDatabase {
public:
    TelemetryTestDatabase(bool postgres, const QString& sqliteFile)
    {
        if (postgres)
            m_pg = std::make_unique<ScratchPostgres>(qEnvironmentVariable("GATEHOUSE_TEST_PG_URL"));
        m_path = m_pg ? m_pg->url() : sqliteFile;
    }
    // False when the PostgreSQL database could not be made: see error().
    bool ready() const { return !m_path.isEmpty(); }
    QString error() const { return m_pg ? m_pg->error() : QString(); }
    QString path() const { return m_path; }
    bool isPostgres() const { return m_pg != nullptr; }

private:
    std::unique_ptr<ScratchPostgres> m_pg;
    QString m_path;
};

// A call as the gateway records one: GET /synthetic, 100 bytes in, 1000
// out, from `client` (none by default).
inline gateway::call_record makeRecord(qint64 tsUs, quint64 api, int status,
                                       std::uint32_t latencyUs, const char* client = "")
{
    gateway::call_record r;
    r.timestamp_us = tsUs;
    r.api_id = api;
    r.status = static_cast<std::uint16_t>(status);
    r.total_latency_us = latencyUs;
    r.bytes_in = 100;
    r.bytes_out = 1000;
    r.method.assign("GET");
    r.path.assign("/synthetic");
    r.request_id.assign("req");
    r.client_address.assign(client);
    return r;
}

// Now, in µs since the epoch, as call records are stamped.
inline qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// Records handed to a writer directly, as the gateway's rings would.
class FeedSource {
public:
    void push(const gateway::call_record& r)
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(r);
    }
    std::size_t waiting()
    {
        std::lock_guard lock(m_mutex);
        return m_queue.size();
    }
    std::size_t drain(std::vector<gateway::call_record>& out, std::size_t max)
    {
        std::lock_guard lock(m_mutex);
        const std::size_t n = std::min(max, m_queue.size());
        out.insert(out.end(), m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
        m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
        return n;
    }
    app::CallLogWriter::DrainSource source()
    {
        return [this](std::vector<gateway::call_record>& out, std::size_t max) {
            return drain(out, max);
        };
    }

private:
    std::mutex m_mutex;
    std::vector<gateway::call_record> m_queue;
};

} // namespace gatehouse::test
