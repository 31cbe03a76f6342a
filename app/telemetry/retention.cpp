// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/retention.h"

#include "app/telemetry/text_interner.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace gatehouse::app {

namespace {

constexpr qint64 usPerDay = 86'400'000'000LL;

// DELETE ... LIMIT is not portable (PostgreSQL has none, SQLite only with a
// compile option), so each batch picks its victims with a bounded sub-select
// on an index.
bool deleteBatch(QSqlDatabase& db, const QString& sql, const QVariantList& binds,
                 Retention::Step& step, int batchRows)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec()) {
        step.ok = false;
        step.error = q.lastError().text();
        return false;
    }
    const int n = q.numRowsAffected();
    step.deleted += std::max(0, n);
    if (n >= batchRows)
        step.more = true;
    return true;
}

} // namespace

Retention::Step Retention::step(QSqlDatabase& db, qint64 nowUs) const
{
    Step step;
    const int batch = std::max(1, m_policy.batchRows);
    if (m_policy.rawDays > 0) {
        const qint64 cutoff = nowUs - m_policy.rawDays * usPerDay;
        if (!deleteBatch(db,
                         QStringLiteral("DELETE FROM call_log WHERE id IN (SELECT id FROM call_log"
                                        " WHERE ts_us < ? ORDER BY ts_us LIMIT ?)"),
                         {cutoff, batch}, step, batch))
            return step;
    }
    if (m_policy.rawRowCap > 0) {
        // The id of the newest row beyond the cap; ids grow with insertion.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM call_log ORDER BY id DESC LIMIT 1 OFFSET ?"));
        q.bindValue(0, m_policy.rawRowCap);
        if (!q.exec()) {
            step.ok = false;
            step.error = q.lastError().text();
            return step;
        }
        if (q.next()) {
            const qint64 threshold = q.value(0).toLongLong();
            q.finish();
            if (!deleteBatch(db,
                             QStringLiteral("DELETE FROM call_log WHERE id IN (SELECT id FROM"
                                            " call_log WHERE id <= ? ORDER BY id LIMIT ?)"),
                             {threshold, batch}, step, batch))
                return step;
        }
    }
    const struct {
        const char* table;
        int days;
    } rollups[] = {{"rollup_minute", m_policy.minuteDays}, {"rollup_hour", m_policy.hourDays}};
    for (const auto& r : rollups) {
        if (r.days <= 0)
            continue;
        const QString table = QLatin1String(r.table);
        // Whole buckets go together (the total and every API of a bucket).
        if (!deleteBatch(db,
                         QStringLiteral("DELETE FROM ") + table +
                             QStringLiteral(" WHERE bucket_start IN (SELECT bucket_start FROM ") +
                             table +
                             QStringLiteral(" WHERE bucket_start < ? AND api_id = 0"
                                            " ORDER BY bucket_start LIMIT ?)"),
                         {nowUs - r.days * usPerDay, batch}, step, batch))
            return step;
    }
    pruneTexts(db, step, batch);
    return step;
}

void Retention::pruneTexts(QSqlDatabase& db, Step& step, int batch)
{
    // After the calls: what they referred to may just have become prunable.
    QSqlQuery oldest(db);
    if (!oldest.exec(QStringLiteral("SELECT MIN(ts_us) FROM call_log"))) {
        step.ok = false;
        step.error = oldest.lastError().text();
        return;
    }
    // No call left: no text is referred to.
    const qint64 threshold = oldest.next() && !oldest.value(0).isNull()
                                 ? oldest.value(0).toLongLong() - TextInterner::usageSlackUs
                                 : std::numeric_limits<qint64>::max();
    oldest.finish();
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("DELETE FROM call_text WHERE id IN (SELECT id FROM call_text"
                       " WHERE last_used_us < ? ORDER BY last_used_us LIMIT ?) RETURNING id"));
    q.bindValue(0, threshold);
    q.bindValue(1, batch);
    if (!q.exec()) {
        step.ok = false;
        step.error = q.lastError().text();
        return;
    }
    int n = 0;
    while (q.next()) {
        step.prunedTexts.push_back(q.value(0).toLongLong());
        ++n;
    }
    step.deleted += n;
    if (n >= batch)
        step.more = true;
}

Retention::Step Retention::runToCompletion(QSqlDatabase& db, qint64 nowUs) const
{
    Step total;
    for (;;) {
        const Step s = step(db, nowUs);
        total.deleted += s.deleted;
        total.prunedTexts.insert(total.prunedTexts.end(), s.prunedTexts.begin(),
                                 s.prunedTexts.end());
        if (!s.ok) {
            total.ok = false;
            total.error = s.error;
            return total;
        }
        if (!s.more)
            return total;
    }
}

} // namespace gatehouse::app
