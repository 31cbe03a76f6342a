// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_catalog.h"
#include "app/domain/application_service.h"
#include "app/domain/audit_log.h"
#include "app/domain/plan_service.h"
#include "app/domain/subscription_service.h"
#include "app/domain/team_service.h"
#include "app/domain/user_service.h"
#include "app/storage/database.h"

#include <QString>

#include <memory>

namespace gatehouse::app {

// The open catalog database and its domain services. Lives on the storage
// thread, which alone may touch it: reach it through CatalogService::run().
class CatalogStore {
public:
    // Opens and migrates `spec` (see Database::open) on the calling thread.
    // Returns null and sets `error` when the database cannot be used.
    static std::unique_ptr<CatalogStore> open(const QString& connectionName, const QString& spec,
                                              QString* error);

    Database& database() { return *m_database; }
    ApiCatalog& apis() { return m_apis; }
    ApplicationService& applications() { return m_applications; }
    SubscriptionService& subscriptions() { return m_subscriptions; }
    PlanService& plans() { return m_plans; }
    TeamService& teams() { return m_teams; }
    UserService& users() { return m_users; }
    AuditLog& auditLog() { return m_audit; }

private:
    explicit CatalogStore(std::unique_ptr<Database> database);

    std::unique_ptr<Database> m_database; // first: the services refer to it
    ApiCatalog m_apis;
    ApplicationService m_applications;
    SubscriptionService m_subscriptions;
    PlanService m_plans;
    TeamService m_teams;
    UserService m_users;
    AuditLog m_audit;
};

} // namespace gatehouse::app
