// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/live_summary.h"
#include "app/telemetry/prometheus_text.h"
#include "app/telemetry/telemetry_export.h"
#include "app/telemetry/telemetry_types.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace gatehouse::app {

class GatewayController;
class TelemetryQueryWorker;

struct TelemetryServiceOptions {
    QString database; // SQLite file or postgresql:// URL; empty: defaultDatabasePath()
    RetentionPolicy retention;
    bool retentionEnabled = true;
    std::chrono::milliseconds flushInterval{100};
    int summaryIntervalMs = 1000; // how often liveSummaryUpdated() fires; 0: never
    // Read-only: how often the writer lease is asked for again (see
    // CallLogWriterOptions::leaseRetryInterval).
    std::chrono::milliseconds leaseRetryInterval{std::chrono::seconds(3)};
};

// The telemetry pipeline as the product runs it: the call-log writer
// attached to the gateway's call-record rings (through GatewayController;
// the rings outlive gateway restarts, so the writer stays attached while
// the service runs), a query thread with its own database connection, and
// a once-a-second live summary for the console's tiles and charts.
//
// Lives on the thread that created it (the GUI or the headless main
// thread), which never waits on the database: every query runs on the
// query thread and answers through a signal on the service's thread,
// carrying the id requestXxx() returned. Only start() (opening the
// database) and stop() (the final flush) block, at start-up and shut-down.
//
// Order: start() before the gateway takes traffic; stop() after the
// gateway has stopped, so the last records are drained and committed.
class TelemetryService : public QObject {
    Q_OBJECT

public:
    TelemetryService(GatewayController* controller, TelemetryServiceOptions options,
                     QObject* parent = nullptr);
    ~TelemetryService() override; // stop()

    // AppDataLocation/telemetry.sqlite (the directory is created).
    static QString defaultDatabasePath();

    bool start();
    void stop();
    bool running() const { return m_writer && m_writer->running(); }
    QString lastError() const { return m_lastError; }
    // Started, but another Gatehouse holds the call log's writer lease (see
    // CallLogWriter): this instance shows its own traffic live and queries
    // the shared call logs, but stores none of its calls. Once the other
    // one has gone, the writer takes the lease over by itself (within
    // leaseRetryInterval) and readOnlyChanged(false) announces it.
    bool readOnly() const { return m_readOnly; }
    // The console's and headless output's explanation of readOnly(), naming
    // the other writer; empty when this instance records its calls. While
    // read-only it follows the lease: should it pass from the writer named
    // at start to another one, the message names that one from the writer's
    // next try for the lease (readOnlyMessageChanged()).
    QString readOnlyMessage() const { return m_readOnlyMessage; }
    QString databaseSpec() const { return m_options.database; }

    // Null unless running. Thread-safe (see CallLogWriter).
    CallLogWriter* writer() const { return m_writer.get(); }
    std::shared_ptr<const LiveSeries> liveSeries() const;

    // The newest summary (a copy; never waits).
    LiveSummary liveSummary() const { return m_summary; }
    quint64 droppedRecords() const;

    // Prometheus text for GET /metrics: the gateway's counters, the
    // telemetry counters and histogram, the writer's own counters. Callable
    // from any thread while the service runs (the admin listener's thread).
    QByteArray prometheusText(const std::optional<CacheMetrics>& cache = {}) const;

    // Asynchronous queries: each returns a request id, answered later by
    // the matching xxxReady() or by queryFailed() with the same id. Times
    // are µs since the epoch, ranges [from, to).
    quint64 requestTrends(qint64 fromUs, qint64 toUs, TrendBucket bucket, quint64 apiId = 0);
    quint64 requestApiTotals(qint64 fromUs, qint64 toUs, TrendBucket source);
    quint64 requestSearch(const CallLogFilter& filter, std::optional<SearchCursor> after = {},
                          int limit = 100);

    // Writes every call matching `filter` (newest first) to the file at
    // `path`, on a thread of its own with its own connection, so neither the
    // GUI nor the other queries wait for it. The file appears only once
    // complete (QSaveFile). exportProgress() follows each page, at most
    // every 100 ms; exportFinished() ends it, with an empty error on success
    // and "cancelled" after cancelExport(). The thread starts once control
    // is back in the event loop, so a cancel before that writes nothing.
    quint64 requestExport(const CallLogFilter& filter, const QString& path,
                          TelemetryExport::Format format = TelemetryExport::Format::Csv);
    void cancelExport(quint64 requestId);

public slots:
    // Computes a summary now (on the query thread) instead of waiting for
    // the timer; liveSummaryUpdated() follows.
    void refreshSummary();

signals:
    void trendsReady(quint64 requestId, const std::vector<gatehouse::app::RollupBucket>& buckets);
    void apiTotalsReady(quint64 requestId, const std::vector<gatehouse::app::ApiTotals>& totals);
    void searchReady(quint64 requestId, const gatehouse::app::SearchPage& page);
    void queryFailed(quint64 requestId, const QString& message);
    void liveSummaryUpdated(const gatehouse::app::LiveSummary& summary);
    void exportProgress(quint64 requestId, qint64 rows);
    void exportFinished(quint64 requestId, qint64 rows, const QString& error);
    // readOnly() changed while running: so far only ever to false, when
    // this instance took the writer lease over and records its calls.
    void readOnlyChanged(bool readOnly);
    // While read-only: the lease passed to another writer than the one
    // readOnlyMessage() named, and it now names the new one.
    void readOnlyMessageChanged(const QString& message);

private:
    friend class TelemetryQueryWorker;
    static QString describeReadOnly(const WriterLeaseHolder& holder);
    void deliverSummary(LiveSummary summary);
    void onLeaseAcquired();
    void onLeaseHolderChanged();
    void finishExport(quint64 requestId, qint64 rows, const QString& error);

    struct ExportJob {
        quint64 id = 0;
        QThread* thread = nullptr;
        std::shared_ptr<std::atomic<bool>> cancel;
    };

    GatewayController* m_controller;
    TelemetryServiceOptions m_options;
    std::unique_ptr<CallLogWriter> m_writer;
    QThread* m_queryThread = nullptr;
    TelemetryQueryWorker* m_worker = nullptr; // lives on m_queryThread
    LiveSummary m_summary;
    std::vector<ExportJob> m_exports;
    quint64 m_nextRequest = 0;
    QString m_lastError;
    bool m_readOnly = false;
    QString m_readOnlyMessage;
};

} // namespace gatehouse::app
