// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/latency_histogram.h"

#include <QtTest/QTest>

#include <algorithm>
#include <cmath>
#include <random>

using gatehouse::app::LatencyHistogram;

class TestTelemetryHistogram : public QObject {
    Q_OBJECT

private slots:
    void bucketsCoverTheRangeContiguously()
    {
        QCOMPARE(LatencyHistogram::bucketIndex(0), 0);
        QCOMPARE(LatencyHistogram::bucketIndex(31), 31);
        QCOMPARE(LatencyHistogram::bucketIndex(32), 32);
        QCOMPARE(LatencyHistogram::bucketIndex(60'000'000),
                 LatencyHistogram::bucketIndex(60'000'000));
        QVERIFY(LatencyHistogram::bucketIndex(60'000'000) < LatencyHistogram::bucketCount);
        QCOMPARE(LatencyHistogram::bucketIndex(std::uint64_t(1) << 40),
                 LatencyHistogram::bucketCount - 1);
        for (int i = 0; i + 1 < LatencyHistogram::bucketCount; ++i) {
            const auto lower = LatencyHistogram::bucketLower(i);
            const auto width = LatencyHistogram::bucketWidth(i);
            QCOMPARE(LatencyHistogram::bucketLower(i + 1), lower + width);
            QCOMPARE(LatencyHistogram::bucketIndex(lower), i);
            QCOMPARE(LatencyHistogram::bucketIndex(lower + width - 1), i);
            // The relative width bound behind the error bound.
            QVERIFY(lower < 32 || double(width) / double(lower) <= 1.0 / 32.0);
        }
    }

    void percentilesWithinTheBound_data()
    {
        QTest::addColumn<int>("shape");
        QTest::newRow("log-uniform 1us..60s") << 0;
        QTest::newRow("narrow around 2ms") << 1;
        QTest::newRow("bimodal") << 2;
    }

    void percentilesWithinTheBound()
    {
        QFETCH(int, shape);
        std::mt19937_64 rng(42 + shape);
        std::vector<std::uint64_t> values;
        LatencyHistogram h;
        for (int i = 0; i < 100000; ++i) {
            double v = 0;
            if (shape == 0)
                v = std::exp(std::uniform_real_distribution<>(0, std::log(60e6))(rng));
            else if (shape == 1)
                v = std::normal_distribution<>(2000, 150)(rng);
            else
                v = i % 10 ? std::normal_distribution<>(800, 50)(rng)
                           : std::normal_distribution<>(900000, 20000)(rng);
            const auto value = static_cast<std::uint64_t>(std::max(1.0, v));
            values.push_back(value);
            h.record(value);
        }
        std::sort(values.begin(), values.end());
        for (double p : {1.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const auto rank = std::max<std::size_t>(
                1, static_cast<std::size_t>(std::ceil(p / 100.0 * values.size())));
            const double exact = double(values[rank - 1]);
            const double got = double(h.percentile(p));
            QVERIFY2(std::abs(got - exact) <= exact * LatencyHistogram::relativeErrorBound(),
                     qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(got).arg(exact)));
        }
        QCOMPARE(h.count(), quint64(values.size()));
        QCOMPARE(h.minUs(), values.front());
        QCOMPARE(h.maxUs(), values.back());
    }

    void mergeEqualsRecordingEverything()
    {
        LatencyHistogram a, b, all;
        for (std::uint64_t v = 1; v < 2'000'000; v = v * 3 / 2 + 1) {
            (v % 2 ? a : b).record(v);
            all.record(v);
        }
        LatencyHistogram merged = a;
        merged.merge(b);
        QVERIFY(merged == all);
        QCOMPARE(merged.percentile(50), all.percentile(50));
    }

    void blobRoundTripsAndIsCompact()
    {
        LatencyHistogram h;
        for (int i = 0; i < 10000; ++i)
            h.record(static_cast<std::uint64_t>(500 + (i * 37) % 20000));
        const QByteArray blob = h.toBlob();
        QVERIFY(blob.size() < 1200);
        LatencyHistogram back;
        QVERIFY(back.fromBlob(blob));
        QVERIFY(back == h);
        QVERIFY(LatencyHistogram::fromBlobOrEmpty(QByteArray()).isEmpty());
        QVERIFY(!back.fromBlob(QByteArray("H\x01\x05", 3)));
        QVERIFY(back.isEmpty());
        QVERIFY(!back.fromBlob(blob.left(blob.size() - 1)));
    }

    void countAtOrBelowIsCumulative()
    {
        LatencyHistogram h;
        for (std::uint64_t v : {1, 10, 100, 1000, 10000, 100000})
            h.record(v);
        QCOMPARE(h.countAtOrBelow(0), quint64(0));
        QCOMPARE(h.countAtOrBelow(1), quint64(1));
        QCOMPARE(h.countAtOrBelow(1023), quint64(4));
        QCOMPARE(h.countAtOrBelow(1'000'000), quint64(6));
        QCOMPARE(h.sumUs(), quint64(111111));
    }
};

QTEST_APPLESS_MAIN(TestTelemetryHistogram)
#include "tst_telemetry_histogram.moc"
