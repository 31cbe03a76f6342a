// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/dashboard/rate_history.h"

#include <QTest>

#include <limits>

using gatehouse::ui::RateHistory;

class TestRateHistory : public QObject {
    Q_OBJECT

private slots:
    void bucketsAverageSamples();
    void finishedSecondsFeedTenSeconds();
    void memoryIsBounded();
    void olderSamplesAreIgnored();
    void nanLeavesAGap();
    void wholeSecondsShowAtOnce();
};

void TestRateHistory::bucketsAverageSamples()
{
    RateHistory history(2);
    history.addSample(1000, {10.0, 1.0});
    history.addSample(1500, {20.0, 3.0});
    QVERIFY(history.points(RateHistory::Seconds).empty()); // second 1 still open
    history.addSample(2100, {5.0});                        // missing channel counts as 0
    QCOMPARE(history.points(RateHistory::Seconds).size(), std::size_t(1));
    QCOMPARE(history.latest(RateHistory::Seconds, 0), 15.0);
    QCOMPARE(history.latest(RateHistory::Seconds, 1), 2.0);
    const QList<QPointF> series = history.series(RateHistory::Seconds, 0);
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first(), QPointF(1000.0, 15.0));
    QVERIFY(history.series(RateHistory::Seconds, 7).isEmpty());
}

void TestRateHistory::finishedSecondsFeedTenSeconds()
{
    RateHistory history(1);
    for (int second = 0; second < 21; ++second)
        history.addSample(second * 1000LL, {double(second < 10 ? 1 : 3)});
    // Seconds 0..19 are finished; 0-9 and 10-19 make two 10 s buckets, the
    // second of which closes only when a later bucket starts.
    QCOMPARE(history.points(RateHistory::Seconds).size(), std::size_t(20));
    QCOMPARE(history.points(RateHistory::TenSeconds).size(), std::size_t(1));
    QCOMPARE(history.latest(RateHistory::TenSeconds, 0), 1.0);
    for (int second = 21; second < 31; ++second)
        history.addSample(second * 1000LL, {3.0});
    QCOMPARE(history.points(RateHistory::TenSeconds).size(), std::size_t(2));
    QCOMPARE(history.latest(RateHistory::TenSeconds, 0), 3.0);
    QCOMPARE(history.bucketMs(RateHistory::TenSeconds), 10000);
}

void TestRateHistory::memoryIsBounded()
{
    RateHistory history(3, 300, 360);
    for (qint64 ms = 0; ms < 5LL * 3600 * 1000; ms += 500)
        history.addSample(ms, {1.0, 2.0, 3.0});
    QCOMPARE(history.points(RateHistory::Seconds).size(), std::size_t(300));
    QCOMPARE(history.points(RateHistory::TenSeconds).size(), std::size_t(360));
    // Oldest first, consecutive seconds.
    const auto& seconds = history.points(RateHistory::Seconds);
    QCOMPARE(seconds.back().timestampMs - seconds.front().timestampMs, 299 * 1000LL);
    history.clear();
    QVERIFY(history.points(RateHistory::Seconds).empty());
}

void TestRateHistory::olderSamplesAreIgnored()
{
    RateHistory history(1);
    history.addSample(5000, {1.0});
    history.addSample(4000, {100.0});
    history.addSample(6000, {1.0});
    QCOMPARE(history.latest(RateHistory::Seconds, 0), 1.0);
}

void TestRateHistory::nanLeavesAGap()
{
    // A latency channel: no value in a second without calls.
    const double none = std::numeric_limits<double>::quiet_NaN();
    RateHistory history(2);
    history.addSample(1000, {3.0, 12.5});
    history.addSample(2000, {0.0, none});
    history.addSample(3000, {1.0, 8.0});
    history.addSample(4000, {0.0, 0.0}); // closes second 3
    QCOMPARE(history.series(RateHistory::Seconds, 0).size(), 3);
    QCOMPARE(history.series(RateHistory::Seconds, 1),
             (QList<QPointF>{QPointF(1000.0, 12.5), QPointF(3000.0, 8.0)}));
}

void TestRateHistory::wholeSecondsShowAtOnce()
{
    RateHistory history(2, 300, 360);
    for (int s = 0; s < 12; ++s)
        history.addSecond(s * 1000, {double(s), 1.0});
    // Every second is there, the last one included; ten of them made a
    // ten-second point.
    QCOMPARE(history.points(RateHistory::Seconds).size(), std::size_t(12));
    QCOMPARE(history.latest(RateHistory::Seconds, 0), 11.0);
    QCOMPARE(history.points(RateHistory::TenSeconds).size(), std::size_t(1));
    QCOMPARE(history.latest(RateHistory::TenSeconds, 0), 4.5);
    history.addSecond(5000, {100.0, 0.0});  // backwards: ignored
    history.addSecond(11000, {100.0, 0.0}); // the same second again: ignored
    QCOMPARE(history.points(RateHistory::Seconds).size(), std::size_t(12));
    QCOMPARE(history.latest(RateHistory::Seconds, 0), 11.0);
    history.addSecond(13000, {13.0}); // a missing channel counts as 0
    QCOMPARE(history.series(RateHistory::Seconds, 1).constLast(), QPointF(13000.0, 0.0));
}

QTEST_MAIN(TestRateHistory)
#include "tst_rate_history.moc"
