// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/console_settings.h"

#include "app/gateway_settings.h"

#include <QSettings>

namespace gatehouse::ui {

namespace {

const QString languageKey = QStringLiteral("Interface/language");

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
    return app::GatewaySettings::hasListenerDefaults();
}

void ConsoleSettings::applyGatewayDefaults(gateway::gateway_options& options)
{
    app::GatewaySettings::applyListenerDefaults(options);
}

void ConsoleSettings::setGatewayDefaults(const QString& address, quint16 port, unsigned threads)
{
    app::GatewaySettings::setListenerDefaults(address, port, threads);
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
