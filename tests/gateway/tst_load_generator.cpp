// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/load_generator.hpp"

#include "gateway_fixture.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/write.hpp>

#include <QtTest/QTest>

#include <algorithm>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

namespace {

// Sanitizer builds run many times slower: throughput checks are looser there.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr double slack = 0.5;
#else
constexpr double slack = 1.0;
#endif

gateway::load_url_set url_set(const std::string& name, double weight, const std::string& prefix,
                              int count)
{
    gateway::load_url_set set;
    set.name = name;
    set.weight = weight;
    for (int i = 1; i <= count; ++i)
        set.targets.push_back(prefix + std::to_string(i));
    return set;
}

// The demo workspace's shape: /shop/{id} -> /products/{id}, /weather/{city}, /echo.
gateway::load_settings demo_settings(double rate, unsigned concurrency)
{
    gateway::load_settings s;
    s.rate = rate;
    s.concurrency = concurrency;
    s.zipf_alpha = 1.0;
    s.mix.push_back(url_set("products", 60, "/shop/", 200));
    s.mix.push_back({"weather", 30, {"/weather/berlin", "/weather/tokyo", "/weather/lima"}});
    s.mix.push_back({"echo", 10, {"/echo"}});
    return s;
}

// Polls until `done` holds or `limit` passes; true when it held.
template <typename Predicate>
bool wait_for(Predicate done, std::chrono::milliseconds limit)
{
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until)
            return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

} // namespace

class TestLoadGenerator : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start("127.0.0.1", 0, 2)), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        auto shop = make_route("shop", "/shop", "origin");
        shop.strip_prefix = true;
        shop.rewrite_prefix = "/products";
        config.routes.push_back(shop);
        config.routes.push_back(make_route("weather", "/weather", "origin"));
        config.routes.push_back(make_route("echo", "/echo", "origin"));
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(test_options())), QString());
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase()
    {
        m_gateway.stop(0ms);
        m_origin.stop();
    }

    void init()
    {
        m_origin.set_error_rate(0);
        m_origin.set_latency(0ms);
    }

    void pacedRateIsNearTheTarget()
    {
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_port, demo_settings(200, 16))), QString());
        QVERIFY(gen.running());
        std::this_thread::sleep_for(2s);
        const auto s = gen.stats();
        gen.stop();
        QVERIFY(!gen.running());
        const double rate = static_cast<double>(s.completed) / s.elapsed_seconds;
        qInfo("paced: %llu completed in %.2f s = %.1f/s, p50 %llu us, p99 %llu us",
              static_cast<unsigned long long>(s.completed), s.elapsed_seconds, rate,
              static_cast<unsigned long long>(s.latency_p50_us),
              static_cast<unsigned long long>(s.latency_p99_us));
        QVERIFY2(rate >= 200 * 0.8 * slack && rate <= 240, qPrintable(QString::number(rate)));
        QCOMPARE(s.errors(), 0u);
        QCOMPARE(s.status_classes[2], s.completed);
        QVERIFY(s.bytes_received > s.completed * 100);
        QVERIFY(s.connections_opened >= 1 && s.connections_opened <= 16);
        QVERIFY(s.latency_p50_us > 0 && s.latency_p50_us <= s.latency_p99_us);
    }

    void rateChangesWhileRunning()
    {
        gateway::load_generator gen;
        auto settings = demo_settings(50, 4);
        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)), QString());
        std::this_thread::sleep_for(500ms);
        settings.rate = 300;
        settings.concurrency = 12;
        QCOMPARE(QString::fromStdString(gen.update(settings)), QString());
        const auto before = gen.stats();
        std::this_thread::sleep_for(1500ms);
        const auto after = gen.stats();
        gen.stop();
        const double rate = static_cast<double>(after.completed - before.completed) /
                            (after.elapsed_seconds - before.elapsed_seconds);
        QVERIFY2(rate >= 200 * slack && rate <= 360, qPrintable(QString::number(rate)));
        settings.mix.clear();
        QVERIFY(!gen.update(settings).empty());
    }

    void unlimitedCompletesManyRequests()
    {
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_port, demo_settings(0, 8))), QString());
        std::this_thread::sleep_for(1s);
        gen.stop();
        const auto s = gen.stats();
        qInfo("unlimited: %.0f requests/s", s.achieved_rate);
        QVERIFY2(s.completed >= 300 * slack * slack, qPrintable(QString::number(s.completed)));
        QCOMPARE(s.errors(), 0u);
        QCOMPARE(s.status_classes[2], s.completed);
    }

    void zipfSkewsPopularity_data()
    {
        QTest::addColumn<double>("alpha");
        QTest::newRow("uniform") << 0.0;
        QTest::newRow("zipf 1.2") << 1.2;
    }

    void zipfSkewsPopularity()
    {
        QFETCH(double, alpha);
        gateway::load_settings settings;
        settings.concurrency = 8;
        settings.zipf_alpha = alpha;
        settings.max_requests = 3000;
        settings.mix.push_back(url_set("echo", 1, "/echo/key-", 100));
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)), QString());
        QVERIFY(wait_for([&] { return !gen.running(); }, 30s)); // stops by itself
        const auto s = gen.stats();
        QCOMPARE(s.sent, 3000u);
        QCOMPARE(s.completed, 3000u);

        auto counts = gen.target_counts();
        QCOMPARE(counts.size(), 100u);
        QCOMPARE(counts.front().first, std::string("/echo/key-1"));
        std::uint64_t total = 0;
        std::vector<std::uint64_t> sorted;
        for (const auto& [target, n] : counts) {
            total += n;
            sorted.push_back(n);
        }
        QCOMPARE(total, 3000u);
        std::sort(sorted.begin(), sorted.end());
        const double median = std::max<double>(1.0, static_cast<double>(sorted[50]));
        const double top = static_cast<double>(sorted.back());
        qInfo("alpha %.1f: top %.0f, median %.0f", alpha, top, median);
        if (alpha > 0) {
            QVERIFY(top > 20 * median);
            QCOMPARE(static_cast<double>(counts.front().second), top); // rank 1 is the most popular
        } else {
            QVERIFY(top < 3 * median);
        }
    }

    void statusClassesAreCounted()
    {
        m_origin.set_error_rate(0.5);
        gateway::load_settings settings;
        settings.concurrency = 4;
        settings.max_requests = 400;
        settings.mix.push_back({"echo", 1, {"/echo"}});
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)), QString());
        QVERIFY(wait_for([&] { return !gen.running(); }, 30s));
        const auto s = gen.stats();
        QCOMPARE(s.completed, 400u);
        QCOMPARE(s.status_classes[2] + s.status_classes[5], 400u);
        QVERIFY2(s.status_classes[5] >= 120 && s.status_classes[5] <= 280,
                 qPrintable(QString::number(s.status_classes[5])));
    }

    void latencyIsMeasured()
    {
        m_origin.set_latency(30ms);
        gateway::load_settings settings = demo_settings(0, 4);
        settings.max_requests = 40;
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)), QString());
        QVERIFY(wait_for([&] { return !gen.running(); }, 30s));
        const auto s = gen.stats();
        QVERIFY2(s.latency_p50_us >= 30000 && s.latency_p50_us < 1000000,
                 qPrintable(QString::number(s.latency_p50_us)));
        QVERIFY(s.latency_max_us >= s.latency_p99_us);
    }

    void stopIsPrompt()
    {
        m_origin.set_latency(2s); // every connection waits on a response
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_port, demo_settings(0, 32))), QString());
        std::this_thread::sleep_for(300ms);
        const auto started = std::chrono::steady_clock::now();
        gen.stop();
        const auto took = std::chrono::steady_clock::now() - started;
        QVERIFY(took < 1s);
        QVERIFY(!gen.running());
        gen.stop(); // idempotent
        QCOMPARE(QString::fromStdString(gen.start(m_port, demo_settings(10, 1))), QString());
        gen.stop();
    }

    void durationBoundsTheRun()
    {
        gateway::load_generator gen;
        auto settings = demo_settings(100, 4);
        settings.duration = 300ms;
        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)), QString());
        QVERIFY(wait_for([&] { return !gen.running(); }, 3s));
        const auto s = gen.stats();
        QVERIFY(s.completed > 0 && s.completed <= 60);
        QVERIFY(s.elapsed_seconds >= 0.25 && s.elapsed_seconds < 2.0);
    }

    void connectionCloseReconnects()
    {
        gateway::load_settings settings;
        settings.concurrency = 2;
        settings.max_requests = 20;
        // The origin closes after every response; the gateway would keep the
        // client connection, so talk to the origin directly here.
        settings.mix.push_back({"close", 1, {"/respond?h=Connection:close"}});
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(m_origin.port(), settings)), QString());
        QVERIFY(wait_for([&] { return !gen.running(); }, 10s));
        const auto s = gen.stats();
        QCOMPARE(s.completed, 20u);
        QCOMPARE(s.errors(), 0u);
        QVERIFY2(s.connections_opened >= 19, qPrintable(QString::number(s.connections_opened)));
    }

    // An origin that sends a 103 Early Hints before each response: the
    // generator counts the final responses, one per request, by their own
    // status, and the connections stay in step.
    void interimResponsesAreReadPast()
    {
        threaded_origin hinting([](threaded_origin::socket& socket) {
            boost::asio::streambuf buffer;
            while (threaded_origin::read_head(socket, buffer)) {
                boost::system::error_code ec;
                boost::asio::write(
                    socket,
                    boost::asio::buffer(std::string_view(
                        "HTTP/1.1 103 Early Hints\r\nLink: </a.js>; rel=preload\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")),
                    ec);
                if (ec)
                    return;
            }
        });
        gateway::load_settings settings;
        settings.concurrency = 2;
        settings.max_requests = 20;
        settings.mix.push_back({"hinted", 1, {"/hinted"}});
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(hinting.port(), settings)), QString());
        QVERIFY(wait_for([&] { return !gen.running(); }, 10s));
        const auto s = gen.stats();
        QCOMPARE(s.completed, 20u);
        QCOMPARE(s.status_classes[2], 20u);
        QCOMPARE(s.status_classes[1], 0u);
        QCOMPARE(s.errors(), 0u);
        QCOMPARE(s.connections_opened, 2u);
    }

    void connectErrorsAreCountedAndRetried()
    {
        gateway::load_generator gen;
        QCOMPARE(QString::fromStdString(gen.start(unused_port(), demo_settings(100, 2))),
                 QString());
        QVERIFY(wait_for([&] { return gen.stats().connect_errors >= 4; }, 5s));
        QVERIFY(gen.running());
        QCOMPARE(gen.stats().completed, 0u);
        gen.stop();
    }

    void refusesInvalidTargetsAndSettings()
    {
        gateway::load_generator gen;
        const auto settings = demo_settings(10, 1);
        for (const char* address :
             {"10.0.0.1", "192.168.1.1", "8.8.8.8", "example.com", "localhost", "0.0.0.0", ""}) {
            const auto error = gen.start(address, m_port, settings);
            QVERIFY2(error.find("loopback") != std::string::npos, address);
            QVERIFY(!gen.running());
        }
        QVERIFY(!gen.start(0, settings).empty());

        auto bad = settings;
        bad.mix.clear();
        QVERIFY(!gen.start(m_port, bad).empty());
        bad = settings;
        bad.headers.push_back({"X-Api-Key", "a\r\nInjected: yes"});
        QVERIFY(!gen.start(m_port, bad).empty());
        bad = settings;
        bad.mix.front().targets.push_back("no-slash");
        QVERIFY(!gen.start(m_port, bad).empty());
        bad = settings;
        bad.concurrency = 0;
        QVERIFY(!gen.start(m_port, bad).empty());
        QVERIFY(!gen.running());

        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)), QString());
        QCOMPARE(QString::fromStdString(gen.start(m_port, settings)),
                 QStringLiteral("already running"));
        gen.stop();
    }

    void latencyBuckets()
    {
        using b = gateway::latency_buckets;
        for (std::uint64_t v :
             {0ull, 1ull, 15ull, 16ull, 17ull, 100ull, 1000ull, 123456ull, 60000000ull}) {
            const auto i = b::index(v);
            QVERIFY(v <= b::upper_bound_us(i));
            if (i > 0)
                QVERIFY(v > b::upper_bound_us(i - 1));
        }
        std::array<std::uint64_t, b::count> counts{};
        counts[b::index(1000)] = 99;
        counts[b::index(50000)] = 1;
        QVERIFY(b::percentile(counts, 0.5) >= 1000 && b::percentile(counts, 0.5) < 1200);
        QVERIFY(b::percentile(counts, 1.0) >= 50000);
    }
};

QTEST_APPLESS_MAIN(TestLoadGenerator)
#include "tst_load_generator.moc"
