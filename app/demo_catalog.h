// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"

#include <QString>
#include <QStringList>

namespace gatehouse::app {

class CatalogStore;

struct DemoCatalogResult {
    // Non-empty: seeding stopped there; what was made before stays (see
    // `changes`). Machine-facing English, like the domain services' errors.
    QString error;
    // False when the catalog already had APIs and was left alone.
    bool seeded = false;
    // The "Demo traffic" application's key: shown nowhere else and stored
    // only as a hash, so hand it to the traffic generator now. It is
    // subscribed to every keyed API of the demo.
    QString trafficKey;
    QStringList changes; // "api products@v1: created", "user maya: created", ...
    bool ok() const { return error.isEmpty(); }
};

// The demo workspace of a first start, on the in-process demo origin:
//  - teams Storefront (maya owns, jonas) and Platform (lin owns, sam);
//  - Products v1 (deprecated, sunset in 90 days, successor v2; cached with a
//    default TTL), Products v2 (published, cached), Weather (short TTL with
//    stale-while-revalidate), Echo (open, never cached), Inventory (draft);
//  - plans with automatic and manual approval;
//  - applications "Demo traffic" (Platform; subscribed to Products v1, v2
//    and Weather) and "Storefront mobile" (Storefront) with one key each,
//    and one pending subscription (Storefront mobile -> Products v2
//    Partner) for the approvals inbox.
// Teams, APIs and plans come from resources/demo_workspace.json through
// WorkspaceFile. The APIs' upstream is "http://demo-origin", which the config
// compiler resolves to the running origin's port on every start.
//
// Only an empty catalog (no APIs) is seeded; any other is left alone, so
// seeding twice changes nothing. `admin` must be an administrator.
// Storage thread only (CatalogService::mutate).
class DemoCatalog {
public:
    static DemoCatalogResult seed(CatalogStore& store, const Principal& admin);
    // True when the catalog has no APIs; false with `error` set when that
    // cannot be read.
    static bool isEmpty(CatalogStore& store, QString* error);
    // The demo's teams, APIs and plans (the embedded resource).
    static QByteArray workspaceDocument();
};

} // namespace gatehouse::app
