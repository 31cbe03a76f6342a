// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/wal_checkpointer.h"

#include "app/telemetry/telemetry_database.h"
#include "app/telemetry/thread_priority.h"

#include <QSqlError>
#include <QSqlQuery>

namespace gatehouse::app {

WalCheckpointer::WalCheckpointer(QString databasePath, std::chrono::milliseconds interval)
    : m_path(std::move(databasePath))
    , m_interval(interval)
{
}

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

void WalCheckpointer::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void WalCheckpointer::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_one();
    m_thread.join();
}

void WalCheckpointer::poke()
{
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_cv.notify_one();
}

void WalCheckpointer::run()
{
    telemetry::lowerCurrentThreadPriority();
    telemetry::nameCurrentThread("gh-wal-ckpt");
    const QString name = telemetry::uniqueConnectionName(QStringLiteral("checkpointer"));
    QString error;
    {
        QSqlDatabase db = telemetry::openDatabase(m_path, name, &error);
        if (!db.isValid()) {
            qWarning("call log: no checkpoint connection (%s)", qPrintable(error));
        } else {
            for (;;) {
                {
                    std::unique_lock lock(m_mutex);
                    m_cv.wait_for(lock, m_interval, [this] { return m_stop || m_poked; });
                    if (m_stop)
                        break;
                    m_poked = false;
                }
                QSqlQuery q(db);
                if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    qWarning("call log: checkpoint failed: %s", qPrintable(q.lastError().text()));
                // Finish at once: an open statement would hold a read snapshot
                // and keep the writer from restarting the WAL at its start.
                q.finish();
                m_checkpoints.fetch_add(1, std::memory_order_relaxed);
            }
        }
    }
    telemetry::closeDatabase(name);
}

} // namespace gatehouse::app
