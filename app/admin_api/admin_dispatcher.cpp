// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_dispatcher.h"

namespace gatehouse::app {

AdminDispatcher::AdminDispatcher(AdminServices services)
    : m_services(std::move(services))
{
    addSystemRoutes(m_router, &m_services);
    addCatalogRoutes(m_router, &m_services);
    addConsumerRoutes(m_router, &m_services);
    addOrganisationRoutes(m_router, &m_services);
    addWorkspaceRoutes(m_router, &m_services);
}

AdminResponse AdminDispatcher::handle(const AdminRequest& request) const
{
    return m_router.route(request);
}

} // namespace gatehouse::app
