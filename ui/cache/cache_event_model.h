// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_snapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace gatehouse::ui {

// The cache's recent events (stored, evicted, purged, replaced), newest
// first. A refresh that brings nothing new changes nothing, so the view
// keeps its scroll position while the cache is idle.
class CacheEventModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Event, Key, Size, ColumnCount };

    explicit CacheEventModel(QObject* parent = nullptr);

    // `events` oldest first, as CacheSnapshot::recentEvents.
    void setEvents(const QList<app::CacheEventRow>& events);
    const QList<app::CacheEventRow>& events() const { return m_rows; } // newest first

    static QString kindName(app::CacheEventRow::Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<app::CacheEventRow> m_rows;
};

} // namespace gatehouse::ui
