// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/compact_latency_histogram.h"
#include "app/telemetry/telemetry_types.h"

#include <mutex>
#include <span>
#include <unordered_map>
#include <vector>

namespace gatehouse::app {

// Per-second rollups of the last 15 minutes, total and per API, for the live
// charts: counters and a latency histogram per second, so p50/p95/p99 come
// per second and per API too. The writer thread adds each drained batch
// under one lock; any thread reads a copy (snapshot()), so a GUI timer never
// waits for a flush or the database. Records older than the window are
// ignored here (they still reach the database).
class LiveSeries {
public:
    static constexpr int windowSeconds = 15 * 60;

    void add(std::span<const gateway::call_record> records);

    // The last `seconds` whole seconds ending with the second of `nowUs`
    // (default: the current time), oldest first, one point per second
    // (zeros where nothing happened). `apiId` 0 is all traffic.
    std::vector<LivePoint> snapshot(int seconds, quint64 apiId = 0, qint64 nowUs = 0) const;

    // The last `seconds` seconds (ending with the second of `nowUs`, default
    // now) folded into one figure: counters and the merged latency histogram
    // of all traffic (`apiId` 0) or of one API, for "hit ratio / p99 over the
    // last few seconds".
    struct Window {
        TrafficCounters counters;
        LatencyHistogram latency;
    };
    Window window(int seconds, qint64 nowUs = 0, quint64 apiId = 0) const;

    // APIs seen within the window, for a chart's series picker.
    std::vector<quint64> apis() const;

private:
    struct Slot {
        LivePoint point;
        LatencyHistogram latency; // the total's seconds
        // An API's seconds: sparse, as most APIs see few calls a second
        // (see CompactLatencyHistogram); the total stays dense, for speed.
        CompactLatencyHistogram apiLatency;
    };
    struct Ring {
        std::vector<Slot> seconds;
        Ring();
    };
    static void addTo(Ring& ring, const gateway::call_record& record, qint64 second, bool total);
    const Ring* ringOf(quint64 apiId) const; // null: an API not seen

    mutable std::mutex m_mutex;
    Ring m_total;
    std::unordered_map<quint64, Ring> m_perApi;
    qint64 m_newestSecond = 0;
};

} // namespace gatehouse::app
