// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/deadline_stream.hpp"
#include "gateway/worker_io.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace gatehouse::gateway {

struct target_state; // runtime_config.hpp

// Idle keep-alive connections to upstream targets, owned by one worker (no
// locks: only that worker's thread touches it).
class upstream_pool {
public:
    // An idle connection to the target, or nothing. Connections idle for
    // longer than `max_idle_time` are closed instead of handed out.
    // With `probe`, a connection the upstream has closed in the meantime is
    // detected (one non-blocking peek) and skipped.
    //
    // Connections are held by pointer: moving a Beast stream allocates
    // a new implementation object (and its timer) every time.
    std::unique_ptr<worker_stream>
    take(std::uint64_t target_id, std::chrono::steady_clock::duration max_idle_time, bool probe);
    // Keeps a connection for reuse, unless `max_idle` are already kept or
    // the target has left the configuration.
    void give(const target_state& target, std::unique_ptr<worker_stream> stream, unsigned max_idle);
    // Closes the idle connections to targets that have left the
    // configuration (removed, or their name resolves elsewhere now).
    void drop(const std::vector<std::uint64_t>& target_ids);
    void clear();
    std::size_t idle_count() const;

private:
    struct idle_connection {
        std::unique_ptr<worker_stream> stream;
        std::chrono::steady_clock::time_point since;
    };
    std::unordered_map<std::uint64_t, std::vector<idle_connection>> idle_;
};

} // namespace gatehouse::gateway
