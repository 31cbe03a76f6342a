// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/gateway_options.hpp"

#include <QStringList>

namespace gatehouse::app {

// The declarative file's keys (`listen.port`, `listen.tls`, ...) whose
// settings differ between two loads of it and are fixed while the gateway
// runs: a reload names them, and they apply at the next start. Not among
// them: the cache's budget and eviction, and an HTTPS listener's certificate
// files (a running gateway takes those); `listen.tls` is a switch between
// HTTP and HTTPS.
QStringList fixedListenerChanges(const gateway::gateway_options& before,
                                 const gateway::gateway_options& after);

} // namespace gatehouse::app
