// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/application_overview.h"

#include <QAbstractTableModel>

namespace gatehouse::ui {

// The applications the acting user manages, as read on the storage thread.
// Rows are replaced as a whole; the model never reads the catalog.
class ApplicationsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Owner, Keys, Subscriptions, ColumnCount };
    static constexpr int ApplicationIdRole = Qt::UserRole + 1;

    explicit ApplicationsModel(QObject* parent = nullptr);

    void setItems(const QList<app::ApplicationSummary>& items);
    const app::ApplicationSummary* item(int row) const;
    int rowOf(qint64 applicationId) const; // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString ownerText(const app::ApplicationSummary& summary);

private:
    QList<app::ApplicationSummary> m_items;
};

} // namespace gatehouse::ui
