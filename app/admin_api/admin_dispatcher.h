// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_http.h"
#include "app/admin_api/admin_router.h"
#include "app/admin_api/admin_services.h"

namespace gatehouse::app {

// Maps authenticated admin requests onto the domain services. Runs on the
// thread that owns the services' database connection; knows nothing about
// sockets or threads.
class AdminDispatcher {
public:
    explicit AdminDispatcher(AdminServices services);
    AdminDispatcher(const AdminDispatcher&) = delete;
    AdminDispatcher& operator=(const AdminDispatcher&) = delete;

    AdminResponse handle(const AdminRequest& request) const;

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
