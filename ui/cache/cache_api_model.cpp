// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/cache/cache_api_model.h"

#include <QLocale>

namespace gatehouse::ui {

namespace {

bool sameKeys(const QList<app::ApiCacheRow>& a, const QList<app::ApiCacheRow>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).apiKey != b.at(i).apiKey)
            return false;
    }
    return true;
}

} // namespace

CacheApiModel::CacheApiModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CacheApiModel::setRows(const QList<app::ApiCacheRow>& rows)
{
    if (!sameKeys(m_rows, rows)) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CacheApiModel::setApiNames(const QHash<QString, QString>& names)
{
    m_names = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Api), index(rowCount() - 1, Api));
}

QString CacheApiModel::displayName(const QString& apiKey) const
{
    for (const app::ApiCacheRow& row : m_rows) {
        if (row.apiKey == apiKey)
            return displayData(row, Api).toString();
    }
    return m_names.value(apiKey, apiKey);
}

int CacheApiModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CacheApiModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CacheApiModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::ApiCacheRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() != Api)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Api)
            return tr("API %1: %2 revalidated, %3 bypassed, %4 stored, %5 evicted, %6 purged")
                .arg(row.apiKey, QLocale().toString(row.counters.revalidated),
                     QLocale().toString(row.counters.bypasses),
                     QLocale().toString(row.counters.stores),
                     QLocale().toString(row.counters.evictions),
                     QLocale().toString(row.counters.purges));
        return {};
    case Qt::UserRole:
        return rawData(row, index.column());
    case ApiKeyRole:
        return row.apiKey;
    default:
        return {};
    }
}

QVariant CacheApiModel::displayData(const app::ApiCacheRow& row, int column) const
{
    const QLocale locale;
    const app::CacheCounters& c = row.counters;
    switch (column) {
    case Api:
        return m_names.value(row.apiKey, row.name.isEmpty() ? row.apiKey : row.name);
    case Requests:
        return locale.toString(c.requests());
    case Hits:
        return locale.toString(c.hits);
    case Misses:
        return locale.toString(c.misses);
    case Stale:
        return locale.toString(c.stale);
    case HitRatio:
        return c.lookups() ? tr("%1 %").arg(locale.toString(c.hitRatio() * 100.0, 'f', 1))
                           : QStringLiteral("–");
    case Objects:
        return locale.toString(c.objects);
    case Bytes:
        return locale.formattedDataSize(c.bytes);
    default:
        return {};
    }
}

QVariant CacheApiModel::rawData(const app::ApiCacheRow& row, int column) const
{
    const app::CacheCounters& c = row.counters;
    switch (column) {
    case Api:
        return displayData(row, Api);
    case Requests:
        return c.requests();
    case Hits:
        return c.hits;
    case Misses:
        return c.misses;
    case Stale:
        return c.stale;
    case HitRatio:
        return c.hitRatio();
    case Objects:
        return c.objects;
    case Bytes:
        return c.bytes;
    default:
        return {};
    }
}

QVariant CacheApiModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Api:
        return tr("API");
    case Requests:
        return tr("Requests");
    case Hits:
        return tr("Hits");
    case Misses:
        return tr("Misses");
    case Stale:
        return tr("Stale");
    case HitRatio:
        return tr("Hit ratio");
    case Objects:
        return tr("Objects");
    case Bytes:
        return tr("Bytes");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
