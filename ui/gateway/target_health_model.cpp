// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/target_health_model.h"

#include "ui/status_colors.h"

#include <QLocale>

namespace gatehouse::ui {

TargetHealthModel::TargetHealthModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TargetHealthModel::setTargets(const QList<app::TargetHealthRow>& targets)
{
    if (!sameTargets(m_rows, targets)) {
        beginResetModel();
        m_rows = targets;
        endResetModel();
        return;
    }
    m_rows = targets;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void TargetHealthModel::setApiNames(const QHash<quint64, QString>& names)
{
    if (names == m_apiNames)
        return;
    m_apiNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Upstream), index(rowCount() - 1, Upstream));
}

QString TargetHealthModel::upstreamLabel(const app::TargetHealthRow& row) const
{
    if (row.apiId != 0) {
        const auto name = m_apiNames.constFind(row.apiId);
        if (name != m_apiNames.cend() && !name->isEmpty())
            return *name;
    }
    return row.upstream;
}

int TargetHealthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TargetHealthModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetHealthModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::TargetHealthRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ForegroundRole:
        if (index.column() == State)
            return row.healthy ? StatusColors::good() : StatusColors::bad();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= ConsecutiveFailures && index.column() <= LastLatency)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (const QString problem = problemText(row); !problem.isEmpty())
            return problem;
        if (index.column() == Target || index.column() == Upstream) {
            const QString counts =
                tr("%1 requests, %2 failed")
                    .arg(QLocale().toString(row.requests), QLocale().toString(row.failures));
            // The gateway's own name for it, as its logs and metrics use it.
            if (index.column() == Upstream && upstreamLabel(row) != row.upstream)
                return QString(tr("Upstream %1").arg(row.upstream) + QLatin1Char('\n') + counts);
            return counts;
        }
        return {};
    case Qt::UserRole: // raw values, for sorting proxies and tests
        switch (index.column()) {
        case Target:
            return row.target;
        case Upstream:
            return row.upstream;
        case State:
            return row.healthy;
        case ConsecutiveFailures:
            return row.consecutiveFailures;
        case ActiveConnections:
            return row.activeConnections;
        case LastLatency:
            return row.lastLatencyUs;
        case Problem:
            return problemText(row);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TargetHealthModel::displayData(const app::TargetHealthRow& row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Target:
        return row.target;
    case Upstream:
        return upstreamLabel(row);
    case State:
        if (!row.problem.isEmpty())
            return tr("Unresolved");
        return row.healthy ? tr("Healthy") : tr("Unhealthy");
    case ConsecutiveFailures:
        return locale.toString(row.consecutiveFailures);
    case ActiveConnections:
        return locale.toString(row.activeConnections);
    case LastLatency:
        if (row.lastLatencyUs == 0)
            return tr("–");
        {
            // Local upstreams answer in microseconds; keep them from reading "0.0".
            const double ms = static_cast<double>(row.lastLatencyUs) / 1000.0;
            return tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10.0 ? 2 : 1));
        }
    case Problem:
        return problemText(row);
    default:
        return {};
    }
}

QVariant TargetHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Target:
        return tr("Target");
    case Upstream:
        return tr("Upstream");
    case State:
        return tr("State");
    case ConsecutiveFailures:
        return tr("Consecutive failures");
    case ActiveConnections:
        return tr("Active connections");
    case LastLatency:
        return tr("Last latency");
    case Problem:
        return tr("Problem");
    default:
        return {};
    }
}

QString TargetHealthModel::problemText(const app::TargetHealthRow& row)
{
    if (!row.problem.isEmpty())
        return row.problem;
    if (!row.refreshError.isEmpty())
        return tr("DNS refresh failed: %1 (still using the last addresses)").arg(row.refreshError);
    return {};
}

bool TargetHealthModel::sameTargets(const QList<app::TargetHealthRow>& a,
                                    const QList<app::TargetHealthRow>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).upstream != b.at(i).upstream || a.at(i).target != b.at(i).target)
            return false;
    }
    return true;
}

} // namespace gatehouse::ui
