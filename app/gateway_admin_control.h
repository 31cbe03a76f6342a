// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_api.h"
#include "app/admin_api/admin_control.h"
#include "app/telemetry/prometheus_text.h"

#include <QByteArray>

namespace gatehouse::app {

class ConfigReloadStats;
class GatewayController;
class TelemetryService;
struct CacheSnapshot;

// The admin API's view of the running gateway: /v1/cache/purge, /v1/stats
// and /metrics. Thread-safe: it only uses GatewayController's any-thread
// calls (cache snapshot and purges, raw gateway counters) and
// TelemetryService::prometheusText(). Both must outlive the admin API.
//
// /v1/stats and /metrics read the gateway's counters, which wait while a
// stop drains; the console and the headless runner stop the admin API
// before they stop the gateway.
class GatewayAdminControl final : public AdminControl {
public:
    // `telemetry` may be null (not running): /metrics then carries the
    // gateway's and the cache's figures only.
    explicit GatewayAdminControl(GatewayController* controller,
                                 TelemetryService* telemetry = nullptr);

    // Sets options.control and options.metricsText to this object.
    void wire(AdminApi::Options& options);
    // A headless gateway's --config reloads, for /metrics and /v1/stats
    // ("config"); must outlive the admin API. None: not reported.
    void setReloadStats(const ConfigReloadStats* reloads) { m_reloads = reloads; }

    std::optional<QJsonObject> purgeCache(const QJsonObject& request, QString* error) override;
    QJsonObject stats() override;
    QByteArray metricsText() const;

    static CacheMetrics cacheMetrics(const CacheSnapshot& cache);

private:
    GatewayController* m_controller;
    TelemetryService* m_telemetry;
    const ConfigReloadStats* m_reloads = nullptr;
};

} // namespace gatehouse::app
