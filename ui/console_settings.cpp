// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/console_settings.h"

#include "app/gateway_settings.h"

#include <QSettings>

namespace gatehouse::ui {

namespace {

const QString languageKey = QStringLiteral("Interface/language");
const QString addressKey = QStringLiteral("Gateway/listenAddress");
const QString portKey = QStringLiteral("Gateway/port");
const QString threadsKey = QStringLiteral("Gateway/threads");

} // namespace

QList<ConsoleSettings::LanguageChoice> ConsoleSettings::languages()
{
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QString::fromUtf8("中文(简体)")}};
}

QString ConsoleSettings::language()
{
    return QSettings().value(languageKey).toString();
}

void ConsoleSettings::setLanguage(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(languageKey);
    else
        settings.setValue(languageKey, code);
}

QLocale ConsoleSettings::uiLocale()
{
    const QString code = language();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool ConsoleSettings::hasGatewayDefaults()
{
    return QSettings().contains(addressKey);
}

void ConsoleSettings::applyGatewayDefaults(gateway::gateway_options& options)
{
    QSettings settings;
    if (settings.contains(addressKey)) {
        const QString address = settings.value(addressKey).toString().trimmed();
        if (!address.isEmpty())
            options.listen_address = address.toStdString();
    }
    if (settings.contains(portKey))
        options.port =
            static_cast<std::uint16_t>(qBound(0, settings.value(portKey).toInt(), 65535));
    if (settings.contains(threadsKey))
        options.threads = static_cast<unsigned>(qBound(0, settings.value(threadsKey).toInt(), 256));
}

void ConsoleSettings::setGatewayDefaults(const QString& address, quint16 port, unsigned threads)
{
    QSettings settings;
    settings.setValue(addressKey, address.trimmed());
    settings.setValue(portKey, port);
    settings.setValue(threadsKey, threads);
}

std::optional<std::chrono::milliseconds> ConsoleSettings::dnsRefreshInterval()
{
    return app::GatewaySettings::dnsRefreshInterval();
}

void ConsoleSettings::setDnsRefreshInterval(std::chrono::milliseconds interval)
{
    app::GatewaySettings::setDnsRefreshInterval(interval);
}

} // namespace gatehouse::ui
