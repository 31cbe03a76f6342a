// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the seeded random runs share (tst_tunnel_traffic, tst_exchange_traffic,
// tst_cache_bodies, tst_cache_consistency, tst_admin_api_hostile): the seed,
// clients on threads of their own, the failures they report, and the raw
// sockets some of them speak through.

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <sys/socket.h>
#include <sys/types.h>

namespace gatehouse::test {

// GATEHOUSE_TEST_SEED when given (another run of the same suite), else the
// suite's own seed.
inline unsigned run_seed(unsigned fallback)
{
    const char* given = std::getenv("GATEHOUSE_TEST_SEED");
    return given ? unsigned(std::strtoul(given, nullptr, 10)) : fallback;
}

// Runs `count` clients at once, each on a thread of its own with its own
// generator (seeded from `seed` and its number, so that a seed names one
// run), and waits for them all.
inline void run_clients(unsigned seed, int count,
                        const std::function<void(std::mt19937& rng, int client)>& client)
{
    std::vector<std::thread> threads;
    for (int c = 0; c < count; ++c)
        threads.emplace_back([&, c] {
            std::mt19937 rng(seed * 31 + unsigned(c));
            client(rng, c);
        });
    for (auto& t : threads)
        t.join();
}

// Failures reported from any thread; an empty one is none.
class failure_log {
public:
    void add(std::string failure)
    {
        if (failure.empty())
            return;
        std::lock_guard lock(mutex_);
        failures_.push_back(std::move(failure));
    }
    std::vector<std::string> all() const
    {
        std::lock_guard lock(mutex_);
        return failures_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> failures_;
};

// A number in a request target's query ("size=300" in "/x?id=1&size=300"),
// or 0: how the random runs tell their origins what to answer.
inline std::uint64_t query_number(std::string_view target, std::string_view name)
{
    const auto at = target.find(std::string(name) + "=");
    if (at == std::string_view::npos)
        return 0;
    std::uint64_t value = 0;
    const auto digits = target.substr(at + name.size() + 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

// Sends all of `data` on a blocking socket; false once the peer is gone
// (no SIGPIPE: the random runs reset connections on purpose).
inline bool send_all(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace gatehouse::test
