// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <optional>

namespace gatehouse::app {

// Row mapping for APIs and their routes and upstreams; no permission checks
// (ApiCatalog does those). Callers own the transaction.
class ApiStore {
public:
    // nullopt with an empty `error` when there is no such API.
    static std::optional<ApiDefinition> load(const QSqlDatabase& db, qint64 id, QString* error);
    // `where` is appended after "WHERE", e.g. "slug = ?".
    static std::optional<QList<ApiDefinition>> loadWhere(const QSqlDatabase& db,
                                                         const QString& where,
                                                         const QVariantList& values,
                                                         QString* error);
    // Returns the new id, 0 on failure.
    static qint64 insert(const QSqlDatabase& db, const ApiDefinition& api, QString* error);
    // Every column, routes and upstreams included.
    static bool update(const QSqlDatabase& db, const ApiDefinition& api, QString* error);
};

} // namespace gatehouse::app
