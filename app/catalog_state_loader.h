// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_state.h"

#include <QSqlDatabase>

#include <optional>

namespace gatehouse::app {

// Reads the catalog state inside one transaction, so that the compiled
// configuration never mixes two moments (a key without its application).
// System-level: no actor, no permission checks. Call on the thread that owns
// `db`.
std::optional<CatalogState> loadCatalogState(const QSqlDatabase& db, QString* error);

} // namespace gatehouse::app
