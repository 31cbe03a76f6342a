// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace gatehouse::app {

// Runs SQLite WAL checkpoints on its own thread and connection, so the
// call-log writer never waits for one: with SQLite's automatic checkpoints
// the commit that crosses the WAL threshold copies the WAL into the database
// and fsyncs it, which took up to 0.9 s on a busy disk, long enough for the
// gateway's rings to overflow. The writer turns automatic checkpoints off on
// its connection and this thread runs PASSIVE checkpoints, which never block
// the writer (WAL lets one writer and one checkpointer work at once).
class WalCheckpointer {
public:
    explicit WalCheckpointer(QString databasePath,
                             std::chrono::milliseconds interval = std::chrono::milliseconds(250));
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    void start();
    void stop();
    // After a commit: checkpoint now, in the pause before the next flush,
    // so the checkpoint usually catches up and the next commit restarts the
    // WAL from its beginning (keeping it a few MB instead of growing). The
    // writer pokes about once a second, not after every commit.
    void poke();
    quint64 checkpoints() const { return m_checkpoints.load(std::memory_order_relaxed); }

private:
    void run();

    QString m_path;
    std::chrono::milliseconds m_interval;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_poked = false;
    std::atomic<quint64> m_checkpoints{0};
};

} // namespace gatehouse::app
