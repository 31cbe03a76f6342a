// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/latency_histogram.h"

#include <cstdint>
#include <vector>

namespace gatehouse::app {

// A LatencyHistogram with only its non-empty buckets, as (bucket, count)
// pairs in bucket order: for the live window's per-API seconds, 900 of them
// per API. A dense histogram is sized to its highest bucket, so one slow
// call in a second costs a few kB whatever the traffic; this one costs 8
// bytes per distinct bucket, which keeps the memory of many quiet APIs
// small. Same buckets, so the same percentiles and error bound
// (LatencyHistogram::relativeErrorBound()); recording is a binary search.
//
// Not thread-safe; callers copy or lock.
class CompactLatencyHistogram {
public:
    void record(std::uint64_t valueUs);
    void clear(); // keeps the allocation: a slot of the live ring is reused every 15 min

    std::uint64_t count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    std::size_t bucketsUsed() const { return m_buckets.size(); }

    // As LatencyHistogram::percentile() on the same values.
    std::uint64_t percentile(double p) const;
    void addTo(LatencyHistogram& out) const;

private:
    struct Bucket {
        std::uint16_t index;
        std::uint32_t count; // calls of one API in one second
    };
    static_assert(LatencyHistogram::bucketCount <= 65536);

    std::vector<Bucket> m_buckets;
    std::uint64_t m_count = 0;
    std::uint64_t m_sum = 0;
    std::uint64_t m_min = 0;
    std::uint64_t m_max = 0;
};

} // namespace gatehouse::app
