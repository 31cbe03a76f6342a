// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace gatehouse::app {

// Tells when a file's content has changed, however it was saved (`--watch`,
// as Traefik's file provider and `caddy run --watch` do):
//   - written in place;
//   - replaced: editors and deployment tools write a new file and rename it
//     over the old one (Kubernetes swaps a symbolic link to a directory of
//     new files), which a watch on the old file alone misses; the watch on
//     its directory sees it, and the file is watched again;
//   - removed, then written again: unreadable(), then changed() once it is
//     back with another content than the last one seen.
// Events within `settle` of each other (an editor's write, truncate and
// rename) are taken together, after the last. A change that leaves the
// bytes as they were (a touch, another file of the directory) is not
// reported: reported is a content that differs from the last one seen,
// the first time the one the file had when the watcher was made (make it
// before reading the file, so that no change between goes unseen).
class ConfigFileWatcher : public QObject {
    Q_OBJECT

public:
    explicit ConfigFileWatcher(const QString& path, QObject* parent = nullptr);

    QString path() const { return m_path; }
    void setSettleTime(std::chrono::milliseconds settle);

signals:
    void changed();
    // The file is gone or cannot be read (once, until it can be again).
    void unreadable();

private:
    void onEvent();
    void compare();
    void watchFile();

    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QByteArray m_digest; // SHA-256 of the content last seen; empty: none readable
    bool m_unreadable = false;
};

} // namespace gatehouse::app
