// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/text_interner.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gatehouse::app {

namespace {

// Past this many cached texts (a flood of distinct client addresses, say)
// the cache starts over after a commit; the table itself keeps every text.
constexpr std::size_t maxCached = 100'000;

} // namespace

TextInterner::TextInterner() = default;
TextInterner::~TextInterner() = default;

qint64 TextInterner::idOf(QSqlDatabase& db, std::string_view text, QString* error)
{
    if (auto it = m_ids.find(text); it != m_ids.end())
        return it->second;
    const qint64 id = lookUpOrInsert(db, text, error);
    if (id >= 0) {
        m_ids.emplace(std::string(text), id);
        m_tentative.emplace_back(text);
    }
    return id;
}

qint64 TextInterner::lookUpOrInsert(QSqlDatabase& db, std::string_view text, QString* error)
{
    if (!m_select) {
        m_select = std::make_unique<QSqlQuery>(db);
        m_insert = std::make_unique<QSqlQuery>(db);
        if (!m_select->prepare(QStringLiteral("SELECT id FROM call_text WHERE value = ?")) ||
            !m_insert->prepare(
                QStringLiteral("INSERT INTO call_text (value) VALUES (?) RETURNING id"))) {
            *error = m_select->lastError().text() + m_insert->lastError().text();
            m_select.reset();
            m_insert.reset();
            return -1;
        }
    }
    const QString value = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    m_select->bindValue(0, value);
    if (!m_select->exec()) {
        *error = m_select->lastError().text();
        return -1;
    }
    if (m_select->next()) {
        const qint64 id = m_select->value(0).toLongLong();
        m_select->finish();
        return id;
    }
    m_select->finish();
    m_insert->bindValue(0, value);
    if (!m_insert->exec() || !m_insert->next()) {
        *error = m_insert->lastError().text();
        return -1;
    }
    const qint64 id = m_insert->value(0).toLongLong();
    m_insert->finish();
    return id;
}

void TextInterner::commit()
{
    m_tentative.clear();
    if (m_ids.size() > maxCached)
        m_ids.clear();
}

void TextInterner::release()
{
    m_select.reset();
    m_insert.reset();
}

void TextInterner::rollback()
{
    for (const std::string& text : m_tentative)
        m_ids.erase(text);
    m_tentative.clear();
}

} // namespace gatehouse::app
