// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::app {

// Base paths as the gateway's router sees them. The compiler joins an API's
// base path and each route path into one exact route, and the router
// matches it segment by segment, byte for byte (case-sensitive, no
// decoding), a "{name}" segment standing for any one segment. Two base
// paths overlap when one's segments are a prefix of the other's: "/a" and
// "/a/b" do, "/a" and "/ab" do not, "/a/{id}" and "/a/b" do, "/A" and "/a"
// do not; "/" overlaps every base path. Catalog APIs carry no host (only
// base routes of a --config file do), so every two catalog APIs share the
// host-less space.
//
// Overlap is not yet shadowing: APIs on equal base paths (same depth) fight
// over one space, but of nested ones ("/v1" and "/v1/weather") the outer
// API's exact routes reach under the inner base path only if one of them
// lies there ("/v1" + "/weather/{city}"). conflictRoute() finds such a route.
class BasePath {
public:
    // Trailing '/' removed ("/a/" -> "/a"); "/" stays "/". Nothing else
    // changes: the router does not fold case.
    static QString normalized(const QString& path);
    static QStringList segments(const QString& path);
    // Equal, or one nested inside the other (see above).
    static bool overlap(const QString& a, const QString& b);
    // Whether `path` is `outer` itself or lies under it: every segment of
    // `outer` matches the corresponding one of `path`.
    static bool isUnder(const QString& path, const QString& outer);
    // Overlapping at the same depth: one space for both ("/a", "/a/").
    static bool sameSpace(const QString& a, const QString& b);
    // The route path the compiler makes of a base path and a route path.
    static QString join(const QString& basePath, const QString& routePath);
};

} // namespace gatehouse::app
