// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The composition root: which application runs, and the order things start
// and stop in.
#include "app/admin_api/admin_api.h"
#include "app/catalog_command.h"
#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/command_line.h"
#include "app/config_check.h"
#include "app/declarative_config.h"
#include "app/demo_workspace.h"
#include "app/gateway_admin_control.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/headless_runner.h"
#include "app/session_key_wallet.h"
#include "app/signal_watcher.h"
#include "app/telemetry/telemetry_service.h"
#include "app/traffic_generator.h"
#include "ui/application_icon.h"
#include "ui/console_settings.h"
#include "ui/console_translations.h"
#include "ui/demo_catalog_offer.h"
#include "ui/domain_message_text.h"
#include "ui/gateway/gateway_page.h"
#include "ui/main_window.h"
#include "ui/teams/sign_in_dialog.h"
#include "ui/teams/teams_page.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QTextStream>
#include <QUrl>

#include <chrono>
#include <cstdio>
#include <optional>

using namespace gatehouse::app;

namespace {

void printLine(std::FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(
        CommandLine::versionText().section(QLatin1Char(' '), 1));
}

// Without a display Qt's xcb/wayland plugins abort; decide before creating a
// QApplication.
bool hasDisplay(const QStringList& arguments)
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
           arguments.contains(QStringLiteral("-platform")) ||
           arguments.contains(QStringLiteral("--platform"));
}

// Reports --help, --version and usage errors; needs an application object
// because QCommandLineParser names the program from it.
int reportCommandLine(int argc, char** argv, const CommandLine& commandLine,
                      CommandLine::Status status)
{
    QCoreApplication app(argc, argv);
    setApplicationInfo();
    switch (status) {
    case CommandLine::Status::HelpRequested:
        std::fputs(commandLine.helpText().toLocal8Bit().constData(), stdout);
        std::fflush(stdout);
        return 0;
    case CommandLine::Status::VersionRequested:
        printLine(stdout, CommandLine::versionText());
        return 0;
    case CommandLine::Status::Error:
    case CommandLine::Status::Ok:
        break;
    }
    printLine(stderr, QStringLiteral("gatehouse: ") + commandLine.errorText());
    printLine(stderr, QStringLiteral("Try 'gatehouse --help' for more information."));
    return CommandLine::exitUsageError;
}

// Labels for the dashboard's per-API charts until the catalog names APIs:
// the first route of each API.
QHash<quint64, QString> apiNames(const gatehouse::gateway::config_snapshot& snapshot)
{
    QHash<quint64, QString> names;
    for (const auto& route : snapshot.routes) {
        if (route.api_id != 0 && !names.contains(route.api_id))
            names.insert(route.api_id, QString::fromStdString(route.id));
    }
    return names;
}

int runHeadless(int argc, char** argv, const CommandLineOptions& options)
{
    QCoreApplication app(argc, argv);
    setApplicationInfo();
    HeadlessRunner runner(options);
    return runner.exec();
}

int runCheckConfig(int argc, char** argv, const QString& path)
{
    QCoreApplication app(argc, argv);
    setApplicationInfo();
    QTextStream out(stdout), err(stderr);
    return checkConfigFile(path, out, err);
}

int runCatalogCommand(int argc, char** argv, const CommandLineOptions& options)
{
    QCoreApplication app(argc, argv);
    setApplicationInfo();
    QFile in, out, err;
    in.open(stdin, QIODevice::ReadOnly);
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    return CatalogCommand::run(options, in, out, err);
}

int runConsole(int argc, char** argv, const CommandLineOptions& options)
{
    QApplication app(argc, argv);
    setApplicationInfo();
    // Ties the windows to the installed desktop entry and its icon (on
    // Wayland by this id; on X11 by WM_CLASS, the application name), and
    // gives every window the icon, the sign-in dialog included.
    QGuiApplication::setDesktopFileName(gatehouse::ui::applicationId());
    QApplication::setWindowIcon(gatehouse::ui::applicationIcon());

    // Up: translators -> demo origin -> gateway controller -> window -> listeners.
    // The system locale, or the language chosen in Settings (applied at
    // start), for the texts and for dates and numbers alike.
    const gatehouse::ui::ConsoleTranslations translations(
        gatehouse::ui::ConsoleSettings::uiLocale());

    // Declaration order is the shut-down order in reverse: the window goes
    // first, then the catalog sync, the controller (gateway already drained
    // below), the origin the gateway was forwarding to, and last the catalog
    // database.
    CatalogService catalog;
    const CatalogStartup catalogStartup = startCatalog(catalog, options.databaseSpec);
    DemoWorkspace demo;
    GatewayController controller;
    GatewayConfigSync catalogSync(catalog, controller);
    TrafficGenerator traffic; // stops (and joins) before the gateway goes down
    SignalWatcher signalWatcher;
    // quit() outside exec() is ignored (e.g. SIGTERM while the sign-in dialog
    // is up): remember it, and quit once the event loop runs.
    bool terminationRequested = false;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app,
                     [&terminationRequested] {
                         terminationRequested = true;
                         QCoreApplication::quit();
                     });
    // Telemetry stops after the gateway (declared later, destroyed earlier,
    // but stopped explicitly below once the gateway has drained).
    TelemetryServiceOptions telemetryOptions;
    telemetryOptions.database = options.telemetryDatabase;
    TelemetryService telemetry(&controller, telemetryOptions);
    const bool telemetryStarted = telemetry.start();
    // Who acts in the console: the OS user's admin account in a local
    // workspace; on a shared catalog whoever signs in, or creates its first
    // admin when it has no users yet (nobody, if the dialog is cancelled:
    // the catalog pages then say they are unavailable).
    std::optional<Principal> actor = catalogStartup.localAdmin;
    if (catalog.isOpen() && catalogStartup.shared) {
        gatehouse::ui::SignInDialog signIn(&catalog, catalogStartup.location);
        QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &signIn,
                         &QDialog::reject);
        actor = signIn.exec() == QDialog::Accepted ? signIn.principal() : std::nullopt;
    }
    gatehouse::ui::MainWindow window(&controller);
    if (catalog.isOpen()) {
        window.setCatalogService(&catalog, actor);
        // "View as" is a demo of the roles on one's own machine; on a shared
        // catalog people sign in as themselves.
        window.teamsPage()->setViewAsAvailable(!catalogStartup.shared);
    }
    if (!telemetryStarted)
        window.showTelemetryUnavailable(telemetry.lastError());
    else if (telemetry.readOnly()) {
        printLine(stderr, QStringLiteral("gatehouse: ") + telemetry.readOnlyMessage());
        window.showTelemetryReadOnly(telemetry.readOnlyMessage());
    }
    // A catalog that cannot be used is reported and left alone; the gateway
    // still serves the demo workspace or --config file.
    if (!catalogStartup.error.isEmpty()) {
        printLine(stderr, QStringLiteral("gatehouse: ") + catalogStartup.error);
        window.showError(gatehouse::ui::domainMessageText(catalogStartup.errorMessage));
        if (!catalog.isOpen())
            window.showCatalogUnavailable(
                gatehouse::ui::domainMessageText(catalogStartup.errorMessage));
    } else if (!catalogStartup.warning.isEmpty()) {
        window.showError(gatehouse::ui::domainMessageText(catalogStartup.warningMessage));
    }
    window.followConfigSync(&catalogSync);

    gatehouse::gateway::gateway_options gatewayOptions = DemoWorkspace::defaultOptions();
    gatehouse::gateway::config_snapshot snapshot;
    bool haveConfig = false;
    if (!options.configFile.isEmpty()) {
        DeclarativeConfig config;
        if (config.loadFile(options.configFile)) {
            gatewayOptions = config.options();
            snapshot = config.snapshot();
            haveConfig = true;
        } else {
            printLine(stderr, QStringLiteral("gatehouse: ") + config.lastError());
            window.showError(config.lastError());
        }
    } else if (demo.startOrigin()) {
        snapshot = demo.snapshot();
        haveConfig = true;
        window.setDemoOriginUrl(demo.originUrl());
        traffic.setDemoOrigin(demo.origin());
    } else {
        window.showError(demo.lastError());
    }
    if (options.configFile.isEmpty()) {
        gatehouse::ui::ConsoleSettings::applyGatewayDefaults(gatewayOptions);
        // As set on the Gateway page; a --config file's own dns section
        // stands otherwise (until the page sets it for the running gateway).
        if (const auto interval = gatehouse::ui::ConsoleSettings::dnsRefreshInterval())
            controller.setDnsRefreshInterval(*interval);
    }
    if (options.listenSet) {
        gatewayOptions.listen_address = options.listenAddress.toStdString();
        gatewayOptions.port = options.listenPort;
    }
    if (options.threadsSet)
        gatewayOptions.threads = options.threads;
    controller.setOptions(gatewayOptions);
    if (telemetryStarted)
        window.setTelemetryService(&telemetry, apiNames(snapshot));

    window.setTrafficGenerator(&traffic);
    window.show();
    // Failures surface in the window through errorOccurred.
    if (haveConfig && controller.applyConfig(snapshot))
        controller.start();
    if (catalog.isOpen()) {
        // From here on every catalog change recompiles on top of `snapshot`.
        catalogSync.setBaseSnapshot(snapshot);
        // Other processes write behind this one's back (another console,
        // the catalog commands, another instance's admin API), on a local
        // file as on a shared catalog: polled. (This process's admin API
        // writes through `catalog`, which announces its changes itself.)
        catalogSync.setPollInterval(GatewayConfigSync::CatalogPollMs);
        catalogSync.recompileNow();
    }
    // The demo workspace: offered once on a first start with an empty local
    // catalog, and under Help later. Owned by the window.
    auto* demoOffer =
        new gatehouse::ui::DemoCatalogOffer(&catalog, catalogStartup.localAdmin, &traffic, &window);
    demoOffer->addTo(window.helpMenu());
    QObject::connect(demoOffer, &gatehouse::ui::DemoCatalogOffer::failed, &window,
                     &gatehouse::ui::MainWindow::showError);
    // The demo traffic key is one the console knows: Try It offers it for
    // the "Demo traffic" application (memory only, like every session key).
    if (gatehouse::app::SessionKeyWallet* wallet = window.keyWallet()) {
        QObject::connect(demoOffer, &gatehouse::ui::DemoCatalogOffer::created, wallet,
                         &gatehouse::app::SessionKeyWallet::adopt);
        QObject::connect(demoOffer, &gatehouse::ui::DemoCatalogOffer::trafficKeyReady, wallet,
                         &gatehouse::app::SessionKeyWallet::adopt);
    }
    // A demo workspace from an earlier run: a fresh key for its traffic,
    // held in memory only (the catalog keeps hashes, the settings nothing).
    demoOffer->restoreTrafficKey();
    if (options.demoCatalog)
        demoOffer->createIfEmpty(); // asked for on the command line: no question
    else
        demoOffer->offerOnFirstStart();

    // The admin REST API; a failure is shown, and the console runs on.
    GatewayAdminControl adminControl(&controller, telemetryStarted ? &telemetry : nullptr);
    AdminApi adminApi;
    if (options.adminEnabled) {
        AdminApi::Options adminOptions;
        adminOptions.catalog = &catalog; // its one connection; not open: refused
        adminControl.wire(adminOptions);
        adminOptions.address = options.adminAddress;
        adminOptions.port = options.adminPort;
        if (!adminApi.start(adminOptions)) {
            printLine(stderr, QStringLiteral("gatehouse: ") + adminApi.lastError());
            if (options.adminListenSet)
                window.showError(adminApi.lastError());
        } else {
            QUrl adminUrl;
            adminUrl.setScheme(QStringLiteral("http"));
            adminUrl.setHost(options.adminAddress);
            adminUrl.setPort(adminApi.port());
            window.gatewayPage()->setAdminApi(adminUrl, adminApi.tokenFile());
        }
    }

    if (terminationRequested)
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    const int exitCode = QCoreApplication::exec();

    // Down: admin API and demo traffic, then stop accepting and drain
    // (bounded), join the workers, then telemetry and the origin.
    adminApi.stop();
    traffic.stop();
    controller.stopAndWait(std::chrono::seconds(2));
    telemetry.stop(); // drains and commits the last call records
    demo.stopOrigin();
    return exitCode;
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    CommandLine commandLine;
    const CommandLine::Status status = commandLine.parse(arguments);
    if (status != CommandLine::Status::Ok)
        return reportCommandLine(argc, argv, commandLine, status);

    const CommandLineOptions& options = commandLine.options();
    if (!options.checkConfigFile.isEmpty())
        return runCheckConfig(argc, argv, options.checkConfigFile);
    if (options.catalogCommand != CatalogCommandKind::None)
        return runCatalogCommand(argc, argv, options);
    bool headless = options.headless || options.demoOriginOnly;
    if (!headless && !hasDisplay(arguments)) {
        printLine(stderr, QStringLiteral("No display found; starting headless."));
        headless = true;
    }
    return headless ? runHeadless(argc, argv, options) : runConsole(argc, argv, options);
}
