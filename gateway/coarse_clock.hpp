// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <ctime>

namespace gatehouse::gateway {

// The monotonic clock (steady_clock's), as of the kernel's last tick.
//
// The data plane sets a deadline on nearly every read and write and ages its
// pooled connections: reading the precise clock for each took about 15 ns
// here, some ten times per proxied request; the coarse one takes about 4 ns.
// Its resolution, one scheduler tick (1-4 ms), is far below any timeout, so
// a deadline set from it is at most one tick early. Durations that are
// reported (latencies) keep the precise clock.
inline std::chrono::steady_clock::time_point coarse_now() noexcept
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return std::chrono::steady_clock::time_point(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec)));
}

} // namespace gatehouse::gateway
