// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/file_write.hpp"

#include "gateway/socket_calls.hpp"

#include <cerrno>
#include <csignal>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/socket.h>

namespace gatehouse::gateway {

worker_task<std::tuple<boost::system::error_code, std::size_t>>
write_head_and_file(worker_stream& out, std::string_view head, int fd, std::size_t offset,
                    std::size_t length, std::chrono::milliseconds timeout)
{
    auto& socket = out.socket();
    boost::system::error_code ec;
    if (!socket.non_blocking())
        socket.non_blocking(true, ec);
    if (ec)
        co_return std::tuple{ec, std::size_t{0}};
    const int sock = socket.native_handle();
    out.wrote_directly();
    auto file_offset = static_cast<off_t>(offset);
    std::size_t left = length;
    std::size_t written = 0;
    bool waiting = false;
    while (!head.empty() || left != 0) {
        const ssize_t n = !head.empty() ? socket_calls::send_bytes(sock, head.data(), head.size(),
                                                                   MSG_NOSIGNAL | MSG_MORE)
                                        : ::sendfile(sock, fd, &file_offset, left);
        if (n > 0) {
            const auto done = static_cast<std::size_t>(n);
            written += done;
            if (!head.empty())
                head.remove_prefix(done);
            else
                left -= done;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!waiting)
                out.expires_after(timeout);
            waiting = true;
            auto [wait_ec] = co_await out.async_wait_writable(worker_nothrow);
            if (wait_ec)
                co_return std::tuple{wait_ec, written};
            continue;
        }
        // sendfile returns 0 when the file ends before `length`.
        ec.assign(n < 0 ? errno : EIO, boost::system::system_category());
        co_return std::tuple{ec, written};
    }
    co_return std::tuple{ec, written};
}

std::size_t raise_open_file_limit()
{
    static const std::size_t limit = [] {
        rlimit l{};
        if (::getrlimit(RLIMIT_NOFILE, &l) != 0)
            return std::size_t{1024};
        if (l.rlim_cur != l.rlim_max) {
            rlimit raised = l;
            raised.rlim_cur = l.rlim_max;
            if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
                l = raised;
        }
        return l.rlim_cur == RLIM_INFINITY ? std::size_t{1} << 20
                                           : static_cast<std::size_t>(l.rlim_cur);
    }();
    return limit;
}

void block_sigpipe_in_this_thread()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

} // namespace gatehouse::gateway
