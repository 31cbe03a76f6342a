// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/storage/sql_query.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlRecord>

namespace gatehouse::app {

SqlResult drain(QSqlQuery& query)
{
    SqlResult result;
    result.m_affected = query.numRowsAffected();
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(query.value(i));
        result.m_rows.append(row);
    }
    query.finish();
    return result;
}

std::optional<SqlResult> runSql(const QSqlDatabase& db, const QString& sql,
                                const QVariantList& values, QString* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    auto fail = [&]() -> std::optional<SqlResult> {
        if (error)
            *error = query.lastError().text() + QStringLiteral(" [") + sql.simplified() +
                     QLatin1Char(']');
        return std::nullopt;
    };
    // PostgreSQL cannot PREPARE DDL (CREATE, DROP, ...), and QPSQL prepares
    // every prepared query server-side: statements without parameters run
    // directly.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return fail();
        return drain(query);
    }
    if (!query.prepare(sql))
        return fail();
    for (const QVariant& value : values) {
        // A null QString binds as SQL NULL on QPSQL but as '' on QSQLITE;
        // make it '' everywhere (a real NULL is passed as a null QVariant).
        if (value.metaType() == QMetaType::fromType<QString>() && !value.isNull() &&
            value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return fail();
    return drain(query);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active)
        m_error = m_db.lastError().text();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

bool Transaction::commit(QString* error)
{
    if (m_active && m_db.commit()) {
        m_active = false;
        return true;
    }
    if (m_active) {
        m_error = m_db.lastError().text();
        m_db.rollback();
        m_active = false;
    }
    if (error)
        *error = m_error.isEmpty() ? QStringLiteral("no transaction") : m_error;
    return false;
}

} // namespace gatehouse::app
