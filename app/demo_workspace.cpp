// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/demo_workspace.h"

#include "gateway/demo_origin.hpp"

#include <chrono>
#include <string>

namespace gatehouse::app {

DemoWorkspace::DemoWorkspace()
    : m_origin(std::make_unique<gateway::demo_origin>())
{
}

DemoWorkspace::~DemoWorkspace()
{
    stopOrigin();
}

bool DemoWorkspace::startOrigin(quint16 port, unsigned threads)
{
    if (m_origin->running())
        return true;
    const std::string error = m_origin->start("127.0.0.1", port, threads);
    if (!error.empty()) {
        m_lastError = tr("Could not start the demo origin on 127.0.0.1:%1: %2.")
                          .arg(port)
                          .arg(QString::fromStdString(error));
        return false;
    }
    m_lastError.clear();
    return true;
}

void DemoWorkspace::stopOrigin()
{
    if (m_origin->running())
        m_origin->stop();
}

bool DemoWorkspace::originRunning() const
{
    return m_origin->running();
}

quint16 DemoWorkspace::originPort() const
{
    return m_origin->running() ? m_origin->port() : 0;
}

QUrl DemoWorkspace::originUrl() const
{
    if (!m_origin->running())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_origin->port());
    return url;
}

gateway::config_snapshot DemoWorkspace::snapshot(quint16 originPort)
{
    gateway::config_snapshot config;

    gateway::upstream_config origin;
    origin.name = upstreamName;
    origin.targets.push_back({"http://127.0.0.1:" + std::to_string(originPort), 1});
    origin.connect_timeout = std::chrono::milliseconds(1000);
    origin.read_timeout = std::chrono::milliseconds(10000);
    origin.total_timeout = std::chrono::milliseconds(30000);
    config.upstreams.push_back(std::move(origin));

    gateway::route_config shop;
    shop.id = "shop";
    // Stand-in catalog API ids until the demo catalog assigns real ones, so
    // telemetry has per-API figures to show.
    shop.api_id = 1;
    shop.path = "/shop";
    shop.methods = {"GET"};
    shop.upstream = upstreamName;
    shop.strip_prefix = true;
    shop.rewrite_prefix = "/products";
    // Products are the demo's cache showcase: the origin's max-age applies.
    shop.cache.enabled = true;
    config.routes.push_back(std::move(shop));

    gateway::route_config weather;
    weather.id = "weather";
    weather.api_id = 2;
    weather.path = "/weather";
    weather.methods = {"GET"};
    weather.upstream = upstreamName;
    // Weather changes: keep it briefly, whatever the origin allows.
    weather.cache.enabled = true;
    weather.cache.max_ttl = std::chrono::seconds(10);
    config.routes.push_back(std::move(weather));

    gateway::route_config echo;
    echo.id = "echo";
    echo.api_id = 3;
    echo.path = "/echo";
    echo.upstream = upstreamName;
    // Not cached: an echo is different for every request.
    config.routes.push_back(std::move(echo));

    return config;
}

gateway::gateway_options DemoWorkspace::defaultOptions()
{
    return gateway::gateway_options{};
}

} // namespace gatehouse::app
