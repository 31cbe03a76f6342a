// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/applications_model.h"

#include <QLocale>

namespace gatehouse::ui {

ApplicationsModel::ApplicationsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ApplicationsModel::setItems(const QList<app::ApplicationSummary>& items)
{
    // A reset keeps it simple; the page restores the selection by id.
    beginResetModel();
    m_items = items;
    endResetModel();
}

const app::ApplicationSummary* ApplicationsModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int ApplicationsModel::rowOf(qint64 applicationId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).application.id == applicationId)
            return row;
    }
    return -1;
}

int ApplicationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ApplicationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString ApplicationsModel::ownerText(const app::ApplicationSummary& summary)
{
    return summary.teamOwned ? tr("Team %1").arg(summary.owner) : summary.owner;
}

QVariant ApplicationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::ApplicationSummary& it = m_items.at(index.row());
    if (role == ApplicationIdRole)
        return it.application.id;
    if (role == Qt::ToolTipRole && index.column() == Name && !it.application.description.isEmpty())
        return it.application.description;
    if (role == Qt::TextAlignmentRole &&
        (index.column() == Keys || index.column() == Subscriptions))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return it.application.name;
    case Owner:
        return ownerText(it);
    case Keys:
        return QLocale().toString(it.activeKeys);
    case Subscriptions:
        return QLocale().toString(it.approvedSubscriptions);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ApplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        if (section == Keys)
            return tr("Keys that are neither revoked nor expired");
        if (section == Subscriptions)
            return tr("Approved subscriptions");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Application");
    case Owner:
        return tr("Owner");
    case Keys:
        return tr("Keys");
    case Subscriptions:
        return tr("APIs");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
