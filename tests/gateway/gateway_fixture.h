// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"
#include "gateway/demo_origin.hpp"
#include "gateway/gateway_server.hpp"

#include <QtTest/QTest>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

// Real listeners on 127.0.0.1 with OS-chosen ports: demo origins behind a
// gateway, and helpers to describe the configuration between them.
namespace gatehouse::test {

inline std::string origin_url(std::uint16_t port)
{
    return "http://127.0.0.1:" + std::to_string(port);
}

inline gateway::upstream_config make_upstream(const std::string& name,
                                              const std::vector<std::uint16_t>& ports)
{
    gateway::upstream_config up;
    up.name = name;
    for (auto port : ports)
        up.targets.push_back({origin_url(port), 1});
    up.connect_timeout = std::chrono::milliseconds(1000);
    up.read_timeout = std::chrono::milliseconds(5000);
    up.total_timeout = std::chrono::milliseconds(10000);
    return up;
}

inline gateway::route_config make_route(const std::string& id, const std::string& path,
                                        const std::string& upstream)
{
    gateway::route_config route;
    route.id = id;
    route.path = path;
    route.upstream = upstream;
    return route;
}

// The call record of the request with X-Request-Id `id`, as `gateway`
// logged it (records are committed after the response: polled, up to 2 s).
// Records drained on the way are dropped.
inline std::optional<gateway::call_record> call_record_with_id(gateway::gateway_server& gateway,
                                                               const std::string& id)
{
    std::vector<gateway::call_record> drained;
    for (int i = 0; i < 200; ++i) {
        gateway.drain_call_records(drained);
        for (const auto& r : drained)
            if (r.request_id.view() == id)
                return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
}

// Gateway options for tests: ephemeral port, two workers.
inline gateway::gateway_options test_options()
{
    gateway::gateway_options options;
    options.listen_address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    return options;
}

} // namespace gatehouse::test
