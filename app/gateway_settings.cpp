// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_settings.h"

#include "app/gateway_controller.h"

#include <QSettings>
#include <QString>

namespace gatehouse::app {

namespace {
// The key the console has always written: a value saved before the
// headless gateway read it keeps working.
const QString dnsRefreshKey = QStringLiteral("Gateway/dnsRefreshIntervalMs");
} // namespace

std::optional<std::chrono::milliseconds> GatewaySettings::dnsRefreshInterval()
{
    const QSettings settings;
    if (!settings.contains(dnsRefreshKey))
        return std::nullopt;
    bool ok = false;
    const std::chrono::milliseconds value{settings.value(dnsRefreshKey).toLongLong(&ok)};
    if (!ok || !GatewayController::isValidDnsRefreshInterval(value))
        return std::nullopt;
    return value;
}

void GatewaySettings::setDnsRefreshInterval(std::chrono::milliseconds interval)
{
    QSettings().setValue(dnsRefreshKey, static_cast<qlonglong>(interval.count()));
}

} // namespace gatehouse::app
