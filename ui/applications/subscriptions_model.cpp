// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/subscriptions_model.h"

#include "ui/approvals/approvals_model.h"
#include "ui/status_colors.h"

namespace gatehouse::ui {

SubscriptionsModel::SubscriptionsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SubscriptionsModel::setEntries(const QList<app::SubscriptionEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const app::SubscriptionEntry* SubscriptionsModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int SubscriptionsModel::rowOf(qint64 subscriptionId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).subscription.id == subscriptionId)
            return row;
    }
    return -1;
}

int SubscriptionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SubscriptionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QColor SubscriptionsModel::stateColor(app::SubscriptionState state)
{
    switch (state) {
    case app::SubscriptionState::Approved:
        return StatusColors::good();
    case app::SubscriptionState::Pending:
        return StatusColors::info();
    case app::SubscriptionState::Suspended:
        return StatusColors::warning();
    case app::SubscriptionState::Rejected:
    case app::SubscriptionState::Revoked:
        break;
    }
    return StatusColors::bad();
}

QVariant SubscriptionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::SubscriptionEntry& e = m_entries.at(index.row());
    const app::Subscription& s = e.subscription;
    if (role == SubscriptionIdRole)
        return s.id;
    if (role == Qt::ForegroundRole && index.column() == State)
        return stateColor(s.state);
    if (role == Qt::ToolTipRole) {
        if (index.column() == Reason)
            return s.reason;
        if (index.column() == Plan)
            return tr("Approval: %1").arg(ApprovalsModel::modeText(e.approvalMode));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Api:
        return e.apiVersion.isEmpty() ? e.api : tr("%1 %2").arg(e.api, e.apiVersion);
    case Plan:
        return e.plan;
    case State:
        return ApprovalsModel::stateText(s.state);
    case Requested:
        return ApprovalsModel::dateTimeText(s.createdAt);
    case Changed:
        // Only a decision changes a subscription after its request.
        return s.state == app::SubscriptionState::Pending && s.updatedAt == s.createdAt
                   ? QString()
                   : ApprovalsModel::dateTimeText(s.updatedAt);
    case Reason:
        return s.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SubscriptionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Api:
        return tr("API");
    case Plan:
        return tr("Plan");
    case State:
        return tr("State");
    case Requested:
        return tr("Requested");
    case Changed:
        return tr("Decided");
    case Reason:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
