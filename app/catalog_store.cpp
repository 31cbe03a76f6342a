// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_store.h"

namespace gatehouse::app {

CatalogStore::CatalogStore(std::unique_ptr<Database> database)
    : m_database(std::move(database))
    , m_apis(*m_database)
    , m_applications(*m_database)
    , m_subscriptions(*m_database)
    , m_plans(*m_database)
    , m_teams(*m_database)
    , m_users(*m_database)
    , m_audit(*m_database)
{
}

std::unique_ptr<CatalogStore> CatalogStore::open(const QString& connectionName, const QString& spec,
                                                 QString* error)
{
    auto database = std::make_unique<Database>(connectionName);
    if (!database->open(spec)) {
        if (error)
            *error = database->lastError();
        return nullptr;
    }
    return std::unique_ptr<CatalogStore>(new CatalogStore(std::move(database)));
}

} // namespace gatehouse::app
