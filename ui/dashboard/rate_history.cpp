// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/dashboard/rate_history.h"

namespace gatehouse::ui {

RateHistory::RateHistory(int channels, int secondsCapacity, int tenSecondsCapacity)
    : m_channels(qMax(1, channels))
{
    m_levels[Seconds].bucketMs = 1000;
    m_levels[Seconds].capacity = qMax(1, secondsCapacity);
    m_levels[TenSeconds].bucketMs = 10000;
    m_levels[TenSeconds].capacity = qMax(1, tenSecondsCapacity);
}

int RateHistory::capacity(Resolution resolution) const
{
    return m_levels[resolution].capacity;
}

qint64 RateHistory::bucketMs(Resolution resolution) const
{
    return m_levels[resolution].bucketMs;
}

void RateHistory::addSample(qint64 timestampMs, const QList<double>& values)
{
    if (timestampMs < m_lastTimestampMs)
        return;
    m_lastTimestampMs = timestampMs;
    feed(Seconds, timestampMs, values);
}

void RateHistory::addSecond(qint64 startMs, const QList<double>& values)
{
    Level& level = m_levels[Seconds];
    const qint64 start = startMs - startMs % level.bucketMs;
    if (start < m_lastTimestampMs)
        return;
    flush(Seconds); // a second begun by addSample(), if any
    // Later samples and buckets belong to later seconds.
    m_lastTimestampMs = start + level.bucketMs;
    level.pending.startMs = start;
    level.pending.sums = QList<double>(m_channels, 0.0);
    for (int i = 0; i < m_channels && i < values.size(); ++i)
        level.pending.sums[i] = values.at(i);
    level.pending.count = 1;
    flush(Seconds);
}

void RateHistory::clear()
{
    for (Level& level : m_levels) {
        level.pending = Bucket{};
        level.ring.clear();
    }
    m_lastTimestampMs = -1;
}

const std::deque<RateHistory::Point>& RateHistory::points(Resolution resolution) const
{
    return m_levels[resolution].ring;
}

QList<QPointF> RateHistory::series(Resolution resolution, int channel) const
{
    QList<QPointF> out;
    if (channel < 0 || channel >= m_channels)
        return out;
    const std::deque<Point>& ring = m_levels[resolution].ring;
    out.reserve(static_cast<qsizetype>(ring.size()));
    for (const Point& point : ring) {
        const double value = point.values.at(channel);
        if (value == value) // not NaN
            out.append(QPointF(static_cast<double>(point.timestampMs), value));
    }
    return out;
}

double RateHistory::latest(Resolution resolution, int channel) const
{
    const std::deque<Point>& ring = m_levels[resolution].ring;
    if (ring.empty() || channel < 0 || channel >= m_channels)
        return 0.0;
    return ring.back().values.at(channel);
}

void RateHistory::feed(int index, qint64 timestampMs, const QList<double>& values)
{
    Level& level = m_levels[index];
    const qint64 start = timestampMs - timestampMs % level.bucketMs;
    if (level.pending.startMs != start) {
        flush(index);
        level.pending.startMs = start;
        level.pending.sums = QList<double>(m_channels, 0.0);
        level.pending.count = 0;
    }
    for (int i = 0; i < m_channels && i < values.size(); ++i)
        level.pending.sums[i] += values.at(i);
    ++level.pending.count;
}

void RateHistory::flush(int index)
{
    Level& level = m_levels[index];
    if (level.pending.startMs < 0 || level.pending.count == 0)
        return;
    Point point;
    point.timestampMs = level.pending.startMs;
    point.values = level.pending.sums;
    for (double& value : point.values)
        value /= level.pending.count;
    level.ring.push_back(point);
    while (static_cast<int>(level.ring.size()) > level.capacity)
        level.ring.pop_front();
    level.pending = Bucket{};
    // A finished fine bucket is one sample of the next, coarser level.
    if (index + 1 < resolutionCount)
        feed(index + 1, point.timestampMs, point.values);
}

} // namespace gatehouse::ui
