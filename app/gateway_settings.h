// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>

namespace gatehouse::app {

// Gateway settings the user keeps between runs (QSettings, so per user,
// under the application's organisation and name), shared by the console and
// `gatehouse --headless`: both read them the same way at start-up, so the
// same user's gateway behaves the same whichever way it is started.
//
// The DNS refresh interval, as last set on the console's Gateway page: when
// the gateway runs from the demo workspace or a catalog, it applies; a
// --config file's own `dns.refresh_interval` stands instead, in both modes.
class GatewaySettings {
public:
    // nullopt when never set, or edited by hand into a value the gateway
    // would refuse (GatewayController::isValidDnsRefreshInterval).
    static std::optional<std::chrono::milliseconds> dnsRefreshInterval();
    static void setDnsRefreshInterval(std::chrono::milliseconds interval);
};

} // namespace gatehouse::app
