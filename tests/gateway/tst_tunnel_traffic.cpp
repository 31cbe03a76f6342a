// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Random traffic through WebSocket tunnels, checked byte for byte. After
// the handshake a tunnel carries bytes it never looks at, so the clients
// here send random binary data (not WebSocket frames) in random pieces with
// random pauses, some with their first bytes in the handshake's own
// segment, to an origin that greets with bytes sent along with its 101 and
// then echoes. The ends differ: a client that half-closes must get every
// byte back and then the end; one that resets, and an origin that resets
// halfway, must end the tunnel at both sides, with what arrived a prefix of
// what was sent. Afterwards no connection is left open on either side and
// the gateway still proxies. The run is seeded (GATEHOUSE_TEST_SEED) and
// bounded in connections, bytes and time.
#include "gateway_fixture.h"
#include "tests/support/seeded_run.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/write.hpp>

#include <QtTest/QTest>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

namespace {

// The greeting's bytes: known to both ends without being sent as a parameter.
std::string greeting(std::size_t size)
{
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<char>((i * 7 + 3) % 251);
    return out;
}

void limit_reads(int fd, std::chrono::milliseconds timeout)
{
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

// Closes a connection with a reset instead of a FIN.
void reset(int fd)
{
    linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

// The origin: answers a WebSocket handshake with a 101 and `greet` bytes in
// the same write, then echoes what it reads. With `reset_after`, it resets
// the connection once it has echoed that many bytes; at the end of what it
// reads it half-closes after the last echo.
class echo_origin {
public:
    echo_origin()
        : origin_([this](threaded_origin::socket& s) { serve(s); })
    {
    }
    std::uint16_t port() const { return origin_.port(); }
    int open() const { return open_.load(); }

private:
    void serve(threaded_origin::socket& s)
    {
        ++open_;
        limit_reads(s.native_handle(), 15s);
        boost::asio::streambuf buffer;
        const auto head = threaded_origin::read_head(s, buffer);
        if (!head) {
            --open_;
            return;
        }
        const std::string_view request_line = std::string_view(*head).substr(0, head->find('\r'));
        const std::size_t reset_after = query_number(request_line, "reset_after");
        std::string reply = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\n\r\n" +
                            greeting(query_number(request_line, "greet"));
        boost::system::error_code ec;
        boost::asio::write(s, boost::asio::buffer(reply), ec);
        // What came with the head (a client's first bytes), then the rest.
        std::string pending(boost::asio::buffers_begin(buffer.data()),
                            boost::asio::buffers_end(buffer.data()));
        std::size_t echoed = 0;
        std::vector<char> chunk(64 * 1024);
        while (!ec) {
            if (pending.empty()) {
                const std::size_t n = s.read_some(boost::asio::buffer(chunk), ec);
                pending.assign(chunk.data(), n);
                if (ec)
                    break;
            }
            std::string_view out = pending;
            if (reset_after && echoed + out.size() >= reset_after)
                out = out.substr(0, reset_after - echoed);
            boost::asio::write(s, boost::asio::buffer(out), ec);
            echoed += out.size();
            pending.clear();
            if (reset_after && echoed >= reset_after) {
                linger l{1, 0}; // a reset instead of a FIN
                ::setsockopt(s.native_handle(), SOL_SOCKET, SO_LINGER, &l, sizeof l);
                s.close(ec);
                --open_;
                return;
            }
        }
        if (ec == boost::asio::error::eof)
            s.shutdown(threaded_origin::socket::shutdown_send, ec); // every byte echoed
        --open_;
    }

    std::atomic<int> open_{0};
    threaded_origin origin_; // last: its threads use the members above
};

enum class ending { half_close, client_reset, origin_reset };

struct tunnel_plan {
    ending end = ending::half_close;
    std::size_t greet = 0;
    std::string payload;
    std::vector<std::size_t> pieces; // sizes, summing to payload.size()
    std::vector<int> pauses_ms;      // before each piece
    bool first_with_handshake = false;
    std::size_t reset_after = 0; // origin_reset: bytes echoed before it
    std::size_t reset_at = 0;    // client_reset: bytes sent before it
};

tunnel_plan make_plan(std::mt19937& rng)
{
    tunnel_plan p;
    const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
    p.end = kind < 6 ? ending::half_close : kind < 8 ? ending::client_reset : ending::origin_reset;
    p.greet = std::uniform_int_distribution<int>(0, 3)(rng) == 0
                  ? 0
                  : std::uniform_int_distribution<std::size_t>(1, 40000)(rng);
    const int pieces = std::uniform_int_distribution<int>(1, 24)(rng);
    for (int i = 0; i < pieces; ++i) {
        const int scale = std::uniform_int_distribution<int>(0, 9)(rng);
        const std::size_t size =
            scale < 4   ? std::uniform_int_distribution<std::size_t>(1, 64)(rng)
            : scale < 8 ? std::uniform_int_distribution<std::size_t>(65, 16 * 1024)(rng)
                        : std::uniform_int_distribution<std::size_t>(16 * 1024, 200 * 1024)(rng);
        p.pieces.push_back(size);
        p.pauses_ms.push_back(std::uniform_int_distribution<int>(0, 5)(rng) == 0
                                  ? std::uniform_int_distribution<int>(1, 40)(rng)
                                  : 0);
    }
    std::size_t total = 0;
    for (auto n : p.pieces)
        total += n;
    p.payload.resize(total);
    std::uniform_int_distribution<int> byte(0, 255);
    for (auto& c : p.payload)
        c = static_cast<char>(byte(rng));
    p.first_with_handshake = std::uniform_int_distribution<int>(0, 2)(rng) == 0;
    if (p.end == ending::origin_reset)
        p.reset_after = std::uniform_int_distribution<std::size_t>(1, total)(rng);
    if (p.end == ending::client_reset)
        p.reset_at = std::uniform_int_distribution<std::size_t>(0, total)(rng);
    return p;
}

// Runs one tunnel as planned; empty when everything held, else what did not.
std::string run_tunnel(std::uint16_t port, const tunnel_plan& plan, int index)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd);
        return "connect failed";
    }
    limit_reads(fd, 10s);
    const std::string where = "tunnel " + std::to_string(index) + ": ";

    std::string target = "/t/" + std::to_string(index) + "?greet=" + std::to_string(plan.greet);
    if (plan.reset_after)
        target += "&reset_after=" + std::to_string(plan.reset_after);
    std::string handshake = "GET " + target +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n\r\n";
    std::size_t first = 0;
    if (plan.first_with_handshake && plan.end != ending::client_reset) {
        first = plan.pieces.front();
        handshake.append(plan.payload, 0, first);
    }
    const auto send = [fd](std::string_view data) {
        return send_all(fd, data);
    };
    if (!send(handshake)) {
        ::close(fd);
        return where + "handshake not sent";
    }

    // The reader: the 101's head, then the greeting and the echo.
    const std::string expected = greeting(plan.greet) + plan.payload;
    std::string received;
    std::string head;
    int read_errno = 0;
    bool ended_cleanly = false;
    std::thread reader([&] {
        char buffer[32 * 1024];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n == 0) {
                ended_cleanly = true;
                return;
            }
            if (n < 0) {
                read_errno = errno;
                return;
            }
            std::string_view got(buffer, static_cast<std::size_t>(n));
            if (!head.ends_with("\r\n\r\n")) {
                const auto end = std::string(head).append(got).find("\r\n\r\n");
                if (end == std::string::npos) {
                    head.append(got);
                    continue;
                }
                const std::size_t take = end + 4 - head.size();
                head.append(got.substr(0, take));
                got.remove_prefix(take);
            }
            received.append(got);
        }
    });

    // The writer: the pieces, with their pauses; then the planned end.
    std::size_t sent = first;
    bool reset_sent = false;
    for (std::size_t i = first ? 1 : 0; i < plan.pieces.size(); ++i) {
        if (plan.pauses_ms[i])
            std::this_thread::sleep_for(std::chrono::milliseconds(plan.pauses_ms[i]));
        std::string_view piece = std::string_view(plan.payload).substr(sent, plan.pieces[i]);
        if (plan.end == ending::client_reset && sent + piece.size() >= plan.reset_at) {
            send(piece.substr(0, plan.reset_at - sent));
            sent = plan.reset_at;
            reset_sent = true;
            break;
        }
        if (!send(piece))
            break; // the origin's reset reached us
        sent += piece.size();
    }
    if (plan.end == ending::client_reset) {
        // The reader is stopped by the shutdown; the reset follows.
        ::shutdown(fd, SHUT_RD);
        reader.join();
        reset(fd);
        if (!reset_sent && plan.reset_at != sent)
            return where + "did not reach its reset point";
        // The 101 may not have arrived before the reset; what did is in order.
        if (!head.empty() && !head.starts_with("HTTP/1.1 101 ") && !head.starts_with("HTTP/1.1"))
            return where + "not an HTTP answer: " + head.substr(0, 40);
        if (!expected.starts_with(received))
            return where + "bytes before the reset differ from those sent";
        return {};
    }
    if (plan.end == ending::half_close)
        ::shutdown(fd, SHUT_WR);
    reader.join();
    ::close(fd);

    if (!head.starts_with("HTTP/1.1 101 "))
        return where + "not switched: " + head.substr(0, 60);
    if (plan.end == ending::half_close) {
        if (!ended_cleanly)
            return where + "ended by an error (" + std::to_string(read_errno) +
                   ") instead of the origin's end, " + std::to_string(received.size()) + " of " +
                   std::to_string(expected.size()) + " bytes back";
        if (received != expected)
            return where + std::to_string(received.size()) + " bytes back, " +
                   std::to_string(expected.size()) + " sent and greeted" +
                   (expected.starts_with(received) ? " (a prefix)" : " (different bytes)");
        return {};
    }
    // The origin reset after echoing reset_after bytes: at most the greeting
    // and those come back, in order, and the tunnel ends.
    if (received.size() > plan.greet + plan.reset_after)
        return where + "more bytes than the origin echoed before its reset";
    if (!expected.starts_with(received))
        return where + "bytes before the origin's reset differ from those sent";
    if (read_errno == EAGAIN || read_errno == EWOULDBLOCK)
        return where + "the tunnel stayed open after the origin's reset";
    return {};
}

} // namespace

class TestTunnelTraffic : public QObject {
    Q_OBJECT

private slots:
    void randomTrafficArrivesWholeAndTunnelsEnd();
};

void TestTunnelTraffic::randomTrafficArrivesWholeAndTunnelsEnd()
{
    const unsigned seed = run_seed(20261204);
    echo_origin origin;
    gateway::config_snapshot config;
    auto upstream = make_upstream("origin", {origin.port()});
    // The tunnels' idle limit: far beyond the clients' 10 s read limit, so
    // that a tunnel left open after a reset fails the run, not ends late.
    upstream.read_timeout = 30s;
    config.upstreams.push_back(upstream);
    config.routes.push_back(make_route("tunnels", "/t", "origin"));
    gateway::gateway_server gw;
    QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
    QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

    constexpr int clients = 6;
    constexpr int tunnels_per_client = 16;
    failure_log failures;
    std::mutex mutex;
    std::vector<int> endings(3, 0);
    run_clients(seed, clients, [&](std::mt19937& rng, int c) {
        for (int t = 0; t < tunnels_per_client; ++t) {
            const auto plan = make_plan(rng);
            failures.add(run_tunnel(gw.port(), plan, c * tunnels_per_client + t));
            std::lock_guard lock(mutex);
            ++endings[static_cast<std::size_t>(plan.end)];
        }
    });
    const auto failed = failures.all();
    for (const auto& f : failed)
        qWarning("%s", f.c_str());
    QVERIFY2(failed.empty(), (std::to_string(failed.size()) + " tunnels failed").c_str());
    QVERIFY2(endings[0] > 0 && endings[1] > 0 && endings[2] > 0,
             "the seed did not plan every kind of ending");

    // Nothing left open at either side.
    QTRY_COMPARE_WITH_TIMEOUT(origin.open(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(gw.stats().active_connections, std::uint64_t(0), 5000);
    // And the gateway still switches and carries a tunnel.
    tunnel_plan plain;
    plain.payload = "still here";
    plain.pieces = {plain.payload.size()};
    plain.pauses_ms = {0};
    QCOMPARE(QString::fromStdString(run_tunnel(gw.port(), plain, 999)), QString());
    gw.stop(500ms);
}

QTEST_GUILESS_MAIN(TestTunnelTraffic)
#include "tst_tunnel_traffic.moc"
