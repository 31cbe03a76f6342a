// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QSocketNotifier;

namespace gatehouse::app {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop, and SIGHUP
// too once watchReloads() asked for it (a daemon's "read your configuration
// again"; elsewhere SIGHUP keeps its default, ending a process whose
// terminal went away). The handler only write()s the signal number into a
// socket pair (async-signal-safe); a QSocketNotifier reads it on the thread
// that owns this object.
// At most one instance may exist at a time; it restores the default
// handlers when destroyed.
class SignalWatcher : public QObject {
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }
    void watchReloads();

signals:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    void readSignals();

    QSocketNotifier* m_notifier = nullptr;
    bool m_reloads = false;
};

} // namespace gatehouse::app
