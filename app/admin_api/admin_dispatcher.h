// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_http.h"
#include "app/admin_api/admin_router.h"
#include "app/admin_api/admin_services.h"

namespace gatehouse::app {

// Maps authenticated admin requests onto the domain services; knows nothing
// about sockets or threads. One dispatcher serves one part of the API:
// the gateway's resources (health, stats, cache purge, metrics), which never
// touch the database and run on the admin API's own thread, or the
// catalog's (everything else), which run on the thread owning the services'
// database connection.
class AdminDispatcher {
public:
    enum class Part { Gateway, Catalog };

    AdminDispatcher(AdminServices services, Part part);
    AdminDispatcher(const AdminDispatcher&) = delete;
    AdminDispatcher& operator=(const AdminDispatcher&) = delete;

    // An exception from a handler becomes a 500 problem.
    AdminResponse handle(const AdminRequest& request) const;
    // Whether this part has a resource at `path` (any method).
    bool serves(const QString& path) const { return m_router.servesPath(path); }
    QList<AdminRouter::Endpoint> endpoints() const { return m_router.endpoints(); }

private:
    AdminServices m_services;
    AdminRouter m_router;
};

// The resource groups, one file each; the handlers keep `services`, which
// must outlive the router.
void addCatalogRoutes(AdminRouter& router, const AdminServices* services);
void addConsumerRoutes(AdminRouter& router, const AdminServices* services);
void addOrganisationRoutes(AdminRouter& router, const AdminServices* services);
void addSystemRoutes(AdminRouter& router, const AdminServices* services);
void addWorkspaceRoutes(AdminRouter& router, const AdminServices* services);

} // namespace gatehouse::app
