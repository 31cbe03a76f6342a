// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/approvals/approvals_model.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

ApprovalsModel::ApprovalsModel(app::ApprovalList list, QObject* parent)
    : QAbstractTableModel(parent)
    , m_list(list)
{
}

void ApprovalsModel::setItems(const QList<app::ApprovalItem>& items)
{
    // A reset keeps it simple; the page restores the selection by id.
    beginResetModel();
    m_items = items;
    endResetModel();
}

const app::ApprovalItem* ApprovalsModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int ApprovalsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ApprovalsModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    // The inbox has nothing decided yet to show.
    return m_list == app::ApprovalList::Pending ? int(DecidedBy) : int(ColumnCount);
}

QString ApprovalsModel::stateText(app::SubscriptionState state)
{
    switch (state) {
    case app::SubscriptionState::Pending:
        return tr("Pending");
    case app::SubscriptionState::Approved:
        return tr("Approved");
    case app::SubscriptionState::Rejected:
        return tr("Rejected");
    case app::SubscriptionState::Suspended:
        return tr("Suspended");
    case app::SubscriptionState::Revoked:
        break;
    }
    return tr("Revoked");
}

QString ApprovalsModel::modeText(app::ApprovalMode mode)
{
    return mode == app::ApprovalMode::Automatic ? tr("Automatic") : tr("Manual");
}

QString ApprovalsModel::dateTimeText(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch), QLocale::ShortFormat);
}

QString ApprovalsModel::requesterText(const app::ApprovalItem& item)
{
    if (item.applicationTeam.isEmpty())
        return item.requestedBy;
    return tr("%1 (team %2)").arg(item.requestedBy, item.applicationTeam);
}

QVariant ApprovalsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::ApprovalItem& it = m_items.at(index.row());
    if (role == SubscriptionIdRole)
        return it.subscriptionId;
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return it.reason;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case RequestedAt:
        return dateTimeText(it.requestedAt);
    case Application:
        return it.application;
    case RequestedBy:
        return requesterText(it);
    case Api:
        return it.apiVersion.isEmpty() ? it.api : tr("%1 %2").arg(it.api, it.apiVersion);
    case Plan:
        return it.plan;
    case Mode:
        return m_list == app::ApprovalList::Pending ? modeText(it.approvalMode)
                                                    : stateText(it.state);
    case DecidedBy:
        return it.decidedBy;
    case DecidedAt:
        return dateTimeText(it.decidedAt);
    case Reason:
        return it.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ApprovalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RequestedAt:
        return tr("Requested");
    case Application:
        return tr("Application");
    case RequestedBy:
        return tr("Requested by");
    case Api:
        return tr("API");
    case Plan:
        return tr("Plan");
    case Mode:
        return m_list == app::ApprovalList::Pending ? tr("Approval") : tr("State");
    case DecidedBy:
        return tr("Decided by");
    case DecidedAt:
        return tr("Decided");
    case Reason:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
