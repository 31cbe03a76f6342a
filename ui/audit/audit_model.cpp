// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/audit/audit_model.h"

#include "ui/locale_format.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

namespace gatehouse::ui {

AuditModel::AuditModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AuditModel::setEntries(const QList<app::AuditEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const app::AuditEntry* AuditModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::timeText(qint64 msSinceEpoch)
{
    return timestampText(QDateTime::fromMSecsSinceEpoch(msSinceEpoch));
}

QString AuditModel::objectName(const app::AuditEntry& entry)
{
    // After a change, the object as it is now; a deletion has only before.
    const QJsonObject& state = entry.after.isEmpty() ? entry.before : entry.after;
    const QString name = state.value(QLatin1String("name")).toString();
    const QString version = state.value(QLatin1String("version")).toString();
    if (!name.isEmpty())
        return version.isEmpty() ? name : tr("%1 %2").arg(name, version);
    const QString slug = state.value(QLatin1String("slug")).toString();
    if (!slug.isEmpty())
        return version.isEmpty() ? slug : tr("%1 %2").arg(slug, version);
    return state.value(QLatin1String("prefix")).toString();
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    const app::AuditEntry* e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return timeText(e->at);
        case Actor:
            return e->actorName;
        case Action:
            return e->action;
        case ObjectType:
            return e->objectType;
        case ObjectName:
            return objectName(*e);
        case ObjectId:
            return e->objectId;
        default:
            break;
        }
    }
    if (role == Qt::UserRole)
        return e->id;
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case ObjectType:
        return tr("Object type");
    case ObjectName:
        return tr("Object");
    case ObjectId:
        return tr("Object ID");
    default:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
