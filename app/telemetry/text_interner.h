// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class QSqlQuery;

namespace gatehouse::app {

// A call's interned texts, as call_text ids.
struct CallTextRefs {
    qint64 route = 0;
    qint64 method = 0;
    qint64 upstream = 0;
    qint64 client = 0;
};

// The call log's repeated texts (method, route id, upstream, client
// address) are stored once in `call_text` and referenced by id: a row
// carries four small integers instead of ~50 bytes of text, and the writer
// binds integers. The writer thread keeps the ids it has seen in memory, so
// a known text costs one hash lookup; a new one is looked up or inserted
// inside the writer's open transaction.
//
// Pruning. Each text also carries `last_used_us`: no call referring to it
// has a timestamp later than last_used_us + usageSlackUs. The interner keeps
// that true in the transaction that stores the calls: when a batch's newest
// call is more than usageSlackUs past a text's value, the value moves up to
// it (one UPDATE per text at most every usageSlackUs, however busy the
// text). Retention can then delete, with an index range and no look at
// call_log's four reference columns (unindexed, to keep inserts cheap),
// every text whose last_used_us + usageSlackUs is older than the oldest call
// left: nothing refers to it any more.
//
// A deleted text must never be handed out from this cache again, and the
// design keeps that simple instead of racing: retention runs on the writer
// thread, on the writer's connection, between two flushes (never inside
// one), and passes the ids it deleted to forget() before the next flush.
// So no flush can see a text that retention is deleting, and a pruned text
// that comes back is inserted again under a new id.
//
// Another writer on the same database (two gateways sharing a PostgreSQL
// workspace) may insert the same new text at the same moment: the INSERT
// yields to the other's row (ON CONFLICT DO NOTHING) and takes its id, so
// both batches commit whole. (The rollups still assume one writer per
// database: see RollupStore.)
//
// Writer thread only. Ids learned inside a transaction are kept after
// commit(); rollback() forgets every id, since the rows inserting them and
// the last_used_us updates the cache reflects are gone.
class TextInterner {
public:
    // The resolution of last_used_us (see above): pruning lags by this much.
    static constexpr qint64 usageSlackUs = 3'600'000'000LL; // an hour

    TextInterner();
    ~TextInterner();
    TextInterner(const TextInterner&) = delete;
    TextInterner& operator=(const TextInterner&) = delete;

    // The id of `text` for a call of a batch whose newest call is at
    // `batchNewestUs`, inserting the text if new and moving its
    // last_used_us up if due; -1 (and `error`) on failure.
    qint64 idOf(QSqlDatabase& db, std::string_view text, qint64 batchNewestUs, QString* error);
    void commit();
    void rollback();
    // Drops cached ids whose rows were deleted (retention), outside a flush.
    void forget(const std::vector<qint64>& ids);
    // Drops the prepared statements: before the connection closes.
    void release();
    std::size_t cached() const { return m_ids.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Known {
        qint64 id = 0;
        qint64 lastUsedUs = 0; // as stored in call_text (after commit)
    };
    bool prepare(QSqlDatabase& db, QString* error);
    bool lookUpOrInsert(std::string_view text, qint64 batchNewestUs, Known* known, QString* error);
    bool markUsed(Known& known, qint64 batchNewestUs, QString* error);

    std::unordered_map<std::string, Known, Hash, std::equal_to<>> m_ids;
    std::unique_ptr<QSqlQuery> m_select;
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_touch;
};

} // namespace gatehouse::app
