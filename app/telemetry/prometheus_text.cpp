// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/prometheus_text.h"

#include <cmath>
#include <concepts>
#include <map>

namespace gatehouse::app {

namespace {

class Writer {
public:
    // HELP and TYPE, once per family, before its samples.
    void family(const char* name, const char* type, const char* help)
    {
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help; // our own texts: no backslash or line feed to escape
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(const QByteArray& name, const QByteArray& labels, const QByteArray& value)
    {
        m_out += name;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ';
        m_out += value;
        m_out += '\n';
    }
    template <std::integral T>
    void sample(const char* name, const QByteArray& labels, T value)
    {
        sample(QByteArray(name), labels, QByteArray::number(static_cast<quint64>(value)));
    }
    void sample(const char* name, const QByteArray& labels, double value)
    {
        sample(QByteArray(name), labels, number(value));
    }

    static QByteArray number(double v)
    {
        if (std::isinf(v))
            return v > 0 ? "+Inf" : "-Inf";
        if (std::isnan(v))
            return "NaN";
        return QByteArray::number(v, 'g', 12);
    }

    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

QByteArray label(const char* name, const QByteArray& value)
{
    return QByteArray(name) + "=\"" + PrometheusText::escapeLabel(value) + '"';
}

QByteArray statusClass(int cls)
{
    return cls >= 1 && cls <= 5 ? QByteArray::number(cls) + "xx" : QByteArray("none");
}

QByteArray text(std::string_view s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

QByteArray PrometheusText::escapeLabel(const QByteArray& value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

const std::vector<double>& PrometheusText::latencyBounds()
{
    static const std::vector<double> bounds(LatencyBoundCounts::boundsSeconds.begin(),
                                            LatencyBoundCounts::boundsSeconds.end());
    return bounds;
}

QByteArray PrometheusText::format(const gateway::stats_snapshot& gw,
                                  const TelemetryMetrics& telemetry,
                                  const std::optional<CacheMetrics>& cache)
{
    Writer w;
    const QByteArray noLabels;
    w.family("gatehouse_requests_total", "counter",
             "Requests answered by the gateway, rejections included.");
    w.sample("gatehouse_requests_total", noLabels, gw.requests);
    w.family("gatehouse_responses_total", "counter", "Responses by status class.");
    for (int cls = 1; cls <= 5; ++cls)
        w.sample("gatehouse_responses_total", label("status_class", statusClass(cls)),
                 gw.status_classes[static_cast<std::size_t>(cls)]);
    w.family("gatehouse_connections_active", "gauge", "Client connections open now.");
    w.sample("gatehouse_connections_active", noLabels, gw.active_connections);
    w.family("gatehouse_worker_connections_active", "gauge",
             "Client connections open now, per gateway worker thread.");
    for (std::size_t i = 0; i < gw.worker_active_connections.size(); ++i)
        w.sample("gatehouse_worker_connections_active", label("worker", QByteArray::number(i)),
                 gw.worker_active_connections[i]);
    w.family("gatehouse_connections_accepted_total", "counter", "Client connections accepted.");
    w.sample("gatehouse_connections_accepted_total", noLabels, gw.accepted_connections);
    w.family("gatehouse_connections_refused_total", "counter",
             "Client connections closed unanswered before HTTP: the TLS handshake failed or "
             "never came (tls_handshake), or no valid PROXY protocol header (proxy_header).");
    w.sample("gatehouse_connections_refused_total", label("reason", "tls_handshake"),
             gw.failed_tls_handshakes);
    w.sample("gatehouse_connections_refused_total", label("reason", "proxy_header"),
             gw.refused_proxy_headers);
    w.family("gatehouse_received_bytes_total", "counter", "Bytes received from clients.");
    w.sample("gatehouse_received_bytes_total", noLabels, gw.bytes_in);
    w.family("gatehouse_sent_bytes_total", "counter", "Bytes sent to clients.");
    w.sample("gatehouse_sent_bytes_total", noLabels, gw.bytes_out);
    w.family("gatehouse_upstream_errors_total", "counter", "Failed upstream exchanges.");
    w.sample("gatehouse_upstream_errors_total", noLabels, gw.upstream_errors);
    w.family("gatehouse_config_generation", "gauge", "Generation of the applied configuration.");
    w.sample("gatehouse_config_generation", noLabels, gw.config_generation);
    w.family("gatehouse_call_records_dropped_total", "counter",
             "Call records dropped because a capture ring was full.");
    w.sample("gatehouse_call_records_dropped_total", noLabels, gw.dropped_call_records);

    // Per API, status class and cache status, from the call records.
    w.family("gatehouse_api_requests_total", "counter",
             "Logged calls by API (0: none), status class and cache status.");
    for (const auto& [key, count] : telemetry.requests)
        w.sample("gatehouse_api_requests_total",
                 label("api", QByteArray::number(key.apiId)) + ',' +
                     label("status_class", statusClass(key.statusClass)) + ',' +
                     label("cache", text(gateway::to_string(key.cache))),
                 count);

    const char* hist = "gatehouse_request_duration_seconds";
    w.family(hist, "histogram", "Total call latency as seen by the gateway.");
    for (const double bound : latencyBounds()) {
        const auto us = static_cast<std::uint64_t>(std::llround(bound * 1e6));
        w.sample(QByteArray(hist) + "_bucket", label("le", Writer::number(bound)),
                 QByteArray::number(telemetry.latency.countAtOrBelow(us)));
    }
    w.sample(QByteArray(hist) + "_bucket", label("le", "+Inf"),
             QByteArray::number(telemetry.latency.count()));
    w.sample(QByteArray(hist) + "_sum", noLabels,
             Writer::number(static_cast<double>(telemetry.latency.sumUs()) / 1e6));
    w.sample(QByteArray(hist) + "_count", noLabels, QByteArray::number(telemetry.latency.count()));

    // The same histogram per API, in a family of its own (as requests are in
    // gatehouse_api_requests_total), so a query summing the family above
    // does not count every call twice. The same bounds, so 19 lines per API.
    const char* apiHist = "gatehouse_api_request_duration_seconds";
    w.family(apiHist, "histogram", "Total call latency as seen by the gateway, by API (0: none).");
    for (const auto& [apiId, counts] : telemetry.apiLatency) {
        const QByteArray api = label("api", QByteArray::number(apiId));
        for (std::size_t i = 0; i < LatencyBoundCounts::boundCount; ++i)
            w.sample(QByteArray(apiHist) + "_bucket",
                     api + ',' + label("le", Writer::number(LatencyBoundCounts::boundsSeconds[i])),
                     QByteArray::number(counts.atOrBelow(i)));
        w.sample(QByteArray(apiHist) + "_bucket", api + ',' + label("le", "+Inf"),
                 QByteArray::number(counts.count()));
        w.sample(QByteArray(apiHist) + "_sum", api,
                 Writer::number(static_cast<double>(counts.sumUs()) / 1e6));
        w.sample(QByteArray(apiHist) + "_count", api, QByteArray::number(counts.count()));
    }

    const auto targetLabels = [](const gateway::target_health& t) -> QByteArray {
        return label("upstream", text(t.upstream)) + ',' + label("target", text(t.url));
    };
    w.family("gatehouse_upstream_healthy", "gauge", "1 when the upstream target is healthy.");
    for (const auto& t : gw.targets)
        w.sample("gatehouse_upstream_healthy", targetLabels(t), quint64(t.healthy ? 1 : 0));
    w.family("gatehouse_upstream_active_connections", "gauge",
             "Connections open to the upstream target.");
    for (const auto& t : gw.targets)
        w.sample("gatehouse_upstream_active_connections", targetLabels(t),
                 quint64(t.active_connections));
    w.family("gatehouse_upstream_requests_total", "counter", "Requests sent to the target.");
    for (const auto& t : gw.targets)
        w.sample("gatehouse_upstream_requests_total", targetLabels(t), quint64(t.requests));
    w.family("gatehouse_upstream_failures_total", "counter", "Failed requests to the target.");
    for (const auto& t : gw.targets)
        w.sample("gatehouse_upstream_failures_total", targetLabels(t), quint64(t.failures));
    w.family("gatehouse_upstream_latency_seconds", "gauge",
             "Most recent upstream response time of the target.");
    for (const auto& t : gw.targets)
        w.sample("gatehouse_upstream_latency_seconds", targetLabels(t),
                 static_cast<double>(t.last_latency_us) / 1e6);

    if (cache) {
        w.family("gatehouse_cache_objects", "gauge", "Objects in the HTTP cache.");
        w.sample("gatehouse_cache_objects", noLabels, cache->objects);
        w.family("gatehouse_cache_bytes", "gauge", "Bytes held by the HTTP cache.");
        w.sample("gatehouse_cache_bytes", noLabels, cache->bytes);
        w.family("gatehouse_cache_capacity_bytes", "gauge", "Byte budget of the HTTP cache.");
        w.sample("gatehouse_cache_capacity_bytes", noLabels, cache->capacityBytes);
        w.family("gatehouse_cache_evictions_total", "counter",
                 "Objects evicted to stay within the byte budget.");
        w.sample("gatehouse_cache_evictions_total", noLabels, cache->evictions);
        w.family("gatehouse_cache_body_files", "gauge",
                 "File descriptors held by stored bodies sent with sendfile.");
        w.sample("gatehouse_cache_body_files", noLabels, cache->bodyFiles);
        w.family("gatehouse_cache_body_files_limit", "gauge",
                 "How many file descriptors stored bodies may hold.");
        w.sample("gatehouse_cache_body_files_limit", noLabels, cache->bodyFilesLimit);
    }

    const CallLogWriterCounters& c = telemetry.writer;
    w.family("gatehouse_call_log_written_total", "counter", "Call-log rows committed.");
    w.sample("gatehouse_call_log_written_total", noLabels, c.written);
    w.family("gatehouse_call_log_batches_total", "counter", "Call-log transactions committed.");
    w.sample("gatehouse_call_log_batches_total", noLabels, c.batches);
    w.family("gatehouse_call_log_failed_total", "counter",
             "Call-log rows lost to failed transactions.");
    w.sample("gatehouse_call_log_failed_total", noLabels, c.failedRows);
    w.family("gatehouse_call_log_recording", "gauge",
             "1 while this process stores call logs; 0 while another Gatehouse holds the "
             "call log's writer lease.");
    w.sample("gatehouse_call_log_recording", noLabels, c.readOnly ? 0 : 1);
    w.family("gatehouse_call_log_not_recorded_total", "counter",
             "Calls served but not stored because another Gatehouse writes the call log.");
    w.sample("gatehouse_call_log_not_recorded_total", noLabels, c.notRecorded);
    w.family("gatehouse_call_log_retention_deleted_total", "counter", "Rows removed by retention.");
    w.sample("gatehouse_call_log_retention_deleted_total", noLabels, c.retentionDeleted);
    w.family("gatehouse_call_log_last_flush_seconds", "gauge", "Duration of the last flush.");
    w.sample("gatehouse_call_log_last_flush_seconds", noLabels,
             static_cast<double>(c.lastFlushUs) / 1e6);
    return w.take();
}

} // namespace gatehouse::app
