// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace gatehouse::gateway {
struct gateway_options;
}

namespace gatehouse::app {

// Gateway settings the user keeps between runs (QSettings, so per user,
// under the application's organisation and name), shared by the console and
// `gatehouse --headless`: both read them the same way at start-up, so the
// same user's gateway behaves the same whichever way it is started.
//
// The listener (address, port, worker threads) and the DNS refresh
// interval, as last set in the console: when the gateway runs from the demo
// workspace or a catalog, they apply; with a --config file, the file's own
// settings (or their defaults) stand instead, in both modes. Command-line
// options (--listen, --threads) win over both.
class GatewaySettings {
public:
    // Whether a listener was ever saved.
    static bool hasListenerDefaults();
    // Sets in `options` what was saved; returns whether anything was.
    // Values edited by hand out of range are clamped (port 0-65535, threads
    // 0-256, 0 meaning one per core).
    static bool applyListenerDefaults(gateway::gateway_options& options);
    static void setListenerDefaults(const QString& address, quint16 port, unsigned threads);

    // nullopt when never set, or edited by hand into a value the gateway
    // would refuse (GatewayController::isValidDnsRefreshInterval).
    static std::optional<std::chrono::milliseconds> dnsRefreshInterval();
    static void setDnsRefreshInterval(std::chrono::milliseconds interval);
};

} // namespace gatehouse::app
