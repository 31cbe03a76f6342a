// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/live_summary.h"
#include "app/telemetry/telemetry_query.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace gatehouse::app {

class CallLogWriter;

// TelemetryService's half on the query thread: owns the query connection
// (opened lazily on that thread, closed by close() on it) and the live
// summary timer. Everything here runs on the query thread.
class TelemetryQueryWorker : public QObject {
    Q_OBJECT

public:
    using DroppedSource = std::function<quint64()>;
    using SummarySink = std::function<void(LiveSummary)>;

    TelemetryQueryWorker(QString databaseSpec, const CallLogWriter* writer, DroppedSource dropped);
    ~TelemetryQueryWorker() override;

    // The open query connection, or null (then `error` says why).
    TelemetryQuery* query(QString* error);
    LiveSummary computeSummary() const;
    void startSummaries(int intervalMs, SummarySink sink);
    void close();

private:
    QString m_spec;
    const CallLogWriter* m_writer;
    DroppedSource m_dropped;
    std::unique_ptr<TelemetryQuery> m_query;
    QTimer* m_timer = nullptr;
};

} // namespace gatehouse::app
