// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/router.hpp"

#include <QtTest/QTest>

using namespace gatehouse::gateway;

namespace {

route_config route(const char* id, const char* path, path_match match = path_match::prefix,
                   std::vector<std::string> methods = {}, const char* host = "")
{
    route_config r;
    r.id = id;
    r.path = path;
    r.match = match;
    r.methods = std::move(methods);
    r.host = host;
    r.upstream = "u";
    return r;
}

} // namespace

class TestRouter : public QObject {
    Q_OBJECT

private:
    std::vector<route_config> m_routes;
    router m_router;

private slots:
    void initTestCase()
    {
        m_routes = {
            route("root", "/"),
            route("shop", "/shop"),
            route("product", "/shop/products/{id}"),
            route("product-new", "/shop/products/new", path_match::exact),
            route("product-reviews", "/shop/products/{id}/reviews", path_match::exact, {"GET"}),
            route("orders-get", "/orders", path_match::prefix, {"GET", "HEAD"}),
            route("orders-post", "/orders", path_match::prefix, {"POST"}),
            route("exact-only", "/status", path_match::exact),
            route("admin-host", "/shop", path_match::prefix, {}, "admin.example.com"),
            route("users", "/users/{uid}/orders/{oid}"),
        };
        m_router = router(m_routes);
    }

    void match_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected"); // route id, "404" or "405:<Allow>"
        QTest::addColumn<int>("matchedBytes");

        QTest::newRow("root catches all") << "a"
                                          << "GET"
                                          << "/anything/else"
                                          << "root" << 0;
        QTest::newRow("prefix") << "a"
                                << "GET"
                                << "/shop/cart"
                                << "shop" << 5;
        QTest::newRow("prefix itself") << "a"
                                       << "GET"
                                       << "/shop"
                                       << "shop" << 5;
        QTest::newRow("segment boundary") << "a"
                                          << "GET"
                                          << "/shopping"
                                          << "root" << 0;
        QTest::newRow("param") << "a"
                               << "GET"
                               << "/shop/products/42"
                               << "product" << 17;
        QTest::newRow("param prefix") << "a"
                                      << "GET"
                                      << "/shop/products/42/images"
                                      << "product" << 17;
        QTest::newRow("literal beats param") << "a"
                                             << "GET"
                                             << "/shop/products/new"
                                             << "product-new" << 18;
        QTest::newRow("exact with trailing slash") << "a"
                                                   << "GET"
                                                   << "/shop/products/new/"
                                                   << "product-new" << 18;
        QTest::newRow("deeper exact") << "a"
                                      << "GET"
                                      << "/shop/products/7/reviews"
                                      << "product-reviews" << 24;
        QTest::newRow("deeper exact, wrong method falls back") << "a"
                                                               << "DELETE"
                                                               << "/shop/products/7/reviews"
                                                               << "product" << 16;
        QTest::newRow("method filter GET") << "a"
                                           << "GET"
                                           << "/orders/1"
                                           << "orders-get" << 7;
        QTest::newRow("HEAD allowed by GET") << "a"
                                             << "HEAD"
                                             << "/orders"
                                             << "orders-get" << 7;
        QTest::newRow("method filter POST") << "a"
                                            << "POST"
                                            << "/orders"
                                            << "orders-post" << 7;
        QTest::newRow("exact") << "a"
                               << "GET"
                               << "/status"
                               << "exact-only" << 7;
        QTest::newRow("exact does not prefix") << "a"
                                               << "GET"
                                               << "/status/x"
                                               << "root" << 0;
        QTest::newRow("host specific wins") << "admin.example.com"
                                            << "GET"
                                            << "/shop/x"
                                            << "admin-host" << 5;
        QTest::newRow("other host") << "www.example.com"
                                    << "GET"
                                    << "/shop/x"
                                    << "shop" << 5;
        QTest::newRow("two params") << "a"
                                    << "GET"
                                    << "/users/5/orders/9"
                                    << "users" << 17;
        QTest::newRow("empty param segment") << "a"
                                             << "GET"
                                             << "/users//orders/9"
                                             << "root" << 0;
    }

    void match()
    {
        QFETCH(QString, host);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFETCH(int, matchedBytes);
        const auto m = m_router.match(host.toStdString(), method.toStdString(), path.toStdString());
        QCOMPARE(m.result, route_match::outcome::matched);
        QCOMPARE(QString::fromStdString(m_routes[m.route_index].id), expected);
        QCOMPARE(int(m.matched_bytes), matchedBytes);
    }

    void noRouteAndMethodNotAllowed()
    {
        router only({route("orders-get", "/orders", path_match::prefix, {"GET"}),
                     route("orders-put", "/orders", path_match::prefix, {"PUT"}),
                     route("exact", "/x", path_match::exact)});
        auto m = only.match("a", "GET", "/nothing");
        QCOMPARE(m.result, route_match::outcome::no_route);
        m = only.match("a", "DELETE", "/orders/1");
        QCOMPARE(m.result, route_match::outcome::method_not_allowed);
        QCOMPARE(QString::fromStdString(m.allow), QStringLiteral("GET, HEAD, PUT"));
        m = only.match("a", "GET", "/x/y");
        QCOMPARE(m.result, route_match::outcome::no_route);
    }

    // A route without a method list takes any method but TRACE; one naming
    // TRACE takes it. Allow lists each method once.
    void traceOnlyWhereNamed()
    {
        router only({route("any", "/any", path_match::prefix),
                     route("traced", "/traced", path_match::prefix, {"TRACE", "GET"}),
                     route("get-head", "/both", path_match::prefix, {"GET", "HEAD"})});
        auto m = only.match("a", "TRACE", "/any/x");
        QCOMPARE(m.result, route_match::outcome::method_not_allowed);
        QCOMPARE(QString::fromStdString(m.allow),
                 QStringLiteral("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
        QCOMPARE(only.match("a", "PATCH", "/any/x").result, route_match::outcome::matched);
        m = only.match("a", "TRACE", "/traced/x");
        QCOMPARE(m.result, route_match::outcome::matched);
        QCOMPARE(int(m.route_index), 1);
        m = only.match("a", "POST", "/both");
        QCOMPARE(m.result, route_match::outcome::method_not_allowed);
        QCOMPARE(QString::fromStdString(m.allow), QStringLiteral("GET, HEAD"));
    }

    void patterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("valid");
        QTest::newRow("root") << "/" << true;
        QTest::newRow("param") << "/a/{id}/b" << true;
        QTest::newRow("relative") << "a/b" << false;
        QTest::newRow("empty segment") << "/a//b" << false;
        QTest::newRow("dot segment") << "/a/../b" << false;
        QTest::newRow("bad param") << "/a/{id" << false;
        QTest::newRow("partial param") << "/a/x{id}" << false;
        QTest::newRow("query") << "/a?b=1" << false;
        QTest::newRow("escapes") << "/caf%c3%a9/%7Bx%7D" << true;
        QTest::newRow("encoded dot segment") << "/a/%2E%2e/b" << false;
        QTest::newRow("bad escape") << "/a%zz" << false;
    }

    // A route is matched in the form request paths are normalised to, however
    // its escapes are written.
    void escapedRoutesMatchNormalisedPaths()
    {
        const std::vector<route_config> routes{route("cafe", "/caf%c3%a9"),
                                               route("api", "/%61pi/{v}")};
        router escaped(routes);
        const auto routed = [&](const char* raw) {
            std::string path;
            if (!normalize_path(raw, path))
                return QStringLiteral("(invalid)");
            const auto m = escaped.match("a", "GET", path);
            return m.result == route_match::outcome::matched
                       ? QString::fromStdString(routes[m.route_index].id)
                       : QStringLiteral("(none)");
        };
        QCOMPARE(routed("/caf%C3%A9/menu"), QStringLiteral("cafe"));
        QCOMPARE(routed("/caf%c3%a9/menu"), QStringLiteral("cafe"));
        QCOMPARE(routed("/api/v1"), QStringLiteral("api"));
        QCOMPARE(routed("/%61pi/v1"), QStringLiteral("api"));
    }

    void patterns()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, valid);
        QCOMPARE(route_pattern::parse(pattern.toStdString()).has_value(), valid);
    }

    void normalization_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::newRow("plain") << "/a/b"
                               << "/a/b";
        QTest::newRow("dot") << "/a/./b"
                             << "/a/b";
        QTest::newRow("dotdot") << "/a/../b"
                                << "/b";
        QTest::newRow("above root") << "/../../etc/passwd"
                                    << "/etc/passwd";
        QTest::newRow("trailing dotdot") << "/a/b/.."
                                         << "/a/";
        QTest::newRow("escape a route") << "/public/../admin"
                                        << "/admin";
        // RFC 3986 §6.2.2: what an upstream decoding first would see.
        QTest::newRow("encoded dot segments") << "/public/%2e%2E/admin"
                                              << "/admin";
        QTest::newRow("encoded dot") << "/a/%2E/b"
                                     << "/a/b";
        QTest::newRow("encoded letters") << "/%61dm%49n/x"
                                         << "/admIn/x";
        QTest::newRow("reserved stays encoded") << "/a%2fb%3f"
                                                << "/a%2Fb%3F";
        QTest::newRow("space stays encoded") << "/a%20b"
                                             << "/a%20b";
        QTest::newRow("encoded slash is no segment") << "/a/..%2fb"
                                                     << "/a/..%2Fb";
        QTest::newRow("doubled slashes") << "//admin//x"
                                         << "/admin/x";
        QTest::newRow("doubled trailing slash") << "/a//"
                                                << "/a/";
        QTest::newRow("only slashes") << "//"
                                      << "/";
        QTest::newRow("dots and doubled slashes") << "/a//..//b"
                                                  << "/b";
    }

    void normalization()
    {
        QFETCH(QString, input);
        QFETCH(QString, output);
        std::string out;
        QVERIFY(normalize_path(input.toStdString(), out));
        QCOMPARE(QString::fromStdString(out), output);
        QVERIFY(!normalize_path("relative", out));
    }

    // listen.merge_slashes: false keeps "//" for APIs whose paths carry it.
    void slashesKeptWhenNotMerged()
    {
        std::string out;
        QVERIFY(normalize_path("/fetch/https://example.com//x", out, false));
        QCOMPARE(QString::fromStdString(out), QStringLiteral("/fetch/https://example.com//x"));
        QVERIFY(normalize_path("/a//./b/%2e%2E//c", out, false));
        QCOMPARE(QString::fromStdString(out), QStringLiteral("/a///c")); // RFC 3986 §5.2.4
    }

    void badPercentEncodingIsNoPath_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("not hex") << "/a%zz";
        QTest::newRow("one digit") << "/a%4";
        QTest::newRow("bare percent") << "/a%";
        QTest::newRow("percent then slash") << "/%/x";
    }

    void badPercentEncodingIsNoPath()
    {
        QFETCH(QString, input);
        std::string out;
        QVERIFY(!normalize_path(input.toStdString(), out));
    }
};

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"
