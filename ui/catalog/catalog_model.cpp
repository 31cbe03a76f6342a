// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/catalog_model.h"

#include "ui/status_colors.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

CatalogModel::CatalogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CatalogModel::setEntries(const QList<app::CatalogEntry>& entries)
{
    // A reset keeps it simple; the page restores the selection by id.
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const app::CatalogEntry* CatalogModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int CatalogModel::rowOf(qint64 apiId) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).api.id == apiId)
            return int(row);
    }
    return -1;
}

int CatalogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CatalogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString CatalogModel::stateName(app::ApiState state)
{
    switch (state) {
    case app::ApiState::Draft:
        return tr("Draft");
    case app::ApiState::Published:
        return tr("Published");
    case app::ApiState::Deprecated:
        return tr("Deprecated");
    case app::ApiState::Retired:
        break;
    }
    return tr("Retired");
}

QString CatalogModel::stateText(const app::ApiDefinition& api)
{
    if (api.state == app::ApiState::Deprecated && api.sunsetAt > 0)
        return tr("Deprecated, sunset %1").arg(dateText(api.sunsetAt));
    return stateName(api.state);
}

QColor CatalogModel::stateColor(app::ApiState state)
{
    switch (state) {
    case app::ApiState::Draft:
        return StatusColors::neutral();
    case app::ApiState::Published:
        return StatusColors::good();
    case app::ApiState::Deprecated:
        return StatusColors::warning();
    case app::ApiState::Retired:
        break;
    }
    return StatusColors::bad();
}

QString CatalogModel::visibilityText(app::ApiVisibility visibility)
{
    return visibility == app::ApiVisibility::Organisation ? tr("Organisation") : tr("Team");
}

QString CatalogModel::dateText(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch).date(),
                              QLocale::ShortFormat);
}

QString CatalogModel::dateTimeText(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::ShortFormat);
}

QVariant CatalogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::CatalogEntry& e = m_entries.at(index.row());
    const app::ApiDefinition& api = e.api;
    switch (role) {
    case ApiIdRole:
        return api.id;
    case StateRole:
        return int(api.state);
    case BadgeColorRole:
        return stateColor(api.state);
    case DescriptionRole:
        return api.description;
    case TagsRole:
        return api.tags;
    case BadgeTextRole:
        return stateName(api.state);
    case BadgeNoteRole:
        return api.state == app::ApiState::Deprecated && api.sunsetAt > 0
                   ? tr("sunset %1").arg(dateText(api.sunsetAt))
                   : QString();
    case SortRole:
        switch (Column(index.column())) {
        case State:
            return int(api.state);
        case Updated:
            return api.updatedAt;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::ToolTipRole:
        if (index.column() == Name && !api.description.isEmpty())
            return api.description;
        if (index.column() == Updated)
            return dateTimeText(api.updatedAt);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Name:
        return api.name;
    case Version:
        return api.version;
    case Team:
        return e.team;
    case State:
        return stateText(api);
    case Visibility:
        return visibilityText(api.visibility);
    case BasePath:
        return api.basePath;
    case Updated:
        return dateText(api.updatedAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Version:
        return tr("Version");
    case Team:
        return tr("Team");
    case State:
        return tr("State");
    case Visibility:
        return tr("Visibility");
    case BasePath:
        return tr("Base path");
    case Updated:
        return tr("Updated");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
