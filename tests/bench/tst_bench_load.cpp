// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The benchmarks' own load generator (bench_load.cpp) counts what a server
// really sent: the cache benchmark's verdicts rest on its figures. Each test
// runs the real binary for a second against the demo origin or a scripted
// one on 127.0.0.1 and checks its BENCH line.
#include "tests/gateway/threaded_origin.h"

#include "gateway/demo_origin.hpp"

#include <boost/asio/write.hpp>

#include <QtCore/QMap>
#include <QtCore/QProcess>
#include <QtTest/QTest>

#include <functional>
#include <optional>
#include <string>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

struct bench_result {
    int exit_code = -1;
    QString output;
    QMap<QString, double> values; // from the BENCH line

    double operator[](const char* key) const { return values.value(QString::fromLatin1(key), -1); }
    double errors() const
    {
        return (*this)["err_connect"] + (*this)["err_read"] + (*this)["err_write"] +
               (*this)["err_timeout"] + (*this)["err_status"];
    }
};

bench_result run_bench_load(const QStringList& arguments)
{
    bench_result result;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(GATEHOUSE_BENCH_LOAD), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exit_code = process.exitCode();
    result.output = QString::fromUtf8(process.readAll());
    for (const auto& line : result.output.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("BENCH ")))
            continue;
        for (const auto& field : line.mid(6).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const auto pair = field.split(QLatin1Char('='));
            if (pair.size() == 2)
                result.values.insert(pair[0], pair[1].toDouble());
        }
    }
    return result;
}

// `seconds` of 4 connections against `url`.
bench_result load(const std::string& url, QStringList extra = {}, int seconds = 1)
{
    extra << QStringLiteral("-c") << QStringLiteral("4") << QStringLiteral("-d")
          << QString::number(seconds) << QString::fromStdString(url);
    return run_bench_load(extra);
}

// For a threaded_origin: answers every request on a connection with
// `response` and then, with `close_after`, closes it.
std::function<void(threaded_origin::socket&)> scripted_serve(std::string response, bool close_after)
{
    return [response, close_after](threaded_origin::socket& socket) {
        boost::asio::streambuf buffer;
        while (threaded_origin::read_head(socket, buffer)) {
            boost::system::error_code ec;
            boost::asio::write(socket, boost::asio::buffer(response), ec);
            if (ec || close_after)
                return;
        }
    };
}

threaded_origin scripted_origin(std::string response, bool close_after)
{
    return threaded_origin(scripted_serve(std::move(response), close_after));
}

} // namespace

class tst_bench_load : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const auto error = m_origin.start("127.0.0.1", 0, 1);
        QVERIFY2(error.empty(), error.c_str());
    }
    void cleanupTestCase() { m_origin.stop(); }

    // Every byte of every body arrived, also where it was dropped unread;
    // a response that ends its connection is followed by a new one, without
    // an error.
    void bodiesAreCountedInFull_data()
    {
        QTest::addColumn<QString>("path");        // on the demo origin, unless
        QTest::addColumn<QByteArray>("scripted"); // this answer, then a close
        QTest::addColumn<double>("body");
        QTest::newRow("sized, dropped unread")
            << QStringLiteral("/respond?size=65536") << QByteArray() << 65536.0;
        QTest::newRow("chunked") << QStringLiteral("/stream?size=100000&chunk=3000") << QByteArray()
                                 << 100000.0;
        QTest::newRow("Connection: close")
            << QStringLiteral("/respond?size=5000&h=Connection:close") << QByteArray() << 5000.0;
        QTest::newRow("up to the close")
            << QStringLiteral("/")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n") +
                   QByteArray(777, 'x')
            << 777.0;
    }
    void bodiesAreCountedInFull()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, scripted);
        QFETCH(double, body);
        std::optional<threaded_origin> origin;
        std::uint16_t port = m_origin.port();
        if (!scripted.isEmpty())
            port = origin.emplace(scripted_serve(scripted.toStdString(), true)).port();
        const auto r = load(origin_url(port) + path.toStdString());
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r["requests"] > 0, qPrintable(r.output));
        QCOMPARE(r.errors(), 0.0);
        QCOMPARE(r["body_bytes"], r["requests"] * body);
        QVERIFY(r["p50_us"] > 0 && r["p50_us"] <= r["p99_us"] && r["p99_us"] <= r["max_us"]);
    }

    void errorStatusesAreCounted()
    {
        const auto r = load(origin_url(m_origin.port()) + "/no-such-resource");
        QVERIFY2(r["requests"] > 0, qPrintable(r.output));
        QCOMPARE(r["err_status"], r["requests"]);
    }

    // A body cut short by the close is an error, never a response.
    void truncatedBodiesAreErrors()
    {
        auto origin = scripted_origin(
            "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + std::string(5000, 'x'), true);
        const auto r = load(origin_url(origin.port()) + "/");
        QCOMPARE(r["requests"], 0.0);
        QVERIFY2(r["err_read"] > 0, qPrintable(r.output));
    }

    void bytesBeyondTheResponseAreErrors_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("sized") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"
                                             "0123456789HTTP/1.1 200 OK\r\n");
        QTest::newRow("empty") << QByteArray("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\n");
        QTest::newRow("chunked") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            "3\r\nabc\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n");
    }
    void bytesBeyondTheResponseAreErrors()
    {
        QFETCH(QByteArray, response);
        auto origin = scripted_origin(response.toStdString(), false);
        const auto r = load(origin_url(origin.port()) + "/");
        QCOMPARE(r["requests"], 0.0);
        QVERIFY2(r["err_read"] > 0, qPrintable(r.output));
    }

    // Counted within the run: requests sent at its start are overdue after 1 s.
    void slowResponsesTimeOut()
    {
        const auto r = load(origin_url(m_origin.port()) + "/respond?size=10&delay_ms=3000",
                            {QStringLiteral("--timeout"), QStringLiteral("1")}, 2);
        QCOMPARE(r["requests"], 0.0);
        QVERIFY2(r["err_timeout"] > 0, qPrintable(r.output));
    }

    void refusedConnectionsAreCounted()
    {
        std::uint16_t closed_port = 0;
        {
            auto origin = scripted_origin("", true);
            closed_port = origin.port();
        }
        const auto r = load(origin_url(closed_port) + "/");
        QCOMPARE(r.exit_code, 1); // nothing completed
        QCOMPARE(r["requests"], 0.0);
        QVERIFY2(r["err_connect"] > 0, qPrintable(r.output));
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no URL") << QStringList{} << QStringLiteral("no URL");
        QTest::newRow("name") << QStringList{QStringLiteral("http://localhost:1/")}
                              << QStringLiteral("IP literal");
        QTest::newRow("https") << QStringList{QStringLiteral("https://127.0.0.1:1/")}
                               << QStringLiteral("https is not supported");
        QTest::newRow("connections") << QStringList{QStringLiteral("-c"), QStringLiteral("0"),
                                                    QStringLiteral("http://127.0.0.1:1/")}
                                     << QStringLiteral("-c: expected a whole number");
        QTest::newRow("not a URL")
            << QStringList{QStringLiteral("127.0.0.1:80")} << QStringLiteral("bench_load:");
    }
    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto r = run_bench_load(arguments);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.output.contains(message), qPrintable(r.output));
        QVERIFY(r.values.isEmpty());
    }

private:
    gateway::demo_origin m_origin;
};

QTEST_GUILESS_MAIN(tst_bench_load)
#include "tst_bench_load.moc"
