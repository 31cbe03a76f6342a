// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/command_line.h"

#include <QHostAddress>

#include <utility>

#ifndef GATEHOUSE_VERSION_STRING
#define GATEHOUSE_VERSION_STRING "0.1.0"
#endif

namespace gatehouse::app {

namespace {

const QString optHeadless = QStringLiteral("headless");
const QString optConfig = QStringLiteral("config");
const QString optWatch = QStringLiteral("watch");
const QString optCheckConfig = QStringLiteral("check-config");
const QString optDatabase = QStringLiteral("database");
const QString optListen = QStringLiteral("listen");
const QString optAdminListen = QStringLiteral("admin-listen");
const QString optThreads = QStringLiteral("threads");
const QString optTelemetryDatabase = QStringLiteral("telemetry-database");
const QString optDemoOrigin = QStringLiteral("demo-origin");
const QString optDemoCatalog = QStringLiteral("demo-catalog");
const QString optExportWorkspace = QStringLiteral("export-workspace");
const QString optApplyWorkspace = QStringLiteral("apply-workspace");
const QString optImportOpenApi = QStringLiteral("import-openapi");
const QString optTeam = QStringLiteral("team");
const QString optAs = QStringLiteral("as");
const QString optHelp = QStringLiteral("help");
const QString optVersion = QStringLiteral("version");

constexpr unsigned maxThreads = 1024;

} // namespace

CommandLine::CommandLine()
{
    m_parser.setApplicationDescription(
        tr("Gatehouse: an API management console with an embedded API gateway."));
    // "-platform xcb" and "-headless" are single-dash long options, as in Qt.
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({
        {optHeadless, tr("Run the gateway without a window.")},
        {optConfig,
         tr("Load the gateway configuration from <file> (YAML or JSON); SIGHUP reads it "
            "again."),
         tr("file")},
        {optWatch,
         tr("With --headless and --config: read the file again whenever its content changes, "
            "as SIGHUP does.")},
        {optCheckConfig,
         tr("Check the gateway configuration in <file> as --config reads it, certificates "
            "included, and exit: 0 when it can be used, 1 with every problem."),
         tr("file")},
        {optDatabase,
         tr("Keep the API catalog in <database>: a SQLite file, or "
            "postgresql://user@host/db for a catalog shared by a team (default: a SQLite "
            "file in the user's data directory)."),
         tr("database")},
        {optListen,
         tr("Listen on <address:port> (default 127.0.0.1:8080); overrides the configuration "
            "file."),
         tr("address:port")},
        {optAdminListen,
         tr("Serve the admin REST API on <address:port> (default 127.0.0.1:9080), or 'off'."),
         tr("address:port")},
        {optThreads, tr("Number of gateway worker threads (default: one per core)."), tr("n")},
        {optTelemetryDatabase,
         tr("Store call logs and traffic rollups in <file> (SQLite) or a postgresql:// URL "
            "(default: telemetry.sqlite in the user's data directory)."),
         tr("file")},
        {optDemoOrigin, tr("Run only the demo origin, on <port>, in the foreground."), tr("port")},
        {optDemoCatalog,
         tr("Create the demo workspace (teams, APIs on the demo origin, applications, "
            "subscriptions) in an empty local catalog at start, and print the demo traffic key.")},
        {optExportWorkspace,
         tr("Write the catalog's teams, APIs and plans as a workspace file to <file> ('-': "
            "standard output) and exit."),
         tr("file")},
        {optApplyWorkspace,
         tr("Make the catalog match the workspace file <file> ('-': standard input), printing "
            "each change, and exit. Applying the same file twice changes nothing."),
         tr("file")},
        {optImportOpenApi,
         tr("Create a draft API from the OpenAPI 3 document <file> (YAML or JSON) in the team "
            "named by --team, and exit."),
         tr("file")},
        {optTeam, tr("The team that owns an imported API."), tr("name")},
        {optAs,
         tr("Act as <user> in a shared catalog; the password is read from the "
            "GATEHOUSE_PASSWORD environment variable. A local catalog acts as its admin."),
         tr("user")},
        {{QStringLiteral("h"), optHelp}, tr("Show this help and exit.")},
        {{QStringLiteral("v"), optVersion}, tr("Show the version and exit.")},
    });
    // Options QGuiApplication consumes itself; accepted here so that parsing
    // first does not reject them.
    for (const auto& name :
         {QStringLiteral("platform"), QStringLiteral("style"), QStringLiteral("qwindowgeometry"),
          QStringLiteral("qwindowtitle"), QStringLiteral("display")}) {
        QCommandLineOption option(name, QString(), QStringLiteral("value"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        m_parser.addOption(option);
    }
    QCommandLineOption reverse(QStringLiteral("reverse"));
    reverse.setFlags(QCommandLineOption::HiddenFromHelp);
    m_parser.addOption(reverse);
}

CommandLine::Status CommandLine::parse(const QStringList& arguments)
{
    m_options = {};
    m_error.clear();
    if (!m_parser.parse(arguments)) {
        fail(m_parser.errorText());
        return Status::Error;
    }
    if (m_parser.isSet(optHelp))
        return Status::HelpRequested;
    if (m_parser.isSet(optVersion))
        return Status::VersionRequested;
    if (!m_parser.positionalArguments().isEmpty()) {
        fail(tr("Unexpected argument '%1'.").arg(m_parser.positionalArguments().constFirst()));
        return Status::Error;
    }

    m_options.headless = m_parser.isSet(optHeadless);

    if (m_parser.isSet(optConfig)) {
        m_options.configFile = m_parser.value(optConfig);
        if (m_options.configFile.isEmpty()) {
            fail(tr("--config needs a file name."));
            return Status::Error;
        }
    }

    if (m_parser.isSet(optTelemetryDatabase)) {
        m_options.telemetryDatabase = m_parser.value(optTelemetryDatabase);
        if (m_options.telemetryDatabase.isEmpty()) {
            fail(tr("--telemetry-database needs a file name or URL."));
            return Status::Error;
        }
    }

    if (m_parser.isSet(optDatabase)) {
        m_options.databaseSpec = m_parser.value(optDatabase).trimmed();
        if (m_options.databaseSpec.isEmpty()) {
            fail(tr("--database needs a file name or a postgresql:// URL."));
            return Status::Error;
        }
        const QString lower = m_options.databaseSpec.toLower();
        if (lower.contains(QStringLiteral("://")) &&
            !lower.startsWith(QStringLiteral("postgresql://")) &&
            !lower.startsWith(QStringLiteral("postgres://"))) {
            fail(tr("--database: '%1' is neither a file nor a postgresql:// URL.")
                     .arg(m_options.databaseSpec));
            return Status::Error;
        }
    }

    if (m_parser.isSet(optListen) && !parseListen(m_parser.value(optListen)))
        return Status::Error;

    if (m_parser.isSet(optAdminListen) && !parseAdminListen(m_parser.value(optAdminListen)))
        return Status::Error;

    if (m_parser.isSet(optThreads)) {
        bool ok = false;
        const QString text = m_parser.value(optThreads);
        const uint threads = text.toUInt(&ok);
        if (!ok || threads > maxThreads) {
            fail(tr("--threads: '%1' is not a number from 0 to %2.").arg(text).arg(maxThreads));
            return Status::Error;
        }
        m_options.threadsSet = true;
        m_options.threads = threads;
    }

    m_options.watchConfig = m_parser.isSet(optWatch);
    if (m_options.watchConfig && (!m_options.headless || m_options.configFile.isEmpty())) {
        fail(tr("--watch reads the --config file again when it changes; it needs --headless and "
                "--config."));
        return Status::Error;
    }

    m_options.demoCatalog = m_parser.isSet(optDemoCatalog);
    if (m_options.demoCatalog &&
        (!m_options.configFile.isEmpty() || m_parser.isSet(optDemoOrigin))) {
        // Its APIs live on the in-process demo origin, which --config replaces.
        fail(tr("--demo-catalog needs the demo origin; it cannot be combined with --config or "
                "--demo-origin."));
        return Status::Error;
    }
    if (m_parser.isSet(optDemoOrigin)) {
        if (!parsePort(m_parser.value(optDemoOrigin), QStringLiteral("--demo-origin"),
                       &m_options.demoOriginPort))
            return Status::Error;
        m_options.demoOriginOnly = true;
        if (!m_options.configFile.isEmpty() || m_options.listenSet) {
            fail(tr("--demo-origin runs only the demo origin; it cannot be combined with "
                    "--config or --listen."));
            return Status::Error;
        }
    }
    if (!parseCatalogCommand())
        return Status::Error;
    if (m_parser.isSet(optCheckConfig)) {
        m_options.checkConfigFile = m_parser.value(optCheckConfig);
        if (m_options.checkConfigFile.isEmpty()) {
            fail(tr("--check-config needs a file name."));
            return Status::Error;
        }
        if (m_options.headless || !m_options.configFile.isEmpty() || m_options.listenSet ||
            m_options.threadsSet || m_options.adminListenSet || m_options.demoCatalog ||
            m_options.demoOriginOnly || m_options.catalogCommand != CatalogCommandKind::None) {
            fail(tr("--check-config checks a file and exits; it cannot be combined with other "
                    "options."));
            return Status::Error;
        }
    }
    return Status::Ok;
}

bool CommandLine::parseCatalogCommand()
{
    const std::pair<QString, CatalogCommandKind> commands[] = {
        {optExportWorkspace, CatalogCommandKind::ExportWorkspace},
        {optApplyWorkspace, CatalogCommandKind::ApplyWorkspace},
        {optImportOpenApi, CatalogCommandKind::ImportOpenApi},
    };
    QStringList given;
    for (const auto& [name, kind] : commands) {
        if (!m_parser.isSet(name))
            continue;
        given << QStringLiteral("--") + name;
        m_options.catalogCommand = kind;
        m_options.catalogCommandFile = m_parser.value(name);
        if (m_options.catalogCommandFile.isEmpty())
            return fail(tr("--%1 needs a file name ('-' for the terminal).").arg(name));
    }
    if (given.size() > 1)
        return fail(tr("%1 cannot be combined; run them one after another.")
                        .arg(given.join(QStringLiteral(", "))));
    m_options.teamName = m_parser.value(optTeam).trimmed();
    m_options.actingUser = m_parser.value(optAs).trimmed();
    const auto kind = m_options.catalogCommand;
    if (kind == CatalogCommandKind::ImportOpenApi && m_options.teamName.isEmpty())
        return fail(tr("--import-openapi needs --team NAME: the team that will own the API."));
    if (kind != CatalogCommandKind::ImportOpenApi && m_parser.isSet(optTeam))
        return fail(tr("--team only goes with --import-openapi."));
    if (kind == CatalogCommandKind::None && m_parser.isSet(optAs))
        return fail(tr("--as only goes with --export-workspace, --apply-workspace or "
                       "--import-openapi."));
    if (kind != CatalogCommandKind::None &&
        (m_options.headless || !m_options.configFile.isEmpty() || m_options.listenSet ||
         m_options.demoCatalog || m_options.demoOriginOnly)) {
        // These start the gateway; a catalog command runs and exits.
        return fail(tr("%1 works on the catalog and exits; it cannot be combined with "
                       "--headless, --config, --listen, --demo-catalog or --demo-origin.")
                        .arg(given.constFirst()));
    }
    return true;
}

QString CommandLine::helpText() const
{
    return m_parser.helpText();
}

QString CommandLine::versionText()
{
    return QStringLiteral("gatehouse ") + QStringLiteral(GATEHOUSE_VERSION_STRING);
}

bool CommandLine::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool CommandLine::parsePort(const QString& text, const QString& option, quint16* port)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok) {
        return fail(tr("%1: '%2' is not a port number.").arg(option, text));
    }
    if (value < 0 || value > 65535) {
        return fail(tr("%1: port %2 is out of range (0 to 65535).").arg(option).arg(value));
    }
    *port = static_cast<quint16>(value);
    return true;
}

bool CommandLine::parseListen(const QString& text)
{
    if (!parseAddressPort(text, QStringLiteral("--listen"), &m_options.listenAddress,
                          &m_options.listenPort))
        return false;
    m_options.listenSet = true;
    return true;
}

bool CommandLine::parseAdminListen(const QString& text)
{
    m_options.adminListenSet = true;
    if (text == QLatin1String("off")) {
        m_options.adminEnabled = false;
        return true;
    }
    if (!parseAddressPort(text, QStringLiteral("--admin-listen"), &m_options.adminAddress,
                          &m_options.adminPort))
        return false;
    // Plain HTTP carrying the admin token: never beyond this machine.
    if (!QHostAddress(m_options.adminAddress).isLoopback())
        return fail(tr("--admin-listen: %1 is not a loopback address; the admin API serves "
                       "only this machine (127.0.0.1 or ::1).")
                        .arg(m_options.adminAddress));
    return true;
}

bool CommandLine::parseAddressPort(const QString& text, const QString& option, QString* address,
                                   quint16* port)
{
    QString host = *address;
    QString portText = text;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (host.isEmpty())
            return fail(tr("%1: '%2' has no address; use ADDR:PORT.").arg(option, text));
    }
    if (portText.isEmpty())
        return fail(tr("%1: '%2' has no port; use ADDR:PORT.").arg(option, text));
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        host = QStringLiteral("127.0.0.1");
    if (QHostAddress probe; !probe.setAddress(host))
        return fail(tr("%1: '%2' is not an IP address.").arg(option, host));
    quint16 parsed = 0;
    if (!parsePort(portText, option, &parsed))
        return false;
    *address = host;
    *port = parsed;
    return true;
}

} // namespace gatehouse::app
