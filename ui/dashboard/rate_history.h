// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <deque>

namespace gatehouse::ui {

// Live rates kept on the GUI side at several resolutions, as qBittorrent's
// speed plot does: every sample lands in a 1-second bucket, and each finished
// bucket also feeds a coarser 10-second one. Each resolution is a bounded ring,
// so memory stays constant however long the console runs. Samples may arrive
// at any rate; a bucket holds the mean of the samples that fell into it.
//
// App-free on purpose (QtCore only), so it can be tested without a gateway.
class RateHistory {
public:
    enum Resolution { Seconds, TenSeconds };
    static constexpr int resolutionCount = 2;

    struct Point {
        qint64 timestampMs = 0; // start of the bucket
        QList<double> values;   // one per channel
    };

    explicit RateHistory(int channels, int secondsCapacity = 300, int tenSecondsCapacity = 360);

    int channelCount() const { return m_channels; }
    int capacity(Resolution resolution) const;
    qint64 bucketMs(Resolution resolution) const;

    // `values` holds one value per channel; extra values are ignored, missing
    // ones count as 0. Timestamps must not go backwards (older ones are dropped).
    void addSample(qint64 timestampMs, const QList<double>& values);
    // A whole 1-second bucket from a source that already counts per second
    // (the telemetry live window): it is in points() at once instead of
    // waiting for a later sample to close it, and feeds the coarser level
    // like any finished second. Buckets must not go backwards either.
    void addSecond(qint64 startMs, const QList<double>& values);
    void clear();

    // Finished buckets, oldest first.
    const std::deque<Point>& points(Resolution resolution) const;
    // One channel as chart points (x = ms since the epoch), oldest first.
    // A NaN value means "no data in this bucket" (a latency in a second
    // without calls): it is left out, so a chart leaves a gap.
    QList<QPointF> series(Resolution resolution, int channel) const;
    // The most recent finished bucket's value of a channel (0 when empty).
    double latest(Resolution resolution, int channel) const;

private:
    struct Bucket {
        qint64 startMs = -1;
        QList<double> sums;
        int count = 0;
    };
    struct Level {
        qint64 bucketMs = 1000;
        int capacity = 0;
        Bucket pending;
        std::deque<Point> ring;
    };

    void feed(int level, qint64 timestampMs, const QList<double>& values);
    void flush(int level);

    int m_channels;
    Level m_levels[resolutionCount];
    qint64 m_lastTimestampMs = -1;
};

} // namespace gatehouse::ui
