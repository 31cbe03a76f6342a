// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/gateway_controller.h"
#include "app/traffic_generator.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace gatehouse::ui {

// The demo traffic generator's controls: target rate, concurrency, key skew,
// the mix of demo APIs, an API key, and the demo origin's error injection
// and extra latency; start / stop; what the generator achieves, live.
//
// Every knob applies at once while traffic runs. The requests are real HTTP
// through the running gateway (sent from the generator's own thread), so the
// dashboard shows genuine figures. Traffic stops by itself when the gateway
// stops.
class TrafficPanel : public QWidget {
    Q_OBJECT

public:
    TrafficPanel(app::TrafficGenerator* generator, app::GatewayController* controller,
                 QWidget* parent = nullptr);
    ~TrafficPanel() override;

    // Slider position <-> requests/s on a logarithmic scale, so 10 and
    // 10,000 requests/s are both easy to pick.
    static int rateToSliderPosition(double requestsPerSecond);
    static double sliderPositionToRate(int position);
    static constexpr int sliderSteps = 1000;
    static constexpr double sliderMaxRate = 50000.0;

public slots:
    void start();
    void stop();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    // A problem starting or running the traffic; also shown in the panel.
    void errorShown(const QString& message);

private:
    void buildUi();
    QWidget* buildRateRow();
    QWidget* buildMixGroup();
    void loadFromGenerator();
    app::TrafficMix mixFromSpinBoxes() const;
    void showMix();
    void applyMix();
    void showError(const QString& message);
    void onRunningChanged(bool running);
    void onGatewayStateChanged(app::GatewayController::State state);
    void onStatsUpdated(const app::TrafficStats& stats);
    void updateButtons();
    void fitWrappedLabels();
    void relayoutNow();

    app::TrafficGenerator* m_generator;
    app::GatewayController* m_controller;
    bool m_syncingRate = false;

    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_error = nullptr;

    QSlider* m_rateSlider = nullptr;
    QSpinBox* m_rateSpin = nullptr;
    QCheckBox* m_unpaced = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QSlider* m_skewSlider = nullptr;
    QLabel* m_skewValue = nullptr;
    QList<QSpinBox*> m_mixWeights; // parallel to TrafficGenerator::urlSetNames()
    QLineEdit* m_apiKey = nullptr;
    QSlider* m_errorSlider = nullptr;
    QLabel* m_errorValue = nullptr;
    QSpinBox* m_latency = nullptr;

    QLabel* m_achieved = nullptr;
    QLabel* m_latencyReadout = nullptr;
    QLabel* m_responses = nullptr;
    QLabel* m_failures = nullptr;
    QLabel* m_totals = nullptr;
};

} // namespace gatehouse::ui
