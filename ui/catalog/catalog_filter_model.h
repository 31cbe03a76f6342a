// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace gatehouse::ui {

class CatalogModel;

// Search and filters over a CatalogModel. The search text matches, without
// regard to case, an API's name, tags, description, base path or route
// paths; every word must match somewhere. Filters: team (by name), tag,
// lifecycle state and visibility; unset filters let everything through.
class CatalogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit CatalogFilterModel(QObject* parent = nullptr);

    void setSourceCatalog(CatalogModel* model);

    void setSearchText(const QString& text);
    void setTeam(const QString& team); // empty: any
    void setTag(const QString& tag);   // empty: any
    void setState(std::optional<app::ApiState> state);
    void setVisibility(std::optional<app::ApiVisibility> visibility);

    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    CatalogModel* m_catalog = nullptr;
    QString m_search;
    QStringList m_words;
    QString m_team;
    QString m_tag;
    std::optional<app::ApiState> m_state;
    std::optional<app::ApiVisibility> m_visibility;
};

} // namespace gatehouse::ui
