// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace gatehouse::app {

// A log-linear latency histogram over microseconds, HDR-style: values below
// 32 µs each get their own bucket; above, every power-of-two range
// [2^k, 2^(k+1)) is split into 32 equal sub-buckets, up to 2^26 µs (67 s,
// past the 60 s a call can last). Values beyond are clamped into the last
// bucket.
//
// Error bound: a percentile is reported as the midpoint of the bucket that
// holds the exact order statistic, so it is within half a bucket width of
// it: |reported - exact| <= exact / 64, i.e. a relative error <= 1.5625 %
// (exact below 32 µs). `relativeErrorBound()` returns that bound.
//
// Mergeable (bucket-wise sums) and serialisable to a compact sparse blob
// for the rollup tables. Not thread-safe; callers copy or lock.
class LatencyHistogram {
public:
    static constexpr int subBucketBits = 5;
    static constexpr int subBuckets = 1 << subBucketBits; // 32
    static constexpr int maxExponent = 26;                // values < 2^26 µs
    static constexpr int bucketCount = subBuckets + (maxExponent - subBucketBits) * subBuckets;
    static constexpr double relativeErrorBound() { return 1.0 / (2.0 * subBuckets); }

    void record(std::uint64_t valueUs, std::uint64_t count = 1);
    void merge(const LatencyHistogram& other);
    void clear();

    std::uint64_t count() const { return m_count; }
    std::uint64_t sumUs() const { return m_sum; }
    std::uint64_t minUs() const { return m_count ? m_min : 0; }
    std::uint64_t maxUs() const { return m_max; }
    bool isEmpty() const { return m_count == 0; }

    // p in [0, 100]: the value at rank ceil(p/100 * count) (nearest-rank
    // definition), as the midpoint of its bucket clamped to [min, max].
    // 0 when empty.
    std::uint64_t percentile(double p) const;

    // How many recorded values are <= valueUs, counting whole buckets whose
    // upper edge is <= valueUs + 1 (used for Prometheus `le` buckets: exact on
    // bucket edges, otherwise off by at most the straddling bucket).
    std::uint64_t countAtOrBelow(std::uint64_t valueUs) const;

    QByteArray toBlob() const;
    // Returns false (and leaves the histogram empty) on a malformed blob.
    bool fromBlob(const QByteArray& blob);
    static LatencyHistogram fromBlobOrEmpty(const QByteArray& blob);

    static int bucketIndex(std::uint64_t valueUs);
    static std::uint64_t bucketLower(int index);
    static std::uint64_t bucketWidth(int index);
    // What percentile() reports for bucket `index` of values in [min, max].
    static std::uint64_t reportedValue(int index, std::uint64_t minUs, std::uint64_t maxUs);

    bool operator==(const LatencyHistogram& other) const;

private:
    friend class CompactLatencyHistogram; // merges its sparse buckets in

    // Sized to the highest bucket used, so typical (sub-second) histograms
    // stay small in memory.
    std::vector<std::uint64_t> m_buckets;
    std::uint64_t m_count = 0;
    std::uint64_t m_sum = 0;
    std::uint64_t m_min = 0;
    std::uint64_t m_max = 0;
};

} // namespace gatehouse::app
