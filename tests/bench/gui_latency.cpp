// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// How responsive the console stays while the traffic generator saturates
// the gateway: the lateness of a 10 ms GUI-thread timer, first with the
// console idle, then under unpaced demo traffic. Target: p99 <= 50 ms.
//
// Usage: gui_latency [seconds per phase, default 15, at most 300]
//                    [--connections N, default 64] [--rate R, default 0 = unpaced]
//                    [--screenshot FILE.png]  (the window at the end of the load)
//                    [--no-dock]  (traffic panel closed)
// Runs on the offscreen platform when there is no display. Everything is on
// 127.0.0.1 with ephemeral ports. Exit status 1 when the target is missed.
#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_service.h"
#include "app/traffic_generator.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace gatehouse;

namespace {

constexpr int probeIntervalMs = 10;
constexpr double targetP99Ms = 50.0;

struct LatenessFigures {
    std::size_t samples = 0;
    double p50 = 0, p90 = 0, p99 = 0, max = 0;
};

double percentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0.0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

// Runs the event loop for `seconds`, firing a precise 10 ms timer, and
// returns how late each tick came (ms beyond the interval).
LatenessFigures measureLateness(int seconds)
{
    std::vector<double> lateness;
    lateness.reserve(static_cast<std::size_t>(seconds) * 1000 / probeIntervalMs + 16);
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(probeIntervalMs);
    qint64 previous = -1;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (previous >= 0) {
            const double intervalMs = static_cast<double>(now - previous) / 1e6;
            lateness.push_back(std::max(0.0, intervalMs - probeIntervalMs));
        }
        previous = now;
    });
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    clock.start();
    probe.start();
    loop.exec();
    probe.stop();

    std::sort(lateness.begin(), lateness.end());
    LatenessFigures f;
    f.samples = lateness.size();
    f.p50 = percentile(lateness, 0.50);
    f.p90 = percentile(lateness, 0.90);
    f.p99 = percentile(lateness, 0.99);
    f.max = lateness.empty() ? 0.0 : lateness.back();
    return f;
}

void printRow(const char* phase, const LatenessFigures& f, double gatewayRate, double trafficRate)
{
    std::printf("%-10s %8zu %8.2f %8.2f %8.2f %8.2f %12.0f %12.0f\n", phase, f.samples, f.p50,
                f.p90, f.p99, f.max, gatewayRate, trafficRate);
}

} // namespace

int main(int argc, char** argv)
{
    int seconds = 15;
    int connections = 64;
    double rate = 0.0;
    const char* screenshot = nullptr;
    bool showDock = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 && i + 1 < argc)
            screenshot = argv[++i];
        else if (std::strcmp(argv[i], "--no-dock") == 0)
            showDock = false;
        else if (std::strcmp(argv[i], "--rate") == 0 && i + 1 < argc)
            rate = std::clamp(std::atof(argv[++i]), 0.0, app::TrafficGenerator::maxRate);
        else if (std::strcmp(argv[i], "--connections") == 0 && i + 1 < argc)
            connections =
                std::clamp(std::atoi(argv[++i]), 1, app::TrafficGenerator::maxConcurrency);
        else
            seconds = std::clamp(std::atoi(argv[i]), 1, 300);
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings untouched
    QApplication application(argc, argv);

    app::DemoWorkspace demo;
    if (!demo.startOrigin(0, 1)) {
        std::fprintf(stderr, "demo origin: %s\n", qPrintable(demo.lastError()));
        return 2;
    }
    app::GatewayController controller;
    // Telemetry as in the console (call log, live percentiles, hit ratio),
    // into a throwaway database.
    QTemporaryDir telemetryDir;
    app::TelemetryServiceOptions telemetryOptions;
    telemetryOptions.database = telemetryDir.filePath(QStringLiteral("telemetry.sqlite"));
    app::TelemetryService telemetry(&controller, telemetryOptions);
    const bool telemetryStarted = telemetry.start();
    if (!telemetryStarted)
        std::fprintf(stderr, "telemetry: %s\n", qPrintable(telemetry.lastError()));
    auto options = app::DemoWorkspace::defaultOptions();
    options.port = 0;
    controller.setOptions(options);
    controller.setStatsInterval(1000);
    if (!controller.applyConfig(demo.snapshot())) {
        std::fprintf(stderr, "config: %s\n", qPrintable(controller.lastError()));
        return 2;
    }
    controller.start();
    {
        QElapsedTimer waited;
        waited.start();
        while (controller.state() != app::GatewayController::State::Running &&
               waited.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (controller.state() != app::GatewayController::State::Running) {
        std::fprintf(stderr, "gateway did not start: %s\n", qPrintable(controller.lastError()));
        return 2;
    }

    app::TrafficGenerator traffic;
    traffic.setDemoOrigin(demo.origin());
    traffic.setTargetRate(rate); // 0: unpaced, as fast as the gateway answers
    traffic.setConcurrency(connections);

    // The real console, on the dashboard, with the traffic dock open: what
    // a person watching the demo has on screen.
    ui::MainWindow window(&controller);
    if (telemetryStarted) {
        QHash<quint64, QString> names;
        for (const auto& route : demo.snapshot().routes) {
            if (route.api_id != 0 && !names.contains(route.api_id))
                names.insert(route.api_id, QString::fromStdString(route.id));
        }
        window.setTelemetryService(&telemetry, names);
    }
    window.setTrafficGenerator(&traffic);
    window.resize(1280, 820);
    window.setCurrentPage(ui::MainWindow::Dashboard);
    window.show();
    window.trafficDock()->setVisible(showDock);

    double lastGatewayRate = 0.0;
    QObject::connect(
        &controller, &app::GatewayController::statsUpdated,
        [&](const app::GatewayStatsSample& s) { lastGatewayRate = s.requestsPerSecond; });

    std::printf("GUI event-loop lateness of a %d ms timer, %d s per phase, %d connections\n",
                probeIntervalMs, seconds, connections);
    std::printf("%-10s %8s %8s %8s %8s %8s %12s %12s\n", "phase", "ticks", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "gateway r/s", "traffic r/s");

    measureLateness(1); // settle: first paint, chart set-up
    const LatenessFigures idle = measureLateness(seconds);
    printRow("idle", idle, lastGatewayRate, 0.0);

    if (!traffic.start(controller.port())) {
        std::fprintf(stderr, "traffic: %s\n", qPrintable(traffic.lastError()));
        return 2;
    }
    measureLateness(2); // ramp up
    const LatenessFigures loaded = measureLateness(seconds);
    const app::TrafficStats stats = traffic.lastStats();
    const double trafficRate =
        stats.elapsedSeconds > 0 ? static_cast<double>(stats.completed) / stats.elapsedSeconds : 0;
    printRow(rate > 0 ? "loaded" : "saturated", loaded, lastGatewayRate, trafficRate);
    if (screenshot && !window.grab().save(QString::fromLocal8Bit(screenshot)))
        std::fprintf(stderr, "could not save %s\n", screenshot);
    traffic.stop();
    controller.stopAndWait(std::chrono::seconds(2));
    telemetry.stop();
    demo.stopOrigin();

    const bool met = loaded.p99 <= targetP99Ms;
    std::printf("target p99 <= %.0f ms under load: %s (%.2f ms); traffic errors: %llu\n",
                targetP99Ms, met ? "met" : "MISSED", loaded.p99,
                static_cast<unsigned long long>(stats.errors()));
    return met ? 0 : 1;
}
