// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"
#include "app/gateway_controller.h"
#include "app/traffic_generator.h"

#include <QHash>
#include <QMainWindow>
#include <QUrl>

#include <optional>

class QAction;
class QMenu;
class QDockWidget;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace gatehouse::app {
class CatalogService;
class SessionKeyWallet;
class GatewayConfigSync;
class TelemetryService;
} // namespace gatehouse::app

namespace gatehouse::ui {

class CachePage;
class CallLogsPage;
class CatalogPage;
class TelemetryDashboardSource;
class ApplicationsPage;
class ApprovalsPage;
class DashboardPage;
class GatewayPage;
class SettingsPage;
class TeamsPage;
class TrafficPanel;

// The console's main window: a sidebar of pages, a status bar with the
// gateway's state, address, request rate and hit ratio, and menus with
// keyboard shortcuts. All live numbers come from GatewayController's stats
// samples (and the providers set on the dashboard); the window never asks
// the gateway itself. Geometry and the last page are kept in QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // In sidebar order; Ctrl+1 ... Ctrl+9 follow it.
    enum Page {
        Dashboard,
        Catalog,
        Applications,
        Approvals,
        Teams,
        CallLogs,
        Cache,
        Gateway,
        Settings,
        PageCount
    };
    Q_ENUM(Page)

    explicit MainWindow(app::GatewayController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Where the embedded demo origin listens; shown with example URLs.
    void setDemoOriginUrl(const QUrl& url);
    // Feeds the dashboard's cache, latency, per-API and trend charts, the
    // call logs and the catalog's per-API analytics. Not owned; must
    // outlive the window. `apiNames` labels API ids.
    void setTelemetryService(app::TelemetryService* service,
                             const QHash<quint64, QString>& apiNames = {});
    // Replaces the Catalog, Applications, Approvals and Teams placeholders
    // with the real pages acting as `actor`, and keeps the sidebar's pending
    // count up to date. `catalog` is not owned and must outlive the window.
    void setCatalogService(app::CatalogService* catalog, std::optional<app::Principal> actor);
    CatalogPage* catalogPage() const { return m_catalogPage; }
    // The keys issued through the console in this run (memory only), which
    // Try It sends; null until the catalog is set.
    app::SessionKeyWallet* keyWallet() const { return m_keyWallet; }
    ApprovalsPage* approvalsPage() const { return m_approvalsPage; }
    ApplicationsPage* applicationsPage() const { return m_applicationsPage; }
    // Teams, users and (a tab of it) the audit log; null until the catalog is set.
    TeamsPage* teamsPage() const { return m_teamsPage; }
    // Shown above every page while the Teams page's "view as" demo acts as
    // someone else than the signed-in user.
    QLabel* viewAsBanner() const { return m_viewAsBanner; }
    int pendingApprovals() const { return m_pendingApprovals; }

    // Labels for API ids on the dashboard, the cache page and the gateway
    // page's upstream health (the catalog's names once it is compiled).
    void setApiNames(const QHash<quint64, QString>& names);
    // Labels for application ids in the call logs.
    void setApplicationNames(const QHash<quint64, QString>& names);
    // Follows the catalog's compiles: API and application names for the
    // dashboard, cache page and call logs; failures and warnings in the
    // error banner. `sync` is not owned.
    void followConfigSync(app::GatewayConfigSync* sync);
    // The telemetry database could not be opened: calls are not logged. In
    // the banner, and on the dashboard's dropped-records tile.
    void showTelemetryUnavailable(const QString& reason);
    // The catalog could not be opened: its pages (catalog, applications,
    // approvals, teams) say so, with `reason`, instead of showing it.
    void showCatalogUnavailable(const QString& reason);
    // Another Gatehouse writes the call logs (TelemetryService::readOnly()):
    // in the banner and on the dashboard, until this instance takes the
    // call log over (TelemetryService::readOnlyChanged, followed once the
    // service is set).
    void showTelemetryReadOnly(const QString& message);

    // Adds the demo traffic panel as a dock (View > Demo Traffic, Ctrl+T).
    // The generator is not owned and must outlive the window.
    void setTrafficGenerator(app::TrafficGenerator* generator);
    TrafficPanel* trafficPanel() const { return m_trafficPanel; }
    QDockWidget* trafficDock() const { return m_trafficDock; }

    // An error banner above every page (and the status bar); cleared by a
    // successful start.
    void showError(const QString& message);
    void clearError();
    // What the last catalog apply left out or could not reach (e.g. an
    // upstream host that does not resolve), in the same banner; an apply
    // without warnings takes the banner down again.
    void showConfigWarnings(const QStringList& warnings);

    Page currentPage() const;
    void setCurrentPage(Page page);
    QString pageTitle(Page page) const;
    static QString pageId(Page page); // untranslated, for settings and file names

    DashboardPage* dashboard() const { return m_dashboard; }
    GatewayPage* gatewayPage() const { return m_gatewayPage; }
    CachePage* cachePage() const { return m_cachePage; }
    CallLogsPage* callLogsPage() const { return m_callLogsPage; }
    SettingsPage* settingsPage() const { return m_settingsPage; }
    QMenu* helpMenu() const { return m_helpMenu; }

public slots:
    void refresh();
    // The catalog page, with this API selected and its Try It tab open.
    void showTryIt(qint64 apiId);

signals:
    // Who the console acts as changed: the "view as" demo of a local
    // workspace switched to a user with another role, or back.
    void actingPrincipalChanged(const app::Principal& principal);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void buildStatusBar();
    QWidget* createPage(Page page);
    void replacePlaceholder(Page page, QWidget* widget);
    void setApprovalsShown(bool shown);
    // What a placeholder says while its page's service is missing.
    void setPlaceholderStatus(Page page, const QString& status);
    static QString catalogUnavailableText(const QString& reason = {});
    static QString callLogUnavailableText(const QString& reason = {});
    void setPendingApprovals(int count);
    void onActingPrincipalChanged(const app::Principal& principal);
    QString navigationTitle(Page page) const;
    void onStateChanged(app::GatewayController::State state);
    void onTelemetryReadOnlyChanged(bool readOnly);
    void onStatsUpdated(const app::GatewayStatsSample& sample);
    void restoreSettings();
    void saveSettings() const;

    app::GatewayController* m_controller;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_error = nullptr;
    DashboardPage* m_dashboard = nullptr;
    GatewayPage* m_gatewayPage = nullptr;
    CachePage* m_cachePage = nullptr;
    CallLogsPage* m_callLogsPage = nullptr;
    SettingsPage* m_settingsPage = nullptr;
    ApprovalsPage* m_approvalsPage = nullptr;
    ApplicationsPage* m_applicationsPage = nullptr;
    TeamsPage* m_teamsPage = nullptr;
    QLabel* m_viewAsBanner = nullptr;
    CatalogPage* m_catalogPage = nullptr;
    app::SessionKeyWallet* m_keyWallet = nullptr;
    int m_pendingApprovals = 0;
    bool m_showingConfigWarnings = false;
    bool m_showingTelemetryReadOnly = false;    // the banner says another instance records
    QHash<quint64, QString> m_applicationNames; // for a call-log page created later
    TrafficPanel* m_trafficPanel = nullptr;
    TelemetryDashboardSource* m_telemetrySource = nullptr;
    app::TelemetryService* m_telemetry = nullptr; // for a catalog page created later
    QDockWidget* m_trafficDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;

    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_restartAction = nullptr;
    QLabel* m_statusState = nullptr;
    QLabel* m_statusAddress = nullptr;
    QLabel* m_statusRate = nullptr;
    QLabel* m_statusHitRatio = nullptr;
};

} // namespace gatehouse::ui
