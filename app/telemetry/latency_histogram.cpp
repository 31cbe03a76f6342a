// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace gatehouse::app {

namespace {

constexpr char blobMagic = 'H';
constexpr char blobVersion = 1;

void putVarint(QByteArray& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

bool getVarint(const QByteArray& in, qsizetype& pos, std::uint64_t& v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const auto byte = static_cast<unsigned char>(in[pos++]);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

} // namespace

int LatencyHistogram::bucketIndex(std::uint64_t valueUs)
{
    constexpr std::uint64_t limit = (std::uint64_t(1) << maxExponent) - 1;
    const std::uint64_t v = std::min(valueUs, limit);
    if (v < subBuckets)
        return static_cast<int>(v);
    const int exponent = std::bit_width(v) - 1; // >= subBucketBits
    const int shift = exponent - subBucketBits;
    const int sub = static_cast<int>(v >> shift) - subBuckets;
    return subBuckets + shift * subBuckets + sub;
}

std::uint64_t LatencyHistogram::bucketLower(int index)
{
    if (index < subBuckets)
        return static_cast<std::uint64_t>(index);
    const int shift = (index - subBuckets) / subBuckets;
    const int sub = (index - subBuckets) % subBuckets;
    return static_cast<std::uint64_t>(subBuckets + sub) << shift;
}

std::uint64_t LatencyHistogram::bucketWidth(int index)
{
    if (index < subBuckets)
        return 1;
    return std::uint64_t(1) << ((index - subBuckets) / subBuckets);
}

void LatencyHistogram::record(std::uint64_t valueUs, std::uint64_t count)
{
    if (count == 0)
        return;
    const int index = bucketIndex(valueUs);
    if (static_cast<std::size_t>(index) >= m_buckets.size())
        m_buckets.resize(static_cast<std::size_t>(index) + 1, 0);
    m_buckets[static_cast<std::size_t>(index)] += count;
    m_min = m_count ? std::min(m_min, valueUs) : valueUs;
    m_max = std::max(m_max, valueUs);
    m_count += count;
    m_sum += valueUs * count;
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    if (other.m_count == 0)
        return;
    if (m_buckets.size() < other.m_buckets.size())
        m_buckets.resize(other.m_buckets.size(), 0);
    for (std::size_t i = 0; i < other.m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_min = m_count ? std::min(m_min, other.m_min) : other.m_min;
    m_max = std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void LatencyHistogram::clear()
{
    *this = LatencyHistogram();
}

std::uint64_t LatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return 0;
    p = std::clamp(p, 0.0, 100.0);
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(m_count))));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= rank)
            return reportedValue(static_cast<int>(i), m_min, m_max);
    }
    return m_max;
}

std::uint64_t LatencyHistogram::reportedValue(int index, std::uint64_t minUs, std::uint64_t maxUs)
{
    const std::uint64_t mid = bucketLower(index) + (bucketWidth(index) - 1) / 2;
    return std::clamp(mid, minUs, maxUs);
}

std::uint64_t LatencyHistogram::countAtOrBelow(std::uint64_t valueUs) const
{
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        const int index = static_cast<int>(i);
        if (bucketLower(index) + bucketWidth(index) > valueUs + 1)
            break; // bucket upper edges grow with the index
        total += m_buckets[i];
    }
    return total;
}

QByteArray LatencyHistogram::toBlob() const
{
    QByteArray out;
    out.reserve(16 + static_cast<qsizetype>(m_buckets.size()) / 2);
    out.append(blobMagic);
    out.append(blobVersion);
    putVarint(out, m_count);
    putVarint(out, m_sum);
    putVarint(out, minUs());
    putVarint(out, m_max);
    // Sparse: (gap since the previous non-empty bucket, count) pairs.
    std::size_t previous = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        if (m_buckets[i] == 0)
            continue;
        putVarint(out, i - previous);
        putVarint(out, m_buckets[i]);
        previous = i;
    }
    return out;
}

bool LatencyHistogram::fromBlob(const QByteArray& blob)
{
    clear();
    if (blob.isEmpty())
        return true;
    if (blob.size() < 2 || blob[0] != blobMagic || blob[1] != blobVersion)
        return false;
    qsizetype pos = 2;
    LatencyHistogram h;
    if (!getVarint(blob, pos, h.m_count) || !getVarint(blob, pos, h.m_sum) ||
        !getVarint(blob, pos, h.m_min) || !getVarint(blob, pos, h.m_max))
        return false;
    std::uint64_t index = 0;
    std::uint64_t total = 0;
    while (pos < blob.size()) {
        std::uint64_t gap = 0, count = 0;
        if (!getVarint(blob, pos, gap) || !getVarint(blob, pos, count))
            return false;
        index += gap;
        if (index >= static_cast<std::uint64_t>(bucketCount))
            return false;
        if (h.m_buckets.size() <= index)
            h.m_buckets.resize(index + 1, 0);
        h.m_buckets[index] += count;
        total += count;
    }
    if (total != h.m_count)
        return false;
    *this = std::move(h);
    return true;
}

LatencyHistogram LatencyHistogram::fromBlobOrEmpty(const QByteArray& blob)
{
    LatencyHistogram h;
    h.fromBlob(blob);
    return h;
}

bool LatencyHistogram::operator==(const LatencyHistogram& other) const
{
    if (m_count != other.m_count || m_sum != other.m_sum || minUs() != other.minUs() ||
        m_max != other.m_max)
        return false;
    const std::size_t n = std::max(m_buckets.size(), other.m_buckets.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t a = i < m_buckets.size() ? m_buckets[i] : 0;
        const std::uint64_t b = i < other.m_buckets.size() ? other.m_buckets[i] : 0;
        if (a != b)
            return false;
    }
    return true;
}

} // namespace gatehouse::app
