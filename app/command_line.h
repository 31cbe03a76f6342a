// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gatehouse::app {

// One-shot commands on the catalog (--database), run instead of the
// console or the gateway; see CatalogCommand.
enum class CatalogCommandKind { None, ExportWorkspace, ApplyWorkspace, ImportOpenApi };

// What the command line asked for, already validated.
struct CommandLineOptions {
    bool headless = false;
    QString configFile;       // empty: the embedded demo workspace
    bool watchConfig = false; // --watch: read configFile again when it changes (headless)
    // --database: the catalog, a SQLite file or a postgresql:// URL; empty:
    // the default SQLite file in the user's data directory.
    QString databaseSpec;

    // --listen ADDR:PORT; `listenSet` tells whether it overrides a config file.
    bool listenSet = false;
    QString listenAddress = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8080;

    // --admin-listen ADDR:PORT | off: the admin REST API (app/admin_api/),
    // on a loopback address only.
    // `adminListenSet` tells whether it was asked for explicitly (then a
    // failure to start it is fatal, otherwise a warning).
    bool adminListenSet = false;
    bool adminEnabled = true;
    QString adminAddress = QStringLiteral("127.0.0.1");
    quint16 adminPort = 9080;

    bool threadsSet = false;
    unsigned threads = 0; // 0: one per core

    // --telemetry-database FILE|URL: call logs and rollups; empty: telemetry.sqlite
    // in the user's data directory.
    QString telemetryDatabase;

    // --demo-catalog: create the demo workspace in an empty local catalog
    // at start (DemoCatalog), then run as usual.
    bool demoCatalog = false;

    // --demo-origin PORT: run only the demo origin in the foreground.
    bool demoOriginOnly = false;
    quint16 demoOriginPort = 0;

    // --export-workspace FILE, --apply-workspace FILE, --import-openapi FILE
    // (with --team NAME); "-" is stdout / stdin. --as NAME signs in to a
    // shared catalog (password from GATEHOUSE_PASSWORD).
    // --check-config FILE: check a declarative file and exit.
    QString checkConfigFile;

    CatalogCommandKind catalogCommand = CatalogCommandKind::None;
    QString catalogCommandFile;
    QString teamName;
    QString actingUser;
};

// Parses with QCommandLineParser but without needing a QCoreApplication, so
// main() can decide which application class to create. Help and version text
// need one (QCommandLineParser asks it for the program name).
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Status { Ok, Error, HelpRequested, VersionRequested };

    CommandLine();

    Status parse(const QStringList& arguments);

    const CommandLineOptions& options() const { return m_options; }
    QString errorText() const { return m_error; } // for stderr; exit code 2
    QString helpText() const;
    static QString versionText();

    static constexpr int exitUsageError = 2;

private:
    bool fail(const QString& message);
    bool parseCatalogCommand();
    bool parsePort(const QString& text, const QString& option, quint16* port);
    bool parseListen(const QString& text);
    bool parseAdminListen(const QString& text);
    // ADDR:PORT, [IPv6]:PORT, or a bare PORT on `*address`.
    bool parseAddressPort(const QString& text, const QString& option, QString* address,
                          quint16* port);

    QCommandLineParser m_parser;
    CommandLineOptions m_options;
    QString m_error;
};

} // namespace gatehouse::app
