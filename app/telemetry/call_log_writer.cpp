// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/call_log_writer.h"

#include "app/telemetry/request_id_key.h"
#include "app/telemetry/rollup_store.h"
#include "app/telemetry/sqlite_bulk_insert.h"
#include "app/telemetry/telemetry_database.h"
#include "app/telemetry/text_interner.h"
#include "app/telemetry/thread_priority.h"
#include "app/telemetry/wal_checkpointer.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <array>
#include <bit>
#include <limits>
#include <span>

namespace gatehouse::app {

namespace {

using Clock = std::chrono::steady_clock;

// Rows per multi-row INSERT: the same power-of-two sizes as on SQLite (see
// SqliteBulkInsert), at most 128 rows x 17 columns = 2,176 parameters, well
// under SQLite's 32,766 and PostgreSQL's 65,535; on PostgreSQL each
// statement is a round trip, which the ladder keeps to a few per 128 rows.
constexpr int columns = 17;
// A wake-up drains at most this often: the gateway notifies only on a
// ring's empty -> non-empty edge, so draining less eagerly means fewer
// notifications (syscalls on the worker threads) at high rates, while the
// rings (16,384 records per worker) still have ample headroom.
constexpr auto minDrainGap = std::chrono::milliseconds(10);
// A flush drains the rings between statements into a spill buffer (up to
// this many batches), so a flush slowed down by a busy machine does not let
// the rings overflow; the spill is processed once the flush is over.
constexpr qint64 maxWalBytes = 256LL << 20;
constexpr std::size_t spillBatches = 4;
// Rows inserted between two looks at the rings (and two chances for a
// worker sharing this thread's core to run): while the writer keeps up,
// 32-row statements (~60 us each), so a request arriving meanwhile waits
// about that long -- with 128-row ones, half-load p99 with the call log
// was 0.3-0.4 ms above p99 without; once a batch or more is waiting
// (records arrive faster than they are written), the largest statements,
// which write the most rows per CPU-second: at saturation 32-row pieces
// wrote a third of the rows and dropped the rest.
constexpr std::size_t rowsBetweenSpillsKeepingUp = 32;
constexpr std::size_t rowsBetweenSpillsBehind = SqliteBulkInsert::rowsPerStatement;
// ... each a statement size of the SQLite path's ladder.
static_assert(SqliteBulkInsert::rowsPerStatement % rowsBetweenSpillsKeepingUp == 0);
// The checkpointer is poked at most this often. Each checkpoint copies every
// page changed since the last one into the database file and fsyncs twice;
// the pages at the right edge of the indexes change in every flush, so
// checkpointing after every 100 ms flush copied them ten times a second
// (and cost 20 fsyncs a second) where once a second copies them once.
constexpr auto checkpointGap = std::chrono::seconds(1);
// Retention gets at most this long per idle turn, so a flush never waits long.
constexpr auto retentionBudget = std::chrono::milliseconds(20);

void bindRecord(QSqlQuery& q, int base, const gateway::call_record& r, const CallTextRefs& t)
{
    const auto i64 = [](quint64 v) {
        return QVariant(static_cast<qint64>(v));
    };
    q.bindValue(base + 0, QVariant(static_cast<qint64>(r.timestamp_us)));
    unsigned char packed[telemetry::packedRequestIdSize];
    if (telemetry::packRequestId(r.request_id.view(), r.timestamp_us, packed)) {
        q.bindValue(base + 1, QByteArray(reinterpret_cast<const char*>(packed), sizeof packed));
        q.bindValue(base + 2, QVariant(QMetaType::fromType<QString>()));
    } else {
        q.bindValue(base + 1, QVariant(QMetaType::fromType<QByteArray>()));
        q.bindValue(base + 2, QString::fromUtf8(r.request_id.data, r.request_id.size));
    }
    q.bindValue(base + 3, i64(r.api_id));
    q.bindValue(base + 4, t.route);
    q.bindValue(base + 5, i64(r.application_id));
    q.bindValue(base + 6, t.method);
    q.bindValue(base + 7, QString::fromUtf8(r.path.data, r.path.size));
    q.bindValue(base + 8, QVariant(static_cast<int>(r.status)));
    q.bindValue(base + 9, QVariant(static_cast<int>(r.cache)));
    q.bindValue(base + 10, t.upstream);
    q.bindValue(base + 11, i64(r.bytes_in));
    q.bindValue(base + 12, i64(r.bytes_out));
    q.bindValue(base + 13, i64(r.total_latency_us));
    q.bindValue(base + 14, i64(r.upstream_latency_us));
    q.bindValue(base + 15, QVariant(static_cast<int>(r.error)));
    q.bindValue(base + 16, t.client);
}

// The PostgreSQL path (SQLite's is SqliteBulkInsert::insert): the largest
// statement of `inserts` that fits what is left, until nothing is.
template <std::size_t Sizes>
bool insertWithQt(std::array<std::unique_ptr<QSqlQuery>, Sizes>& inserts,
                  const gateway::call_record* rows, const CallTextRefs* refs, std::size_t count,
                  QString* error)
{
    std::size_t i = 0;
    while (i < count) {
        const int k =
            std::bit_width(std::min<std::size_t>(count - i, std::size_t(1) << (Sizes - 1))) - 1;
        QSqlQuery& q = *inserts[std::size_t(k)];
        const std::size_t rowsNow = std::size_t(1) << k;
        for (std::size_t row = 0; row < rowsNow; ++row)
            bindRecord(q, static_cast<int>(row) * columns, rows[i + row], refs[i + row]);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        i += rowsNow;
    }
    return true;
}

// The call_text ids of every pending record, in the open transaction.
bool internTexts(TextInterner& texts, QSqlDatabase& db,
                 const std::vector<gateway::call_record>& records, std::vector<CallTextRefs>& refs,
                 QString* error)
{
    refs.resize(records.size());
    // Every text of the batch counts as used at its newest call (see TextInterner).
    qint64 newestUs = std::numeric_limits<qint64>::min();
    for (const gateway::call_record& r : records)
        newestUs = std::max(newestUs, static_cast<qint64>(r.timestamp_us));
    for (std::size_t i = 0; i < records.size(); ++i) {
        const gateway::call_record& r = records[i];
        CallTextRefs& t = refs[i];
        // Consecutive calls mostly share their texts: a compare, no hash.
        const gateway::call_record* previous = i ? &records[i - 1] : nullptr;
        const auto id = [&](auto field, qint64 CallTextRefs::*ref) {
            const std::string_view text = (r.*field).view();
            return previous && (previous->*field).view() == text
                       ? refs[i - 1].*ref
                       : texts.idOf(db, text, newestUs, error);
        };
        t.route = id(&gateway::call_record::route_id, &CallTextRefs::route);
        t.method = id(&gateway::call_record::method, &CallTextRefs::method);
        t.upstream = id(&gateway::call_record::upstream, &CallTextRefs::upstream);
        t.client = id(&gateway::call_record::client_address, &CallTextRefs::client);
        if (t.route < 0 || t.method < 0 || t.upstream < 0 || t.client < 0)
            return false;
    }
    return true;
}

} // namespace

struct CallLogWriter::State {
    QString connection;
    QSqlDatabase db;
    // PostgreSQL: [k] inserts 2^k rows.
    std::array<std::unique_ptr<QSqlQuery>, SqliteBulkInsert::statementSizes> inserts;
    SqliteBulkInsert sqlite; // the fast path on SQLite; QSqlQuery otherwise
    bool fast = false;
    std::unique_ptr<WalCheckpointer> checkpointer; // SQLite files only
    QString walPath;
    RollupStore minutes{QStringLiteral("rollup_minute"), 60'000'000LL};
    RollupStore hours{QStringLiteral("rollup_hour"), 3'600'000'000LL};
    Retention retention;
    TextInterner texts;
    WriterLease lease;
    bool readOnly = false; // another writer holds the lease
    std::vector<gateway::call_record> pending;
    std::vector<CallTextRefs> refs;          // pending[i]'s texts
    std::vector<gateway::call_record> spill; // drained during a flush, not yet processed
    std::size_t spillHead = 0;               // next spilled record to process
    TelemetryMetrics metrics;                // published to m_metrics after each flush
    Clock::time_point lastFlush;
    Clock::time_point lastDrain;
    Clock::time_point lastRetention;
    Clock::time_point lastCheckpointPoke;
    Clock::time_point lastLeaseTry; // read-only: when the lease was last asked for
    QString leaseError;             // why the last try to take it over failed
    bool retentionMore = false;
};

CallLogWriter::CallLogWriter(CallLogWriterOptions options, DrainSource drain, DroppedSource dropped)
    : m_options(std::move(options))
    , m_drain(std::move(drain))
    , m_dropped(std::move(dropped))
    , m_live(std::make_shared<LiveSeries>())
{
    m_options.batchRows = std::max<std::size_t>(1, m_options.batchRows);
}

CallLogWriter::~CallLogWriter()
{
    stop();
}

bool CallLogWriter::start()
{
    if (m_thread.joinable())
        return m_running.load();
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = false;
        m_counters.lastError.clear();
        m_counters.readOnly = false;
        m_leaseHolder = {};
    }
    // Shared: the writer thread may still be inside set_value() when this
    // thread has the result and returns.
    auto started = std::make_shared<std::promise<QString>>();
    auto result = started->get_future();
    m_thread = std::thread([this, started] { run(started.get()); });
    const QString error = result.get();
    if (!error.isEmpty()) {
        m_thread.join();
        std::lock_guard lock(m_mutex);
        m_counters.lastError = error;
        return false;
    }
    m_running = true;
    return true;
}

void CallLogWriter::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_cv.notify_one();
    m_thread.join();
    m_running = false;
}

void CallLogWriter::wake() noexcept
{
    // Called on gateway worker threads: no lock, at most one notify until
    // the writer has taken the wake-up. A notify that races the writer going
    // to sleep is caught by its flush timer at the latest.
    if (!m_wakeRequested.exchange(true, std::memory_order_acq_rel))
        m_cv.notify_one();
}

std::function<void()> CallLogWriter::hook()
{
    return [this] {
        wake();
    };
}

void CallLogWriter::run(std::promise<QString>* started)
{
    telemetry::lowerCurrentThreadPriority(); // the workers come first: see there
    telemetry::nameCurrentThread("gh-call-log");
    m_state = std::make_unique<State>();
    State& s = *m_state;
    s.connection = telemetry::uniqueConnectionName(QStringLiteral("writer"));
    QString error;
    s.db = telemetry::openDatabase(m_options.database, s.connection, &error);
    // The lease first: the schema is the holder's to create or migrate.
    const WriterLease::Result lease = s.db.isValid()
                                          ? s.lease.acquire(s.db, m_options.database, &error)
                                          : WriterLease::Result::Failed;
    if (lease == WriterLease::Result::Failed ||
        (lease == WriterLease::Result::Acquired && !becomeWriter(&error))) {
        tearDownWriter();
        s.lease.release();
        s.db = QSqlDatabase();
        telemetry::closeDatabase(s.connection);
        m_state.reset();
        started->set_value(error.isEmpty() ? QStringLiteral("cannot open database") : error);
        return;
    }
    if (lease == WriterLease::Result::HeldElsewhere) {
        s.readOnly = true;
        std::lock_guard lock(m_mutex);
        m_counters.readOnly = true;
        m_leaseHolder = s.lease.holder();
    }
    s.pending.reserve(m_options.batchRows);
    s.lastFlush = s.lastDrain = s.lastRetention = s.lastCheckpointPoke = s.lastLeaseTry =
        Clock::now();
    started->set_value(QString());
    loop();

    tearDownWriter();
    s.lease.release(); // after the final commit, before the connection closes
    s.db = QSqlDatabase();
    telemetry::closeDatabase(s.connection);
    m_state.reset();
}

bool CallLogWriter::becomeWriter(QString* error)
{
    State& s = *m_state;
    if (!telemetry::ensureSchema(s.db, error))
        return false;
    if (telemetry::dialectOf(s.db) == telemetry::Dialect::Sqlite) {
        // A 64 MB page cache keeps the hot index pages (indexes over
        // rows arriving in time order) in memory between flushes instead of
        // re-reading them from the OS on every batch.
        QSqlQuery pragma(s.db);
        pragma.exec(QStringLiteral("PRAGMA cache_size=-65536"));
        if (m_options.database != QLatin1String(":memory:")) {
            // Checkpoints run on their own thread (see WalCheckpointer).
            pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
            s.walPath = m_options.database + QStringLiteral("-wal");
            s.checkpointer = std::make_unique<WalCheckpointer>(m_options.database, checkpointGap);
            s.checkpointer->start();
        }
    }
    QString fastError;
    s.fast = s.sqlite.prepare(s.db, &fastError);
    if (!fastError.isEmpty())
        qWarning("call log: SQLite bulk insert unavailable (%s); using QSqlQuery",
                 qPrintable(fastError));
    if (!s.fast) { // PostgreSQL: the same multi-row INSERT through QSqlQuery
        for (int k = 0; k < SqliteBulkInsert::statementSizes; ++k) {
            s.inserts[k] = std::make_unique<QSqlQuery>(s.db);
            if (!s.inserts[k]->prepare(SqliteBulkInsert::insertSql(1 << k))) {
                if (error)
                    *error = s.inserts[k]->lastError().text();
                return false;
            }
        }
    }
    s.retention.setPolicy(m_options.retention);
    return true;
}

void CallLogWriter::tearDownWriter()
{
    State& s = *m_state;
    if (s.checkpointer)
        s.checkpointer->stop();
    s.checkpointer.reset();
    s.walPath.clear();
    s.sqlite.finalize();
    s.fast = false;
    for (auto& insert : s.inserts)
        insert.reset();
    s.texts.release();
    s.minutes.release();
    s.hours.release();
}

void CallLogWriter::retryLease()
{
    State& s = *m_state;
    const auto now = Clock::now();
    if (m_options.leaseRetryInterval.count() <= 0 ||
        now < s.lastLeaseTry + m_options.leaseRetryInterval)
        return;
    s.lastLeaseTry = now;
    // What was drained while read-only is shown, never stored: it is in no
    // rollup, so it must not reach the table as raw rows either.
    flushPending();
    QString error;
    const WriterLease::Result lease = s.lease.acquire(s.db, m_options.database, &error);
    if (lease == WriterLease::Result::HeldElsewhere) {
        std::function<void()> notify;
        {
            std::lock_guard lock(m_mutex);
            // It may have passed to a third writer.
            if (m_leaseHolder == s.lease.holder())
                return;
            m_leaseHolder = s.lease.holder();
            notify = m_leaseHolderChanged;
        }
        if (notify)
            notify();
        return;
    }
    if (lease == WriterLease::Result::Acquired && !becomeWriter(&error)) {
        tearDownWriter();
        s.lease.release();
    }
    if (!s.lease.held()) {
        // Tried again at the next interval; the reason shows meanwhile.
        s.leaseError = QStringLiteral("cannot take over the call log: %1")
                           .arg(error.isEmpty() ? QStringLiteral("no lease") : error);
        std::lock_guard lock(m_mutex);
        m_counters.lastError = s.leaseError;
        return;
    }
    s.readOnly = false;
    s.lastFlush = s.lastRetention = s.lastCheckpointPoke = now;
    std::function<void()> notify;
    {
        std::lock_guard lock(m_mutex);
        m_counters.readOnly = false;
        m_leaseHolder = {};
        if (!s.leaseError.isEmpty() && m_counters.lastError == s.leaseError)
            m_counters.lastError.clear();
        notify = m_leaseAcquired;
    }
    if (notify)
        notify();
}

void CallLogWriter::loop()
{
    State& s = *m_state;
    for (;;) {
        bool stopping = false;
        std::deque<std::function<void()>> tasks;
        {
            std::unique_lock lock(m_mutex);
            for (;;) {
                if (m_stopRequested || !m_tasks.empty() || s.spillHead < s.spill.size())
                    break;
                auto deadline = s.lastFlush + m_options.flushInterval;
                if (m_wakeRequested.load(std::memory_order_acquire))
                    deadline = std::min(deadline, s.lastDrain + minDrainGap);
                if (Clock::now() >= deadline)
                    break;
                m_cv.wait_until(lock, deadline);
            }
            stopping = m_stopRequested;
            tasks.swap(m_tasks);
        }
        if (stopping)
            m_paused = false; // the final flush takes everything
        drainAvailable();
        if (stopping)
            flushAll();
        else if (Clock::now() >= s.lastFlush + m_options.flushInterval)
            flushPending();
        for (auto& task : tasks)
            task();
        if (stopping)
            break;
        if (s.readOnly)
            retryLease();
        retentionStep(false);
    }
}

bool CallLogWriter::drainAvailable()
{
    State& s = *m_state;
    m_wakeRequested.store(false, std::memory_order_release);
    s.lastDrain = Clock::now();
    if (m_paused.load() || !m_drain)
        return true;
    bool ok = true;
    for (;;) {
        // Straight into pending: each record is copied once on this side.
        const std::size_t first = s.pending.size();
        const std::size_t room = m_options.batchRows - first;
        std::size_t n = 0;
        if (s.spillHead < s.spill.size()) {
            // Spilled records are older than what the rings hold: first.
            n = std::min(room, s.spill.size() - s.spillHead);
            const auto from = s.spill.begin() + static_cast<std::ptrdiff_t>(s.spillHead);
            s.pending.insert(s.pending.end(), from, from + static_cast<std::ptrdiff_t>(n));
            s.spillHead += n;
            if (s.spillHead == s.spill.size()) {
                s.spill.clear();
                s.spillHead = 0;
            }
        } else {
            n = m_drain(s.pending, room);
        }
        if (n == 0)
            break;
        const std::span<const gateway::call_record> added(s.pending.data() + first, n);
        m_live->add(added);
        for (const auto& r : added) {
            if (!s.readOnly) {
                s.minutes.add(r);
                s.hours.add(r);
            }
            const unsigned cls = r.status / 100;
            ++s.metrics.requests[{r.api_id, cls <= 5 ? static_cast<int>(cls) : 0, r.cache}];
            s.metrics.latency.record(r.total_latency_us);
            s.metrics.apiLatency[r.api_id].record(r.total_latency_us);
        }
        if (s.pending.size() >= m_options.batchRows)
            ok = flushPending() && ok;
    }
    return ok;
}

void CallLogWriter::spillFromRings()
{
    State& s = *m_state;
    const std::size_t cap = spillBatches * m_options.batchRows;
    if (m_paused.load() || !m_drain || s.spill.size() >= cap)
        return;
    m_drain(s.spill, cap - s.spill.size());
}

bool CallLogWriter::flushAll()
{
    // Each flush may spill what arrived meanwhile; bounded so that a gateway
    // still taking traffic cannot keep a stopping writer busy forever.
    bool ok = flushPending();
    for (int round = 0; round < 100 && m_state->spillHead < m_state->spill.size(); ++round) {
        ok = drainAvailable() && ok;
        ok = flushPending() && ok;
    }
    return ok;
}

bool CallLogWriter::flushPending()
{
    State& s = *m_state;
    const auto started = Clock::now();
    s.lastFlush = started;
    const std::size_t n = s.pending.size();
    if (n == 0 && !s.minutes.hasPending())
        return true;
    if (s.readOnly) {
        // Shown (live window, metrics), never stored: the lease holder's
        // rows and rollups are the database's only truth.
        s.pending.clear();
        std::lock_guard lock(m_mutex);
        m_counters.notRecorded += n;
        m_metrics.requests = s.metrics.requests;
        m_metrics.latency = s.metrics.latency;
        m_metrics.apiLatency = s.metrics.apiLatency;
        return true;
    }

    QString error;
    // Another connection writing (a query connection creating the schema;
    // no second call-log writer: see WriterLease) makes SQLite wait for its
    // commit here rather than fail this batch halfway (see beginWrite()).
    bool ok = telemetry::beginWrite(s.db, &error);
    ok = ok && internTexts(s.texts, s.db, s.pending, s.refs, &error);
    telemetry::yieldToWorkers();
    // A few statements at a time, draining the rings in between (see
    // spillFromRings) and letting the gateway's workers run.
    for (std::size_t done = 0; ok && done < n;) {
        const std::size_t backlog = s.spill.size() - s.spillHead;
        const std::size_t piece =
            backlog >= m_options.batchRows ? rowsBetweenSpillsBehind : rowsBetweenSpillsKeepingUp;
        const std::size_t chunk = std::min(piece, n - done);
        ok = s.fast ? s.sqlite.insert(s.pending.data() + done, s.refs.data() + done, chunk, &error)
                    : insertWithQt(s.inserts, s.pending.data() + done, s.refs.data() + done, chunk,
                                   &error);
        done += chunk;
        spillFromRings();
        telemetry::yieldToWorkers();
    }
    ok = ok && s.minutes.write(s.db, &error) && s.hours.write(s.db, &error);
    telemetry::yieldToWorkers();
    if (ok && !s.db.commit()) {
        error = s.db.lastError().text();
        ok = false;
    }
    if (ok) {
        s.texts.commit();
        s.minutes.commit();
        s.hours.commit();
        // The checkpointer's PASSIVE checkpoints let the WAL restart only
        // when they catch up before the next flush; should they keep falling
        // behind, this connection truncates it itself, rarely.
        if (s.checkpointer && started >= s.lastCheckpointPoke + checkpointGap) {
            s.lastCheckpointPoke = started;
            s.checkpointer->poke();
        }
        if (!s.walPath.isEmpty() && QFileInfo(s.walPath).size() > maxWalBytes) {
            QSqlQuery checkpoint(s.db);
            checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
    } else {
        s.db.rollback();
        s.texts.rollback();
        s.minutes.rollback();
        s.hours.rollback();
    }
    s.pending.clear();
    const qint64 elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();

    std::lock_guard lock(m_mutex);
    if (ok) {
        m_counters.written += n;
        ++m_counters.batches;
    } else {
        m_counters.failedRows += n;
        m_counters.lastError = error;
    }
    m_counters.lastFlushUs = elapsed;
    m_counters.maxFlushUs = std::max(m_counters.maxFlushUs, elapsed);
    m_metrics.requests = s.metrics.requests;
    m_metrics.latency = s.metrics.latency;
    m_metrics.apiLatency = s.metrics.apiLatency;
    return ok;
}

void CallLogWriter::retentionStep(bool force)
{
    State& s = *m_state;
    if (s.readOnly || (!m_options.retentionEnabled && !force))
        return;
    const auto now = Clock::now();
    if (!force && !s.retentionMore && now < s.lastRetention + m_options.retentionInterval)
        return;
    const qint64 nowUs = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    Retention::Step step;
    do {
        step = s.retention.step(s.db, nowUs);
        s.texts.forget(step.prunedTexts); // before the next flush: see TextInterner
        std::lock_guard lock(m_mutex);
        m_counters.retentionDeleted += static_cast<quint64>(step.deleted);
        if (!step.ok)
            m_counters.lastError = step.error;
    } while (step.ok && step.more && Clock::now() < now + retentionBudget);
    s.retentionMore = step.ok && step.more;
    s.lastRetention = Clock::now();
}

bool CallLogWriter::postAndWait(std::function<void()> task, std::chrono::milliseconds timeout)
{
    if (!m_running.load())
        return false;
    auto done = std::make_shared<std::promise<void>>();
    auto future = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back([task = std::move(task), done] {
            task();
            done->set_value();
        });
    }
    m_cv.notify_one();
    return future.wait_for(timeout) == std::future_status::ready;
}

bool CallLogWriter::flushNow(std::chrono::milliseconds timeout)
{
    auto ok = std::make_shared<std::atomic<bool>>(false);
    const bool ran = postAndWait(
        [this, ok] {
            const bool drained = drainAvailable();
            *ok = flushAll() && drained;
        },
        timeout);
    return ran && ok->load();
}

void CallLogWriter::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        wake();
}

Retention::Step CallLogWriter::runRetentionNow(qint64 nowUs)
{
    auto result = std::make_shared<Retention::Step>();
    const bool ran = postAndWait(
        [this, result, nowUs] {
            if (m_state->readOnly) {
                result->ok = false;
                result->error = QStringLiteral("another writer holds the call log");
                return;
            }
            *result = m_state->retention.runToCompletion(m_state->db, nowUs);
            m_state->texts.forget(result->prunedTexts);
            std::lock_guard lock(m_mutex);
            m_counters.retentionDeleted += static_cast<quint64>(result->deleted);
        },
        std::chrono::minutes(5));
    if (!ran) {
        result->ok = false;
        result->error = QStringLiteral("the writer is not running");
    }
    return *result;
}

void CallLogWriter::setRetentionPolicy(const RetentionPolicy& policy)
{
    // Running: the writer thread owns the policy. Stopped: the next start() reads it.
    if (!postAndWait([this, policy] { m_state->retention.setPolicy(policy); },
                     std::chrono::seconds(30)))
        m_options.retention = policy;
}

CallLogWriterCounters CallLogWriter::counters() const
{
    CallLogWriterCounters c;
    {
        std::lock_guard lock(m_mutex);
        c = m_counters;
    }
    c.dropped = m_dropped ? m_dropped() : 0;
    return c;
}

TelemetryMetrics CallLogWriter::metrics() const
{
    TelemetryMetrics m;
    {
        std::lock_guard lock(m_mutex);
        m = m_metrics;
    }
    m.writer = counters();
    return m;
}

bool CallLogWriter::readOnly() const
{
    std::lock_guard lock(m_mutex);
    return m_counters.readOnly;
}

WriterLeaseHolder CallLogWriter::leaseHolder() const
{
    std::lock_guard lock(m_mutex);
    return m_leaseHolder;
}

void CallLogWriter::setLeaseAcquiredCallback(std::function<void()> callback)
{
    std::lock_guard lock(m_mutex);
    m_leaseAcquired = std::move(callback);
}

void CallLogWriter::setLeaseHolderChangedCallback(std::function<void()> callback)
{
    std::lock_guard lock(m_mutex);
    m_leaseHolderChanged = std::move(callback);
}

QString CallLogWriter::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_counters.lastError;
}

} // namespace gatehouse::app
