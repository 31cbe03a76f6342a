// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_snapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The cache's counters per API, one row per API the cache has seen. Rows
// are matched by API key, so a refresh with the same APIs only emits
// dataChanged and keeps the view's selection. Qt::UserRole holds raw
// values for sorting; ApiKeyRole the API key of the row.
class CacheApiModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Api, Requests, Hits, Misses, Stale, HitRatio, Objects, Bytes, ColumnCount };
    static constexpr int ApiKeyRole = Qt::UserRole + 1;

    explicit CacheApiModel(QObject* parent = nullptr);

    void setRows(const QList<app::ApiCacheRow>& rows);
    const QList<app::ApiCacheRow>& rows() const { return m_rows; }
    // Display names by API key (e.g. "1" -> "shop"), over the rows' own names.
    void setApiNames(const QHash<QString, QString>& names);
    QString displayName(const QString& apiKey) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const app::ApiCacheRow& row, int column) const;
    QVariant rawData(const app::ApiCacheRow& row, int column) const;

    QList<app::ApiCacheRow> m_rows;
    QHash<QString, QString> m_names;
};

} // namespace gatehouse::ui
