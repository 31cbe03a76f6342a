// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/cache/cache_event_model.h"

#include "ui/status_colors.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace gatehouse::ui {

namespace {

bool sameEvent(const app::CacheEventRow& a, const app::CacheEventRow& b)
{
    return a.kind == b.kind && a.atMs == b.atMs && a.bytes == b.bytes && a.key == b.key;
}

} // namespace

CacheEventModel::CacheEventModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CacheEventModel::setEvents(const QList<app::CacheEventRow>& events)
{
    QList<app::CacheEventRow> newestFirst(events.crbegin(), events.crend());
    if (std::equal(newestFirst.cbegin(), newestFirst.cend(), m_rows.cbegin(), m_rows.cend(),
                   sameEvent))
        return;
    beginResetModel();
    m_rows = std::move(newestFirst);
    endResetModel();
}

QString CacheEventModel::kindName(app::CacheEventRow::Kind kind)
{
    using Kind = app::CacheEventRow::Kind;
    switch (kind) {
    case Kind::Stored:
        return tr("Stored");
    case Kind::Evicted:
        return tr("Evicted");
    case Kind::Purged:
        return tr("Purged");
    case Kind::Replaced:
        break;
    }
    return tr("Replaced");
}

int CacheEventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CacheEventModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CacheEventModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::CacheEventRow& row = m_rows.at(index.row());
    using Kind = app::CacheEventRow::Kind;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.atMs).time(),
                                      QStringLiteral("HH:mm:ss.zzz"));
        case Event:
            return kindName(row.kind);
        case Key:
            return row.key;
        case Size:
            return QLocale().formattedDataSize(row.bytes);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == Event && row.kind == Kind::Evicted)
            return StatusColors::warning();
        if (index.column() == Event && row.kind == Kind::Stored)
            return StatusColors::good();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Key)
            return row.key;
        return {};
    case Qt::UserRole:
        switch (index.column()) {
        case Time:
            return row.atMs;
        case Event:
            return static_cast<int>(row.kind);
        case Key:
            return row.key;
        case Size:
            return row.bytes;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant CacheEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Event:
        return tr("Event");
    case Key:
        return tr("Path");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
