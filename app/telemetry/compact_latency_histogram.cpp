// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/compact_latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace gatehouse::app {

void CompactLatencyHistogram::record(std::uint64_t valueUs)
{
    const auto index = static_cast<std::uint16_t>(LatencyHistogram::bucketIndex(valueUs));
    const auto it = std::lower_bound(m_buckets.begin(), m_buckets.end(), index,
                                     [](const Bucket& b, std::uint16_t i) { return b.index < i; });
    if (it != m_buckets.end() && it->index == index)
        ++it->count;
    else
        m_buckets.insert(it, Bucket{index, 1});
    m_min = m_count ? std::min(m_min, valueUs) : valueUs;
    m_max = std::max(m_max, valueUs);
    ++m_count;
    m_sum += valueUs;
}

void CompactLatencyHistogram::clear()
{
    m_buckets.clear();
    m_count = m_sum = m_min = m_max = 0;
}

std::uint64_t CompactLatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return 0;
    p = std::clamp(p, 0.0, 100.0);
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(m_count))));
    std::uint64_t seen = 0;
    for (const Bucket& b : m_buckets) {
        seen += b.count;
        if (seen >= rank)
            return LatencyHistogram::reportedValue(b.index, m_min, m_max);
    }
    return m_max;
}

void CompactLatencyHistogram::addTo(LatencyHistogram& out) const
{
    if (m_count == 0)
        return;
    if (out.m_buckets.size() <= m_buckets.back().index)
        out.m_buckets.resize(std::size_t(m_buckets.back().index) + 1, 0);
    for (const Bucket& b : m_buckets)
        out.m_buckets[b.index] += b.count;
    out.m_min = out.m_count ? std::min(out.m_min, m_min) : m_min;
    out.m_max = std::max(out.m_max, m_max);
    out.m_count += m_count;
    out.m_sum += m_sum;
}

} // namespace gatehouse::app
