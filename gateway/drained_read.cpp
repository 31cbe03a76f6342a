// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/drained_read.hpp"

#include <boost/asio/detail/conditionally_enabled_mutex.hpp>

#include <sys/epoll.h>

namespace gatehouse::gateway::drained_read {
namespace {

namespace d = boost::asio::detail;

// Names private members of asio's reactor: an explicit instantiation is the
// one place where C++ does not check access ([temp.spec.general]), and this
// file the one place that instantiates these.
template <class Tag, typename Tag::type Member>
struct expose {
    friend typename Tag::type member(Tag) { return Member; }
};
struct epoll_fd {
    using type = int d::epoll_reactor::*;
    friend type member(epoll_fd);
};
struct registered_events {
    using type = std::uint32_t d::epoll_reactor::descriptor_state::*;
    friend type member(registered_events);
};
struct descriptor_mutex {
    using type = d::conditionally_enabled_mutex d::epoll_reactor::descriptor_state::*;
    friend type member(descriptor_mutex);
};
template struct expose<epoll_fd, &d::epoll_reactor::epoll_fd_>;
template struct expose<registered_events, &d::epoll_reactor::descriptor_state::registered_events_>;
template struct expose<descriptor_mutex, &d::epoll_reactor::descriptor_state::mutex_>;

} // namespace

bool enable_hint(d::reactor& reactor, descriptor_state* state, int fd)
{
    if (state == nullptr)
        return false;
    d::conditionally_enabled_mutex::scoped_lock lock(state->*member(descriptor_mutex{}));
    auto& registered = state->*member(registered_events{});
    if (registered == 0)
        return false; // not a descriptor epoll takes
    if ((registered & EPOLLRDHUP) != 0)
        return true;
    epoll_event ev{};
    ev.events = registered | EPOLLRDHUP;
    ev.data.ptr = state;
    if (::epoll_ctl(reactor.*member(epoll_fd{}), EPOLL_CTL_MOD, fd, &ev) != 0)
        return false;
    registered = ev.events;
    return true;
}

} // namespace gatehouse::gateway::drained_read
