// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/gateway_controller.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

#include <chrono>
#include <optional>

namespace gatehouse::ui {

// The console's persisted preferences (QSettings): interface language and
// the gateway defaults used at start-up. Static helpers, so main() can read
// them before any window exists.
class ConsoleSettings {
    Q_DECLARE_TR_FUNCTIONS(ConsoleSettings)

public:
    struct LanguageChoice {
        QString code; // "" = follow the system
        QString displayName;
    };

    // "System", then each shipped translation in its own language.
    static QList<LanguageChoice> languages();
    static QString language(); // "" = follow the system
    static void setLanguage(const QString& code);
    // The locale whose translations main() loads (system or chosen).
    static QLocale uiLocale();

    // Gateway listener defaults; absent keys leave `options` unchanged.
    static bool hasGatewayDefaults();
    static void applyGatewayDefaults(gateway::gateway_options& options);
    static void setGatewayDefaults(const QString& address, quint16 port, unsigned threads);
    // How often upstream host names are looked up again, as last set on the
    // Gateway page (GatewayController::setDnsRefreshInterval); nullopt when
    // never set (a configuration's own value stands). Kept by
    // app::GatewaySettings, which `gatehouse --headless` reads too.
    static std::optional<std::chrono::milliseconds> dnsRefreshInterval();
    static void setDnsRefreshInterval(std::chrono::milliseconds interval);

    static QString lastPageKey() { return QStringLiteral("MainWindow/lastPage"); }
    static QString geometryKey() { return QStringLiteral("MainWindow/geometry"); }
    static QString windowStateKey() { return QStringLiteral("MainWindow/windowState"); }
};

} // namespace gatehouse::ui
