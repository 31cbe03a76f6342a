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
// operation only reports that at the end of the stream. This one reports it
// as nginx decides it: a read that got fewer bytes than it asked for has
// taken everything queued, since the sockets are registered edge-triggered
// and the next bytes to arrive raise a new event.
//
// Except when the peer's FIN (or a reset) is queued behind those bytes: the
// end of the stream raises no new event if its event was already spent on
// the read that took the last bytes, and a read waiting for one would wait
// for its deadline (a client that half-closes after its request would hold
// its connection for the whole keep-alive timeout; an upstream that resets
// mid-body held its client for its read timeout). So each socket is also
// registered for EPOLLRDHUP, as nginx registers its own, and the read looks
// at the events of the socket's last readiness event, which the reactor
// keeps: RDHUP, HUP or ERR there means the end may be queued, and the read
// reports "done" (the next read tries at once and finds it). That event is
// current enough: every event taken after a FIN or reset arrived carries
// those bits (epoll reports the socket's state as it is when the event is
// taken), and a FIN or reset that arrived after the last one taken has an
// event of its own still to come.
//
// A read right after a read (a body read on after its head, with no write
// between) is still tried at once (`attempt_now`, decided by
// deadline_stream), as are all of a tunnel's: the bytes are often there
// already, and it keeps a second guard on the end of the stream.
//
// The registration costs one epoll_ctl per connection; when the first bytes
// are already queued then, epoll announces them again, and the first read
// after the first response tries once for nothing. Per request, nothing.
//
// Before that, each read was a recvmsg that asked the kernel how many bytes
// were left (TCP_INQ): exact, but the message header a recvmsg copies in
// and the control message it copies out cost a third more than a plain
// recv, 4-5 % of a small proxied request's CPU time over its two reads.
//
// Written against asio's reactor internals (its receive operation, in
// boost/asio/detail/reactive_socket_recv_op.hpp, is the model; the epoll
// registration and the last event's bits are private members of
// epoll_reactor and its descriptor_state), and so checked against the Boost
// version it was written for.

#include "gateway/socket_calls.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/bind_handler.hpp>
#include <boost/asio/detail/epoll_reactor.hpp>
#include <boost/asio/detail/fenced_block.hpp>
#include <boost/asio/detail/handler_alloc_helpers.hpp>
#include <boost/asio/detail/handler_cont_helpers.hpp>
#include <boost/asio/detail/handler_work.hpp>
#include <boost/asio/detail/memory.hpp>
#include <boost/asio/detail/reactor.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/scheduler_operation.hpp>
#include <boost/asio/detail/socket_ops.hpp>
#include <boost/asio/error.hpp>
#include <boost/version.hpp>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <type_traits>

static_assert(BOOST_VERSION / 100 == 1081,
              "drained_read.hpp uses asio's reactor internals of Boost 1.81: check "
              "reactive_socket_recv_op.hpp and epoll_reactor (start_op, run, descriptor_state) "
              "before changing Boost");

namespace gatehouse::gateway::drained_read {

// Reads that found nothing to read, in this process: what the hint saves,
// observable (the tests count them).
inline std::atomic<std::uint64_t> empty_reads{0};

using descriptor_state = boost::asio::detail::epoll_reactor::descriptor_state;

// The events of the socket's last readiness event: the reactor keeps them
// in the descriptor's operation, as task_result_ (protected), until the next.
struct last_events_of : boost::asio::detail::scheduler_operation {
    static std::uint32_t get(descriptor_state* state)
    {
        // A C-style cast reaches the private base (descriptor_state derives
        // from its operation privately), as no other cast may.
        auto* op = (boost::asio::detail::scheduler_operation*)state;
        return static_cast<std::uint32_t>(op->*(&last_events_of::task_result_));
    }
};

// What in a readiness event says the stream's end may be queued.
inline constexpr std::uint32_t end_events = EPOLLRDHUP | EPOLLHUP | EPOLLERR;

// Registers the socket for EPOLLRDHUP as well, in the reactor's own
// registration (which asio's later changes keep); false where that fails
// (then reads are never reported exhausted, and asio reads as usual). Once
// per socket, from the thread that runs its io_context.
bool enable_hint(boost::asio::detail::reactor& reactor, descriptor_state* state, int fd);

// One recv into `data`; what asio's reactor wants to know of it.
// (Called with the reactor's lock for the socket held: no waiting here.)
inline boost::asio::detail::reactor_op::status receive(int fd, void* data, std::size_t size,
                                                       std::uint32_t last_events,
                                                       boost::system::error_code& ec,
                                                       std::size_t& received)
{
    using status = boost::asio::detail::reactor_op::status;
    for (;;) {
        const ssize_t n = socket_calls::receive_bytes(fd, data, size, 0);
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
        const bool drained = received < size && (last_events & end_events) == 0;
        return drained ? status::done_and_exhausted : status::done;
    }
}

template <class Handler, class IoExecutor>
class receive_op : public boost::asio::detail::reactor_op {
public:
    BOOST_ASIO_DEFINE_HANDLER_PTR(receive_op);

    receive_op(const boost::system::error_code& success_ec, int fd, descriptor_state* state,
               boost::asio::mutable_buffer buffer, Handler& handler, const IoExecutor& io_ex)
        : reactor_op(success_ec, &receive_op::do_perform, &receive_op::do_complete)
        , fd_(fd)
        , state_(state)
        , buffer_(buffer)
        , handler_(static_cast<Handler&&>(handler))
        , work_(handler_, io_ex)
    {
    }

    static status do_perform(reactor_op* base)
    {
        auto* o = static_cast<receive_op*>(base);
        return receive(o->fd_, o->buffer_.data(), o->buffer_.size(), last_events_of::get(o->state_),
                       o->ec_, o->bytes_transferred_);
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
    descriptor_state* state_; // the socket's, in the reactor
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

// enable_hint for an open asio socket of `reactor`.
template <class Socket>
bool enable_hint(boost::asio::detail::reactor& reactor, Socket& socket)
{
    return enable_hint(reactor, socket_access<Socket>::implementation(socket).reactor_data_,
                       socket.native_handle());
}

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
    p.p = new (p.v) op(boost::system::error_code(), impl.socket_, impl.reactor_data_, buffer, h,
                       socket.get_executor());
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
