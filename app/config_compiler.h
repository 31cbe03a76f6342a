// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_state.h"
#include "gateway/config_snapshot.hpp"

#include <QHash>
#include <QString>
#include <QStringList>

namespace gatehouse::app {

struct CompiledConfig {
    gateway::config_snapshot snapshot;
    QStringList warnings; // APIs or routes left out, and why
    // How call logs and cache figures name each routed API id: catalog APIs
    // by name and version ("Products v2"), base routes by their route id.
    QHash<quint64, QString> apiNames;
    // How call logs name the applications behind API keys.
    QHash<quint64, QString> applicationNames;
    QString error; // non-empty: the snapshot must not be applied
    bool ok() const { return error.isEmpty(); }
};

// Compiles the catalog into the gateway's configuration:
//  - published and deprecated APIs: one exact route per operation (base path
//    + route path) on an upstream of their own; deprecated ones carry
//    Deprecation, Sunset and a successor Link;
//  - drafts: routed, but only the owning team's keys get through; a draft
//    that is not publishable yet, or whose routes collide with a routable
//    API's, is left out with a warning;
//  - retired APIs: one prefix route on the base path answering 410;
//  - overlapping base paths (stored before the catalog refused them): of
//    equal ones the first (published before drafts, then the oldest) is
//    routed, the others are left out; of nested ones the deeper base path
//    owns what lies under it and the outer API's routes there are left
//    out, the router's "most specific wins" made whole; each with a warning;
//  - the access table: SHA-256 of every active key -> its application -> the
//    application's approved and suspended subscriptions.
// The request path is forwarded unchanged (base path included) to the
// upstream URL, which may carry its own base path. An upstream written as
// "http://NAME" or "http://NAME/path", where NAME names an upstream of `base`
// (the demo workspace's "demo-origin"), stands for that upstream's targets
// (with the path appended). An API's cachePolicy
// becomes its routes' cache policy (readApiCachePolicy); a bad one leaves the
// API uncached, with a warning. A published or deprecated API whose upstream
// target the gateway would refuse (a bad URL or port, a scheme other than
// http) is left out with a warning naming the API and the reason; the rest
// is compiled.
//
// `base` (the demo workspace, or a --config file) comes first: its routes and
// upstreams are kept as they are, unguarded, and a catalog API whose routes
// collide with them is left out with a warning.
class ConfigCompiler {
public:
    static CompiledConfig compile(const CatalogState& state,
                                  const gateway::config_snapshot& base = {});
};

} // namespace gatehouse::app
