// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/live_series.h"

#include <QDateTime>

#include <algorithm>

namespace gatehouse::app {

namespace {

constexpr qint64 usPerSecond = 1'000'000;

qint64 secondOf(qint64 timestampUs)
{
    return timestampUs >= 0 ? timestampUs / usPerSecond
                            : (timestampUs - usPerSecond + 1) / usPerSecond;
}

std::size_t slotOf(qint64 second)
{
    const qint64 n = LiveSeries::windowSeconds;
    return static_cast<std::size_t>(((second % n) + n) % n);
}

} // namespace

LiveSeries::Ring::Ring()
    : seconds(windowSeconds)
{
    for (auto& slot : seconds)
        slot.point.secondUs = -1;
}

void LiveSeries::addTo(Ring& ring, const gateway::call_record& record, qint64 second, bool total)
{
    Slot& slot = ring.seconds[slotOf(second)];
    const qint64 startUs = second * usPerSecond;
    if (slot.point.secondUs != startUs) {
        if (slot.point.secondUs > startUs)
            return; // a newer second already reuses this slot
        slot.point = LivePoint();
        slot.point.secondUs = startUs;
        slot.latency.clear();
        slot.apiLatency.clear();
    }
    slot.point.counters.add(record);
    slot.point.latencySumUs += record.total_latency_us;
    slot.point.latencyMaxUs = std::max<quint64>(slot.point.latencyMaxUs, record.total_latency_us);
    if (total)
        slot.latency.record(record.total_latency_us);
    else
        slot.apiLatency.record(record.total_latency_us);
}

void LiveSeries::add(std::span<const gateway::call_record> records)
{
    std::lock_guard lock(m_mutex);
    for (const auto& record : records) {
        const qint64 second = secondOf(record.timestamp_us);
        if (second <= m_newestSecond - windowSeconds)
            continue;
        m_newestSecond = std::max(m_newestSecond, second);
        addTo(m_total, record, second, true);
        if (record.api_id != 0)
            addTo(m_perApi[record.api_id], record, second, false);
    }
}

std::vector<LivePoint> LiveSeries::snapshot(int seconds, quint64 apiId, qint64 nowUs) const
{
    seconds = std::clamp(seconds, 0, windowSeconds);
    if (nowUs == 0)
        nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const qint64 now = secondOf(nowUs);
    std::vector<LivePoint> out(static_cast<std::size_t>(seconds));
    std::lock_guard lock(m_mutex);
    const Ring* ring = ringOf(apiId);
    for (int i = 0; i < seconds; ++i) {
        const qint64 second = now - seconds + 1 + i;
        LivePoint& point = out[static_cast<std::size_t>(i)];
        point.secondUs = second * usPerSecond;
        if (!ring)
            continue;
        const Slot& slot = ring->seconds[slotOf(second)];
        if (slot.point.secondUs != point.secondUs)
            continue;
        point = slot.point;
        const auto percentiles = [&point](const auto& latency) {
            if (latency.isEmpty())
                return;
            point.p50Us = latency.percentile(50);
            point.p95Us = latency.percentile(95);
            point.p99Us = latency.percentile(99);
        };
        if (apiId == 0)
            percentiles(slot.latency);
        else
            percentiles(slot.apiLatency);
    }
    return out;
}

const LiveSeries::Ring* LiveSeries::ringOf(quint64 apiId) const
{
    if (apiId == 0)
        return &m_total;
    const auto it = m_perApi.find(apiId);
    return it == m_perApi.end() ? nullptr : &it->second;
}

LiveSeries::Window LiveSeries::window(int seconds, qint64 nowUs, quint64 apiId) const
{
    seconds = std::clamp(seconds, 0, windowSeconds);
    if (nowUs == 0)
        nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const qint64 now = secondOf(nowUs);
    Window out;
    std::lock_guard lock(m_mutex);
    const Ring* ring = ringOf(apiId);
    if (!ring)
        return out;
    for (qint64 second = now - seconds + 1; second <= now; ++second) {
        const Slot& slot = ring->seconds[slotOf(second)];
        if (slot.point.secondUs != second * usPerSecond)
            continue;
        out.counters.merge(slot.point.counters);
        if (apiId == 0)
            out.latency.merge(slot.latency);
        else
            slot.apiLatency.addTo(out.latency);
    }
    return out;
}

std::vector<quint64> LiveSeries::apis() const
{
    std::lock_guard lock(m_mutex);
    std::vector<quint64> out;
    for (const auto& [api, ring] : m_perApi) {
        const bool recent =
            std::any_of(ring.seconds.begin(), ring.seconds.end(), [&](const Slot& s) {
                return s.point.secondUs > (m_newestSecond - windowSeconds) * usPerSecond;
            });
        if (recent)
            out.push_back(api);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace gatehouse::app
