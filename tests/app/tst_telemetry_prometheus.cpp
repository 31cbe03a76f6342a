// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/prometheus_text.h"

#include "tests/gateway/gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <cmath>
#include <map>
#include <set>

using namespace gatehouse;
using namespace gatehouse::app;
using namespace gatehouse::test;

namespace {

struct Sample {
    QByteArray name;
    std::map<QByteArray, QByteArray> labels;
    double value = 0;
};

struct Family {
    QByteArray type;
    std::vector<Sample> samples;
};

// A strict reader of text format 0.0.4: fails on anything it does not
// expect, and checks the rules a scraper relies on.
class StrictParser {
public:
    QString error;
    std::map<QByteArray, Family> families;

    bool parse(const QByteArray& text)
    {
        if (!text.endsWith('\n'))
            return fail(QStringLiteral("no final line feed"));
        const QByteArrayList lines = text.chopped(1).split('\n');
        for (const QByteArray& line : lines)
            if (!parseLine(line))
                return false;
        return checkHistograms();
    }

private:
    QByteArray m_current; // family whose samples are being read
    std::set<QByteArray> m_closed;
    std::set<QByteArray> m_helped;

    bool fail(const QString& why)
    {
        error = why;
        return false;
    }
    static bool validName(const QByteArray& n, bool metric)
    {
        static const QRegularExpression metricRe(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
        static const QRegularExpression labelRe(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
        return (metric ? metricRe : labelRe).match(QString::fromLatin1(n)).hasMatch();
    }
    QByteArray familyOf(const QByteArray& name) const
    {
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            const QByteArray base = name.chopped(std::min<qsizetype>(name.size(), qstrlen(suffix)));
            if (name.endsWith(suffix) && families.count(base) &&
                families.at(base).type == "histogram")
                return base;
        }
        return name;
    }
    bool parseLine(const QByteArray& line)
    {
        if (line.isEmpty())
            return fail(QStringLiteral("empty line"));
        if (line.startsWith('#')) {
            const QByteArrayList parts = line.split(' ');
            if (parts.size() >= 3 && (parts[1] == "HELP" || parts[1] == "TYPE")) {
                if (!validName(parts[2], true))
                    return fail(QStringLiteral("bad name in ") + QString::fromUtf8(line));
                if (parts[1] == "HELP" && !m_helped.insert(parts[2]).second)
                    return fail(QStringLiteral("second HELP for ") + QString::fromUtf8(parts[2]));
                if (parts[1] == "TYPE") {
                    static const std::set<QByteArray> types{"counter", "gauge", "histogram",
                                                            "summary", "untyped"};
                    if (parts.size() != 4 || !types.count(parts[3]))
                        return fail(QStringLiteral("bad TYPE: ") + QString::fromUtf8(line));
                    if (families.count(parts[2]))
                        return fail(QStringLiteral("second TYPE for ") +
                                    QString::fromUtf8(parts[2]));
                    families[parts[2]].type = parts[3];
                }
            }
            return true;
        }
        Sample s;
        qsizetype i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ')
            ++i;
        s.name = line.left(i);
        if (!validName(s.name, true))
            return fail(QStringLiteral("bad metric name: ") + QString::fromUtf8(line));
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                const qsizetype eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.size() || line[eq + 1] != '"')
                    return fail(QStringLiteral("bad label: ") + QString::fromUtf8(line));
                const QByteArray name = line.mid(i, eq - i);
                if (!validName(name, false) || s.labels.count(name))
                    return fail(QStringLiteral("bad label name: ") + QString::fromUtf8(line));
                QByteArray value;
                qsizetype j = eq + 2;
                for (; j < line.size() && line[j] != '"'; ++j) {
                    if (line[j] == '\\') {
                        const char next = j + 1 < line.size() ? line[j + 1] : 0;
                        if (next != '\\' && next != '"' && next != 'n')
                            return fail(QStringLiteral("bad escape: ") + QString::fromUtf8(line));
                        value += next == 'n' ? '\n' : next;
                        ++j;
                    } else {
                        value += line[j];
                    }
                }
                if (j >= line.size())
                    return fail(QStringLiteral("unterminated label value"));
                s.labels[name] = value;
                i = j + 1;
                if (i < line.size() && line[i] == ',')
                    ++i;
            }
            if (i >= line.size())
                return fail(QStringLiteral("unterminated labels"));
            ++i;
        }
        if (i >= line.size() || line[i] != ' ')
            return fail(QStringLiteral("no value: ") + QString::fromUtf8(line));
        const QByteArray value = line.mid(i + 1);
        bool ok = true;
        if (value == "+Inf")
            s.value = INFINITY;
        else if (value == "-Inf")
            s.value = -INFINITY;
        else if (value == "NaN")
            s.value = NAN;
        else
            s.value = value.toDouble(&ok);
        if (!ok || value.contains(' '))
            return fail(QStringLiteral("bad value: ") + QString::fromUtf8(line));
        const QByteArray family = familyOf(s.name);
        if (!families.count(family))
            return fail(QStringLiteral("sample before its TYPE: ") + QString::fromUtf8(line));
        if (family != m_current) {
            if (m_closed.count(family))
                return fail(QStringLiteral("family split: ") + QString::fromUtf8(family));
            m_closed.insert(m_current);
            m_current = family;
        }
        Family& f = families[family];
        if (f.type == "counter" && (!s.name.endsWith("_total") || s.value < 0))
            return fail(QStringLiteral("bad counter: ") + QString::fromUtf8(line));
        f.samples.push_back(s);
        return true;
    }
    // Each series of a histogram (its labels but `le`) on its own:
    // cumulative buckets ending in +Inf, equal to its _count, and a _sum.
    bool checkHistograms()
    {
        struct Series {
            double previousLe = -INFINITY, previous = 0, inf = -1, count = -1;
            bool sum = false;
        };
        for (const auto& [name, f] : families) {
            if (f.type != "histogram")
                continue;
            std::map<std::map<QByteArray, QByteArray>, Series> series;
            for (const Sample& s : f.samples) {
                std::map<QByteArray, QByteArray> key = s.labels;
                key.erase("le");
                Series& one = series[key];
                if (s.name == name + "_bucket") {
                    if (!s.labels.count("le"))
                        return fail(QStringLiteral("bucket without le"));
                    const QByteArray le = s.labels.at("le");
                    const double bound = le == "+Inf" ? INFINITY : le.toDouble();
                    if (bound <= one.previousLe || s.value < one.previous)
                        return fail(QStringLiteral("buckets not cumulative at le=") +
                                    QString::fromUtf8(le));
                    one.previousLe = bound;
                    one.previous = s.value;
                    if (le == "+Inf")
                        one.inf = s.value;
                } else if (s.name == name + "_count") {
                    one.count = s.value;
                } else if (s.name == name + "_sum") {
                    one.sum = true;
                }
            }
            for (const auto& [labels, one] : series) {
                if (one.inf < 0 || one.previousLe != INFINITY)
                    return fail(QStringLiteral("no +Inf bucket last in ") +
                                QString::fromUtf8(name));
                if (one.inf != one.count || !one.sum)
                    return fail(QStringLiteral("+Inf != _count or no _sum in ") +
                                QString::fromUtf8(name));
            }
        }
        return true;
    }
};

double value(const StrictParser& p, const QByteArray& family, const QByteArray& name,
             const std::map<QByteArray, QByteArray>& labels = {})
{
    double total = 0;
    for (const Sample& s : p.families.at(family).samples) {
        bool match = s.name == name;
        for (const auto& [k, v] : labels)
            match = match && s.labels.count(k) && s.labels.at(k) == v;
        if (match)
            total += s.value;
    }
    return total;
}

// The `api` label values of a family's samples named `name`.
std::set<QByteArray> apisOf(const StrictParser& p, const QByteArray& family, const QByteArray& name)
{
    std::set<QByteArray> apis;
    for (const Sample& s : p.families.at(family).samples)
        if (s.name == name && s.labels.count("api"))
            apis.insert(s.labels.at("api"));
    return apis;
}

// For every bound: the per-API buckets add up to the all-traffic bucket.
void checkApiBucketsAddUp(const StrictParser& p)
{
    const QByteArray total = "gatehouse_request_duration_seconds";
    const QByteArray perApi = "gatehouse_api_request_duration_seconds";
    QVERIFY(p.families.count(perApi));
    QCOMPARE(p.families.at(perApi).type, QByteArray("histogram"));
    QStringList bounds;
    for (const double b : PrometheusText::latencyBounds())
        bounds << QString::number(b, 'g', 12);
    bounds << QStringLiteral("+Inf");
    for (const QString& le : bounds) {
        const QByteArray l = le.toLatin1();
        QCOMPARE(value(p, perApi, perApi + "_bucket", {{"le", l}}),
                 value(p, total, total + "_bucket", {{"le", l}}));
    }
    QCOMPARE(value(p, perApi, perApi + "_count"), value(p, total, total + "_count"));
}

} // namespace

class TestTelemetryPrometheus : public QObject {
    Q_OBJECT

private slots:
    void syntheticInputParses()
    {
        gateway::stats_snapshot stats;
        stats.requests = 1234;
        stats.status_classes = {0, 1, 1000, 3, 200, 30};
        stats.dropped_call_records = 7;
        stats.failed_tls_handshakes = 4;
        stats.refused_proxy_headers = 9;
        stats.worker_active_connections = {3, 0, 5};
        gateway::target_health odd;
        odd.upstream = "we\"ird\\name\nx";
        odd.url = "http://127.0.0.1:1";
        odd.healthy = false;
        odd.last_latency_us = 1500;
        stats.targets.push_back(odd);
        TelemetryMetrics m;
        m.requests[{42, 2, gateway::cache_status::hit}] = 10;
        m.requests[{42, 5, gateway::cache_status::none}] = 2;
        m.requests[{0, 4, gateway::cache_status::none}] = 3;
        for (std::uint64_t v : {50, 400, 900, 2000, 7000, 40000, 300000, 2000000, 70000000}) {
            m.latency.record(v);
            m.apiLatency[v < 5000 ? 42 : 0].record(v);
        }
        m.writer.written = 15;
        m.writer.dropped = 7;
        const QByteArray text = PrometheusText::format(stats, m, CacheMetrics{5, 4096, 8192, 1});
        StrictParser p;
        QVERIFY2(p.parse(text),
                 qPrintable(p.error + QStringLiteral("\n") + QString::fromUtf8(text)));
        QCOMPARE(value(p, "gatehouse_requests_total", "gatehouse_requests_total"), 1234.0);
        QCOMPARE(value(p, "gatehouse_api_requests_total", "gatehouse_api_requests_total",
                       {{"api", "42"}}),
                 12.0);
        QCOMPARE(value(p, "gatehouse_api_requests_total", "gatehouse_api_requests_total",
                       {{"cache", "hit"}, {"status_class", "2xx"}}),
                 10.0);
        QCOMPARE(value(p, "gatehouse_upstream_healthy", "gatehouse_upstream_healthy",
                       {{"upstream", "we\"ird\\name\nx"}}),
                 0.0);
        QCOMPARE(value(p, "gatehouse_request_duration_seconds",
                       "gatehouse_request_duration_seconds_count"),
                 9.0);
        QCOMPARE(value(p, "gatehouse_request_duration_seconds",
                       "gatehouse_request_duration_seconds_bucket", {{"le", "0.001"}}),
                 3.0);
        QCOMPARE(value(p, "gatehouse_request_duration_seconds",
                       "gatehouse_request_duration_seconds_bucket", {{"le", "60"}}),
                 8.0);
        QCOMPARE(value(p, "gatehouse_call_records_dropped_total",
                       "gatehouse_call_records_dropped_total"),
                 7.0);
        QCOMPARE(value(p, "gatehouse_cache_objects", "gatehouse_cache_objects"), 5.0);
        QCOMPARE(value(p, "gatehouse_connections_refused_total",
                       "gatehouse_connections_refused_total", {{"reason", "tls_handshake"}}),
                 4.0);
        QCOMPARE(value(p, "gatehouse_connections_refused_total",
                       "gatehouse_connections_refused_total", {{"reason", "proxy_header"}}),
                 9.0);
        QCOMPARE(value(p, "gatehouse_worker_connections_active",
                       "gatehouse_worker_connections_active", {{"worker", "0"}}),
                 3.0);
        QCOMPARE(value(p, "gatehouse_worker_connections_active",
                       "gatehouse_worker_connections_active", {{"worker", "2"}}),
                 5.0);
        QVERIFY(text.contains("\\\"ird\\\\name\\nx"));
        // Per API: 50, 400, 900 and 2000 µs for API 42, the rest for none.
        const QByteArray api = "gatehouse_api_request_duration_seconds";
        QCOMPARE(value(p, api, api + "_count", {{"api", "42"}}), 4.0);
        QCOMPARE(value(p, api, api + "_bucket", {{"api", "42"}, {"le", "0.001"}}), 3.0);
        QCOMPARE(value(p, api, api + "_bucket", {{"api", "42"}, {"le", "0.0025"}}), 4.0);
        QCOMPARE(value(p, api, api + "_bucket", {{"api", "0"}, {"le", "0.005"}}), 0.0);
        QCOMPARE(value(p, api, api + "_bucket", {{"api", "0"}, {"le", "60"}}), 4.0);
        QCOMPARE(value(p, api, api + "_bucket", {{"api", "0"}, {"le", "+Inf"}}), 5.0);
        QCOMPARE(value(p, api, api + "_sum", {{"api", "42"}}), 0.00335);
        checkApiBucketsAddUp(p);
        if (QTest::currentTestFailed())
            return;
    }

    void theParserIsStrict()
    {
        StrictParser p;
        QVERIFY(!p.parse("x_total 1\n"));                          // no TYPE
        QVERIFY(!StrictParser().parse("# TYPE x counter\nx 1\n")); // counter without _total
        QVERIFY(!StrictParser().parse("# TYPE x_total counter\nx_total{a=\"\\q\"} 1\n"));
        QVERIFY(!StrictParser().parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                                      "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n"));
        QVERIFY(!StrictParser().parse("# TYPE g gauge\ng 1"));
        QVERIFY(!StrictParser().parse("# HELP g a\n# HELP g b\n# TYPE g gauge\ng 1\n"));
        // Two series of one histogram: each must be cumulative on its own.
        QVERIFY(!StrictParser().parse("# TYPE h histogram\nh_bucket{a=\"1\",le=\"1\"} 5\n"
                                      "h_bucket{a=\"1\",le=\"+Inf\"} 5\nh_sum{a=\"1\"} 1\n"
                                      "h_count{a=\"1\"} 5\nh_bucket{a=\"2\",le=\"1\"} 1\n"
                                      "h_sum{a=\"2\"} 1\nh_count{a=\"2\"} 1\n"));
        QVERIFY(StrictParser().parse("# TYPE h histogram\nh_bucket{a=\"1\",le=\"1\"} 5\n"
                                     "h_bucket{a=\"1\",le=\"+Inf\"} 5\nh_sum{a=\"1\"} 1\n"
                                     "h_count{a=\"1\"} 5\nh_bucket{a=\"2\",le=\"1\"} 1\n"
                                     "h_bucket{a=\"2\",le=\"+Inf\"} 1\nh_sum{a=\"2\"} 1\n"
                                     "h_count{a=\"2\"} 1\n"));
        QVERIFY(StrictParser().parse("# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
                                     "h_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n"));
    }

    void liveGatewayAndWriterParse()
    {
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {origin.port()}));
        auto route = make_route("products", "/products", "origin");
        route.api_id = 9;
        config.routes.push_back(route);
        auto echo = make_route("echo", "/echo", "origin");
        echo.api_id = 11;
        config.routes.push_back(echo);
        gateway::gateway_server gw;
        QVERIFY(gw.apply(config).empty());
        QTemporaryDir dir;
        CallLogWriterOptions options;
        options.database = dir.filePath(QStringLiteral("metrics.db"));
        CallLogWriter writer(
            options, [&](auto& out, std::size_t max) { return gw.drain_call_records(out, max); },
            [&] { return gw.dropped_call_records(); });
        QVERIFY(writer.start());
        gw.set_call_records_hook(writer.hook());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        // Calls sent per API: 9 (products), 11 (echo), 0 (no route).
        const std::map<QByteArray, int> sent{{"9", 20}, {"11", 7}, {"0", 1}};
        for (int i = 0; i < sent.at("9"); ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/products/1").status, 200);
        for (int i = 0; i < sent.at("11"); ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/echo/metrics").status, 200);
        QCOMPARE(http_request(gw.port(), "GET", "/missing").status, 404);
        QTRY_COMPARE_WITH_TIMEOUT((writer.flushNow(), writer.counters().written), quint64(28),
                                  5000);
        const QByteArray text = PrometheusText::format(gw.stats(), writer.metrics());
        StrictParser p;
        QVERIFY2(p.parse(text), qPrintable(p.error));
        QCOMPARE(value(p, "gatehouse_api_requests_total", "gatehouse_api_requests_total",
                       {{"api", "9"}, {"status_class", "2xx"}}),
                 20.0);
        QCOMPARE(value(p, "gatehouse_api_requests_total", "gatehouse_api_requests_total",
                       {{"status_class", "4xx"}}),
                 1.0);
        QCOMPARE(value(p, "gatehouse_request_duration_seconds",
                       "gatehouse_request_duration_seconds_count"),
                 28.0);
        // Per API: one histogram each, counting exactly the calls sent to it.
        const QByteArray api = "gatehouse_api_request_duration_seconds";
        QCOMPARE(apisOf(p, api, api + "_count"), (std::set<QByteArray>{"0", "11", "9"}));
        for (const auto& [id, calls] : sent) {
            QCOMPARE(value(p, api, api + "_count", {{"api", id}}), double(calls));
            QCOMPARE(value(p, api, api + "_bucket", {{"api", id}, {"le", "+Inf"}}), double(calls));
            QCOMPARE(value(p, "gatehouse_api_requests_total", "gatehouse_api_requests_total",
                           {{"api", id}}),
                     double(calls));
            QVERIFY(value(p, api, api + "_sum", {{"api", id}}) > 0.0);
        }
        checkApiBucketsAddUp(p);
        if (QTest::currentTestFailed())
            return;
        // Bounded: the fixed bounds, +Inf, _sum and _count per API.
        QCOMPARE(p.families.at(api).samples.size(),
                 sent.size() * (PrometheusText::latencyBounds().size() + 3));
        QCOMPARE(value(p, "gatehouse_upstream_healthy", "gatehouse_upstream_healthy"), 1.0);
        QCOMPARE(value(p, "gatehouse_call_log_written_total", "gatehouse_call_log_written_total"),
                 28.0);
        gw.set_call_records_hook({});
        gw.stop();
        writer.stop();
    }
};

QTEST_GUILESS_MAIN(TestTelemetryPrometheus)
#include "tst_telemetry_prometheus.moc"
