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
// rows long evicted from memory, until they are shown again; last, six
// filters applied through the filter bar, each timed until its first
// screenful is shown. Meanwhile a 10 ms timer measures how late the GUI
// thread's event loop runs.
//
// The budget (what a person scrolling would accept; exit status 1 when a
// figure misses it): every row reached; the GUI thread's frame while
// scrolling and its lateness while jumping and filtering p99 <= 50 ms (the
// console's responsiveness target); a jump back to evicted rows shown again
// p99 <= 50 ms; the wait at the bottom for the next page p99 <= 100 ms; each
// filter's first screenful <= 1000 ms on the million rows.
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

#include "ui/call_logs/call_log_filter_bar.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
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

// How late a 10 ms precise timer fires on the GUI thread while recording.
class LatenessProbe {
public:
    LatenessProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double late = double(m_clock.nsecsElapsed()) / 1e6 - 10.0;
            if (m_recording)
                m_late.push_back(std::max(0.0, late));
            m_clock.restart();
        });
    }
    void start()
    {
        m_recording = true;
        m_clock.start();
        m_timer.start();
    }
    void stop()
    {
        m_recording = false;
        m_timer.stop();
    }
    const std::vector<double>& lateness() const { return m_late; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_late;
    bool m_recording = false;
};

// A figure against its budget: prints PASS or FAIL, returns whether it held.
bool check(const char* what, double value, double budget, const char* unit)
{
    const bool ok = value <= budget;
    std::printf("%-44s %9.1f %-3s (budget <= %.0f) %s\n", what, value, unit, budget,
                ok ? "PASS" : "FAIL");
    return ok;
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

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> parts = f.readAll().split(' ');
    return QString::fromLatin1(parts.mid(0, 3).join(' '));
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
    std::vector<double> frameMs, paintMs, stallMs;
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
        stallMs.push_back(double(stall.nsecsElapsed()) / 1e6);
        stalledMs += stallMs.back();
        ++stalls;
    }
    const double scrollSeconds = double(scroll.nsecsElapsed()) / 1e9;
    const long rssAfter = rssKb();

    // 4. Jumps back to rows long evicted: the time until a screenful is
    // in memory again and painted.
    std::vector<double> jumpMs;
    LatenessProbe probe;
    probe.start();
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
        QCoreApplication::processEvents(); // back to the event loop, as a person pauses
    }
    const qint64 rowsReached = model->rowCount();
    const int cachedAtEnd = model->cachedRows();

    // 5. Filters, set in the filter bar as a person would and applied:
    // the time until the first screenful of the million is shown.
    struct FilterCase {
        const char* name;
        std::function<void(ui::CallLogFilterBar*)> set;
    };
    const std::vector<FilterCase> filterCases{
        {"status 5xx (1 %)",
         [](ui::CallLogFilterBar* b) {
             b->statusBox()->setCurrentIndex(b->statusBox()->findData(5));
         }},
        {"API #3 (1/8)",
         [](ui::CallLogFilterBar* b) {
             b->apiBox()->setCurrentIndex(b->apiBox()->findData(QVariant::fromValue(quint64(3))));
         }},
        {"application 7 (1/50)",
         [](ui::CallLogFilterBar* b) {
             b->applicationBox()->setEditText(QStringLiteral("7"));
         }},
        {"cache hit (1/6)",
         [](ui::CallLogFilterBar* b) {
             b->cacheBox()->setCurrentIndex(
                 b->cacheBox()->findData(int(gateway::cache_status::hit)));
         }},
        {"path \"/products/42?\" (1/5000)",
         [](ui::CallLogFilterBar* b) {
             b->pathEdit()->setText(QStringLiteral("/products/42?"));
         }},
        {"request id (one call)",
         [&](ui::CallLogFilterBar* b) {
             b->requestIdEdit()->setText(QString::fromUtf8(
                 sampleRecord(rows / 2, base, stepUs).request_id.view().data(),
                 qsizetype(sampleRecord(rows / 2, base, stepUs).request_id.view().size())));
         }},
    };
    std::vector<double> filterMs;
    std::vector<int> filterRows;
    for (const FilterCase& c : filterCases) {
        // The previous filter's page complete first (a person reads the
        // screenful meanwhile): the query thread is idle when the next one
        // is applied.
        QElapsedTimer idle;
        idle.start();
        while (model->isLoading() && idle.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        page.filterBar()->clear();
        c.set(page.filterBar());
        QCoreApplication::processEvents();
        QElapsedTimer t;
        t.start();
        page.applyFilter();
        while ((!model->isLoaded() || (model->rowCount() > 0 && !model->entry(0))) &&
               t.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        view->viewport()->repaint();
        filterMs.push_back(double(t.nsecsElapsed()) / 1e6);
        filterRows.push_back(model->isLoaded() ? model->rowCount() : -1);
    }
    probe.stop();

    std::printf("\n== Call Logs page: %lld stored calls, pages of %d, %d rows per frame\n",
                static_cast<long long>(rows), pageRows, step);
    std::printf("%-34s %9.1f ms\n", "first screenful (request to table)", firstPageMs);
    std::printf("%-34s %9lld of %lld\n", "rows scrolled through",
                static_cast<long long>(rowsReached), static_cast<long long>(rows));
    std::printf("%-34s %9.1f s (%.0f rows/s)\n", "scrolling", scrollSeconds,
                double(rowsReached) / scrollSeconds);
    std::printf("%-34s %9.1f s over %d stops at the bottom (%.2f ms each)\n",
                "waiting for the next page", stalledMs / 1000.0, stalls,
                stalls ? stalledMs / stalls : 0.0);
    std::printf("%-34s %9d (at most %d)\n", "rows in memory at the end", cachedAtEnd,
                model->maxCachedRows());
    std::printf("%-34s %9.1f MB (%.0f bytes per loaded row)\n", "memory for the loaded rows",
                double(rssAfter - rssBefore) / 1024.0,
                rowsReached ? double(rssAfter - rssBefore) * 1024.0 / double(rowsReached) : 0.0);
    std::printf("\n%-34s %8s %9s %9s %9s %9s %9s\n", "ms", "count", "mean", "p50", "p95", "p99",
                "max");
    printFigures("page fetch (request to rows)", figures(fetchMs));
    printFigures("page append on the GUI thread", figures(appendMs));
    printFigures("frame (scroll, events, paint)", figures(frameMs));
    printFigures("full viewport repaint", figures(paintMs));
    printFigures("wait at the bottom for a page", figures(stallMs));
    printFigures("jump to an evicted row", figures(jumpMs));
    printFigures("GUI lateness, jumps and filters", figures(probe.lateness()));
    std::printf("\n%-34s %9s %9s\n", "filter (first screenful)", "ms", "rows loaded");
    for (std::size_t i = 0; i < filterCases.size(); ++i)
        std::printf("%-34s %9.1f %9d\n", filterCases[i].name, filterMs[i], filterRows[i]);

    std::printf("\n== Budget (load average %s)\n", qPrintable(loadAverage()));
    bool ok = true;
    const bool allRows = rowsReached == rows;
    std::printf("%-44s %9lld of %lld %s\n", "rows reached", static_cast<long long>(rowsReached),
                static_cast<long long>(rows), allRows ? "PASS" : "FAIL");
    ok &= allRows;
    ok &= check("frame while scrolling, p99", figures(frameMs).p99, 50, "ms");
    ok &= check("page append on the GUI thread, p99", figures(appendMs).p99, 50, "ms");
    ok &= check("wait at the bottom for a page, p99", figures(stallMs).p99, 100, "ms");
    ok &= check("jump back to evicted rows, p99", figures(jumpMs).p99, 50, "ms");
    ok &= check("GUI lateness, jumps and filters, p99", figures(probe.lateness()).p99, 50, "ms");
    ok &= check("filter, first screenful, slowest", figures(filterMs).max, 1000, "ms");
    for (const int n : filterRows)
        ok &= n >= 0;
    std::printf("%s\n",
                ok ? "PASS: every figure within its budget" : "FAIL: a figure missed its budget");
    if (screenshot) {
        view->selectRow(view->rowAt(view->viewport()->height() / 2));
        QCoreApplication::processEvents();
        if (!page.grab().save(QString::fromLocal8Bit(screenshot)))
            std::fprintf(stderr, "could not save %s\n", screenshot);
    }
    telemetry.stop();
    return ok ? 0 : 1;
}
