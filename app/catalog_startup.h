// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"
#include "app/domain/roles.h"

#include <QString>

#include <optional>

namespace gatehouse::app {

class CatalogService;

struct CatalogStartup {
    // Non-empty: the catalog cannot be used (corrupt, unreadable, from a
    // newer Gatehouse, unreachable), and nothing was written to it.
    QString error;
    DomainMessage errorMessage; // the same, for the console to translate
    QString location;           // the SQLite file, or the URL without its password
    bool shared = false;        // PostgreSQL: people sign in
    // Local SQLite workspace: the OS user's admin account, created on the
    // first start.
    std::optional<Principal> localAdmin;
    // Non-empty when the catalog works but the OS user has no account in it
    // (a workspace created by someone else): the gateway still runs.
    QString warning;
    DomainMessage warningMessage; // the same, for the console to translate
};

// Start-up of the control plane's catalog: opens and migrates `spec` (empty:
// the default SQLite file) on the catalog's storage thread and, in a local
// SQLite workspace, makes sure the OS user has an admin account. Blocks: for
// main() and tests, before any window shows.
CatalogStartup startCatalog(CatalogService& catalog, const QString& spec);

// The account name of whoever runs the process ("admin" when unknown).
QString osUserName();

} // namespace gatehouse::app
