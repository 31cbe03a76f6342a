// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_dispatcher.h"

#include <exception>

namespace gatehouse::app {

AdminDispatcher::AdminDispatcher(AdminServices services, Part part)
    : m_services(std::move(services))
{
    if (part == Part::Gateway) {
        addSystemRoutes(m_router, &m_services);
        return;
    }
    addCatalogRoutes(m_router, &m_services);
    addConsumerRoutes(m_router, &m_services);
    addOrganisationRoutes(m_router, &m_services);
    addWorkspaceRoutes(m_router, &m_services);
}

AdminResponse AdminDispatcher::handle(const AdminRequest& request) const
{
    // "%00" decodes to a character no text of the catalog can hold (and
    // PostgreSQL refuses in a query): no filter can match it.
    if (const QString name = request.query.parameterWithNul(); !name.isNull())
        return AdminResponse::badRequest(
            QStringLiteral("the query parameter '%1' holds the NUL character (%2)")
                .arg(name, QStringLiteral("%00")));
    try {
        return m_router.route(request);
    } catch (const std::exception& e) {
        return AdminResponse::serverFailure(QStringLiteral("internal-error"),
                                            QStringLiteral("Internal error"),
                                            QStringLiteral("an internal error stopped the request"),
                                            QString::fromLocal8Bit(e.what()));
    }
}

} // namespace gatehouse::app
