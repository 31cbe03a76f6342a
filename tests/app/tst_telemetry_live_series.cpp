// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/live_series.h"

#include "app/telemetry/compact_latency_histogram.h"

#include <QtTest/QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace gatehouse;
using namespace gatehouse::app;

namespace {

constexpr qint64 second = 1'000'000;
// A whole second, so that "now" is its last microsecond's second.
constexpr qint64 nowUs = 1'764'000'000LL * second + 999'999;

std::uint64_t exactPercentile(std::vector<std::uint64_t> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::ceil(p / 100.0 * double(values.size()))));
    return values[rank - 1];
}

bool withinBound(std::uint64_t got, std::uint64_t exact)
{
    return std::abs(double(got) - double(exact)) <=
           double(exact) * LatencyHistogram::relativeErrorBound();
}

} // namespace

class TestTelemetryLiveSeries : public QObject {
    Q_OBJECT

private slots:
    void compactHistogramMatchesTheDenseOne()
    {
        std::mt19937_64 rng(7);
        LatencyHistogram dense;
        CompactLatencyHistogram compact;
        for (int i = 0; i < 20000; ++i) {
            const auto v = static_cast<std::uint64_t>(
                std::exp(std::uniform_real_distribution<>(0, std::log(60e6))(rng)));
            dense.record(v);
            compact.record(v);
        }
        QCOMPARE(compact.count(), dense.count());
        for (double p : {0.0, 1.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0})
            QCOMPARE(compact.percentile(p), dense.percentile(p));
        LatencyHistogram merged;
        compact.addTo(merged);
        QVERIFY(merged == dense);
        merged.merge(dense); // adding to a histogram that has values already
        compact.addTo(dense);
        QVERIFY(merged == dense);

        // A quiet second: a handful of calls, one of them slow, costs a
        // handful of buckets, not the few hundred below the slow one.
        CompactLatencyHistogram quiet;
        for (std::uint64_t v : {1000, 1001, 1002, 30'000'000}) // 1000-1015 share a bucket
            quiet.record(v);
        QCOMPARE(quiet.bucketsUsed(), std::size_t(2));
        QCOMPARE(quiet.percentile(100), std::uint64_t(30'000'000));
        quiet.clear();
        QVERIFY(quiet.isEmpty());
        QCOMPARE(quiet.percentile(50), std::uint64_t(0));
    }

    void percentilesPerApiPerSecond()
    {
        // Three seconds of traffic for two APIs with different latencies,
        // and calls without an API: each API's p50/p95/p99, per second and
        // over the window, against the exact values of its own calls.
        LiveSeries live;
        std::mt19937_64 rng(11);
        std::map<quint64, std::map<qint64, std::vector<std::uint64_t>>> sent; // api -> second -> us
        std::vector<gateway::call_record> batch;
        for (int s = 0; s < 3; ++s) {
            const qint64 start = nowUs - 999'999 - (2 - s) * second;
            for (int i = 0; i < 3000; ++i) {
                gateway::call_record r;
                r.timestamp_us = start + i * 300;
                r.status = 200;
                r.api_id = quint64(i % 3); // 0: no API
                double v = 0;
                if (r.api_id == 1) // log-uniform 100 µs .. 2 s
                    v = std::exp(
                        std::uniform_real_distribution<>(std::log(100.0), std::log(2e6))(rng));
                else if (r.api_id == 2) // around 5 ms, a slow tail
                    v = i % 50 == 2 ? 250'000.0 + i : std::normal_distribution<>(5000, 400)(rng);
                else
                    v = 40.0 + i % 7;
                r.total_latency_us = static_cast<std::uint32_t>(std::max(1.0, v));
                sent[r.api_id][start / second].push_back(r.total_latency_us);
                sent[quint64(-1)][start / second].push_back(r.total_latency_us); // all traffic
                batch.push_back(r);
            }
        }
        live.add(batch);
        QCOMPARE(live.apis(), (std::vector<quint64>{1, 2}));

        for (const quint64 api : {quint64(0), quint64(1), quint64(2)}) {
            const auto& bySecond = sent[api == 0 ? quint64(-1) : api];
            const auto points = live.snapshot(3, api, nowUs);
            QCOMPARE(points.size(), std::size_t(3));
            std::vector<std::uint64_t> all;
            for (const LivePoint& point : points) {
                const auto& values = bySecond.at(point.secondUs / second);
                all.insert(all.end(), values.begin(), values.end());
                QCOMPARE(point.counters.requests, quint64(values.size()));
                const std::pair<double, quint64> got[] = {
                    {50.0, point.p50Us}, {95.0, point.p95Us}, {99.0, point.p99Us}};
                for (const auto& [p, value] : got) {
                    const std::uint64_t exact = exactPercentile(values, p);
                    QVERIFY2(withinBound(value, exact),
                             qPrintable(QStringLiteral("API %1 p%2: %3 vs exact %4")
                                            .arg(api)
                                            .arg(p)
                                            .arg(value)
                                            .arg(exact)));
                }
            }
            const LiveSeries::Window window = live.window(3, nowUs, api);
            QCOMPARE(window.counters.requests, quint64(all.size()));
            QCOMPARE(window.latency.count(), quint64(all.size()));
            QCOMPARE(window.latency.maxUs(), *std::max_element(all.begin(), all.end()));
            for (double p : {50.0, 95.0, 99.0}) {
                const std::uint64_t exact = exactPercentile(all, p);
                QVERIFY2(withinBound(window.latency.percentile(p), exact),
                         qPrintable(QStringLiteral("API %1 window p%2: %3 vs exact %4")
                                        .arg(api)
                                        .arg(p)
                                        .arg(window.latency.percentile(p))
                                        .arg(exact)));
            }
        }
        // The two APIs' latencies are far apart: each is its own, not the total's.
        QVERIFY(live.window(3, nowUs, 2).latency.percentile(50) < 6000);
        QVERIFY(live.window(3, nowUs, 1).latency.percentile(50) > 6000);

        // An API without calls in the window, and a window that has moved on.
        QVERIFY(live.window(3, nowUs, 9).latency.isEmpty());
        for (const LivePoint& point : live.snapshot(3, 9, nowUs))
            QCOMPARE(point.p99Us, quint64(0));
        QVERIFY(live.window(3, nowUs + 10 * second, 1).latency.isEmpty());
    }

    void reusedSecondsStartEmpty()
    {
        // A slot is reused 15 minutes later: the old second's latencies go.
        LiveSeries live;
        gateway::call_record r;
        r.api_id = 4;
        r.timestamp_us = nowUs - LiveSeries::windowSeconds * second;
        r.total_latency_us = 2'000'000;
        live.add({&r, 1});
        r.timestamp_us = nowUs;
        r.total_latency_us = 300;
        live.add({&r, 1});
        const auto point = live.snapshot(1, 4, nowUs).at(0);
        QCOMPARE(point.counters.requests, quint64(1));
        QCOMPARE(point.p99Us, quint64(300));
        QCOMPARE(live.window(1, nowUs, 4).latency.maxUs(), std::uint64_t(300));
    }
};

QTEST_APPLESS_MAIN(TestTelemetryLiveSeries)
#include "tst_telemetry_live_series.moc"
