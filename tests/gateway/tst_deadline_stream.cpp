// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The data plane's stream deadlines, on real connections over 127.0.0.1: a
// read past its deadline is cancelled and says it timed out, a deadline
// moved on keeps the read alive, an idle stream is untouched, and a connect
// gives up at its deadline. Reads after one that drained the socket wait for
// readiness instead of trying a read that finds nothing, and miss nothing:
// bytes that came while no read was pending, the end of the stream arriving
// with the last bytes, more bytes queued than one read takes.
#include "gateway/deadline_stream.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>

#include <QtTest/QTest>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <sys/socket.h>

using namespace gatehouse::gateway;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// A connected pair: `stream` (under test) and the plain `peer` socket.
struct connected_pair {
    asio::io_context ioc{1};
    tcp::acceptor acceptor{ioc, tcp::endpoint(asio::ip::address_v4::loopback(), 0)};
    std::optional<deadline_stream> stream;
    tcp::socket peer{ioc};

    connected_pair()
    {
        worker_socket s(ioc.get_executor());
        s.connect(acceptor.local_endpoint());
        acceptor.accept(peer);
        stream.emplace(std::move(s));
    }
};

struct read_outcome {
    bool done = false;
    boost::system::error_code ec;
    std::size_t bytes = 0;
    std::string data;
    bool timed_out = false;
    std::chrono::steady_clock::duration took{};
};

worker_task<void> read_once(deadline_stream& stream, read_outcome& out, std::size_t size = 64)
{
    std::array<char, 64> buffer;
    const auto started = std::chrono::steady_clock::now();
    auto [ec, n] =
        co_await stream.async_read_some(asio::buffer(buffer.data(), size), worker_nothrow);
    out.took = std::chrono::steady_clock::now() - started;
    out.ec = ec;
    out.bytes = n;
    out.data.assign(buffer.data(), n);
    out.timed_out = stream.timed_out();
    out.done = true;
}

// Writes `bytes` through the stream (as a response going out) and takes
// them off at the peer.
void write_once(connected_pair& p, std::string_view bytes)
{
    bool written = false;
    asio::co_spawn(
        p.ioc,
        [&]() -> worker_task<void> {
            co_await asio::async_write(*p.stream, asio::buffer(bytes), worker_nothrow);
            written = true;
        },
        asio::detached);
    for (int i = 0; i < 100 && !written; ++i) {
        p.ioc.restart();
        p.ioc.run_for(10ms);
    }
    std::string got(bytes.size(), '\0');
    asio::read(p.peer, asio::buffer(got));
}

void run_until(asio::io_context& ioc, const read_outcome& out, std::chrono::milliseconds limit)
{
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!out.done && std::chrono::steady_clock::now() < end) {
        if (ioc.stopped())
            ioc.restart(); // it stops whenever it runs out of work
        ioc.run_for(10ms);
    }
}

} // namespace

class DeadlineStreamTest : public QObject {
    Q_OBJECT

private slots:
    void readPastItsDeadlineIsCancelled()
    {
        connected_pair p;
        p.stream->expires_after(100ms);
        read_outcome out;
        asio::co_spawn(p.ioc, read_once(*p.stream, out), asio::detached);
        run_until(p.ioc, out, 5000ms);
        QVERIFY(out.done);
        QCOMPARE(out.ec, boost::system::error_code(asio::error::operation_aborted));
        QVERIFY(out.timed_out);
        QVERIFY(out.took >= 90ms);
        // Cancelled, not closed: the connection still carries data.
        QVERIFY(p.stream->socket().is_open());
        p.stream->expires_after(2s);
        QVERIFY(!p.stream->timed_out());
        read_outcome again;
        asio::co_spawn(p.ioc, read_once(*p.stream, again), asio::detached);
        asio::write(p.peer, asio::buffer(std::string_view("ping")));
        run_until(p.ioc, again, 5000ms);
        QVERIFY(!again.ec);
        QCOMPARE(again.bytes, std::size_t(4));
        QVERIFY(!again.timed_out);
    }

    void deadlineMovedOnKeepsTheReadAlive()
    {
        // The first read arms the wait at 150 ms; the deadline then moves
        // to 600 ms. The wait that ends first must re-arm, not cancel.
        connected_pair p;
        p.stream->expires_after(150ms);
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        asio::write(p.peer, asio::buffer(std::string_view("a")));
        run_until(p.ioc, first, 5000ms);
        QVERIFY(!first.ec);

        p.stream->expires_after(600ms);
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        // Past the first deadline, before the second: still waiting.
        p.ioc.restart();
        p.ioc.run_for(300ms);
        QVERIFY(!second.done);
        asio::write(p.peer, asio::buffer(std::string_view("b")));
        run_until(p.ioc, second, 5000ms);
        QVERIFY(!second.ec);
        QCOMPARE(second.bytes, std::size_t(1));
    }

    void earlierDeadlineIsHonoured()
    {
        // A long deadline armed first, then a short one: the short one wins.
        connected_pair p;
        p.stream->expires_after(60s);
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        asio::write(p.peer, asio::buffer(std::string_view("a")));
        run_until(p.ioc, first, 5000ms);
        QVERIFY(!first.ec);

        p.stream->expires_after(100ms);
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        run_until(p.ioc, second, 5000ms);
        QVERIFY(second.done);
        QVERIFY(second.timed_out);
        QVERIFY(second.took < 5000ms);
    }

    void idleStreamIsUntouchedByAPassedDeadline()
    {
        connected_pair p;
        p.stream->expires_after(50ms);
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        asio::write(p.peer, asio::buffer(std::string_view("a")));
        run_until(p.ioc, first, 5000ms);
        QVERIFY(!first.ec);
        // Idle well past the deadline, as a pooled connection would be.
        p.ioc.restart();
        p.ioc.run_for(200ms);
        QVERIFY(p.stream->socket().is_open());
        p.stream->expires_never();
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        asio::write(p.peer, asio::buffer(std::string_view("bc")));
        run_until(p.ioc, second, 5000ms);
        QVERIFY(!second.ec);
        QCOMPARE(second.bytes, std::size_t(2));
    }

    void connectGivesUpAtItsDeadline()
    {
        // A listener whose backlog is full: further connections hang in
        // SYN-SENT (the kernel drops their SYNs), so only the deadline ends
        // the attempt.
        asio::io_context ioc{1};
        tcp::acceptor full(ioc);
        full.open(tcp::v4());
        full.bind(tcp::endpoint(asio::ip::address_v4::loopback(), 0));
        full.listen(0);
        std::vector<std::unique_ptr<tcp::socket>> fillers;
        for (int i = 0; i < 8; ++i) {
            auto s = std::make_unique<tcp::socket>(ioc);
            s->open(tcp::v4());
            s->non_blocking(true);
            // Started, never waited for (asio's connect would wait).
            const auto to = full.local_endpoint();
            (void)::connect(s->native_handle(), to.data(), static_cast<socklen_t>(to.size()));
            fillers.push_back(std::move(s));
        }
        deadline_stream stream(ioc);
        stream.expires_after(200ms);
        std::optional<boost::system::error_code> result;
        const std::array endpoints{full.local_endpoint()};
        auto attempt = [&]() -> worker_task<void> {
            auto [ec, endpoint] = co_await stream.connect(endpoints);
            result = ec;
        };
        const auto started = std::chrono::steady_clock::now();
        asio::co_spawn(ioc, attempt(), asio::detached);
        const auto end = started + 10s;
        while (!result && std::chrono::steady_clock::now() < end)
            ioc.run_for(10ms);
        QVERIFY(result.has_value());
        QCOMPARE(*result, boost::system::error_code(boost::beast::error::timeout));
        QVERIFY(stream.timed_out());
        QVERIFY(std::chrono::steady_clock::now() - started < 5s);
    }

    void readAfterADrainingReadWaitsForData()
    {
        // As on a keep-alive connection: the read waits, the bytes come and
        // complete it (a read made before their readiness event was seen
        // would leave that event to re-enable the attempt).
        connected_pair p;
        p.stream->expires_after(5s);
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        p.ioc.run_for(50ms);
        QVERIFY(!first.done);
        asio::write(p.peer, asio::buffer(std::string_view("request-1")));
        run_until(p.ioc, first, 5000ms);
        QVERIFY(!first.ec);
        QCOMPARE(first.data, std::string("request-1"));

        // That read took all there was, and the response went out: the next
        // read waits for the socket to become readable, without a read that
        // finds nothing first.
        write_once(p, "response-1");
        const auto empty_before = drained_read::empty_reads.load();
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        p.ioc.restart();
        p.ioc.run_for(100ms);
        QVERIFY(!second.done);
        asio::write(p.peer, asio::buffer(std::string_view("request-2")));
        run_until(p.ioc, second, 5000ms);
        QVERIFY(!second.ec);
        QCOMPARE(second.data, std::string("request-2"));
        QCOMPARE(drained_read::empty_reads.load(), empty_before);
    }

    void readRightAfterAReadTriesFirst()
    {
        // No write between two reads (a body read on after its head): the
        // second one tries the socket before it waits, since a reset that
        // came with the first one's bytes would raise no event of its own.
        connected_pair p;
        p.stream->expires_after(5s);
        asio::write(p.peer, asio::buffer(std::string_view("head")));
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        run_until(p.ioc, first, 5000ms);
        QCOMPARE(first.data, std::string("head"));
        const auto empty_before = drained_read::empty_reads.load();
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        p.ioc.restart();
        p.ioc.run_for(100ms);
        QVERIFY(!second.done);
        QVERIFY(drained_read::empty_reads.load() > empty_before); // it tried
        asio::write(p.peer, asio::buffer(std::string_view("body")));
        run_until(p.ioc, second, 5000ms);
        QCOMPARE(second.data, std::string("body"));
    }

    void resetWithTheLastBytesIsSeenByTheNextRead_data()
    {
        QTest::addColumn<bool>("eager");
        QTest::newRow("read after read") << false;
        QTest::newRow("eager (tunnel)") << true;
    }

    void resetWithTheLastBytesIsSeenByTheNextRead()
    {
        // Bytes and a reset (RST) together, with a read waiting: one
        // readiness event, spent on the read that takes the bytes, and the
        // kernel's queued count does not show a reset. The next read must
        // find it at once all the same.
        QFETCH(bool, eager);
        connected_pair p;
        p.stream->expires_after(5s);
        if (eager)
            p.stream->read_eagerly();
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        p.ioc.run_for(50ms);
        QVERIFY(!first.done);
        asio::write(p.peer, asio::buffer(std::string_view("last words")));
        p.peer.set_option(asio::socket_base::linger(true, 0));
        p.peer.close();
        run_until(p.ioc, first, 5000ms);
        QCOMPARE(first.data, std::string("last words"));
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        run_until(p.ioc, second, 2000ms);
        QVERIFY(second.done);
        QCOMPARE(second.ec, boost::system::error_code(asio::error::connection_reset));
        QVERIFY(second.took < 1000ms);
        QVERIFY(!second.timed_out);
    }

    void bytesArrivingWhileNoReadIsPendingAreRead()
    {
        // The readiness event for "late" comes and goes while no read is
        // pending; the read started after it must still find the bytes.
        connected_pair p;
        p.stream->expires_after(5s);
        asio::write(p.peer, asio::buffer(std::string_view("early")));
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        run_until(p.ioc, first, 5000ms);
        QCOMPARE(first.data, std::string("early"));
        asio::write(p.peer, asio::buffer(std::string_view("late")));
        p.ioc.restart();
        p.ioc.run_for(100ms); // the reactor sees the event, no read waits for it
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        run_until(p.ioc, second, 2000ms);
        QVERIFY(second.done);
        QVERIFY(!second.ec);
        QCOMPARE(second.data, std::string("late"));
        QVERIFY(second.took < 1000ms);
    }

    void endOfStreamWithTheLastBytesIsSeenAtOnce()
    {
        // Bytes and FIN together: the read that takes the bytes has not
        // drained the stream (the kernel says the FIN is pending), so the
        // next read finds the end at once instead of waiting for an event
        // that was already delivered.
        connected_pair p;
        p.stream->expires_after(5s);
        asio::write(p.peer, asio::buffer(std::string_view("last words")));
        p.peer.shutdown(tcp::socket::shutdown_send);
        p.ioc.restart();
        p.ioc.run_for(50ms);
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        run_until(p.ioc, first, 5000ms);
        QCOMPARE(first.data, std::string("last words"));
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        run_until(p.ioc, second, 2000ms);
        QVERIFY(second.done);
        QCOMPARE(second.ec, boost::system::error_code(asio::error::eof));
        QVERIFY(second.took < 1000ms);
        QVERIFY(!second.timed_out);
    }

    void endOfStreamWithTheLastBytesIsSeenAfterAWrite_data()
    {
        QTest::addColumn<bool>("read_waiting");
        QTest::addColumn<bool>("reset");
        QTest::newRow("FIN, read waiting") << true << false;
        QTest::newRow("FIN, read started after") << false << false;
        QTest::newRow("reset, read waiting") << true << true;
        QTest::newRow("reset, read started after") << false << true;
    }

    void endOfStreamWithTheLastBytesIsSeenAfterAWrite()
    {
        // A client that half-closes (or resets) right after its request: the
        // request and the end come in one readiness event, the read that
        // takes the request spends it, the response goes out, and the read
        // for the next request must find the end at once, not wait for an
        // event that was already delivered (for the keep-alive timeout).
        QFETCH(bool, read_waiting);
        QFETCH(bool, reset);
        connected_pair p;
        p.stream->expires_after(5s);
        read_outcome first;
        if (read_waiting) {
            asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
            p.ioc.run_for(50ms);
            QVERIFY(!first.done);
        }
        asio::write(p.peer, asio::buffer(std::string_view("request")));
        if (reset) {
            p.peer.set_option(asio::socket_base::linger(true, 0));
            p.peer.close();
        } else {
            p.peer.shutdown(tcp::socket::shutdown_send);
        }
        if (!read_waiting) {
            p.ioc.restart();
            p.ioc.run_for(50ms); // the reactor takes the event, no read waits
            asio::co_spawn(p.ioc, read_once(*p.stream, first), asio::detached);
        }
        run_until(p.ioc, first, 5000ms);
        QCOMPARE(first.data, std::string("request"));
        if (!reset)
            write_once(p, "response");
        else
            p.stream->wrote_directly(); // as after a response: the next read waits
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        p.ioc.restart();
        run_until(p.ioc, second, 2000ms);
        QVERIFY(second.done);
        QCOMPARE(second.ec, reset ? boost::system::error_code(asio::error::connection_reset)
                                  : boost::system::error_code(asio::error::eof));
        QVERIFY(second.took < 1000ms);
        QVERIFY(!second.timed_out);
    }

    void moreQueuedThanOneReadTakesIsReadOn()
    {
        connected_pair p;
        p.stream->expires_after(5s);
        asio::write(p.peer, asio::buffer(std::string_view("0123456789abcdef")));
        p.ioc.restart();
        p.ioc.run_for(50ms);
        read_outcome first;
        asio::co_spawn(p.ioc, read_once(*p.stream, first, 10), asio::detached);
        run_until(p.ioc, first, 5000ms);
        QCOMPARE(first.data, std::string("0123456789"));
        read_outcome second;
        asio::co_spawn(p.ioc, read_once(*p.stream, second), asio::detached);
        run_until(p.ioc, second, 2000ms);
        QVERIFY(second.done);
        QCOMPARE(second.data, std::string("abcdef"));
        QVERIFY(second.took < 1000ms);
    }

    void connectReportsARefusedPort()
    {
        asio::io_context ioc{1};
        tcp::endpoint closed;
        {
            tcp::acceptor a(ioc, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
            closed = a.local_endpoint();
        }
        deadline_stream stream(ioc);
        stream.expires_after(2s);
        std::optional<boost::system::error_code> result;
        const std::array endpoints{closed};
        auto attempt = [&]() -> worker_task<void> {
            auto [ec, endpoint] = co_await stream.connect(endpoints);
            result = ec;
        };
        asio::co_spawn(ioc, attempt(), asio::detached);
        for (int i = 0; i < 500 && !result; ++i)
            ioc.run_for(10ms);
        QVERIFY(result.has_value());
        QCOMPARE(*result, boost::system::error_code(asio::error::connection_refused));
        QVERIFY(!stream.timed_out());
    }
};

QTEST_GUILESS_MAIN(DeadlineStreamTest)
#include "tst_deadline_stream.moc"
