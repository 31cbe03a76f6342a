// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/latency_bound_counts.h"

#include "app/telemetry/latency_histogram.h"

#include <cmath>

namespace gatehouse::app {

namespace {

// The slot of each LatencyHistogram bucket: the first bound at or above its
// upper edge (as countAtOrBelow() decides), boundCount past the last.
const std::array<std::uint8_t, LatencyHistogram::bucketCount>& slotOfBucket()
{
    static const auto table = [] {
        std::array<std::uint8_t, LatencyHistogram::bucketCount> out{};
        for (int i = 0; i < LatencyHistogram::bucketCount; ++i) {
            const std::uint64_t upper =
                LatencyHistogram::bucketLower(i) + LatencyHistogram::bucketWidth(i);
            std::size_t slot = 0;
            while (slot < LatencyBoundCounts::boundCount &&
                   upper > static_cast<std::uint64_t>(
                               std::llround(LatencyBoundCounts::boundsSeconds[slot] * 1e6)) +
                               1)
                ++slot;
            out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(slot);
        }
        return out;
    }();
    return table;
}

} // namespace

void LatencyBoundCounts::record(std::uint64_t valueUs)
{
    const int bucket = LatencyHistogram::bucketIndex(valueUs);
    ++m_slots[slotOfBucket()[static_cast<std::size_t>(bucket)]];
    ++m_count;
    m_sum += valueUs;
}

std::uint64_t LatencyBoundCounts::atOrBelow(std::size_t index) const
{
    std::uint64_t total = 0;
    for (std::size_t i = 0; i <= index && i < m_slots.size(); ++i)
        total += m_slots[i];
    return total;
}

} // namespace gatehouse::app
