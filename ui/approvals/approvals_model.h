// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/approval_inbox.h"

#include <QAbstractTableModel>

namespace gatehouse::ui {

// Subscriptions for the approvals page: the pending inbox or the decided
// history. The rows are replaced as a whole from a listing read on the
// storage thread; the model itself never reads the catalog.
class ApprovalsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        RequestedAt,
        Application,
        RequestedBy,
        Api,
        Plan,
        Mode, // pending: approval mode; history: the state
        DecidedBy,
        DecidedAt,
        Reason,
        ColumnCount
    };
    static constexpr int SubscriptionIdRole = Qt::UserRole + 1;

    explicit ApprovalsModel(app::ApprovalList list, QObject* parent = nullptr);

    void setItems(const QList<app::ApprovalItem>& items);
    const app::ApprovalItem* item(int row) const;
    app::ApprovalList list() const { return m_list; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(app::SubscriptionState state);
    static QString modeText(app::ApprovalMode mode);
    static QString dateTimeText(qint64 msSinceEpoch);
    static QString requesterText(const app::ApprovalItem& item);

private:
    app::ApprovalList m_list;
    QList<app::ApprovalItem> m_items;
};

} // namespace gatehouse::ui
