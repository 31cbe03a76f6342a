// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace gatehouse::test {

// What a console suite sets up before its first test, as main() would: test
// locations for every QStandardPaths lookup, the suite's own (cleared)
// settings, and the OS user a local workspace makes its admin.
inline void useConsoleTestEnvironment(const QString& suite)
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(suite);
    QSettings().clear();
    qputenv("USER", "root-admin"); // the workspace's local admin, as in main()
}

} // namespace gatehouse::test
