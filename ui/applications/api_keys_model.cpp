// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/api_keys_model.h"

#include "ui/approvals/approvals_model.h"
#include "ui/status_colors.h"

#include <QFontDatabase>

namespace gatehouse::ui {

ApiKeysModel::ApiKeysModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ApiKeysModel::setKeys(const QList<app::ApiKeyInfo>& keys, qint64 nowMs)
{
    beginResetModel();
    m_keys = keys;
    m_now = nowMs;
    endResetModel();
}

const app::ApiKeyInfo* ApiKeysModel::key(int row) const
{
    return row >= 0 && row < m_keys.size() ? &m_keys.at(row) : nullptr;
}

ApiKeysModel::KeyState ApiKeysModel::state(int row) const
{
    const app::ApiKeyInfo* k = key(row);
    if (!k || k->revokedAt != 0)
        return KeyState::Revoked;
    return k->isActive(m_now) ? KeyState::Active : KeyState::Expired;
}

int ApiKeysModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ApiKeysModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString ApiKeysModel::stateText(KeyState state)
{
    switch (state) {
    case KeyState::Active:
        return tr("Active");
    case KeyState::Expired:
        return tr("Expired");
    case KeyState::Revoked:
        break;
    }
    return tr("Revoked");
}

QVariant ApiKeysModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const app::ApiKeyInfo& k = m_keys.at(index.row());
    if (role == KeyIdRole)
        return k.id;
    if (role == Qt::FontRole && index.column() == Prefix)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ForegroundRole && index.column() == State) {
        const KeyState s = state(index.row());
        return s == KeyState::Active ? StatusColors::good() : StatusColors::neutral();
    }
    if (role == Qt::ToolTipRole && index.column() == Prefix)
        return tr("Only the start of the key is kept; the key itself was shown once.");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Prefix:
        return QStringLiteral("gh_%1…").arg(k.prefix);
    case Label:
        return k.label;
    case Created:
        return ApprovalsModel::dateTimeText(k.createdAt);
    case Expires:
        return k.expiresAt ? ApprovalsModel::dateTimeText(k.expiresAt) : tr("Never");
    case Revoked:
        return ApprovalsModel::dateTimeText(k.revokedAt);
    case State:
        return stateText(state(index.row()));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ApiKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Prefix:
        return tr("Key");
    case Label:
        return tr("Label");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case Revoked:
        return tr("Revoked");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
