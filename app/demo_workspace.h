// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"
#include "gateway/gateway_options.hpp"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <memory>

namespace gatehouse::gateway {
class demo_origin;
}

namespace gatehouse::app {

// The embedded defaults: an in-process demo origin and a gateway
// configuration in front of it, so a first start shows live traffic without
// any setup. Used by the console and by `--headless` without `--config`.
//
//   /shop/...     -> origin /products/... (prefix stripped and rewritten), cached
//   /weather/...  -> origin /weather/..., cached for at most 10 s
//   /echo         -> origin /echo (any method), not cached
class DemoWorkspace {
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspace)

public:
    DemoWorkspace();
    ~DemoWorkspace();
    DemoWorkspace(const DemoWorkspace&) = delete;
    DemoWorkspace& operator=(const DemoWorkspace&) = delete;

    // Starts the demo origin on 127.0.0.1 (port 0: an ephemeral port).
    bool startOrigin(quint16 port = 0, unsigned threads = 1);
    void stopOrigin();
    bool originRunning() const;
    quint16 originPort() const;
    QUrl originUrl() const;
    // The origin itself (running or not), for the traffic generator's error
    // and latency knobs.
    gateway::demo_origin* origin() const { return m_origin.get(); }
    QString lastError() const { return m_lastError; }

    // The demo configuration for the running origin.
    gateway::config_snapshot snapshot() const { return snapshot(originPort()); }

    static gateway::config_snapshot snapshot(quint16 originPort);
    static gateway::gateway_options defaultOptions(); // 127.0.0.1:8080, one thread per core
    static constexpr const char* upstreamName = "demo-origin";

private:
    std::unique_ptr<gateway::demo_origin> m_origin;
    QString m_lastError;
};

} // namespace gatehouse::app
