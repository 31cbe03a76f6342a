// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_browser.h"

#include <QAbstractTableModel>
#include <QColor>

namespace gatehouse::ui {

// The APIs the acting user may see, one row per version. Rows are replaced
// as a whole from a listing read on the storage thread; the model never
// reads the catalog itself.
class CatalogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Version, Team, State, Visibility, BasePath, Updated, ColumnCount };
    enum Role {
        ApiIdRole = Qt::UserRole + 1,
        StateRole,       // int(app::ApiState)
        BadgeColorRole,  // QColor of the state badge
        SortRole,        // what the proxy sorts by
        DescriptionRole, // the API's description (cards, search)
        TagsRole,        // QStringList
        BadgeTextRole,   // the state's name, on the badge
        BadgeNoteRole,   // beside the badge: "sunset 3/1/27" for a deprecated API
    };

    explicit CatalogModel(QObject* parent = nullptr);

    void setEntries(const QList<app::CatalogEntry>& entries);
    const app::CatalogEntry* entry(int row) const;
    int rowOf(qint64 apiId) const; // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Published", "Deprecated (sunset 3/1/27)", ...
    static QString stateText(const app::ApiDefinition& api);
    static QString stateName(app::ApiState state);
    static QColor stateColor(app::ApiState state);
    static QString visibilityText(app::ApiVisibility visibility);
    static QString dateText(qint64 msSinceEpoch);
    static QString dateTimeText(qint64 msSinceEpoch);

private:
    QList<app::CatalogEntry> m_entries;
};

} // namespace gatehouse::ui
