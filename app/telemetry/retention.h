// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace gatehouse::app {

struct RetentionPolicy {
    int rawDays = 7;      // call_log rows older than this go; 0: no age limit
    qint64 rawRowCap = 0; // keep at most this many call_log rows; 0: no cap
    int minuteDays = 30;  // rollup_minute
    int hourDays = 365;   // rollup_hour
    int batchRows = 5000; // rows per DELETE statement
};

// Deletes expired telemetry in small batches. The writer runs one step
// between flushes: each DELETE touches at most `batchRows` rows in its own
// short transaction (a few ms on SQLite), so a pending flush never waits
// long for cleanup, and the WAL never grows with one huge delete.
//
// Besides expired calls and rollups, a step deletes the call_text rows that
// no call refers to any more (see TextInterner for how that is known), and
// reports their ids: the writer passes them to its TextInterner's forget()
// before its next flush.
class Retention {
public:
    explicit Retention(RetentionPolicy policy = {})
        : m_policy(policy)
    {
    }

    const RetentionPolicy& policy() const { return m_policy; }
    void setPolicy(const RetentionPolicy& policy) { m_policy = policy; }

    struct Step {
        bool ok = true;
        qint64 deleted = 0;
        bool more = false; // some statement hit its batch limit: run another step soon
        QString error;
        std::vector<qint64> prunedTexts; // call_text ids deleted (also counted in `deleted`)
    };

    // One batch per table at most. `nowUs`: µs since the epoch.
    Step step(QSqlDatabase& db, qint64 nowUs) const;

    // Steps until nothing is left (tests, maintenance commands).
    Step runToCompletion(QSqlDatabase& db, qint64 nowUs) const;

private:
    static void pruneTexts(QSqlDatabase& db, Step& step, int batch);

    RetentionPolicy m_policy;
};

} // namespace gatehouse::app
