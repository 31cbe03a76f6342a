// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <array>

namespace gatehouse::app {

// One upstream target as the gateway's health checker and pools see it.
struct TargetHealthRow {
    QString upstream;
    QString target; // the target's URL
    bool healthy = true;
    unsigned consecutiveFailures = 0;
    quint64 activeConnections = 0;
    quint64 requests = 0;
    quint64 failures = 0;
    quint64 lastLatencyUs = 0; // most recent upstream response time; 0 = none yet
    QString problem;           // e.g. why its host name does not resolve
    // Why the last refresh of its host name failed; the last good addresses
    // still serve. Empty while lookups succeed.
    QString refreshError;
    // The routed API this upstream serves when it serves only one (as the
    // catalog gives each API an upstream of its own); 0 when it serves
    // several (the demo origin), or none.
    quint64 apiId = 0;
};

// One poll of the gateway's counters, plus rates computed from the previous
// poll. Totals are cumulative for the life of the gateway; rates cover the
// interval since the previous sample (`intervalSeconds`).
struct GatewayStatsSample {
    qint64 timestampMs = 0; // QDateTime::currentMSecsSinceEpoch() at the poll
    double intervalSeconds = 0.0;

    quint64 requests = 0;
    quint64 activeConnections = 0;
    quint64 acceptedConnections = 0;
    std::array<quint64, 6> statusClasses{}; // [1] = 1xx ... [5] = 5xx; [0] unused
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 upstreamErrors = 0;
    // Connections closed before HTTP (gateway::stats_snapshot).
    quint64 failedTlsHandshakes = 0;
    quint64 refusedProxyHeaders = 0;
    quint64 configGeneration = 0;
    int healthyTargets = 0;
    int totalTargets = 0;
    quint64 droppedCallRecords = 0; // call records lost to full telemetry rings
    QList<TargetHealthRow> targets;

    double requestsPerSecond = 0.0;
    double bytesInPerSecond = 0.0;
    double bytesOutPerSecond = 0.0;
    double serverErrorsPerSecond = 0.0; // 5xx responses per second

    quint64 statusClass(int hundreds) const
    {
        return hundreds >= 1 && hundreds <= 5 ? statusClasses[static_cast<std::size_t>(hundreds)]
                                              : 0;
    }
};

} // namespace gatehouse::app

Q_DECLARE_METATYPE(gatehouse::app::GatewayStatsSample)
