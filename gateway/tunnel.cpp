// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/tunnel.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/write.hpp>

#include <memory>

namespace gatehouse::gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t tunnel_buffer_size = 16 * 1024;

struct tunnel_state {
    tunnel_state(worker_stream& c, worker_stream& u, std::chrono::milliseconds idle)
        : client(c)
        , upstream(u)
        , idle_timeout(idle)
        , other_done(c.get_executor())
    {
        other_done.expires_at(worker_timer::time_point::max());
    }

    worker_stream& client;
    worker_stream& upstream;
    std::chrono::milliseconds idle_timeout;
    tunnel_result result;
    bool spawned_finished = false;
    worker_timer other_done; // cancelled when the spawned direction ends

    // Both ends share one idle deadline, moved on whenever a byte moves
    // either way: a quiet direction is fine while the other one talks.
    void touch()
    {
        client.expires_after(idle_timeout);
        upstream.expires_after(idle_timeout);
    }

    // Ends both directions: their pending reads and writes complete. An
    // encrypted client's connection is only shut for reading, with its
    // pending operations cancelled, so that its session can still end TLS
    // with a close_notify.
    void break_off()
    {
        boost::system::error_code ignored;
        if (client.encrypted()) {
            client.socket().shutdown(tcp::socket::shutdown_receive, ignored);
            client.socket().cancel(ignored);
        } else {
            client.socket().shutdown(tcp::socket::shutdown_both, ignored);
        }
        upstream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    }
};

worker_task<void> pump(tunnel_state& s, worker_stream& from, boost::beast::flat_buffer& pending,
                       worker_stream& to, std::uint64_t& moved)
{
    if (pending.size() != 0) {
        auto [ec, n] = co_await asio::async_write(to, pending.data(), worker_nothrow);
        moved += n;
        pending.consume(n);
        if (ec) {
            s.break_off();
            co_return;
        }
        s.touch();
    }
    const auto buffer = std::make_unique<char[]>(tunnel_buffer_size);
    for (;;) {
        auto [ec, n] = co_await from.async_read_some(asio::buffer(buffer.get(), tunnel_buffer_size),
                                                     worker_nothrow);
        if (ec == asio::error::eof && !from.encrypted() && !to.encrypted()) {
            // The sender is done; the other direction may still have
            // something to say.
            boost::system::error_code ignored;
            to.socket().shutdown(tcp::socket::shutdown_send, ignored);
            co_return;
        }
        if (ec) {
            // Broken, timed out, or an end over TLS (no half-close there):
            // the end of the tunnel.
            s.break_off();
            co_return;
        }
        s.touch();
        auto [write_ec, written] =
            co_await asio::async_write(to, asio::buffer(buffer.get(), n), worker_nothrow);
        moved += written;
        if (write_ec) {
            s.break_off();
            co_return;
        }
        s.touch();
    }
}

// The upstream-to-client direction, in a coroutine of its own: its frame
// holds the state it shares.
worker_task<void> pump_back(std::shared_ptr<tunnel_state> s, boost::beast::flat_buffer& pending)
{
    co_await pump(*s, s->upstream, pending, s->client, s->result.to_client);
}

} // namespace

worker_task<tunnel_result> run_tunnel(worker_stream& client,
                                      boost::beast::flat_buffer& client_pending,
                                      worker_stream& upstream,
                                      boost::beast::flat_buffer& upstream_pending,
                                      std::chrono::milliseconds idle_timeout)
{
    // Shared with the spawned direction, whose frame may outlive this one
    // only when the io_context is torn down without running it.
    const auto s = std::make_shared<tunnel_state>(client, upstream, idle_timeout);
    // A reset that came with the last bytes of the handshake's exchange,
    // or with any later ones, must end the tunnel now, not at its idle limit.
    client.read_eagerly();
    upstream.read_eagerly();
    s->touch();
    asio::co_spawn(client.get_executor(), pump_back(s, upstream_pending), [s](std::exception_ptr) {
        s->spawned_finished = true;
        s->other_done.cancel();
    });
    co_await pump(*s, client, client_pending, upstream, s->result.to_upstream);
    while (!s->spawned_finished)
        co_await s->other_done.async_wait(worker_nothrow);
    client.expires_never();
    upstream.expires_never();
    co_return s->result;
}

} // namespace gatehouse::gateway
