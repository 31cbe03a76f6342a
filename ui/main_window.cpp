// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/main_window.h"

#include "app/catalog_service.h"
#include "app/gateway_config_sync.h"
#include "app/session_key_wallet.h"
#include "app/telemetry/telemetry_service.h"
#include "ui/application_icon.h"
#include "ui/applications/applications_page.h"
#include "ui/approvals/approvals_page.h"
#include "ui/cache/cache_page.h"
#include "ui/call_logs/call_logs_page.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/catalog_page.h"
#include "ui/console_settings.h"
#include "ui/dashboard/dashboard_page.h"
#include "ui/dashboard/telemetry_dashboard_source.h"
#include "ui/gateway/gateway_page.h"
#include "ui/pages/placeholder_page.h"
#include "ui/pages/settings_page.h"
#include "ui/status_colors.h"
#include "ui/teams/role_text.h"
#include "ui/teams/teams_page.h"
#include "ui/traffic/traffic_panel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaEnum>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

using State = app::GatewayController::State;
constexpr int statusBarMessageMs = 10000;

} // namespace

MainWindow::MainWindow(app::GatewayController* controller, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
{
    Q_ASSERT(controller);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(applicationIcon());
    buildUi();
    buildMenus();
    buildStatusBar();

    connect(m_controller, &app::GatewayController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &app::GatewayController::statsUpdated, this, &MainWindow::onStatsUpdated);
    connect(m_controller, &app::GatewayController::errorOccurred, this, &MainWindow::showError);
    connect(m_gatewayPage, &GatewayPage::errorShown, this, &MainWindow::showError);
    connect(m_gatewayPage, &GatewayPage::tryItRequested, this, &MainWindow::showTryIt);

    onStateChanged(m_controller->state());
    onStatsUpdated(m_controller->lastSample());
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->setAutoFillBackground(true);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setAccessibleName(tr("Pages"));

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));

    const QStyle::StandardPixmap icons[PageCount] = {
        QStyle::SP_ComputerIcon,      QStyle::SP_FileDialogDetailedView,
        QStyle::SP_DesktopIcon,       QStyle::SP_DialogApplyButton,
        QStyle::SP_DirHomeIcon,       QStyle::SP_FileDialogContentsView,
        QStyle::SP_DriveHDIcon,       QStyle::SP_DriveNetIcon,
        QStyle::SP_FileDialogInfoView};
    int widest = 0;
    for (int i = 0; i < PageCount; ++i) {
        const auto page = static_cast<Page>(i);
        auto* item = new QListWidgetItem(style()->standardIcon(icons[i]), pageTitle(page));
        item->setData(Qt::UserRole, pageId(page));
        item->setSizeHint(QSize(0, qMax(32, fontMetrics().height() + 14)));
        m_navigation->addItem(item);
        widest = qMax(widest, fontMetrics().horizontalAdvance(pageTitle(page)));
        if (page == Approvals) // room for a pending count
            widest = qMax(widest, fontMetrics().horizontalAdvance(
                                      tr("%1 (%2)").arg(pageTitle(page), QStringLiteral("999"))));
        m_pages->addWidget(createPage(page));
    }
    m_navigation->setFixedWidth(widest + 20 + 48);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    auto* right = new QWidget(central);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    m_error = new QLabel(right);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel#errorLabel { border: 1px solid %1;"
                                          " border-radius: 4px; padding: 6px 8px; margin: 8px 16px"
                                          " 0px 16px; color: %1; }")
                               .arg(StatusColors::bad().name()));
    m_error->setVisible(false);
    rightLayout->addWidget(m_error);
    m_viewAsBanner = new QLabel(right);
    m_viewAsBanner->setObjectName(QStringLiteral("viewAsBanner"));
    m_viewAsBanner->setWordWrap(true);
    m_viewAsBanner->setStyleSheet(QStringLiteral("QLabel#viewAsBanner { background: %1;"
                                                 " color: black; font-weight: bold;"
                                                 " padding: 6px 8px; margin: 8px 16px 0px 16px; }")
                                      .arg(StatusColors::warning().name()));
    m_viewAsBanner->setVisible(false);
    rightLayout->addWidget(m_viewAsBanner);
    rightLayout->addWidget(m_pages, 1);

    layout->addWidget(m_navigation);
    auto* separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Plain);
    separator->setForegroundRole(QPalette::Mid);
    layout->addWidget(separator);
    layout->addWidget(right, 1);
    setCentralWidget(central);
    m_navigation->setCurrentRow(Dashboard);
}

QWidget* MainWindow::createPage(Page page)
{
    switch (page) {
    case Dashboard:
        m_dashboard = new DashboardPage(m_controller, m_pages);
        return m_dashboard;
    case Gateway:
        m_gatewayPage = new GatewayPage(m_controller, m_pages);
        return m_gatewayPage;
    case Settings:
        m_settingsPage = new SettingsPage(m_pages);
        return m_settingsPage;
    case Catalog:
        return new PlaceholderPage(
            pageTitle(page),
            tr("Browse every API your teams publish: versions, owners, lifecycle and "
               "documentation, in one searchable catalog."),
            catalogUnavailableText(), m_pages);
    case Applications:
        return new PlaceholderPage(pageTitle(page),
                                   tr("Register the applications that call your APIs, manage "
                                      "their keys and see what each one subscribes to."),
                                   catalogUnavailableText(), m_pages);
    case Approvals:
        return new PlaceholderPage(pageTitle(page),
                                   tr("Review subscription requests and approve or reject them, "
                                      "with a record of who decided what and when."),
                                   catalogUnavailableText(), m_pages);
    case Teams:
        return new PlaceholderPage(pageTitle(page),
                                   tr("Organise people into teams with roles, so each team "
                                      "manages its own APIs and applications."),
                                   catalogUnavailableText(), m_pages);
    case CallLogs:
        return new PlaceholderPage(pageTitle(page),
                                   tr("Search and inspect individual API calls: method, path, "
                                      "status, latency, cache outcome and the calling "
                                      "application."),
                                   callLogUnavailableText(), m_pages);
    case Cache:
        m_cachePage = new CachePage(m_controller, m_pages);
        return m_cachePage;
    case PageCount:
        break;
    }
    return new QWidget(m_pages);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&Gateway"));
    m_startAction =
        file->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start Gateway"));
    m_startAction->setObjectName(QStringLiteral("startAction"));
    connect(m_startAction, &QAction::triggered, m_gatewayPage, &GatewayPage::start);
    m_stopAction =
        file->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top Gateway"));
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    connect(m_stopAction, &QAction::triggered, m_gatewayPage, &GatewayPage::stop);
    m_restartAction =
        file->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Restart Gateway"));
    m_restartAction->setObjectName(QStringLiteral("restartAction"));
    m_restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_restartAction, &QAction::triggered, m_gatewayPage, &GatewayPage::restart);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // close() first, so geometry is saved and the window can veto.
    connect(quit, &QAction::triggered, this, [this] {
        if (close())
            QCoreApplication::quit();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    for (int i = 0; i < PageCount; ++i) {
        const auto page = static_cast<Page>(i);
        QAction* go = view->addAction(m_navigation->item(i)->icon(), pageTitle(page));
        go->setObjectName(QStringLiteral("show%1Action").arg(pageId(page)));
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, page] { setCurrentPage(page); });
    }
    view->addSeparator();
    QAction* refreshAction = view->addAction(tr("&Refresh"));
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    QAction* about = help->addAction(tr("&About Gatehouse"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Gatehouse"),
                           tr("<h3>Gatehouse %1</h3><p>An API management console with an "
                              "embedded API gateway.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::buildStatusBar()
{
    auto addPermanent = [this](const QString& objectName) {
        auto* label = new QLabel(this);
        label->setObjectName(objectName);
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    m_statusState = addPermanent(QStringLiteral("statusBarStateLabel"));
    m_statusAddress = addPermanent(QStringLiteral("statusBarAddressLabel"));
    m_statusRate = addPermanent(QStringLiteral("statusBarRateLabel"));
    m_statusHitRatio = addPermanent(QStringLiteral("statusBarHitRatioLabel"));
}

void MainWindow::setTelemetryService(app::TelemetryService* service,
                                     const QHash<quint64, QString>& apiNames)
{
    m_telemetry = service;
    if (m_catalogPage)
        m_catalogPage->setTelemetryService(service);
    auto* source = new TelemetryDashboardSource(service, this);
    m_telemetrySource = source;
    source->setApiNames(apiNames);
    m_cachePage->setApiNames(apiNames);
    m_gatewayPage->setApiNames(apiNames);
    if (service->readOnly())
        m_dashboard->setNotRecordedReason(service->readOnlyMessage());
    connect(service, &app::TelemetryService::readOnlyChanged, this,
            &MainWindow::onTelemetryReadOnlyChanged);
    connect(service, &app::TelemetryService::readOnlyMessageChanged, this,
            [this](const QString& message) {
                // The banner may show something newer by now: leave that.
                if (m_showingTelemetryReadOnly)
                    showTelemetryReadOnly(message);
                else
                    m_dashboard->setNotRecordedReason(message);
            });
    m_dashboard->setTrendSource(source);
    m_dashboard->setLiveMetricsSource(source);
    if (!m_callLogsPage) {
        m_callLogsPage = new CallLogsPage(service, m_pages);
        replacePlaceholder(CallLogs, m_callLogsPage);
    }
    m_callLogsPage->setApiNames(apiNames);
    m_callLogsPage->setApplicationNames(m_applicationNames);
}

void MainWindow::setApiNames(const QHash<quint64, QString>& names)
{
    if (m_telemetrySource)
        m_telemetrySource->setApiNames(names);
    m_cachePage->setApiNames(names);
    m_gatewayPage->setApiNames(names);
    if (m_callLogsPage)
        m_callLogsPage->setApiNames(names);
}

void MainWindow::setApplicationNames(const QHash<quint64, QString>& names)
{
    m_applicationNames = names;
    if (m_callLogsPage)
        m_callLogsPage->setApplicationNames(names);
}

void MainWindow::followConfigSync(app::GatewayConfigSync* sync)
{
    connect(sync, &app::GatewayConfigSync::apiNamesChanged, this, &MainWindow::setApiNames);
    connect(sync, &app::GatewayConfigSync::applicationNamesChanged, this,
            &MainWindow::setApplicationNames);
    connect(sync, &app::GatewayConfigSync::compileFailed, this,
            [this](const QString& reason) { showError(reason); });
    connect(sync, &app::GatewayConfigSync::configApplied, this, &MainWindow::showConfigWarnings);
    // A host name that fails to resolve is only known once the lookup ends.
    connect(sync, &app::GatewayConfigSync::warningsChanged, this, &MainWindow::showConfigWarnings);
}

void MainWindow::showTelemetryUnavailable(const QString& reason)
{
    const QString message =
        tr("Call logging is off: the telemetry database could not be opened (%1).").arg(reason);
    showError(message);
    m_dashboard->setNotRecordedReason(message);
    if (!m_callLogsPage)
        setPlaceholderStatus(CallLogs, callLogUnavailableText(reason));
}

void MainWindow::showCatalogUnavailable(const QString& reason)
{
    if (m_catalogPage)
        return; // the catalog is open after all: its pages are there
    for (const Page page : {Catalog, Applications, Approvals, Teams})
        setPlaceholderStatus(page, catalogUnavailableText(reason));
}

QString MainWindow::catalogUnavailableText(const QString& reason)
{
    return reason.isEmpty()
               ? tr("This page is unavailable: the catalog is not open.")
               : tr("This page is unavailable. The catalog could not be opened: %1").arg(reason);
}

QString MainWindow::callLogUnavailableText(const QString& reason)
{
    return reason.isEmpty()
               ? tr("This page is unavailable: the call log is not open.")
               : tr("This page is unavailable. The call log could not be opened: %1").arg(reason);
}

void MainWindow::setPlaceholderStatus(Page page, const QString& status)
{
    if (auto* placeholder = qobject_cast<PlaceholderPage*>(m_pages->widget(page)))
        placeholder->setStatus(status);
}

void MainWindow::showTelemetryReadOnly(const QString& message)
{
    // The message is translated where the holder is known (TelemetryService).
    showError(message);
    m_showingTelemetryReadOnly = true;
    m_dashboard->setNotRecordedReason(message);
}

void MainWindow::onTelemetryReadOnlyChanged(bool readOnly)
{
    if (readOnly) {
        showTelemetryReadOnly(m_telemetry ? m_telemetry->readOnlyMessage() : QString());
        return;
    }
    m_dashboard->setNotRecordedReason(QString());
    if (m_showingTelemetryReadOnly)
        clearError();
    statusBar()->showMessage(tr("The other Gatehouse writing the call logs has stopped: this "
                                "instance now records its calls."),
                             statusBarMessageMs);
}

void MainWindow::showTryIt(qint64 apiId)
{
    if (!m_catalogPage)
        return;
    setCurrentPage(Catalog);
    m_catalogPage->selectApi(apiId);
    m_catalogPage->detailPane()->tabs()->setCurrentIndex(ApiDetailPane::TryIt);
}

void MainWindow::setDemoOriginUrl(const QUrl& url)
{
    m_gatewayPage->setDemoOriginUrl(url);
}

void MainWindow::showError(const QString& message)
{
    m_showingConfigWarnings = false;
    m_showingTelemetryReadOnly = false;
    m_error->setText(message);
    m_error->setVisible(true);
    statusBar()->showMessage(message, statusBarMessageMs);
}

void MainWindow::showConfigWarnings(const QStringList& warnings)
{
    if (warnings.isEmpty()) {
        if (m_showingConfigWarnings)
            clearError();
        return;
    }
    showError(
        tr("The catalog is applied with warnings: %1").arg(warnings.join(QStringLiteral("; "))));
    m_showingConfigWarnings = true;
}

void MainWindow::clearError()
{
    m_showingConfigWarnings = false;
    m_showingTelemetryReadOnly = false;
    m_error->clear();
    m_error->setVisible(false);
}

void MainWindow::setCatalogService(app::CatalogService* catalog,
                                   std::optional<app::Principal> actor)
{
    if (m_approvalsPage || !catalog)
        return;
    m_approvalsPage = new ApprovalsPage(catalog, actor, m_pages);
    replacePlaceholder(Approvals, m_approvalsPage);
    m_keyWallet = new app::SessionKeyWallet(catalog, this);
    m_applicationsPage = new ApplicationsPage(catalog, actor, m_pages);
    m_applicationsPage->setKeyWallet(m_keyWallet);
    replacePlaceholder(Applications, m_applicationsPage);
    m_catalogPage = new CatalogPage(catalog, actor, m_controller, m_pages);
    m_catalogPage->setKeyWallet(m_keyWallet);
    m_catalogPage->setTelemetryService(m_telemetry);
    replacePlaceholder(Catalog, m_catalogPage);
    m_gatewayPage->setTryItAvailable(true);
    // The badge counts what the acting user may decide (the inbox), not
    // every pending request in the catalog.
    connect(m_approvalsPage, &ApprovalsPage::inboxCountChanged, this,
            &MainWindow::setPendingApprovals);
    connect(m_approvalsPage, &ApprovalsPage::mayDecideChanged, this,
            &MainWindow::setApprovalsShown);
    setApprovalsShown(m_approvalsPage->mayDecide());
    catalog->refreshPendingApprovals();

    m_teamsPage = new TeamsPage(catalog, actor, m_pages);
    replacePlaceholder(Teams, m_teamsPage);
    connect(m_teamsPage, &TeamsPage::actingPrincipalChanged, this,
            &MainWindow::onActingPrincipalChanged);
    connect(this, &MainWindow::actingPrincipalChanged, m_approvalsPage, &ApprovalsPage::setActor);
    connect(this, &MainWindow::actingPrincipalChanged, m_applicationsPage,
            &ApplicationsPage::setActor);
    connect(this, &MainWindow::actingPrincipalChanged, m_catalogPage, &CatalogPage::setActor);
}

void MainWindow::onActingPrincipalChanged(const app::Principal& principal)
{
    const bool viewing = m_teamsPage && m_teamsPage->isViewingAs();
    m_viewAsBanner->setText(
        viewing ? tr("Viewing as %1 (%2): a demo of what this role sees and may do. Switch back "
                     "under Teams > View as.")
                      .arg(principal.name, RoleText::role(principal.role))
                : QString());
    m_viewAsBanner->setVisible(viewing);
    emit actingPrincipalChanged(principal);
}

// Swaps the placeholder of `page` for the real page once the service it
// needs exists, keeping the page current if it was.
void MainWindow::replacePlaceholder(Page page, QWidget* widget)
{
    QWidget* placeholder = m_pages->widget(page);
    const bool current = m_pages->currentIndex() == page;
    m_pages->insertWidget(page, widget);
    m_pages->removeWidget(placeholder);
    delete placeholder;
    if (current)
        m_pages->setCurrentIndex(page);
}

// The approvals page lists only what the acting user may decide: to whoever
// decides nothing it would always be empty (their own requests are on the
// Applications page), so it leaves the sidebar and the View menu.
void MainWindow::setApprovalsShown(bool shown)
{
    m_navigation->item(Approvals)->setHidden(!shown);
    if (auto* go = findChild<QAction*>(QStringLiteral("show%1Action").arg(pageId(Approvals))))
        go->setVisible(shown);
    if (!shown && currentPage() == Approvals)
        setCurrentPage(Applications);
}

void MainWindow::setPendingApprovals(int count)
{
    m_pendingApprovals = count;
    QListWidgetItem* item = m_navigation->item(Approvals);
    item->setText(navigationTitle(Approvals));
    item->setToolTip(count > 0 ? tr("Subscription requests waiting for a decision: %1").arg(count)
                               : QString());
}

QString MainWindow::navigationTitle(Page page) const
{
    if (page == Approvals && m_pendingApprovals > 0)
        return tr("%1 (%2)").arg(pageTitle(page), QLocale().toString(m_pendingApprovals));
    return pageTitle(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(qBound(0, m_pages->currentIndex(), PageCount - 1));
}

void MainWindow::setCurrentPage(Page page)
{
    if (page >= 0 && page < PageCount)
        m_navigation->setCurrentRow(page);
}

QString MainWindow::pageTitle(Page page) const
{
    switch (page) {
    case Dashboard:
        return tr("Dashboard");
    case Catalog:
        return tr("Catalog");
    case Applications:
        return tr("Applications");
    case Approvals:
        return tr("Approvals");
    case Teams:
        return tr("Teams");
    case CallLogs:
        return tr("Call Logs");
    case Cache:
        return tr("Cache");
    case Gateway:
        return tr("Gateway");
    case Settings:
        return tr("Settings");
    case PageCount:
        break;
    }
    return {};
}

QString MainWindow::pageId(Page page)
{
    return QString::fromLatin1(QMetaEnum::fromType<Page>().valueToKey(page));
}

void MainWindow::refresh()
{
    m_controller->pollStats();
    if (currentPage() == Dashboard)
        m_dashboard->refresh();
    else if (currentPage() == Settings)
        m_settingsPage->load();
    else if (currentPage() == CallLogs && m_callLogsPage)
        m_callLogsPage->applyFilter();
    else if (currentPage() == Teams && m_teamsPage)
        m_teamsPage->reload();
    else if (currentPage() == Catalog && m_catalogPage)
        m_catalogPage->reload();
    else if (currentPage() == Applications && m_applicationsPage)
        m_applicationsPage->reload();
    else if (currentPage() == Approvals && m_approvalsPage)
        m_approvalsPage->reload();
    else if (currentPage() == Cache)
        m_cachePage->refresh();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::onStateChanged(State state)
{
    QString text;
    switch (state) {
    case State::Stopped:
        text = tr("Gateway stopped");
        break;
    case State::Starting:
        text = tr("Gateway starting…");
        break;
    case State::Running:
        text = tr("Gateway running");
        break;
    case State::Stopping:
        text = tr("Gateway stopping…");
        break;
    }
    m_statusState->setText(text);
    const bool stopped = state == State::Stopped;
    const bool running = state == State::Running;
    m_startAction->setEnabled(stopped);
    m_stopAction->setEnabled(running);
    m_restartAction->setEnabled(running || stopped);

    const QUrl url = m_controller->listenUrl();
    m_statusAddress->setText(url.isEmpty() ? tr("Not listening") : url.toString());
    if (running) {
        clearError();
        statusBar()->showMessage(tr("Gateway started on %1.").arg(url.toString()),
                                 statusBarMessageMs);
    } else if (stopped) {
        if (m_controller->lastError().isEmpty() || !m_error->isVisible())
            statusBar()->showMessage(tr("Gateway stopped."), statusBarMessageMs);
    }
    onStatsUpdated(m_controller->lastSample());
}

void MainWindow::onStatsUpdated(const app::GatewayStatsSample& sample)
{
    const QLocale locale;
    const bool running = m_controller->state() == State::Running;
    m_statusRate->setText(
        tr("%1 req/s").arg(locale.toString(running ? sample.requestsPerSecond : 0.0, 'f', 1)));
    const double ratio = m_dashboard->hitRatio();
    m_statusHitRatio->setText(
        tr("Hit ratio: %1")
            .arg(ratio < 0.0 ? QStringLiteral("–")
                             : tr("%1 %").arg(locale.toString(ratio * 100.0, 'f', 1))));
}

void MainWindow::setTrafficGenerator(app::TrafficGenerator* generator)
{
    if (!generator || m_trafficPanel)
        return;
    m_trafficPanel = new TrafficPanel(generator, m_controller);
    connect(m_trafficPanel, &TrafficPanel::errorShown, this, [this](const QString& message) {
        statusBar()->showMessage(message, statusBarMessageMs);
    });
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("trafficScrollArea"));
    scroll->setWidget(m_trafficPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Wide enough for the panel next to a vertical scroll bar: nothing clipped.
    scroll->setMinimumWidth(m_trafficPanel->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    m_trafficDock = new QDockWidget(tr("Demo Traffic"), this);
    m_trafficDock->setObjectName(QStringLiteral("trafficDock")); // saveState() needs the name
    m_trafficDock->setWidget(scroll);
    m_trafficDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_trafficDock);
    m_trafficDock->hide(); // until the user (or the saved layout) opens it

    QAction* toggle = m_trafficDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("showTrafficAction"));
    toggle->setText(tr("Demo &Traffic"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(toggle);

    // The dock did not exist when the window restored its layout.
    restoreState(QSettings().value(ConsoleSettings::windowStateKey()).toByteArray());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(ConsoleSettings::geometryKey()).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        // Wide enough for the catalog's table and its detail pane side by
        // side without scrolling, where the screen has room for it.
        resize(QSize(1420, 860).boundedTo(screen()->availableSize() * 0.9));
    restoreState(settings.value(ConsoleSettings::windowStateKey()).toByteArray());
    const QString last = settings.value(ConsoleSettings::lastPageKey()).toString();
    for (int i = 0; i < PageCount; ++i) {
        if (pageId(static_cast<Page>(i)) == last)
            setCurrentPage(static_cast<Page>(i));
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(ConsoleSettings::geometryKey(), saveGeometry());
    settings.setValue(ConsoleSettings::windowStateKey(), saveState());
    settings.setValue(ConsoleSettings::lastPageKey(), pageId(currentPage()));
}

} // namespace gatehouse::ui
