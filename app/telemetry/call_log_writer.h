// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/latency_bound_counts.h"
#include "app/telemetry/live_series.h"
#include "app/telemetry/retention.h"
#include "app/telemetry/telemetry_types.h"
#include "app/telemetry/writer_lease.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>

namespace gatehouse::app {

struct CallLogWriterOptions {
    QString database; // SQLite file path, or a postgresql:// URL
    std::chrono::milliseconds flushInterval{100};
    std::size_t batchRows = 4000; // flush early once this many records wait
    RetentionPolicy retention;
    std::chrono::milliseconds retentionInterval{std::chrono::seconds(60)};
    bool retentionEnabled = true;
    // Read-only (another writer holds the lease): how often the lease is
    // asked for again, so this writer takes over once the holder has gone;
    // 0: never.
    std::chrono::milliseconds leaseRetryInterval{std::chrono::seconds(3)};
};

struct CallLogWriterCounters {
    quint64 written = 0;    // rows committed to call_log
    quint64 batches = 0;    // committed transactions
    quint64 failedRows = 0; // rows lost to a failed transaction
    qint64 lastFlushUs = 0; // duration of the last flush
    qint64 maxFlushUs = 0;  // longest flush so far
    quint64 dropped = 0;    // dropped by the gateway (ring full), from the drop source
    quint64 retentionDeleted = 0;
    // Read-only (another writer holds the lease, see WriterLease): the
    // records this writer drained and did not store. They are not drops:
    // the gateway's rings are drained as usual (its drop counter counts
    // full rings only) and the records reach the live window and /metrics.
    bool readOnly = false;
    quint64 notRecorded = 0;
    QString lastError;
};

// Cumulative counters since the writer started, for /metrics.
struct TelemetryMetrics {
    struct Key {
        quint64 apiId;
        int statusClass; // 0 = no response, 1..5
        gateway::cache_status cache;
        auto operator<=>(const Key&) const = default;
    };
    std::map<Key, quint64> requests;
    LatencyHistogram latency; // total latency of every call
    // The same per API (0: none), over /metrics' bounds only: a few hundred
    // bytes per API, however long the writer runs.
    std::map<quint64, LatencyBoundCounts> apiLatency;
    CallLogWriterCounters writer;
};

// The call-log writer: ONE thread owning its own database connection
// (opened and closed on that thread), draining the gateway's call-record
// rings and storing them in batches.
//
// Wake-ups: wake() (the gateway's empty -> non-empty hook; cheap, never
// blocks on the writer) and a flushInterval timer. Records are drained when
// announced (at most every 10 ms), and written when flushInterval has passed
// since the last flush or batchRows are waiting, whichever comes first: one
// transaction per flush with a prepared multi-row INSERT, plus the minute
// and hour rollup upserts in the same transaction. Repeated texts are
// interned into call_text (TextInterner) in that transaction too.
//
// A slow flush (busy machine) drains the rings between statements into a
// spill buffer, processed after the flush, so the rings do not overflow
// meanwhile. On a SQLite file, WAL checkpoints run on a WalCheckpointer
// thread with its own connection, never inside the writer's commits.
//
// Crash safety: with SQLite in WAL mode, a flush is one transaction, so a
// crash (kill -9) leaves the database consistent and loses at most the
// records not yet committed: the batch being written plus what waited in the
// rings or the spill buffer; every flush counted in `written` survives a process crash
// (synchronous=NORMAL: only an OS crash or power loss can roll back the
// last commits, never corrupt).
//
// Single writer: start() takes the database's WriterLease on the writer's
// connection before it touches the schema. When another process holds it,
// the writer still starts, read-only: it drains the rings into the live
// window and the metrics as usual, but stores nothing (no rows, rollups or
// retention; counted in `notRecorded`), so neither writer's rollups or
// interned texts are corrupted by the other. Every leaseRetryInterval it
// asks for the lease again; once the holder has gone (stopped, crashed, or
// its connection ended) it takes the lease, creates or migrates the schema
// and records from then on, without a restart. What it drained before that
// stays unrecorded (it is in no rollup). The lease, once held, is kept until
// stop().
//
// Thread safety: every public member may be called from any thread except
// that start()/stop() must not race each other.
class CallLogWriter {
public:
    // Appends at most `max` records to the vector (never clears it) and
    // returns how many: the writer drains straight into its pending batch.
    using DrainSource =
        std::function<std::size_t(std::vector<gateway::call_record>&, std::size_t max)>;
    using DroppedSource = std::function<quint64()>;

    CallLogWriter(CallLogWriterOptions options, DrainSource drain, DroppedSource dropped = {});
    ~CallLogWriter(); // stop()
    CallLogWriter(const CallLogWriter&) = delete;
    CallLogWriter& operator=(const CallLogWriter&) = delete;

    // Opens the database and creates the schema on the writer thread; false
    // (see lastError()) when that fails.
    bool start();
    // Final drain and flush, then closes the connection on its own thread.
    void stop();
    bool running() const { return m_running.load(); }

    // The gateway hook: set_call_records_hook(writer.hook()). Clear the hook
    // before the writer goes away.
    void wake() noexcept;
    std::function<void()> hook();

    // Drains and writes everything available now, and waits for it (tests,
    // shut-down, "flush" commands). False on timeout or a failed flush.
    bool flushNow(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Stops draining (records pile up in the rings, then drop): for tests
    // that stall the writer on purpose.
    void setPaused(bool paused);
    // Runs retention to completion on the writer thread as if now were `nowUs`.
    Retention::Step runRetentionNow(qint64 nowUs);
    void setRetentionPolicy(const RetentionPolicy& policy); // not concurrently with start()

    CallLogWriterCounters counters() const;
    TelemetryMetrics metrics() const;
    std::shared_ptr<const LiveSeries> liveSeries() const { return m_live; }
    QString lastError() const;
    const CallLogWriterOptions& options() const { return m_options; }
    // Set by start(): whether another writer holds the lease, and who.
    bool readOnly() const;
    WriterLeaseHolder leaseHolder() const;
    // Called on the writer thread when a read-only writer has taken the
    // lease over and records from now on. Set before start().
    void setLeaseAcquiredCallback(std::function<void()> callback);
    // Called on the writer thread when a read-only writer, asking for the
    // lease again, finds it held by someone else than before (the holder
    // went and a third writer took it): leaseHolder() names the new one.
    // Set before start().
    void setLeaseHolderChangedCallback(std::function<void()> callback);

private:
    struct State;
    void run(std::promise<QString>* started);
    void loop();
    bool drainAvailable();
    bool flushPending();
    bool flushAll();
    void spillFromRings();
    void retentionStep(bool force);
    bool becomeWriter(QString* error); // with the lease held: schema and statements
    void tearDownWriter();             // undoes becomeWriter(), whatever it got to
    void retryLease();
    bool postAndWait(std::function<void()> task, std::chrono::milliseconds timeout);

    CallLogWriterOptions m_options;
    DrainSource m_drain;
    DroppedSource m_dropped;
    std::shared_ptr<LiveSeries> m_live;

    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_wakeRequested{false};
    std::atomic<bool> m_paused{false};

    mutable std::mutex m_mutex; // guards the fields below
    std::condition_variable m_cv;
    bool m_stopRequested = false;
    std::deque<std::function<void()>> m_tasks;
    CallLogWriterCounters m_counters;
    TelemetryMetrics m_metrics;
    WriterLeaseHolder m_leaseHolder;
    std::function<void()> m_leaseAcquired;
    std::function<void()> m_leaseHolderChanged;

    std::unique_ptr<State> m_state; // writer-thread only
};

} // namespace gatehouse::app
