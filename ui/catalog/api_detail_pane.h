// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_browser.h"

#include <QMap>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace gatehouse::app {
class GatewayController;
class TelemetryService;
} // namespace gatehouse::app

namespace gatehouse::ui {

class ApiAnalyticsPanel;
class CachePolicyForm;
class TryItPanel;

// The selected API in full: an overview (description, team, versions with
// links between them, base path, targets, plans), its routes, the
// operations of its OpenAPI document, its subscribers, its cache policy and
// a panel to try it through the gateway, and its own traffic from the
// telemetry rollups. The lifecycle buttons show only
// the actions the domain allows the actor (ApiCatalog::allowedActions).
class ApiDetailPane : public QWidget {
    Q_OBJECT

public:
    enum Tab { Overview, Routes, Documentation, Subscribers, Cache, TryIt, Analytics };

    explicit ApiDetailPane(app::GatewayController* gateway, QWidget* parent = nullptr);

    void showDetails(const app::ApiDetails& details);
    void showNote(const QString& note); // nothing selected: says why
    bool hasApi() const { return m_details.entry.has_value(); }
    const app::ApiDetails& details() const { return m_details; }

    QTabWidget* tabs() const { return m_tabs; }
    TryItPanel* tryIt() const { return m_tryIt; }
    ApiAnalyticsPanel* analytics() const { return m_analytics; }
    // Not owned; null: the Analytics tab says it has no data source.
    void setTelemetryService(app::TelemetryService* service);
    QPushButton* exportButton() const { return m_export; }
    QPushButton* actionButton(app::ApiAction action) const { return m_actions.value(action); }
    QTreeWidget* operationsTree() const { return m_operations; }
    QTableWidget* routesTable() const { return m_routes; }
    QTableWidget* subscribersTable() const { return m_subscribers; }
    QLabel* versionsLabel() const { return m_versions; }
    CachePolicyForm* cachePolicyForm() const { return m_cacheForm; }
    QString heading() const;

    static QString actionText(app::ApiAction action);

signals:
    void versionActivated(qint64 apiId);
    void actionRequested(app::ApiAction action);
    void cachePolicySaveRequested(const QString& cachePolicy);
    void exportRequested();

private:
    QWidget* buildOverview();
    QWidget* buildRoutes();
    QWidget* buildDocumentation();
    QWidget* buildSubscribers();
    QWidget* buildCache();
    QLabel* addRow(QFormLayout* form, const QString& label, const char* name);
    void fillOverview(const app::CatalogEntry& entry);
    void fillRoutes(const app::ApiDefinition& api);
    void fillDocumentation();
    void fillSubscribers();
    // The tooltip of a list that could not be read: the database's own
    // message for a storage error, nothing for any other refusal.
    static QString storageDetails(app::DomainErrorCode code, const app::DomainMessage& error);
    void fillCache(const app::CatalogEntry& entry, bool sameApi);

    app::ApiDetails m_details;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_badge = nullptr;
    QMap<app::ApiAction, QPushButton*> m_actions;
    QTabWidget* m_tabs = nullptr;
    QFormLayout* m_overviewForm = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_team = nullptr;
    QLabel* m_visibility = nullptr;
    QLabel* m_auth = nullptr;
    QLabel* m_keyQuery = nullptr; // visible when the API takes keys in the URL
    QLabel* m_basePath = nullptr;
    QLabel* m_versions = nullptr;
    QLabel* m_lifecycle = nullptr;
    QLabel* m_upstreams = nullptr;
    QLabel* m_tags = nullptr;
    QLabel* m_plans = nullptr;
    QLabel* m_updated = nullptr;
    QTableWidget* m_routes = nullptr;
    QLabel* m_docNote = nullptr;
    QTreeWidget* m_operations = nullptr;
    QLabel* m_subscribersNote = nullptr;
    QTableWidget* m_subscribers = nullptr;
    QLabel* m_cacheSummary = nullptr;
    CachePolicyForm* m_cacheForm = nullptr;
    TryItPanel* m_tryIt = nullptr;
    ApiAnalyticsPanel* m_analytics = nullptr;
    QPushButton* m_export = nullptr;
};

} // namespace gatehouse::ui
