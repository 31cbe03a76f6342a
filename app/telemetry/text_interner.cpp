// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/text_interner.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <unordered_set>

namespace gatehouse::app {

namespace {

// Past this many cached texts (a flood of distinct client addresses, say)
// the cache starts over after a commit; the table itself keeps every text.
constexpr std::size_t maxCached = 100'000;

} // namespace

TextInterner::TextInterner() = default;
TextInterner::~TextInterner() = default;

qint64 TextInterner::idOf(QSqlDatabase& db, std::string_view text, qint64 batchNewestUs,
                          QString* error)
{
    if (auto it = m_ids.find(text); it != m_ids.end()) {
        // The common case: a compare, and an UPDATE at most once per
        // usageSlackUs of the batches' time.
        if (it->second.lastUsedUs + usageSlackUs < batchNewestUs &&
            !markUsed(it->second, batchNewestUs, error))
            return -1;
        return it->second.id;
    }
    if (!prepare(db, error))
        return -1;
    Known known;
    if (!lookUpOrInsert(text, batchNewestUs, &known, error))
        return -1;
    m_ids.emplace(std::string(text), known);
    return known.id;
}

bool TextInterner::prepare(QSqlDatabase& db, QString* error)
{
    if (m_select)
        return true;
    m_select = std::make_unique<QSqlQuery>(db);
    m_insert = std::make_unique<QSqlQuery>(db);
    m_touch = std::make_unique<QSqlQuery>(db);
    if (!m_select->prepare(
            QStringLiteral("SELECT id, last_used_us FROM call_text WHERE value = ?")) ||
        !m_insert->prepare(
            QStringLiteral("INSERT INTO call_text (value, last_used_us) VALUES (?, ?)"
                           " ON CONFLICT (value) DO NOTHING RETURNING id")) ||
        !m_touch->prepare(QStringLiteral("UPDATE call_text SET last_used_us = ? WHERE id = ?"))) {
        *error = m_select->lastError().text() + m_insert->lastError().text() +
                 m_touch->lastError().text();
        release();
        return false;
    }
    return true;
}

bool TextInterner::lookUpOrInsert(std::string_view text, qint64 batchNewestUs, Known* known,
                                  QString* error)
{
    const QString value = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    // Another writer on the database (a second gateway sharing a PostgreSQL
    // workspace) may add the same text between this SELECT and the INSERT,
    // or have added it in a transaction not yet committed, which the INSERT
    // then waits for. A plain INSERT would fail on the unique key, and on
    // PostgreSQL that aborts the whole batch's transaction; ON CONFLICT DO
    // NOTHING returns no row instead, and the text is looked up again (each
    // statement of a READ COMMITTED transaction sees what others committed
    // before it). A third round only if the other writer's retention
    // removed the text in between, which takes a text unused for days.
    for (int round = 0; round < 3; ++round) {
        m_select->bindValue(0, value);
        if (!m_select->exec()) {
            *error = m_select->lastError().text();
            return false;
        }
        if (m_select->next()) {
            known->id = m_select->value(0).toLongLong();
            known->lastUsedUs = m_select->value(1).toLongLong();
            m_select->finish();
            return known->lastUsedUs + usageSlackUs >= batchNewestUs ||
                   markUsed(*known, batchNewestUs, error);
        }
        m_select->finish();
        m_insert->bindValue(0, value);
        m_insert->bindValue(1, batchNewestUs);
        if (!m_insert->exec()) {
            *error = m_insert->lastError().text();
            return false;
        }
        if (m_insert->next()) {
            known->id = m_insert->value(0).toLongLong();
            known->lastUsedUs = batchNewestUs;
            m_insert->finish();
            return true;
        }
        m_insert->finish(); // someone else's row: read it
    }
    *error = QStringLiteral("call_text: \"%1\" is neither found nor inserted").arg(value);
    return false;
}

bool TextInterner::markUsed(Known& known, qint64 batchNewestUs, QString* error)
{
    m_touch->bindValue(0, batchNewestUs);
    m_touch->bindValue(1, known.id);
    if (!m_touch->exec()) {
        *error = m_touch->lastError().text();
        return false;
    }
    known.lastUsedUs = batchNewestUs;
    return true;
}

void TextInterner::commit()
{
    if (m_ids.size() > maxCached)
        m_ids.clear();
}

void TextInterner::rollback()
{
    // Rare (a failed flush): starting over is simpler than undoing the
    // transaction's inserts and last_used_us moves one by one.
    m_ids.clear();
}

void TextInterner::forget(const std::vector<qint64>& ids)
{
    if (ids.empty() || m_ids.empty())
        return;
    const std::unordered_set<qint64> gone(ids.begin(), ids.end());
    std::erase_if(m_ids, [&gone](const auto& entry) { return gone.contains(entry.second.id); });
}

void TextInterner::release()
{
    m_select.reset();
    m_insert.reset();
    m_touch.reset();
}

} // namespace gatehouse::app
