// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_startup.h"

#include "app/catalog_service.h"
#include "app/domain/domain_messages.h"

#include <QUrl>

namespace gatehouse::app {

QString osUserName()
{
    for (const char* name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("admin");
}

CatalogStartup startCatalog(CatalogService& catalog, const QString& spec)
{
    CatalogStartup out;
    out.shared = Database::isPostgresUrl(spec);
    out.location = spec.isEmpty() ? Database::defaultSqlitePath()
                   : out.shared   ? QUrl(spec).toString(QUrl::RemovePassword)
                                  : spec;
    const QString error = catalog.open(spec);
    if (!error.isEmpty()) {
        // The database's reason stays as it is (driver and migration text).
        out.errorMessage = DomainMessage(msg::CannotUseCatalog, {out.location, error});
        out.error = out.errorMessage.toString();
        return out;
    }
    out.location = catalog.location();
    if (out.shared)
        return out;
    const QString user = osUserName();
    DomainMessage why;
    out.localAdmin = catalog.runAndWait([&](CatalogStore& store) {
        auto admin = store.users().ensureLocalAdmin(user);
        if (!admin)
            why = store.users().lastErrorMessage();
        return admin;
    });
    if (!out.localAdmin) {
        out.warningMessage = DomainMessage(msg::NoLocalAdmin, {user, out.location, why});
        out.warning = out.warningMessage.toString();
    }
    return out;
}

} // namespace gatehouse::app
