// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_snapshot.h"
#include "app/gateway_controller.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

namespace gatehouse::ui {

class CacheActionsPanel;
class CacheApiModel;
class CacheEventModel;
class RankingBarChart;

// What the gateway's response cache holds: objects, bytes used against the
// budget, the hit ratio per API (a sortable table), the eviction policy and
// budget, purge actions and the recently stored / evicted entries. Polls the
// controller's cheap cache snapshot once a second while visible (and right
// after each action); purges and settings changes run off the GUI thread.
class CachePage : public QWidget {
    Q_OBJECT

public:
    explicit CachePage(app::GatewayController* controller, QWidget* parent = nullptr);
    ~CachePage() override;

    // Display names by catalog API id (the cache keys APIs by id).
    void setApiNames(const QHash<quint64, QString>& names);

    CacheApiModel* apiModel() const { return m_apiModel; }
    CacheEventModel* eventModel() const { return m_eventModel; }
    RankingBarChart* hitRatioChart() const { return m_hitRatioChart; }
    CacheActionsPanel* actions() const { return m_actions; }
    app::CacheSnapshot lastSnapshot() const { return m_snapshot; }

    static constexpr int refreshIntervalMs = 1000;
    static constexpr int recentEventCount = 100;
    // With less room than this beside the usage figures (in the page's
    // language), the hit-ratio chart is hidden rather than squeezed until its
    // title and axis are cut (the table has the same figures).
    static constexpr int chartMinimumWidth = 300;
    // From this share of the descriptor budget on, the bodies-in-files line
    // is shown as a warning.
    static constexpr int bodyFilesWarningPercent = 90;
    // What the gateway keeps in files (gateway::cache::body_file_limits).
    static constexpr qint64 bodyFileMinBytes = 16 * 1024;

    // Shows `snapshot` as if the controller had just given it (refresh()
    // takes one and shows it).
    void showSnapshot(const app::CacheSnapshot& snapshot);

public slots:
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildUi();
    void onSelectionChanged();
    void updateHitRatioChart();
    void showBodyFiles(const app::CacheSnapshot& snapshot);

    app::GatewayController* m_controller;
    CacheApiModel* m_apiModel;
    CacheEventModel* m_eventModel;
    QSortFilterProxyModel* m_apiProxy;
    QTimer m_timer;
    app::CacheSnapshot m_snapshot;

    QLabel* m_objects = nullptr;
    QProgressBar* m_budgetBar = nullptr;
    QLabel* m_usage = nullptr;
    QLabel* m_bodyFiles = nullptr;
    QLabel* m_hitRatio = nullptr;
    QLabel* m_activity = nullptr;
    QLabel* m_eviction = nullptr;
    RankingBarChart* m_hitRatioChart = nullptr;
    QGroupBox* m_usageGroup = nullptr; // the figures, and the chart beside them
    QFormLayout* m_usageForm = nullptr;
    QTableView* m_apiTable = nullptr;
    QTableView* m_eventTable = nullptr;
    CacheActionsPanel* m_actions = nullptr;
};

} // namespace gatehouse::ui
