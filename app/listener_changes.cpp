// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/listener_changes.h"

namespace gatehouse::app {

QStringList fixedListenerChanges(const gateway::gateway_options& before,
                                 const gateway::gateway_options& after)
{
    QStringList changed;
    const auto check = [&](bool same, const char* key) {
        if (!same)
            changed << QLatin1String(key);
    };
    check(before.listen_address == after.listen_address, "listen.address");
    check(before.port == after.port, "listen.port");
    check(before.threads == after.threads, "listen.threads");
    check(before.header_limit == after.header_limit, "listen.header_limit");
    check(before.body_limit == after.body_limit, "listen.body_limit");
    check(before.client_header_timeout == after.client_header_timeout,
          "listen.client_header_timeout");
    check(before.client_body_timeout == after.client_body_timeout, "listen.client_body_timeout");
    check(before.client_send_timeout == after.client_send_timeout, "listen.client_send_timeout");
    check(before.keepalive_timeout == after.keepalive_timeout, "listen.keepalive_timeout");
    check(before.via_name == after.via_name, "listen.via_name");
    check(before.merge_slashes == after.merge_slashes, "listen.merge_slashes");
    check(before.trusted_proxies == after.trusted_proxies, "listen.trusted_proxies");
    check(before.proxy_protocol == after.proxy_protocol, "listen.proxy_protocol");
    // HTTP to HTTPS or back; a running HTTPS listener takes other
    // certificate files (or renewed ones) on a reload.
    check(before.tls_certificate_file.empty() == after.tls_certificate_file.empty(), "listen.tls");
    return changed;
}

} // namespace gatehouse::app
