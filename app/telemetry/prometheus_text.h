// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/call_log_writer.h"
#include "gateway/gateway_stats.hpp"

#include <QByteArray>

#include <optional>

namespace gatehouse::app {

// Cache figures for /metrics, filled in by the caller from the gateway's
// cache once it reports them.
struct CacheMetrics {
    quint64 objects = 0;
    quint64 bytes = 0;
    quint64 capacityBytes = 0;
    quint64 evictions = 0;
    quint64 bodyFiles = 0;
    quint64 bodyFilesLimit = 0;
};

// Formats the gateway's counters, the telemetry writer's cumulative per-API
// counters and latency histogram, upstream health and the writer's own
// counters as Prometheus text exposition format 0.0.4, for GET /metrics on
// the admin listener. Every family has HELP and TYPE lines before its
// samples; counters end in _total; the latency histogram has cumulative
// `le` buckets in seconds ending in +Inf (equal to _count), plus _sum.
//
// gatehouse_api_request_duration_seconds is the same histogram per API
// (label `api`, the id as in gatehouse_api_requests_total), over the same
// bounds (LatencyBoundCounts), whose counts add up to the total's.
//
// The `le` counts come from the log-linear histogram: a value is counted
// in an `le` bucket once its whole histogram bucket lies at or below the
// bound, so a bucket may under-count by the values within 1/32 below its
// bound; the buckets stay monotonic and +Inf is exact.
class PrometheusText {
public:
    static QByteArray format(const gateway::stats_snapshot& gateway,
                             const TelemetryMetrics& telemetry,
                             const std::optional<CacheMetrics>& cache = {});

    static QByteArray contentType() { return "text/plain; version=0.0.4; charset=utf-8"; }

    // Escapes a label value (backslash, double quote, line feed).
    static QByteArray escapeLabel(const QByteArray& value);

    // The `le` bounds of the latency histogram, in seconds.
    static const std::vector<double>& latencyBounds();
};

} // namespace gatehouse::app
