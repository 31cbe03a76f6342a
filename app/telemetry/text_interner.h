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
// Writer thread only. Ids learned inside a transaction are kept after
// commit() and forgotten by rollback(), since the rows inserting them are gone.
class TextInterner {
public:
    TextInterner();
    ~TextInterner();
    TextInterner(const TextInterner&) = delete;
    TextInterner& operator=(const TextInterner&) = delete;

    // The id of `text`, inserting it if new; -1 (and `error`) on failure.
    qint64 idOf(QSqlDatabase& db, std::string_view text, QString* error);
    void commit();
    void rollback();
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
    qint64 lookUpOrInsert(QSqlDatabase& db, std::string_view text, QString* error);

    std::unordered_map<std::string, qint64, Hash, std::equal_to<>> m_ids;
    std::vector<std::string> m_tentative; // learned in the open transaction
    std::unique_ptr<QSqlQuery> m_select;
    std::unique_ptr<QSqlQuery> m_insert;
};

} // namespace gatehouse::app
