// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Scrolling the Call Logs page through a million stored calls: the real
// call-log writer fills a throwaway SQLite database, the product's
// TelemetryService serves the page, and the table is scrolled from the
// newest call to the oldest, a fixed number of rows per frame, each frame
// painted synchronously. Prints, per fetched page, the time from request
// to rows (query thread) and the GUI thread's cost of taking them in, and
// per frame the paint time; plus the time spent waiting at the bottom for
// the next page and the memory the loaded rows take; then 50 jumps back to
// rows long evicted from memory, until they are shown again.
//
// Usage: call_log_scroll [--rows N, default 1000000] [--page N, default 500]
//                        [--step N rows per frame, default 100]
//                        [--seconds S, stop scrolling after S, default 600]
//                        [--screenshot FILE.png]  (the page at the end)
// Runs on the offscreen platform when there is no display.
#include "app/gateway_controller.h"
#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_service.h"
#include "ui/call_logs/call_log_model.h"
#include "ui/call_logs/call_logs_page.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace gatehouse;

namespace {

struct Figures {
    std::size_t n = 0;
    double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};

Figures figures(std::vector<double> v)
{
    Figures f;
    f.n = v.size();
    if (v.empty())
        return f;
    std::sort(v.begin(), v.end());
    const auto at = [&](double p) {
        return v[std::size_t(p * double(v.size() - 1))];
    };
    f.p50 = at(0.50);
    f.p95 = at(0.95);
    f.p99 = at(0.99);
    f.max = v.back();
    double sum = 0;
    for (double x : v)
        sum += x;
    f.mean = sum / double(v.size());
    return f;
}

void printFigures(const char* what, const Figures& f)
{
    std::printf("%-34s %8zu %9.2f %9.2f %9.2f %9.2f %9.2f\n", what, f.n, f.mean, f.p50, f.p95,
                f.p99, f.max);
}

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

gateway::call_record sampleRecord(qint64 i, qint64 base, qint64 stepUs)
{
    gateway::call_record r;
    r.timestamp_us = base + i * stepUs;
    r.api_id = quint64(i % 8 + 1);
    r.application_id = quint64(i % 50);
    r.status = std::uint16_t(i % 97 == 0 ? 502 : (i % 31 == 0 ? 404 : 200));
    r.cache = static_cast<gateway::cache_status>(i % 6);
    r.bytes_in = 180;
    r.bytes_out = 1200 + quint64(i % 700);
    r.total_latency_us = std::uint32_t(300 + (i * 7919) % 20000);
    r.upstream_latency_us = r.total_latency_us - 100;
    r.method.assign(i % 9 == 0 ? "POST" : "GET");
    const std::string id = "5f2b8c1e-6a4d-4f0b-9c3e-" + std::to_string(100000000000 + i);
    r.request_id.assign(id);
    r.route_id.assign("catalog-v2");
    r.upstream.assign("http://127.0.0.1:18080");
    r.client_address.assign("127.0.0.1");
    r.path.assign("/products/" + std::to_string(i % 5000) + "?fields=name,price");
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    qint64 rows = 1'000'000;
    int pageRows = 500;
    int step = 100;
    int maxSeconds = 600;
    const char* screenshot = nullptr;
    for (int i = 1; i < argc; ++i) {
        const auto next = [&] {
            return i + 1 < argc ? argv[++i] : "0";
        };
        if (std::strcmp(argv[i], "--rows") == 0)
            rows = std::max<qint64>(1, std::atoll(next()));
        else if (std::strcmp(argv[i], "--page") == 0)
            pageRows = std::clamp(std::atoi(next()), 1, 10000);
        else if (std::strcmp(argv[i], "--step") == 0)
            step = std::max(1, std::atoi(next()));
        else if (std::strcmp(argv[i], "--seconds") == 0)
            maxSeconds = std::max(1, std::atoi(next()));
        else if (std::strcmp(argv[i], "--screenshot") == 0)
            screenshot = next();
        else {
            std::fprintf(stderr, "unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication application(argc, argv);
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("telemetry.sqlite"));

    // 1. The calls, spread over the last 23 hours (inside the page's
    // default "last 24 hours"), through the real writer.
    const qint64 spanUs = 23LL * 3600 * 1'000'000;
    const qint64 stepUs = std::max<qint64>(1, spanUs / rows);
    const qint64 base = QDateTime::currentMSecsSinceEpoch() * 1000 - rows * stepUs;
    {
        std::atomic<qint64> produced{0};
        app::CallLogWriterOptions options;
        options.database = database;
        options.retentionEnabled = false;
        app::CallLogWriter writer(options,
                                  [&](std::vector<gateway::call_record>& out, std::size_t max) {
                                      const qint64 start = produced.load();
                                      const qint64 n = std::min<qint64>(qint64(max), rows - start);
                                      for (qint64 i = 0; i < n; ++i)
                                          out.push_back(sampleRecord(start + i, base, stepUs));
                                      produced = start + n;
                                      return std::size_t(std::max<qint64>(0, n));
                                  });
        if (!writer.start()) {
            std::fprintf(stderr, "writer: %s\n", qPrintable(writer.lastError()));
            return 2;
        }
        QElapsedTimer t;
        t.start();
        while (writer.counters().written < quint64(rows)) {
            writer.wake();
            QThread::msleep(20);
        }
        writer.stop();
        std::printf("stored %lld calls in %.1f s (%.0f rows/s), database %.0f MB\n",
                    static_cast<long long>(rows), double(t.elapsed()) / 1000.0,
                    double(rows) * 1000.0 / double(std::max<qint64>(1, t.elapsed())),
                    double(QFile(database).size()) / 1e6);
    }

    // 2. The page as the console has it, over the product's telemetry.
    app::GatewayController controller;
    app::TelemetryServiceOptions telemetryOptions;
    telemetryOptions.database = database;
    telemetryOptions.retentionEnabled = false;
    telemetryOptions.summaryIntervalMs = 0;
    app::TelemetryService telemetry(&controller, telemetryOptions);
    if (!telemetry.start()) {
        std::fprintf(stderr, "telemetry: %s\n", qPrintable(telemetry.lastError()));
        return 2;
    }
    const long rssBefore = rssKb();
    ui::CallLogsPage page(&telemetry);
    ui::CallLogModel* model = page.model();
    model->setPageSize(pageRows);
    std::vector<double> fetchMs, appendMs;
    QElapsedTimer appendClock;
    QObject::connect(model, &ui::CallLogModel::pageLoaded, &page,
                     [&](int, qint64 us) { fetchMs.push_back(double(us) / 1000.0); });
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, &page,
                     [&] { appendClock.start(); });
    // Connected after the view: runs once the view has taken the rows in.
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &page,
                     [&] { appendMs.push_back(double(appendClock.nsecsElapsed()) / 1e6); });
    page.resize(1280, 800);
    page.show();
    QElapsedTimer clock;
    clock.start();
    page.applyFilter(); // with the page size set
    while (!model->isLoaded() && clock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double firstPageMs = double(clock.nsecsElapsed()) / 1e6;
    if (!model->isLoaded()) {
        std::fprintf(stderr, "the first page did not arrive\n");
        return 2;
    }

    // 3. Scroll: `step` rows a frame, painting each frame; at the bottom
    // the view asks for the next page, and the loop waits for it.
    QTableView* view = page.view();
    QScrollBar* bar = view->verticalScrollBar();
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    std::vector<double> frameMs, paintMs;
    double stalledMs = 0;
    int stalls = 0;
    QElapsedTimer scroll;
    scroll.start();
    while (scroll.elapsed() < qint64(maxSeconds) * 1000) {
        QElapsedTimer frame;
        frame.start();
        bar->setValue(std::min(bar->maximum(), bar->value() + step * rowHeight));
        QCoreApplication::processEvents(); // the paint the scroll asked for, and replies
        frameMs.push_back(double(frame.nsecsElapsed()) / 1e6);
        QElapsedTimer paint;
        paint.start();
        view->viewport()->repaint(); // the whole viewport, on its own
        paintMs.push_back(double(paint.nsecsElapsed()) / 1e6);
        if (bar->value() < bar->maximum())
            continue;
        if (!model->hasMore() && !model->isLoading())
            break;
        // At the bottom: the next page is on its way.
        QElapsedTimer stall;
        stall.start();
        const int before = model->rowCount();
        while (model->rowCount() == before && (model->isLoading() || model->hasMore()) &&
               stall.elapsed() < 10000) {
            if (!model->isLoading() && model->canFetchMore())
                model->fetchMore(); // as the view would on its next scroll event
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        stalledMs += double(stall.nsecsElapsed()) / 1e6;
        ++stalls;
    }
    const double scrollSeconds = double(scroll.nsecsElapsed()) / 1e9;
    const long rssAfter = rssKb();

    // 4. Jumps back to rows long evicted: the time until a screenful is
    // in memory again and painted.
    std::vector<double> jumpMs;
    std::uint64_t seed = 42;
    for (int k = 0; k < 50 && model->rowCount() > 0; ++k) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const int row = int((seed >> 33) % std::uint64_t(model->rowCount()));
        QElapsedTimer jump;
        jump.start();
        view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
        view->viewport()->repaint(); // asks for what is missing
        const int last = std::max(row, view->rowAt(view->viewport()->height() - 1));
        while ((!model->entry(row) || !model->entry(last)) && jump.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        view->viewport()->repaint();
        jumpMs.push_back(double(jump.nsecsElapsed()) / 1e6);
    }

    std::printf("\n== Call Logs page: %lld stored calls, pages of %d, %d rows per frame\n",
                static_cast<long long>(rows), pageRows, step);
    std::printf("%-34s %9.1f ms\n", "first page (request to table)", firstPageMs);
    std::printf("%-34s %9d of %lld\n", "rows scrolled through", model->rowCount(),
                static_cast<long long>(rows));
    std::printf("%-34s %9.1f s (%.0f rows/s)\n", "scrolling", scrollSeconds,
                double(model->rowCount()) / scrollSeconds);
    std::printf("%-34s %9.1f s over %d stops at the bottom (%.2f ms each)\n",
                "waiting for the next page", stalledMs / 1000.0, stalls,
                stalls ? stalledMs / stalls : 0.0);
    std::printf("%-34s %9d (at most %d)\n", "rows in memory at the end", model->cachedRows(),
                model->maxCachedRows());
    std::printf("%-34s %9.1f MB (%.0f bytes per loaded row)\n", "memory for the loaded rows",
                double(rssAfter - rssBefore) / 1024.0,
                model->rowCount() ? double(rssAfter - rssBefore) * 1024.0 / model->rowCount()
                                  : 0.0);
    std::printf("\n%-34s %8s %9s %9s %9s %9s %9s\n", "ms", "count", "mean", "p50", "p95", "p99",
                "max");
    printFigures("page fetch (request to rows)", figures(fetchMs));
    printFigures("page append on the GUI thread", figures(appendMs));
    printFigures("frame (scroll, events, paint)", figures(frameMs));
    printFigures("full viewport repaint", figures(paintMs));
    printFigures("jump to an evicted row", figures(jumpMs));
    if (screenshot) {
        view->selectRow(view->rowAt(view->viewport()->height() / 2));
        QCoreApplication::processEvents();
        if (!page.grab().save(QString::fromLocal8Bit(screenshot)))
            std::fprintf(stderr, "could not save %s\n", screenshot);
    }
    telemetry.stop();
    return model->rowCount() == rows ? 0 : 1;
}
