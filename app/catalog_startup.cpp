// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_startup.h"

#include "app/catalog_service.h"

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
        out.error =
            QStringLiteral("Cannot use the catalog database %1: %2").arg(out.location, error);
        return out;
    }
    out.location = catalog.location();
    if (out.shared)
        return out;
    const QString user = osUserName();
    QString why;
    out.localAdmin = catalog.runAndWait([&](CatalogStore& store) {
        auto admin = store.users().ensureLocalAdmin(user);
        if (!admin)
            why = store.users().lastError();
        return admin;
    });
    if (!out.localAdmin)
        out.warning =
            QStringLiteral("No administrator for '%1' in %2: %3").arg(user, out.location, why);
    return out;
}

} // namespace gatehouse::app
