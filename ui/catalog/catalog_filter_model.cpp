// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/catalog_filter_model.h"

#include "ui/catalog/catalog_model.h"

namespace gatehouse::ui {

CatalogFilterModel::CatalogFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CatalogModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void CatalogFilterModel::setSourceCatalog(CatalogModel* model)
{
    m_catalog = model;
    setSourceModel(model);
}

void CatalogFilterModel::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void CatalogFilterModel::setTeam(const QString& team)
{
    if (team == m_team)
        return;
    m_team = team;
    invalidateRowsFilter();
}

void CatalogFilterModel::setTag(const QString& tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
}

void CatalogFilterModel::setState(std::optional<app::ApiState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

void CatalogFilterModel::setVisibility(std::optional<app::ApiVisibility> visibility)
{
    if (visibility == m_visibility)
        return;
    m_visibility = visibility;
    invalidateRowsFilter();
}

bool CatalogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_catalog || sourceParent.isValid())
        return false;
    const app::CatalogEntry* e = m_catalog->entry(sourceRow);
    if (!e)
        return false;
    const app::ApiDefinition& api = e->api;
    if (!m_team.isEmpty() && e->team != m_team)
        return false;
    if (!m_tag.isEmpty() && !api.tags.contains(m_tag, Qt::CaseInsensitive))
        return false;
    if (m_state && api.state != *m_state)
        return false;
    if (m_visibility && api.visibility != *m_visibility)
        return false;
    for (const QString& word : m_words) {
        const auto has = [&word](const QString& text) {
            return text.contains(word, Qt::CaseInsensitive);
        };
        bool found = has(api.name) || has(api.description) || has(api.basePath) || has(api.slug);
        for (qsizetype i = 0; !found && i < api.tags.size(); ++i)
            found = has(api.tags.at(i));
        for (qsizetype i = 0; !found && i < api.routes.size(); ++i)
            found = has(api.routes.at(i).path) || has(api.basePath + api.routes.at(i).path);
        if (!found)
            return false;
    }
    return true;
}

} // namespace gatehouse::ui
