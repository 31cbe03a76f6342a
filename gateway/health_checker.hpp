// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/runtime_config.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <memory>
#include <optional>
#include <thread>

namespace gatehouse::gateway {

// Active health checks: a periodic GET of each target's health path on a
// thread of its own, so probes never compete with traffic for a worker.
// Results land in target_state::active_healthy.
//
// Thread safety: update() may be called from any thread; start()/stop() from
// the owner only.
class health_checker {
public:
    health_checker();
    ~health_checker();
    void start();
    void stop();
    // Replaces the set of checks with the ones `config` asks for.
    void update(std::shared_ptr<const runtime_config> config);

private:
    boost::asio::io_context ioc_{1};
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard_;
    std::thread thread_;
    std::uint64_t epoch_ = 0; // touched only on the checker's thread
};

} // namespace gatehouse::gateway
