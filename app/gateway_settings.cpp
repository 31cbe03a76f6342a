// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_settings.h"

#include "app/gateway_controller.h"
#include "gateway/gateway_options.hpp"

#include <QSettings>
#include <QString>

namespace gatehouse::app {

namespace {
// The key the console has always written: a value saved before the
// headless gateway read it keeps working.
const QString dnsRefreshKey = QStringLiteral("Gateway/dnsRefreshIntervalMs");
const QString addressKey = QStringLiteral("Gateway/listenAddress");
const QString portKey = QStringLiteral("Gateway/port");
const QString threadsKey = QStringLiteral("Gateway/threads");
} // namespace

bool GatewaySettings::hasListenerDefaults()
{
    return QSettings().contains(addressKey);
}

bool GatewaySettings::applyListenerDefaults(gateway::gateway_options& options)
{
    const QSettings settings;
    bool applied = false;
    if (settings.contains(addressKey)) {
        const QString address = settings.value(addressKey).toString().trimmed();
        if (!address.isEmpty()) {
            options.listen_address = address.toStdString();
            applied = true;
        }
    }
    if (settings.contains(portKey)) {
        options.port =
            static_cast<std::uint16_t>(qBound(0, settings.value(portKey).toInt(), 65535));
        applied = true;
    }
    if (settings.contains(threadsKey)) {
        options.threads = static_cast<unsigned>(qBound(0, settings.value(threadsKey).toInt(), 256));
        applied = true;
    }
    return applied;
}

void GatewaySettings::setListenerDefaults(const QString& address, quint16 port, unsigned threads)
{
    QSettings settings;
    settings.setValue(addressKey, address.trimmed());
    settings.setValue(portKey, port);
    settings.setValue(threadsKey, threads);
}

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
