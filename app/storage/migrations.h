// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/storage/sql_dialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace gatehouse::app {

struct Migration {
    int version = 0;
    QString description;
    QStringList statements; // portable SQL, `{id}` expanded per dialect
};

// Numbered schema migrations. Version N is applied once, in order, inside one
// transaction together with its row in `schema_version`; a failure rolls the
// whole batch back, so a database is always at a version the code knows.
class Migrations {
public:
    static const std::vector<Migration>& all();
    static int latestVersion();

    // The highest applied version; 0 for an empty database (no
    // schema_version table). -1 and `error` when it cannot be read.
    static int currentVersion(const QSqlDatabase& db, QString* error);

    // Brings `db` to latestVersion(). Refuses (returns false, changes
    // nothing) a database newer than the code.
    static bool migrate(const QSqlDatabase& db, SqlDialect dialect, QString* error);

    // For tests: migrates only up to `version`.
    static bool migrateTo(const QSqlDatabase& db, SqlDialect dialect, int version, QString* error);
};

} // namespace gatehouse::app
