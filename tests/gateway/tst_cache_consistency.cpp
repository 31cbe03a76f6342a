// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The response cache under concurrent, randomised traffic: several clients
// on keep-alive connections read, revalidate and change a set of resources
// with different caching rules (short and long max-age, s-maxage,
// stale-while-revalidate, no-cache, no-store, private, Vary), while the
// origin changes resources behind the cache's back and the control plane
// purges. Whatever the interleaving, what a client gets must hold:
//   - the answer is for the resource and variant it asked for (no response
//     of another URL or language, no 304 for a validator it did not send);
//   - after its own POST changed a resource, it never reads an older
//     version of it (the invalidation, also of responses then on their way);
//   - a stored version is served no longer after the origin replaced it
//     than its freshness allows (plus swr, Age rounding and scheduling slack);
//   - no-store and private responses are never hits; hits carry an Age
//     within the freshness allowed; HEAD answers have the GET's length.
// The run is seeded (GATEHOUSE_TEST_SEED) and bounded in requests and time.
#include "cache_fixture.h"
#include "gateway_fixture.h"
#include "tests/support/seeded_run.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <QtTest/QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::test;
namespace asio = boost::asio;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

namespace {

constexpr int resource_count = 16;
constexpr int client_count = 4;
constexpr int requests_per_client = 450;
// Scheduling on a loaded 2-core machine: how late a check may be.
constexpr auto slack = 1500ms;

struct personality {
    const char* cache_control;
    bool vary;                      // Vary: Accept-Language
    bool shared;                    // may be served from the shared cache
    steady::duration may_serve_for; // after the origin replaced it: lifetime + swr + Age rounding
};

const std::array<personality, 8> personalities{{
    {"max-age=1", false, true, 2s},
    {"max-age=1, stale-while-revalidate=1", false, true, 3s},
    {"no-cache", false, true, 0s},
    {"no-store", false, false, 0s},
    {"private, max-age=30", false, false, 0s},
    {"s-maxage=1, max-age=60", false, true, 2s},
    {"max-age=1", true, true, 2s},
    {"max-age=60", true, true, 61s}, // only invalidations and purges end it early
}};

const personality& personality_of(int resource)
{
    return personalities[std::size_t(resource) % personalities.size()];
}

std::size_t body_size_of(int resource)
{
    return 64 + std::size_t(resource) * 37;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// A field of a raw request head, "" when absent.
std::string field_of(const std::string& head, const std::string& name)
{
    const std::string wanted = "\r\n" + lower(name) + ":";
    const std::string low = lower(head);
    const auto at = low.find(wanted);
    if (at == std::string::npos)
        return {};
    auto from = at + wanted.size();
    const auto to = head.find("\r\n", from);
    while (from < to && head[from] == ' ')
        ++from;
    return head.substr(from, to - from);
}

// The origin: every resource has a version, raised by a POST to it or by
// the origin itself; each version remembers when it was replaced.
class versioned_origin {
public:
    versioned_origin()
    {
        for (auto& r : replaced_)
            r.reserve(4096);
    }

    int version(int resource)
    {
        std::lock_guard lock(mutex_);
        return int(replaced_[std::size_t(resource)].size()) + 1;
    }

    int bump(int resource)
    {
        std::lock_guard lock(mutex_);
        auto& r = replaced_[std::size_t(resource)];
        r.push_back(steady::now());
        return int(r.size()) + 1;
    }

    // When `version` of `resource` was replaced; nullopt while it is current.
    std::optional<steady::time_point> replaced_at(int resource, int version)
    {
        std::lock_guard lock(mutex_);
        const auto& r = replaced_[std::size_t(resource)];
        if (version < 1 || std::size_t(version) > r.size())
            return std::nullopt;
        return r[std::size_t(version) - 1];
    }

    static std::string etag(int resource, int version, const std::string& lang)
    {
        return "\"r" + std::to_string(resource) + "-v" + std::to_string(version) +
               (personality_of(resource).vary ? "-" + lang : std::string()) + "\"";
    }

    static std::string body(int resource, int version, const std::string& lang)
    {
        std::string b = "r" + std::to_string(resource) + "|" +
                        (personality_of(resource).vary ? lang : std::string("*")) + "|v" +
                        std::to_string(version) + "|";
        b.resize(body_size_of(resource), '.');
        return b;
    }

    void serve(threaded_origin::socket& socket)
    {
        asio::streambuf buffer;
        while (const auto head = threaded_origin::read_head(socket, buffer)) {
            // Bodies are not expected, but one is read past if sent.
            if (const auto length = field_of(*head, "Content-Length"); !length.empty()) {
                const std::size_t n = std::stoul(length);
                boost::system::error_code ec;
                if (buffer.size() < n)
                    asio::read(socket, buffer, asio::transfer_exactly(n - buffer.size()), ec);
                if (ec)
                    return;
                buffer.consume(n);
            }
            boost::system::error_code ec;
            asio::write(socket, asio::buffer(answer(*head)), ec);
            if (ec)
                return;
        }
    }

private:
    std::string answer(const std::string& head)
    {
        const auto space = head.find(' ');
        const std::string method = head.substr(0, space);
        const std::string target = head.substr(space + 1, head.find(' ', space + 1) - space - 1);
        int resource = -1;
        if (target.starts_with("/r/"))
            resource = std::atoi(target.c_str() + 3);
        if (resource < 0 || resource >= resource_count)
            return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        if (method == "POST") {
            const int now = bump(resource);
            return "HTTP/1.1 204 No Content\r\nCache-Control: no-store\r\nX-Version: " +
                   std::to_string(now) + "\r\n\r\n";
        }
        const personality& p = personality_of(resource);
        const std::string lang = field_of(head, "Accept-Language");
        const int v = version(resource);
        // A slow answer now and then (after the version is read, as a
        // server would build it): requests overlap the POSTs and purges.
        thread_local std::minstd_rand slow(std::random_device{}());
        if (slow() % 4 == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(5 + slow() % 40));
        const std::string tag = etag(resource, v, lang);
        std::string fields = std::string("Cache-Control: ") + p.cache_control + "\r\nETag: " + tag +
                             "\r\n" + (p.vary ? "Vary: Accept-Language\r\n" : "") + "Cache-Tag: r" +
                             std::to_string(resource) + "\r\n";
        const std::string inm = field_of(head, "If-None-Match");
        if (!inm.empty() && inm.find(tag) != std::string::npos)
            return "HTTP/1.1 304 Not Modified\r\n" + fields + "\r\n";
        const std::string b = body(resource, v, lang);
        std::string out = "HTTP/1.1 200 OK\r\n" + fields +
                          "Content-Length: " + std::to_string(b.size()) + "\r\n\r\n";
        if (method != "HEAD")
            out += b;
        return out;
    }

    std::mutex mutex_;
    std::array<std::vector<steady::time_point>, resource_count> replaced_;
};

// What a body says: resource, language ("*" when not varied) and version.
struct body_says {
    int resource = -1;
    std::string lang;
    int version = 0;
};

std::optional<body_says> parse_body(const std::string& body)
{
    const auto a = body.find('|');
    const auto b = body.find('|', a + 1);
    const auto c = body.find('|', b + 1);
    if (body.size() < 2 || body[0] != 'r' || a == std::string::npos || b == std::string::npos ||
        c == std::string::npos || body[b + 1] != 'v')
        return std::nullopt;
    return body_says{std::atoi(body.c_str() + 1), body.substr(a + 1, b - a - 1),
                     std::atoi(body.c_str() + b + 2)};
}

// The version an ETag names, 0 when it is not one of the origin's.
int version_of_etag(const std::string& etag, int resource)
{
    const std::string prefix = "\"r" + std::to_string(resource) + "-v";
    if (!etag.starts_with(prefix))
        return 0;
    return std::atoi(etag.c_str() + prefix.size());
}

} // namespace

class TestCacheConsistency : public QObject {
    Q_OBJECT

private slots:
    void concurrentTrafficSeesConsistentAnswers();
};

void TestCacheConsistency::concurrentTrafficSeesConsistentAnswers()
{
    const unsigned seed = run_seed(20261204);

    versioned_origin model;
    threaded_origin origin([&](threaded_origin::socket& s) { model.serve(s); });
    gateway::config_snapshot config;
    config.upstreams.push_back(make_upstream("origin", {origin.port()}));
    auto route = cached_route("all", "/", "origin", "");
    route.api_id = 1;
    config.routes.push_back(route);
    gateway::gateway_server gw;
    QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
    QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
    const std::uint16_t port = gw.port();

    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::atomic<int> answered{0};
    std::atomic<int> hits{0};
    std::atomic<int> not_modified{0};
    std::atomic<bool> done{false};
    const auto deadline = steady::now() + 60s;

    const auto client = [&](int id) {
        std::mt19937 rng(seed + unsigned(id) * 7919u);
        const auto below = [&](int n) {
            return std::uniform_int_distribution<int>(0, n - 1)(rng);
        };
        const std::array<std::string, 3> langs{"", "en", "de"};
        // Per resource and language: the ETag last seen, and the version
        // this client's own POST produced (never to be read older again).
        std::map<std::pair<int, std::string>, std::string> seen_etag;
        std::array<int, resource_count> own_write{};
        http_connection conn;
        const auto fail = [&](const std::string& what) {
            std::lock_guard lock(failures_mutex);
            if (failures.size() < 20)
                failures.push_back("client " + std::to_string(id) + ": " + what);
        };
        for (int i = 0; i < requests_per_client && steady::now() < deadline; ++i) {
            // Paced, so that the run lasts a few seconds: freshness lifetimes
            // of a second or two run out, and the origin changes meanwhile.
            std::this_thread::sleep_for(std::chrono::milliseconds(below(13)));
            const int resource = below(resource_count);
            const personality& p = personality_of(resource);
            const std::string target = "/r/" + std::to_string(resource);
            const int op = below(20);
            const std::string method = op < 2 ? "POST" : op < 4 ? "HEAD" : "GET";
            const std::string lang = langs[std::size_t(below(3))];
            header_list headers;
            if (!lang.empty())
                headers.push_back({"Accept-Language", lang});
            std::string sent_etag;
            if (method == "GET" && below(4) == 0) {
                if (const auto it = seen_etag.find({resource, lang}); it != seen_etag.end()) {
                    sent_etag = it->second;
                    headers.push_back({"If-None-Match", sent_etag});
                }
            }
            const auto started = steady::now();
            if (!conn.send(method, target, headers) &&
                !(conn.connect(port) && conn.send(method, target, headers))) {
                fail("could not send: " + conn.last_error());
                conn.close();
                continue;
            }
            const http_response r = conn.read(10s, method == "HEAD");
            if (r.status == 0) {
                fail(method + " " + target + ": no answer: " + r.error);
                conn.close();
                continue;
            }
            if (!r.keep_alive)
                conn.close();
            ++answered;
            const std::string what = method + " " + target + " [" + lang + "] -> " +
                                     std::to_string(r.status) + " " + r.header("Cache-Status");
            const bool hit = cache_status_has(r, "hit");
            hits += hit ? 1 : 0;
            if (method == "POST") {
                if (r.status != 204)
                    fail(what);
                own_write[std::size_t(resource)] = std::atoi(r.header("X-Version").c_str());
                continue;
            }
            if (hit && !p.shared)
                fail(what + ": a " + p.cache_control + " response served from the cache");
            const std::string etag = r.header("ETag");
            int version = version_of_etag(etag, resource);
            if (r.status == 304) {
                ++not_modified;
                if (sent_etag.empty() || etag != sent_etag)
                    fail(what + ": 304 with ETag " + etag + " for If-None-Match '" + sent_etag +
                         "'");
            } else if (r.status == 200) {
                if (method == "HEAD") {
                    if (!r.body.empty() ||
                        r.header("Content-Length") != std::to_string(body_size_of(resource)))
                        fail(what + ": HEAD with Content-Length " + r.header("Content-Length"));
                } else {
                    const auto says = parse_body(r.body);
                    const std::string want_lang = p.vary ? lang : std::string("*");
                    if (!says || says->resource != resource || says->lang != want_lang ||
                        r.body.size() != body_size_of(resource)) {
                        fail(what + ": body '" + r.body.substr(0, 40) + "'");
                        continue;
                    }
                    if (says->version != version)
                        fail(what + ": body v" + std::to_string(says->version) + ", ETag " + etag);
                    version = says->version;
                }
            } else {
                fail(what);
                continue;
            }
            if (version <= 0) {
                fail(what + ": ETag " + etag);
                continue;
            }
            seen_etag[{resource, lang}] = etag;
            if (version < own_write[std::size_t(resource)])
                fail(what + ": v" + std::to_string(version) + " after this client's POST made v" +
                     std::to_string(own_write[std::size_t(resource)]));
            if (const auto replaced = model.replaced_at(resource, version)) {
                const auto late = started - *replaced;
                if (late > p.may_serve_for + slack)
                    fail(what + ": v" + std::to_string(version) + " served " +
                         std::to_string(
                             std::chrono::duration_cast<std::chrono::milliseconds>(late).count()) +
                         " ms after the origin replaced it");
            }
            if (hit) {
                const std::string age = r.header("Age");
                const auto allowed =
                    std::chrono::duration_cast<std::chrono::seconds>(p.may_serve_for).count() + 1;
                if (age.empty() || std::atoi(age.c_str()) > allowed)
                    fail(what + ": Age '" + age + "'");
            }
        }
    };

    // The origin changes resources on its own; the control plane purges.
    std::thread editor([&] {
        std::mt19937 rng(seed ^ 0x5eedu);
        while (!done.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 60));
            model.bump(int(rng() % resource_count));
            switch (rng() % 12) {
            case 0:
                gw.purge_cache_tag("r" + std::to_string(rng() % resource_count));
                break;
            case 1:
                gw.purge_cache_url("http://127.0.0.1/r/" + std::to_string(rng() % resource_count));
                break;
            case 2:
                gw.purge_cache_prefix("/r/1");
                break;
            case 3:
                if (rng() % 4 == 0)
                    gw.flush_cache();
                break;
            default:
                break;
            }
        }
    });
    std::vector<std::thread> clients;
    for (int id = 0; id < client_count; ++id)
        clients.emplace_back(client, id);
    for (auto& t : clients)
        t.join();
    done = true;
    editor.join();
    gw.stop(500ms);

    const std::string report =
        "seed " + std::to_string(seed) + ": " + std::to_string(answered.load()) + " answers, " +
        std::to_string(hits.load()) + " hits, " + std::to_string(not_modified.load()) + " 304s";
    qInfo("%s", report.c_str());
    std::string all;
    for (const auto& f : failures)
        all += "\n  " + f;
    QVERIFY2(failures.empty(), qPrintable(QString::fromStdString(report + all)));
    QCOMPARE(answered.load(), client_count * requests_per_client);
    // The run exercised the cache, not only the origin.
    QVERIFY2(hits.load() > answered.load() / 10, report.c_str());
    QVERIFY2(not_modified.load() > 0, report.c_str());
}

QTEST_GUILESS_MAIN(TestCacheConsistency)
#include "tst_cache_consistency.moc"
