// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// The data plane's own socket calls, straight to the kernel.
//
// glibc makes send, recv, sendmsg and recvmsg thread-cancellation points: in a process
// with threads each call turns asynchronous cancellation on and off around
// the system call, two atomic operations on the thread's state, about 1 % of
// a proxied request's CPU time over its four socket calls. The gateway's
// threads are never cancelled, so its hot-path calls go through syscall(),
// which is not a cancellation point. Same arguments, results and errno.

#include <cstddef>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

namespace gatehouse::gateway::socket_calls {

inline ssize_t send_message(int fd, const msghdr* message, int flags)
{
    return static_cast<ssize_t>(::syscall(SYS_sendmsg, fd, message, flags));
}

inline ssize_t send_bytes(int fd, const void* data, std::size_t size, int flags)
{
    return static_cast<ssize_t>(::syscall(SYS_sendto, fd, data, size, flags, nullptr, 0));
}

inline ssize_t receive_bytes(int fd, void* data, std::size_t size, int flags)
{
    return static_cast<ssize_t>(::syscall(SYS_recvfrom, fd, data, size, flags, nullptr, nullptr));
}

} // namespace gatehouse::gateway::socket_calls
