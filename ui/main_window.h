// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/gateway_controller.h"

#include <QMainWindow>
#include <QUrl>

class QAction;
class QFormLayout;
class QGridLayout;
class QLabel;
class QPushButton;

namespace gatehouse::ui {

// The console's main window: gateway start/stop, where it listens, and live
// traffic counters. All numbers come from GatewayController::statsUpdated;
// the window never asks the gateway itself.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(app::GatewayController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Where the embedded demo origin listens; shown with example URLs.
    void setDemoOriginUrl(const QUrl& url);

    // An inline error banner (and the status bar); cleared by a successful start.
    void showError(const QString& message);
    void clearError();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    QLabel* addTile(QGridLayout* grid, int row, int column, const QString& title,
                    const QString& objectName);
    void onStateChanged(app::GatewayController::State state);
    void onStatsUpdated(const app::GatewayStatsSample& sample);
    void updateHint();
    void restoreSettings();
    void saveSettings() const;

    app::GatewayController* m_controller;
    QUrl m_demoOriginUrl;

    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QLabel* m_stateIndicator = nullptr;
    QLabel* m_stateText = nullptr;
    QLabel* m_listenUrl = nullptr;
    QLabel* m_demoOrigin = nullptr;
    QLabel* m_hint = nullptr;
    QFormLayout* m_addressForm = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_statusBarState = nullptr;

    QLabel* m_requests = nullptr;
    QLabel* m_requestRate = nullptr;
    QLabel* m_activeConnections = nullptr;
    QLabel* m_received = nullptr;
    QLabel* m_sent = nullptr;
    QLabel* m_upstreamErrors = nullptr;
    QLabel* m_statusClasses[6] = {}; // [1] = 1xx ... [5] = 5xx
};

} // namespace gatehouse::ui
