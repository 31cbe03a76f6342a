// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace gatehouse::app {

// A latency histogram cut down to the fixed bounds of the /metrics latency
// histograms (the Prometheus `le` buckets, in seconds): 17 counters, a sum
// and a count whatever the traffic, so the writer keeps one per API and
// copies them all after every flush at the cost of a few hundred bytes each.
//
// A value counts under the first bound its LatencyHistogram bucket lies
// wholly at or below, the rule LatencyHistogram::countAtOrBelow() applies
// to the all-traffic histogram: for every bound, the APIs' counts add up
// to the all-traffic count.
//
// Not thread-safe; callers copy or lock.
class LatencyBoundCounts {
public:
    static constexpr std::size_t boundCount = 16;
    // Ascending, in seconds; the +Inf bucket comes after them.
    static constexpr std::array<double, boundCount> boundsSeconds = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    void record(std::uint64_t valueUs);

    std::uint64_t count() const { return m_count; }
    std::uint64_t sumUs() const { return m_sum; }
    // Values counted at or below bound `index` (cumulative, as `le`);
    // index boundCount: every value (+Inf).
    std::uint64_t atOrBelow(std::size_t index) const;

private:
    std::array<std::uint64_t, boundCount + 1> m_slots{}; // per bound, not cumulative
    std::uint64_t m_count = 0;
    std::uint64_t m_sum = 0;
};

} // namespace gatehouse::app
