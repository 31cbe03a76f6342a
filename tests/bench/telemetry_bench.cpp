// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Telemetry benchmark (issue 5), one run, everything on 127.0.0.1:
//  1. the call-log writer's sustained insert rate into SQLite (WAL), with
//     rollups, from synthetic records (target >= 200,000 rows/s), and the
//     cost of a first and a deep search page on the resulting table;
//  2. gateway throughput at saturation with call logging off and on
//     (real gateway + demo origin, wrk or a built-in keep-alive load loop),
//     alternating rounds, medians (target: logging costs <= 5 %);
//  3. optionally a sustained run with logging on: dropped records and
//     resident memory over time.
//
//   telemetry_bench [--rows N] [--seconds S] [--rounds R] [--sustain S] [--sustain-rate R]
//                   [--connections C] [--path P] [--no-wrk] [--apis N] [--consumers N]
#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_query.h"
#include "gateway/demo_origin.hpp"
#include "gateway/gateway_server.hpp"
#include "tests/support/test_http.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::app;

namespace {

struct Options {
    qint64 rows = 2'000'000;
    // The writer's records: APIs 1..apis in turn, consumers 0..consumers-1
    // (0: anonymous). --apis 1 --consumers 1 is the gateway part's traffic.
    qint64 apis = 8;
    qint64 consumers = 50;
    int seconds = 8;
    int rounds = 3;
    int sustain = 0;
    // Requests per second offered during the sustained run (wrk, paced);
    // 0: as many as the gateway takes (saturation).
    int sustainRate = 0;
    int connections = 64;
    QString path = QStringLiteral("/products/42");
    bool wrk = true;
};

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
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

// CPU seconds of this process's threads named `name` (see nameCurrentThread).
double threadCpuSeconds(const char* name)
{
    double ticks = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // After the parenthesised name: state is field 3, utime 14, stime 15.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 12)
            ticks += f[11].toDouble() + f[12].toDouble();
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

gateway::call_record sampleRecord(qint64 i, qint64 base, const Options& o)
{
    gateway::call_record r;
    r.timestamp_us = base + i * 5; // 200,000 calls per second of traffic
    r.api_id = quint64(i % o.apis + 1);
    r.application_id = quint64(i % o.consumers);
    r.status = std::uint16_t(i % 97 == 0 ? 502 : (i % 31 == 0 ? 404 : 200));
    r.cache = static_cast<gateway::cache_status>(i % 6);
    r.bytes_in = 180;
    r.bytes_out = 1200 + quint64(i % 700);
    r.total_latency_us = std::uint32_t(300 + (i * 7919) % 20000);
    r.upstream_latency_us = r.total_latency_us - 100;
    r.method.assign("GET");
    // The gateway's own ids: 32 hex digits, milliseconds first (a UUIDv7's
    // layout). Formatted by hand: the records are made on the writer's
    // thread, and snprintf would cost more than storing them.
    static constexpr char hex[] = "0123456789abcdef";
    char id[32];
    std::uint64_t ms = static_cast<std::uint64_t>(r.timestamp_us / 1000);
    std::uint64_t random = static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL;
    for (int d = 11; d >= 0; --d, ms >>= 4)
        id[d] = hex[ms & 0xf];
    for (int d = 12; d < 32; ++d, random = random >> 4 | random << 60)
        id[d] = hex[random & 0xf];
    r.request_id.assign(std::string_view(id, sizeof id));
    r.route_id.assign("catalog-v2");
    r.upstream.assign("http://127.0.0.1:18080");
    r.client_address.assign("127.0.0.1");
    // 5,000 distinct paths, made once.
    static const std::vector<std::string> paths = [] {
        std::vector<std::string> v;
        for (int p = 0; p < 5000; ++p)
            v.push_back("/products/" + std::to_string(p) + "?fields=name,price");
        return v;
    }();
    r.path.assign(paths[std::size_t(i % 5000)]);
    return r;
}

void writerBenchmark(const Options& o, const QString& dir)
{
    const QString path = dir + QStringLiteral("/bench.db");
    const qint64 base = QDateTime::currentMSecsSinceEpoch() * 1000 - o.rows * 5;
    std::atomic<qint64> produced{0};
    CallLogWriterOptions options;
    options.database = path;
    options.retentionEnabled = false;
    CallLogWriter writer(options, [&](std::vector<gateway::call_record>& out, std::size_t max) {
        const qint64 start = produced.load();
        const qint64 n = std::min<qint64>(qint64(max), o.rows - start);
        for (qint64 i = 0; i < n; ++i)
            out.push_back(sampleRecord(start + i, base, o));
        produced = start + n;
        return std::size_t(std::max<qint64>(0, n));
    });
    if (!writer.start()) {
        std::printf("writer failed to start: %s\n", qPrintable(writer.lastError()));
        return;
    }
    QElapsedTimer t;
    t.start();
    const double cpuStart = cpuSeconds();
    while (writer.counters().written < quint64(o.rows)) {
        writer.wake();
        QThread::msleep(20);
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuStart; // nearly all on the writer thread
    const auto c = writer.counters();
    writer.stop();
    std::printf("\n== writer: sustained insert rate (SQLite WAL, schema 2, minute+hour rollups)\n");
    std::printf("%-34s %14s\n", "rows", qPrintable(QString::number(c.written)));
    std::printf("%-34s %14.2f\n", "seconds", seconds);
    std::printf("%-34s %14.0f   (target >= 200,000)\n", "rows/s", double(c.written) / seconds);
    std::printf("%-34s %14.2f\n", "CPU seconds (process)", cpu);
    std::printf("%-34s %14.0f   (rows per CPU-second: the rate on an idle core)\n", "rows/CPU-s",
                double(c.written) / cpu);
    std::printf("%-34s %14llu\n", "transactions", static_cast<unsigned long long>(c.batches));
    std::printf("%-34s %14.1f\n", "last flush (ms)", double(c.lastFlushUs) / 1000.0);
    std::printf("%-34s %14.1f\n", "database size (MB)", double(QFile(path).size()) / 1e6);

    // Keyset search on the table just written: the first page and a page
    // from the middle of the table cost the same.
    TelemetryQuery query(path);
    CallLogFilter filter;
    const auto timePage = [&](std::optional<SearchCursor> cursor, const CallLogFilter& f) {
        QElapsedTimer pt;
        pt.start();
        const auto page = query.search(f, cursor, 100);
        return std::make_pair(double(pt.nsecsElapsed()) / 1e6, page.entries.size());
    };
    const auto first = timePage(std::nullopt, filter);
    const auto deep = timePage(SearchCursor{base + o.rows / 2 * 5, o.rows / 2}, filter);
    CallLogFilter api;
    api.apiId = 3;
    api.statusClass = 2;
    const auto deepApi = timePage(SearchCursor{base + o.rows / 2 * 5, o.rows / 2}, api);
    std::printf("%-34s %11.2f ms (%zu rows)\n", "search: first page", first.first, first.second);
    std::printf("%-34s %11.2f ms (%zu rows)\n", "search: page at the middle", deep.first,
                deep.second);
    std::printf("%-34s %11.2f ms (%zu rows)\n", "search: api+2xx page at the middle", deepApi.first,
                deepApi.second);
}

// Built-in load when wrk is missing: keep-alive connections, one request in
// flight each, on two threads.
double loadLoop(std::uint16_t port, const Options& o, int seconds)
{
    std::atomic<quint64> done{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
            std::vector<std::unique_ptr<test::http_connection>> conns;
            for (int c = t; c < o.connections; c += 2) {
                conns.push_back(std::make_unique<test::http_connection>());
                conns.back()->connect(port);
            }
            const std::string target = o.path.toStdString();
            while (!stop) {
                for (auto& c : conns)
                    c->send("GET", target);
                for (auto& c : conns)
                    done += c->read().status == 200 ? 1 : 0;
            }
        });
    QThread::sleep(static_cast<unsigned long>(seconds));
    const quint64 n = done.load();
    stop = true;
    for (auto& t : threads)
        t.join();
    return double(n) / seconds;
}

// Runs wrk with `arguments` for `seconds`; its requests per second, or 0.
double runWrk(const QStringList& arguments, int seconds)
{
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"), arguments);
    wrk.waitForFinished(1000 * (seconds + 30));
    const QByteArray out = wrk.readAllStandardOutput();
    for (const QByteArray& line : out.split('\n'))
        if (line.trimmed().startsWith("Requests/sec:"))
            return line.trimmed().mid(13).trimmed().toDouble();
    std::printf("wrk failed: %s\n", out.constData());
    return 0;
}

double wrkRun(std::uint16_t port, const Options& o, int seconds)
{
    return runWrk({QStringLiteral("-t1"), QStringLiteral("-c%1").arg(o.connections),
                   QStringLiteral("-d%1s").arg(seconds),
                   QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(o.path)},
                  seconds);
}

// wrk with every connection pausing `pauseMs` between a response and its
// next request (a Lua delay(); wrk has no fixed-rate mode): `connections`
// set the offered rate. Two wrk threads: one tops out below 50,000 paced
// requests per second here, its timers firing late.
double wrkPacedRun(std::uint16_t port, const Options& o, const QString& dir, int seconds,
                   int connections, int pauseMs)
{
    const QString script = dir + QStringLiteral("/paced.lua");
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(QStringLiteral("function delay() return %1 end\n").arg(pauseMs).toUtf8());
    }
    return runWrk({QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections),
                   QStringLiteral("-d%1s").arg(seconds), QStringLiteral("-s"), script,
                   QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(o.path)},
                  seconds);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

void gatewayBenchmark(const Options& o, const QString& dir)
{
    gateway::demo_origin origin;
    if (!origin.start("127.0.0.1", 0, 1).empty())
        return;
    gateway::config_snapshot config;
    gateway::upstream_config up;
    up.name = "origin";
    up.targets.push_back({"http://127.0.0.1:" + std::to_string(origin.port()), 1});
    config.upstreams.push_back(up);
    gateway::route_config route;
    route.id = "all";
    route.path = "/";
    route.upstream = "origin";
    route.api_id = 1;
    config.routes.push_back(route);
    gateway::gateway_server gw;
    if (!gw.apply(config).empty())
        return;
    CallLogWriterOptions options;
    options.database = dir + QStringLiteral("/gateway.db");
    CallLogWriter writer(
        options, [&](auto& out, std::size_t max) { return gw.drain_call_records(out, max); },
        [&] { return gw.dropped_call_records(); });
    if (!writer.start())
        return;
    gw.set_call_records_hook(writer.hook());
    gateway::gateway_options gwOptions;
    gwOptions.listen_address = "127.0.0.1";
    gwOptions.threads = 1;
    if (!gw.start(gwOptions).empty())
        return;

    const bool useWrk = o.wrk && !QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty();
    const auto load = [&](int seconds) {
        return useWrk ? wrkRun(gw.port(), o, seconds) : loadLoop(gw.port(), o, seconds);
    };
    load(1); // warm-up: connections, caches, the database file
    std::vector<double> off, on, cpuOff, cpuOn, writerOn, checkpointerOn;
    for (int round = 0; round < o.rounds; ++round) {
        // Alternate the order so a drifting machine does not favour one mode.
        for (int k = 0; k < 2; ++k) {
            const bool logging = (round + k) % 2 == 1;
            gw.set_call_recording(logging);
            const quint64 before = gw.stats().requests;
            const double cpuBefore = cpuSeconds();
            const double writerBefore = threadCpuSeconds("gh-call-log");
            const double checkpointerBefore = threadCpuSeconds("gh-wal-ckpt");
            (logging ? on : off).push_back(load(o.seconds));
            writer.flushNow(); // the writer's work for this run counts
            // CPU per request of this process (gateway, demo origin and
            // writer; wrk is another process): robust on a busy machine,
            // where throughput mostly measures the neighbours.
            const double cpu = (cpuSeconds() - cpuBefore) * 1e6 /
                               double(std::max<quint64>(1, gw.stats().requests - before));
            (logging ? cpuOn : cpuOff).push_back(cpu);
            if (logging) {
                const double calls = double(std::max<quint64>(1, gw.stats().requests - before));
                writerOn.push_back((threadCpuSeconds("gh-call-log") - writerBefore) * 1e6 / calls);
                checkpointerOn.push_back((threadCpuSeconds("gh-wal-ckpt") - checkpointerBefore) *
                                         1e6 / calls);
            }
        }
    }
    const double medOff = median(off), medOn = median(on);
    std::printf("\n== gateway throughput at saturation, %s, %d connections, GET %s,"
                " 1 gateway worker, %d x %d s rounds\n",
                useWrk ? "wrk" : "built-in load loop", o.connections, qPrintable(o.path), o.rounds,
                o.seconds);
    std::printf("%-34s", "logging off (req/s)");
    for (double v : off)
        std::printf(" %10.0f", v);
    std::printf("   median %10.0f\n", medOff);
    std::printf("%-34s", "logging on (req/s)");
    for (double v : on)
        std::printf(" %10.0f", v);
    std::printf("   median %10.0f\n", medOn);
    std::printf("%-34s %10.1f %%   (target <= 5 %%)\n", "cost of logging",
                medOff > 0 ? (medOff - medOn) / medOff * 100.0 : 0.0);
    std::printf("%-34s", "CPU us/request, logging off");
    for (double v : cpuOff)
        std::printf(" %10.2f", v);
    std::printf("   median %10.2f\n", median(cpuOff));
    std::printf("%-34s", "CPU us/request, logging on");
    for (double v : cpuOn)
        std::printf(" %10.2f", v);
    std::printf("   median %10.2f\n", median(cpuOn));
    std::printf("%-34s", "  of which writer thread (us)");
    for (double v : writerOn)
        std::printf(" %10.2f", v);
    std::printf("   median %10.2f\n", median(writerOn));
    std::printf("%-34s", "  of which checkpointer (us)");
    for (double v : checkpointerOn)
        std::printf(" %10.2f", v);
    std::printf("   median %10.2f\n", median(checkpointerOn));
    std::printf("%-34s %10.1f %%   (gateway + origin + writer CPU)\n", "CPU cost of logging",
                median(cpuOff) > 0 ? (median(cpuOn) - median(cpuOff)) / median(cpuOff) * 100.0
                                   : 0.0);
    const auto c = writer.counters();
    std::printf("%-34s %10llu written, %llu dropped, longest flush %.1f ms\n", "call log",
                static_cast<unsigned long long>(c.written),
                static_cast<unsigned long long>(c.dropped), double(c.maxFlushUs) / 1000.0);

    if (o.sustain > 0) {
        std::printf("\n== sustained run with logging on, %d s\n", o.sustain);
        gw.set_call_recording(true);
        // A paced run: connections calibrated in a short run to offer the
        // rate asked for, each pausing 1 ms between requests.
        const bool paced = o.sustainRate > 0 && useWrk;
        constexpr int pauseMs = 1;
        int pacedConnections = 0;
        if (o.sustainRate > 0 && !useWrk)
            std::printf("--sustain-rate needs wrk: running at saturation instead\n");
        if (paced) {
            // Three times: more connections wait longer for their turn, so
            // a first estimate falls short.
            pacedConnections = std::clamp(o.sustainRate / 1000, 1, 1024);
            for (int pass = 0; pass < 3; ++pass) {
                const double got = wrkPacedRun(gw.port(), o, dir, 3, pacedConnections, pauseMs);
                if (got > 0)
                    pacedConnections = std::clamp(
                        int(double(pacedConnections) * o.sustainRate / got + 0.5), 1, 1024);
            }
            std::printf("offered: ~%d req/s, %d connections pausing %d ms between requests\n",
                        o.sustainRate, pacedConnections, pauseMs);
        } else {
            std::printf("offered: as many requests as the gateway takes (wrk, %d connections)\n",
                        o.connections);
        }
        std::printf("%8s %12s %14s %10s %10s %10s\n", "t (s)", "RSS (MB)", "written", "dropped",
                    "req/s", "WAL (MB)");
        const quint64 startRequests = gw.stats().requests;
        const quint64 startDropped = writer.counters().dropped;
        std::thread driver([&] {
            if (paced)
                wrkPacedRun(gw.port(), o, dir, o.sustain, pacedConnections, pauseMs);
            else
                load(o.sustain);
        });
        QElapsedTimer t;
        t.start();
        quint64 lastRequests = startRequests;
        qint64 lastMs = 0;
        for (int s = 5; s <= o.sustain; s += 5) {
            while (t.elapsed() < s * 1000)
                QThread::msleep(50);
            const quint64 requests = gw.stats().requests;
            const auto cs = writer.counters();
            std::printf("%8d %12.1f %14llu %10llu %10.0f %10.1f\n", s, double(rssKb()) / 1024.0,
                        static_cast<unsigned long long>(cs.written),
                        static_cast<unsigned long long>(cs.dropped),
                        double(requests - lastRequests) * 1000.0 / double(t.elapsed() - lastMs),
                        double(QFileInfo(options.database + QStringLiteral("-wal")).size()) / 1e6);
            lastRequests = requests;
            lastMs = t.elapsed();
        }
        driver.join();
        writer.flushNow();
        const auto cs = writer.counters();
        std::printf("%-34s %llu requests, %llu written, %llu dropped (%llu during this run)\n",
                    "totals", static_cast<unsigned long long>(gw.stats().requests - startRequests),
                    static_cast<unsigned long long>(cs.written),
                    static_cast<unsigned long long>(cs.dropped),
                    static_cast<unsigned long long>(cs.dropped - startDropped));
    }
    gw.stop(std::chrono::milliseconds(500));
    gw.set_call_records_hook({});
    writer.stop();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--rows"))
            o.rows = next.toLongLong(), ++i;
        else if (a == QLatin1String("--seconds"))
            o.seconds = next.toInt(), ++i;
        else if (a == QLatin1String("--rounds"))
            o.rounds = next.toInt(), ++i;
        else if (a == QLatin1String("--sustain"))
            o.sustain = next.toInt(), ++i;
        else if (a == QLatin1String("--sustain-rate"))
            o.sustainRate = std::max(0, next.toInt()), ++i;
        else if (a == QLatin1String("--connections"))
            o.connections = next.toInt(), ++i;
        else if (a == QLatin1String("--path"))
            o.path = next, ++i;
        else if (a == QLatin1String("--no-wrk"))
            o.wrk = false;
        else if (a == QLatin1String("--apis"))
            o.apis = std::max<qint64>(1, next.toLongLong()), ++i;
        else if (a == QLatin1String("--consumers"))
            o.consumers = std::max<qint64>(1, next.toLongLong()), ++i;
        else if (a == QLatin1String("--writer-only"))
            o.rounds = 0;
        else {
            std::printf("usage: telemetry_bench [--rows N] [--seconds S] [--rounds R]"
                        " [--sustain S] [--sustain-rate R] [--connections C] [--path P] [--no-wrk]"
                        " [--writer-only]"
                        " [--apis N] [--consumers N]\n");
            return 2;
        }
    }
    QTemporaryDir dir;
    std::printf("telemetry_bench: %u cores, databases in %s\n", std::thread::hardware_concurrency(),
                qPrintable(dir.path()));
    writerBenchmark(o, dir.path());
    if (o.rounds > 0)
        gatewayBenchmark(o, dir.path());
    return 0;
}
