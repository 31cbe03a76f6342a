// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/application_overview.h"

#include <QAbstractTableModel>

namespace gatehouse::ui {

// The subscriptions of one application, newest first, with the reason of a
// rejection, suspension or revocation.
class SubscriptionsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Api, Plan, State, Requested, Changed, Reason, ColumnCount };
    static constexpr int SubscriptionIdRole = Qt::UserRole + 1;

    explicit SubscriptionsModel(QObject* parent = nullptr);

    void setEntries(const QList<app::SubscriptionEntry>& entries);
    const app::SubscriptionEntry* entry(int row) const;
    int rowOf(qint64 subscriptionId) const; // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QColor stateColor(app::SubscriptionState state);

private:
    QList<app::SubscriptionEntry> m_entries;
};

} // namespace gatehouse::ui
