// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_types.h"

namespace gatehouse::app {

void TrafficCounters::add(const gateway::call_record& record)
{
    ++requests;
    switch (record.cache) {
    case gateway::cache_status::hit:
        ++hits;
        break;
    case gateway::cache_status::miss:
        ++misses;
        break;
    case gateway::cache_status::stale:
        ++stale;
        break;
    case gateway::cache_status::revalidated:
        ++revalidated;
        break;
    case gateway::cache_status::bypass:
        ++bypass;
        break;
    case gateway::cache_status::none:
        break;
    }
    const unsigned cls = record.status / 100;
    ++statusClasses[cls >= 1 && cls <= 5 ? cls : 0];
    bytesIn += record.bytes_in;
    bytesOut += record.bytes_out;
}

void TrafficCounters::merge(const TrafficCounters& other)
{
    requests += other.requests;
    hits += other.hits;
    misses += other.misses;
    stale += other.stale;
    revalidated += other.revalidated;
    bypass += other.bypass;
    for (std::size_t i = 0; i < statusClasses.size(); ++i)
        statusClasses[i] += other.statusClasses[i];
    bytesIn += other.bytesIn;
    bytesOut += other.bytesOut;
}

double TrafficCounters::hitRatio() const
{
    const quint64 served = hits + stale + revalidated;
    const quint64 lookups = served + misses;
    return lookups ? static_cast<double>(served) / static_cast<double>(lookups) : 0.0;
}

} // namespace gatehouse::app
