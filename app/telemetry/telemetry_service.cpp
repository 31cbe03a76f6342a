// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_service.h"

#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_query_worker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <utility>

namespace gatehouse::app {

TelemetryService::TelemetryService(GatewayController* controller, TelemetryServiceOptions options,
                                   QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_options(std::move(options))
{
    qRegisterMetaType<LiveSummary>();
    if (m_options.database.isEmpty())
        m_options.database = defaultDatabasePath();
}

TelemetryService::~TelemetryService()
{
    stop();
}

QString TelemetryService::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("telemetry.sqlite"));
}

bool TelemetryService::start()
{
    if (running())
        return true;
    m_readOnly = false;
    m_readOnlyMessage.clear();
    CallLogWriterOptions writerOptions;
    writerOptions.database = m_options.database;
    writerOptions.flushInterval = m_options.flushInterval;
    writerOptions.retention = m_options.retention;
    writerOptions.retentionEnabled = m_options.retentionEnabled;
    writerOptions.leaseRetryInterval = m_options.leaseRetryInterval;
    GatewayController* controller = m_controller;
    // The drain and drop sources run on the writer thread; the controller's
    // ring accessors are thread-safe and its gateway lives as long as it does.
    m_writer = std::make_unique<CallLogWriter>(
        writerOptions,
        [controller](std::vector<gateway::call_record>& out, std::size_t max) {
            return controller->drainCallRecords(out, max);
        },
        [controller] { return static_cast<quint64>(controller->droppedCallRecords()); });
    // From the writer thread, which stop() joins before this service goes;
    // a call still queued then is discarded with it.
    m_writer->setLeaseAcquiredCallback([this] {
        QMetaObject::invokeMethod(this, &TelemetryService::onLeaseAcquired, Qt::QueuedConnection);
    });
    m_writer->setLeaseHolderChangedCallback([this] {
        QMetaObject::invokeMethod(this, &TelemetryService::onLeaseHolderChanged,
                                  Qt::QueuedConnection);
    });
    if (!m_writer->start()) {
        m_lastError = m_writer->lastError();
        m_writer.reset();
        return false;
    }
    // Read-only, the writer still drains the rings (nothing counts as
    // dropped) and feeds the live window.
    m_controller->setCallRecordsHook(m_writer->hook());
    m_readOnly = m_writer->readOnly();
    m_readOnlyMessage = m_readOnly ? describeReadOnly(m_writer->leaseHolder()) : QString();

    m_queryThread = new QThread(this);
    m_queryThread->setObjectName(QStringLiteral("telemetry-query"));
    m_worker = new TelemetryQueryWorker(m_options.database, m_writer.get(), [controller] {
        return static_cast<quint64>(controller->droppedCallRecords());
    });
    m_worker->moveToThread(m_queryThread);
    connect(m_queryThread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_queryThread->start();
    QPointer<TelemetryService> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, self, interval = m_options.summaryIntervalMs] {
            worker->startSummaries(interval, [self](LiveSummary summary) {
                QMetaObject::invokeMethod(
                    self,
                    [self, summary = std::move(summary)]() mutable {
                        if (self)
                            self->deliverSummary(std::move(summary));
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
    m_lastError.clear();
    return true;
}

QString TelemetryService::describeReadOnly(const WriterLeaseHolder& holder)
{
    QString who;
    if (!holder.otherConnection)
        who = tr("pid %1 on host %2").arg(holder.pid).arg(holder.host);
    else if (holder.pid > 0 && !holder.host.isEmpty())
        who = tr("another connection to this database: server process %1 for %2")
                  .arg(holder.pid)
                  .arg(holder.host);
    else if (holder.pid > 0)
        who = tr("another connection to this database: server process %1").arg(holder.pid);
    else
        who = tr("another connection to this database");
    return tr("Call logs are being written by another Gatehouse (%1); this instance shows them "
              "but does not record its own calls.")
        .arg(who);
}

void TelemetryService::onLeaseAcquired()
{
    // After a stop() the last state stands, as readOnly() promises.
    if (!m_writer || !m_readOnly || m_writer->readOnly())
        return;
    m_readOnly = false;
    m_readOnlyMessage.clear();
    emit readOnlyChanged(false);
}

void TelemetryService::onLeaseHolderChanged()
{
    // Still read-only: name whoever writes now, not who wrote at start.
    if (!m_writer || !m_readOnly || !m_writer->readOnly())
        return;
    const QString message = describeReadOnly(m_writer->leaseHolder());
    if (message == m_readOnlyMessage)
        return;
    m_readOnlyMessage = message;
    emit readOnlyMessageChanged(m_readOnlyMessage);
}

void TelemetryService::stop()
{
    if (!m_writer)
        return;
    // The hook points into the writer: clear it before the writer goes.
    m_controller->setCallRecordsHook({});
    for (ExportJob& job : m_exports) {
        *job.cancel = true;
        job.thread->wait();
        delete job.thread;
    }
    m_exports.clear();
    if (m_queryThread) {
        // The query connection belongs to the query thread: close it there.
        QMetaObject::invokeMethod(m_worker, &TelemetryQueryWorker::close,
                                  Qt::BlockingQueuedConnection);
        m_queryThread->quit();
        m_queryThread->wait();
        delete m_queryThread; // the worker went with deleteLater on finished
        m_queryThread = nullptr;
        m_worker = nullptr;
    }
    m_writer->stop(); // drains what is left and commits it
    m_summary.writer = m_writer->counters();
    m_writer.reset();
}

std::shared_ptr<const LiveSeries> TelemetryService::liveSeries() const
{
    return m_writer ? m_writer->liveSeries() : nullptr;
}

quint64 TelemetryService::droppedRecords() const
{
    return m_controller->droppedCallRecords();
}

QByteArray TelemetryService::prometheusText(const std::optional<CacheMetrics>& cache) const
{
    TelemetryMetrics metrics;
    if (m_writer)
        metrics = m_writer->metrics();
    return PrometheusText::format(m_controller->gatewayStats(), metrics, cache);
}

void TelemetryService::refreshSummary()
{
    if (!m_worker)
        return;
    QPointer<TelemetryService> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, self] {
            LiveSummary summary = worker->computeSummary();
            QMetaObject::invokeMethod(
                self,
                [self, summary = std::move(summary)]() mutable {
                    if (self)
                        self->deliverSummary(std::move(summary));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void TelemetryService::deliverSummary(LiveSummary summary)
{
    m_summary = std::move(summary);
    emit liveSummaryUpdated(m_summary);
}

namespace {

// Runs `work(query)` on the query thread and delivers its result (or the
// error) on the service's thread through `ready` / queryFailed.
template <typename Work, typename Ready>
void runQuery(TelemetryService* service, TelemetryQueryWorker* worker, quint64 id, Work work,
              Ready ready)
{
    if (!worker) {
        QMetaObject::invokeMethod(
            service,
            [service, id] {
                emit service->queryFailed(id, QStringLiteral("telemetry is not running"));
            },
            Qt::QueuedConnection);
        return;
    }
    QPointer<TelemetryService> self(service);
    QMetaObject::invokeMethod(
        worker,
        [worker, self, id, work = std::move(work), ready = std::move(ready)] {
            QString error;
            TelemetryQuery* query = worker->query(&error);
            auto result = query ? work(*query) : decltype(work(*query))();
            if (query)
                error = query->lastError();
            QMetaObject::invokeMethod(
                self,
                [self, id, error, ready, result = std::move(result)] {
                    if (!self)
                        return;
                    if (error.isEmpty())
                        ready(self.data(), id, result);
                    else
                        emit self->queryFailed(id, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace

quint64 TelemetryService::requestTrends(qint64 fromUs, qint64 toUs, TrendBucket bucket,
                                        quint64 apiId)
{
    const quint64 id = ++m_nextRequest;
    runQuery(
        this, m_worker, id,
        [=](TelemetryQuery& q) { return q.trends(fromUs, toUs, bucket, apiId); },
        [](TelemetryService* s, quint64 requestId, const std::vector<RollupBucket>& r) {
            emit s->trendsReady(requestId, r);
        });
    return id;
}

quint64 TelemetryService::requestApiTotals(qint64 fromUs, qint64 toUs, TrendBucket source)
{
    const quint64 id = ++m_nextRequest;
    runQuery(
        this, m_worker, id, [=](TelemetryQuery& q) { return q.apiTotals(fromUs, toUs, source); },
        [](TelemetryService* s, quint64 requestId, const std::vector<ApiTotals>& r) {
            emit s->apiTotalsReady(requestId, r);
        });
    return id;
}

quint64 TelemetryService::requestSearch(const CallLogFilter& filter,
                                        std::optional<SearchCursor> after, int limit)
{
    const quint64 id = ++m_nextRequest;
    runQuery(
        this, m_worker, id, [=](TelemetryQuery& q) { return q.search(filter, after, limit); },
        [](TelemetryService* s, quint64 requestId, const SearchPage& r) {
            emit s->searchReady(requestId, r);
        });
    return id;
}

quint64 TelemetryService::requestExport(const CallLogFilter& filter, const QString& path,
                                        TelemetryExport::Format format)
{
    const quint64 id = ++m_nextRequest;
    if (!m_writer) {
        QMetaObject::invokeMethod(
            this,
            [this, id] { emit exportFinished(id, 0, QStringLiteral("telemetry is not running")); },
            Qt::QueuedConnection);
        return id;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    // The thread's results come back queued on `this`; stop() (and so the
    // destructor) cancels and joins every export first.
    QThread* thread =
        QThread::create([this, id, cancel, filter, path, format, spec = m_options.database] {
            TelemetryExport::Result result;
            if (cancel->load()) {
                result = {false, 0, QStringLiteral("cancelled"), true};
            } else {
                TelemetryQuery query(spec);
                QSaveFile file(path);
                if (!query.isOpen()) {
                    result = {false, 0, query.lastError()};
                } else if (!file.open(QIODevice::WriteOnly)) {
                    result = {false, 0, file.errorString()};
                } else {
                    QElapsedTimer sinceReport;
                    sinceReport.start();
                    result = TelemetryExport::write(
                        query, filter, format, &file, 2000, [&](qint64 rows) {
                            if (sinceReport.elapsed() >= 100) {
                                sinceReport.restart();
                                QMetaObject::invokeMethod(
                                    this, [this, id, rows] { emit exportProgress(id, rows); },
                                    Qt::QueuedConnection);
                            }
                            return !cancel->load();
                        });
                    if (result.ok && !file.commit())
                        result = {false, result.rows, file.errorString()};
                    else if (!result.ok)
                        file.cancelWriting();
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, id, rows = result.rows, error = result.ok ? QString() : result.error] {
                    finishExport(id, rows, error);
                },
                Qt::QueuedConnection);
        });
    thread->setObjectName(QStringLiteral("telemetry-export"));
    m_exports.push_back({id, thread, cancel});
    // Started from the event loop: an export cancelled before control gets
    // back there never opens its file.
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            for (ExportJob& job : m_exports) {
                if (job.id == id)
                    job.thread->start();
            }
        },
        Qt::QueuedConnection);
    return id;
}

void TelemetryService::cancelExport(quint64 requestId)
{
    for (ExportJob& job : m_exports) {
        if (job.id == requestId)
            *job.cancel = true;
    }
}

void TelemetryService::finishExport(quint64 requestId, qint64 rows, const QString& error)
{
    for (auto it = m_exports.begin(); it != m_exports.end(); ++it) {
        if (it->id == requestId) {
            it->thread->wait(); // it has just posted this and is ending
            delete it->thread;
            m_exports.erase(it);
            break;
        }
    }
    emit exportFinished(requestId, rows, error);
}

} // namespace gatehouse::app
