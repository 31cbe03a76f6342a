// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// A socket read that knows whether it drained the socket, so that the next
// read waits for the socket to become readable instead of first trying a
// read that finds nothing.
//
// Before it waits, asio tries every read at once ("speculatively"), in case
// the data is already there. On a proxy's keep-alive connections it nearly
// never is: the next request comes after the response went out, the
// upstream's response after the request went up. Two of a proxied request's
// six socket calls were such reads, each a system call returning EAGAIN.
// nginx makes none: epoll's edge tells it when there is something to read.
//
// asio's reactor has the bookkeeping for this: an operation that reports
// itself "done and exhausted" turns the speculative attempt off for that
// socket until the next readiness event, which turns it back on (also when
// it arrives while no read is pending, so none is missed). Its own receive
// operation only reports that at the end of the stream. This one asks the
// kernel with each read how many bytes are still queued (TCP_INQ, Linux
// 4.18): none, and no FIN pending either (the kernel then reports 1), means
// exhausted. The sockets are registered edge-triggered, so the next bytes
// to arrive raise a new event.
//
// The hint has one blind spot: a reset (RST) that arrives together with the
// last bytes. The kernel's queued count does not show it (only a FIN's), so
// the read that takes those bytes reports the socket exhausted, and the
// reset's readiness event, already spent on that read, does not come again:
// a read waiting for the next event would wait for its deadline (an
// upstream that resets mid-body held its client for its whole read
// timeout; a tunnel stayed open for its idle limit). A write finds the
// reset at once, so only a read that follows a read is at risk: such a read
// is tried at once (`attempt_now`, decided by deadline_stream), as are all
// of a tunnel's. On the common path (a request read whole, its response
// written, the next request read) none is.
//
// Written against asio's reactor internals (its receive operation, in
// boost/asio/detail/reactive_socket_recv_op.hpp, is the model), and so
// checked against the Boost version it was written for.

#include "gateway/socket_calls.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/bind_handler.hpp>
#include <boost/asio/detail/fenced_block.hpp>
#include <boost/asio/detail/handler_alloc_helpers.hpp>
#include <boost/asio/detail/handler_cont_helpers.hpp>
#include <boost/asio/detail/handler_work.hpp>
#include <boost/asio/detail/memory.hpp>
#include <boost/asio/detail/reactor.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/socket_ops.hpp>
#include <boost/asio/error.hpp>
#include <boost/version.hpp>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <type_traits>

static_assert(BOOST_VERSION / 100 == 1081,
              "drained_read.hpp uses asio's reactor internals of Boost 1.81: check "
              "reactive_socket_recv_op.hpp and epoll_reactor::start_op before changing Boost");

namespace gatehouse::gateway::drained_read {

// Reads that found nothing to read, in this process: what the hint saves,
// observable (the tests count them).
inline std::atomic<std::uint64_t> empty_reads{0};

// Turns on the queued-bytes hint for `fd`; false where the kernel has none
// (then reads are never reported exhausted, and asio reads as usual).
inline bool enable_hint(int fd)
{
    const int on = 1;
    return ::setsockopt(fd, IPPROTO_TCP, TCP_INQ, &on, sizeof on) == 0;
}

// One recvmsg into `data`; what asio's reactor wants to know of it.
// (Called with the reactor's lock for the socket held: no waiting here.)
inline boost::asio::detail::reactor_op::status
receive(int fd, void* data, std::size_t size, boost::system::error_code& ec, std::size_t& received)
{
    using status = boost::asio::detail::reactor_op::status;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    iovec iov{data, size};
    for (;;) {
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        const ssize_t n = socket_calls::receive_message(fd, &msg, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                empty_reads.fetch_add(1, std::memory_order_relaxed);
                return status::not_done;
            }
            ec.assign(errno, boost::asio::error::get_system_category());
            received = 0;
            return status::done;
        }
        ec = {};
        received = static_cast<std::size_t>(n);
        if (n == 0) {
            ec = boost::asio::error::eof;
            return status::done_and_exhausted;
        }
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level == SOL_TCP && c->cmsg_type == TCP_CM_INQ) {
                int queued = 0;
                std::memcpy(&queued, CMSG_DATA(c), sizeof queued);
                return queued == 0 ? status::done_and_exhausted : status::done;
            }
        }
        return status::done;
    }
}

template <class Handler, class IoExecutor>
class receive_op : public boost::asio::detail::reactor_op {
public:
    BOOST_ASIO_DEFINE_HANDLER_PTR(receive_op);

    receive_op(const boost::system::error_code& success_ec, int fd,
               boost::asio::mutable_buffer buffer, Handler& handler, const IoExecutor& io_ex)
        : reactor_op(success_ec, &receive_op::do_perform, &receive_op::do_complete)
        , fd_(fd)
        , buffer_(buffer)
        , handler_(static_cast<Handler&&>(handler))
        , work_(handler_, io_ex)
    {
    }

    static status do_perform(reactor_op* base)
    {
        auto* o = static_cast<receive_op*>(base);
        return receive(o->fd_, o->buffer_.data(), o->buffer_.size(), o->ec_, o->bytes_transferred_);
    }

    static void do_complete(void* owner, boost::asio::detail::operation* base,
                            const boost::system::error_code&, std::size_t)
    {
        namespace d = boost::asio::detail;
        auto* o = static_cast<receive_op*>(base);
        ptr p = {d::addressof(o->handler_), o, o};
        d::handler_work<Handler, IoExecutor> w(
            static_cast<d::handler_work<Handler, IoExecutor>&&>(o->work_));
        // The handler is moved out before the operation's memory is freed
        // (it may own that memory), then called.
        d::binder2<Handler, boost::system::error_code, std::size_t> handler(o->handler_, o->ec_,
                                                                            o->bytes_transferred_);
        p.h = d::addressof(handler.handler_);
        p.reset();
        if (owner) {
            d::fenced_block b(d::fenced_block::half);
            w.complete(handler, handler.handler_);
        }
    }

private:
    int fd_;
    boost::asio::mutable_buffer buffer_;
    Handler handler_;
    boost::asio::detail::handler_work<Handler, IoExecutor> work_;
};

// Gives the reactor's view of a socket: asio keeps it in a protected member.
template <class Socket>
struct socket_access : Socket {
    static auto& implementation(Socket& s)
    {
        return (s.*(&socket_access::impl_)).get_implementation();
    }
};

// Starts a read of `socket` into `buffer` that completes `handler` like
// async_read_some. The socket must be open, non-empty buffer. With
// `attempt_now`, the read is tried before it goes to the reactor, even when
// the last one reported the socket exhausted.
template <class Socket, class Handler>
void start(boost::asio::detail::reactor& reactor, Socket& socket,
           boost::asio::mutable_buffer buffer, Handler&& handler, bool attempt_now = false)
{
    namespace d = boost::asio::detail;
    using handler_type = std::decay_t<Handler>;
    using executor_type = typename Socket::executor_type;
    using op = receive_op<handler_type, executor_type>;
    auto& impl = socket_access<Socket>::implementation(socket);
    handler_type h(static_cast<Handler&&>(handler));
    const bool is_continuation = boost_asio_handler_cont_helpers::is_continuation(h);
    typename op::ptr p = {d::addressof(h), op::ptr::allocate(h), nullptr};
    p.p = new (p.v) op(boost::system::error_code(), impl.socket_, buffer, h, socket.get_executor());
    if ((impl.state_ & d::socket_ops::non_blocking) ||
        d::socket_ops::set_internal_non_blocking(impl.socket_, impl.state_, true, p.p->ec_)) {
        // After a read that reported exhaustion the reactor does not try at
        // once (until the next event); this does, and then leaves the read
        // to the reactor as usual, which tries again if an event came since.
        if (attempt_now && op::do_perform(p.p) != d::reactor_op::not_done)
            reactor.post_immediate_completion(p.p, is_continuation);
        else
            reactor.start_op(d::reactor::read_op, impl.socket_, impl.reactor_data_, p.p,
                             is_continuation, true);
    } else {
        reactor.post_immediate_completion(p.p, is_continuation);
    }
    p.v = p.p = nullptr;
}

} // namespace gatehouse::gateway::drained_read
