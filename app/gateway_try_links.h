// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"

#include <QList>
#include <QString>

namespace gatehouse::app {

// One request worth trying against the running gateway, derived from the
// configuration it routes.
struct TryLink {
    QString path;          // a concrete request path, e.g. "/v1/echo/anything"
    quint64 apiId = 0;     // the catalog API it belongs to; 0 for a base route
    bool needsKey = false; // a catalog API answering only with an API key
};

// What the running gateway can be tried with, in this order:
//  - open catalog APIs (published or deprecated), one GET route each;
//  - then the unguarded base routes (the demo workspace's, or a --config
//    file's), up to `maxOpen` open links in all; the demo workspace's
//    routes get its example paths ("/shop/1");
//  - then up to `maxKeyed` published or deprecated APIs that need a key
//    (a browser cannot send one: the console's Try It can).
// A negative maximum: every one.
// Drafts (only their team's keys) and retired APIs (410) are left out, as
// are routes that take no GET. A route path's parameters are filled with
// an example: "1" for ids, the parameter's own name otherwise. Parameterless
// routes are preferred.
QList<TryLink> tryLinks(const gateway::config_snapshot& snapshot, int maxOpen = -1,
                        int maxKeyed = -1);

// "/shop/products/{id}" -> "/shop/products/1"; "/echo/{anything}" ->
// "/echo/anything".
QString examplePath(const std::string& routePath);

} // namespace gatehouse::app
