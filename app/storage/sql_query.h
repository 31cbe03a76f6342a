// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <optional>

namespace gatehouse::app {

// The rows of a statement, fetched completely: the statement is finished
// before runSql() returns, so no open cursor keeps a transaction from
// committing (SQLite refuses to commit while a statement is in progress, and
// an INSERT ... RETURNING stays in progress until its rows are read). Result
// sets in the catalog are small; bulk readers use QSqlQuery directly.
class SqlResult {
public:
    bool next() { return ++m_row < m_rows.size(); }
    QVariant value(int column) const { return m_rows.at(m_row).value(column); }
    qsizetype size() const { return m_rows.size(); }
    int numRowsAffected() const { return m_affected; }

private:
    friend SqlResult drain(QSqlQuery& query);
    QList<QVariantList> m_rows;
    qsizetype m_row = -1;
    int m_affected = 0;
};

SqlResult drain(QSqlQuery& query); // reads every row, then finishes `query`

// Prepares `sql` (positional `?` placeholders), binds `values` in order and
// runs it; without values it runs `sql` unprepared. On failure returns nullopt and, when `error` is
// given, the driver's message together with the statement.
std::optional<SqlResult> runSql(const QSqlDatabase& db, const QString& sql,
                                const QVariantList& values = {}, QString* error = nullptr);

// A typed SQL NULL; QPSQL needs a type to format a null parameter.
inline QVariant sqlNull()
{
    return QVariant(QMetaType::fromType<qint64>());
}

inline QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : sqlNull();
}

// Milliseconds since the Unix epoch, the unit of every timestamp column.
qint64 nowMs();

// Rolls back on destruction unless commit() succeeded. Not nestable.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    bool commit(QString* error = nullptr);
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace gatehouse::app
