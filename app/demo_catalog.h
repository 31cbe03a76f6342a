// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"
#include "app/domain/roles.h"

#include <QString>
#include <QStringList>

namespace gatehouse::app {

class CatalogStore;

struct DemoCatalogResult {
    // Non-empty: seeding stopped there; what was made before stays (see
    // `changes`), and seeding again completes the rest. Machine-facing
    // English, like the domain services' errors.
    QString error;
    DomainMessage errorMessage; // the same, for the console to translate
    // True when this run changed something; false when the catalog was left
    // alone (someone else's APIs) or the demo workspace was already complete.
    bool seeded = false;
    // The "Demo traffic" application's key: shown nowhere else and stored
    // only as a hash, so hand it to the traffic generator now. It is
    // subscribed to every keyed API of the demo.
    QString trafficKey;
    QStringList changes; // "api products@v1: created", "user maya: created", ...
    bool ok() const { return error.isEmpty(); }
};

struct DemoTrafficKey {
    QString key;                // empty when the catalog has no demo traffic application
    QString error;              // machine-facing English
    DomainMessage errorMessage; // the same, for the console to translate
    bool ok() const { return error.isEmpty(); }
};

// The demo workspace of a first start, on the in-process demo origin:
//  - teams Storefront (maya owns, jonas) and Platform (lin owns, sam);
//  - Products v1 (/v1/products; deprecated, sunset in 90 days, successor
//    v2; cached with a default TTL), Products v2 (/v2/products; published,
//    cached), Weather (/v1/weather; short TTL with stale-while-revalidate),
//    Echo (/v1/echo; open, never cached), Inventory (/v1/inventory, on the
//    origin's echo; draft of Storefront);
//  - plans with automatic and manual approval;
//  - applications "Demo traffic" (Platform; subscribed to Products v1, v2
//    and Weather) and "Storefront mobile" (Storefront) with one key each,
//    and one pending subscription (Storefront mobile -> Products v2
//    Partner) for the approvals inbox.
// Teams, APIs and plans come from resources/demo_workspace.json through
// WorkspaceFile. The APIs' upstream is "http://demo-origin", which the config
// compiler resolves to the running origin's port on every start. Base paths
// stay clear of the demo workspace's own open routes (/shop, /weather,
// /echo), which would otherwise answer part of their traffic.
//
// A catalog whose APIs are not all the demo's is left alone. An empty one is
// seeded; one holding only demo APIs (an earlier seeding that stopped
// halfway) is completed: every step skips what exists, so seeding a
// complete demo workspace again changes nothing. `admin` must be an
// administrator. Storage thread only (CatalogService::mutate).
class DemoCatalog {
public:
    static DemoCatalogResult seed(CatalogStore& store, const Principal& admin);
    // True when the catalog has no APIs; false with `error` set when that
    // cannot be read.
    static bool isEmpty(CatalogStore& store, QString* error);
    // The demo's teams, APIs and plans (the embedded resource).
    static QByteArray workspaceDocument();

    // A new key for the "Demo traffic" application, replacing (revoking) the
    // keys issued to the traffic generator before. The catalog keeps only
    // hashes, so the console asks for one on every start and holds it in
    // memory: no copy of the key is ever stored. Empty key, no error, when
    // there is no such application.
    static DemoTrafficKey issueTrafficKey(CatalogStore& store, const Principal& admin);
    static QString trafficApplicationName();
    static QString trafficKeyLabel();
};

} // namespace gatehouse::app
