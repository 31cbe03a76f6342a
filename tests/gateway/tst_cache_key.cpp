// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_key.hpp"

#include "gateway/cache/cache_control.hpp"
#include "gateway/cache/cache_entry.hpp"

#include <boost/beast/http/fields.hpp>

#include <QtTest/QTest>

#include <map>
#include <set>

using namespace gatehouse::gateway::cache;

namespace {

// A multimap stand-in for request headers (names already lowercase).
using headers = std::multimap<std::string, std::string>;

header_lookup lookup(const headers& h)
{
    return {&h,
            [](const void* ctx, std::string_view name,
               std::string& scratch) -> std::optional<std::string_view> {
                const auto& m = *static_cast<const headers*>(ctx);
                auto [b, e] = m.equal_range(std::string(name));
                if (b == e)
                    return std::nullopt;
                scratch.clear();
                for (auto it = b; it != e; ++it)
                    scratch += (it == b ? "" : ", ") + it->second;
                return std::string_view(scratch);
            }};
}

std::string key(const char* host, const char* path, const char* query,
                std::vector<std::string> ignored = {}, const char* scheme = "http")
{
    cache_policy p;
    p.ignored_query_params = std::move(ignored);
    return make_cache_key({method_class::get, scheme, host, path, query, {}}, p).primary;
}

} // namespace

class TestCacheKey : public QObject {
    Q_OBJECT

private slots:
    void equivalent_urls_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        auto row = [](const char* n, const char* a, const char* b, bool same) {
            QTest::newRow(n) << QString::fromUtf8(a) << QString::fromUtf8(b) << same;
        };
        // "host|path|query"
        row("sorted query", "h|/p|b=2&a=1", "h|/p|a=1&b=2", true);
        row("repeated names keep order", "h|/p|a=2&a=1", "h|/p|a=1&a=2", false);
        row("empty members dropped", "h|/p|a=1&&b=2&", "h|/p|a=1&b=2", true);
        row("utm_* ignored", "h|/p|a=1&utm_source=x&utm_medium=y", "h|/p|a=1", true);
        row("exact ignored name", "h|/p|a=1&fbclid=3", "h|/p|a=1", true);
        row("host case-insensitive", "Example.COM|/p|", "example.com|/p|", true);
        row("RFC3986 §6.2.3 default port", "example.com:80|/p|", "example.com|/p|", true);
        row("other port differs", "example.com:8080|/p|", "example.com|/p|", false);
        row("path case-sensitive", "h|/P|", "h|/p|", false);
        row("RFC3986 §6.2.2.1 percent case", "h|/a%2fb|", "h|/a%2Fb|", true);
        row("RFC3986 §6.2.2.2 unreserved escapes", "h|/%61pi/%7Euser|q=%62", "h|/api/~user|q=b",
            true);
        row("reserved escape is not its character", "h|/a%2Fb|", "h|/a/b|", false);
        row("path vs query split", "h|/p|a", "h|/pa|", false);
        row("value matters", "h|/p|a=1", "h|/p|a=2", false);
    }
    void equivalent_urls()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        auto make = [](const QString& s) {
            const auto parts = s.split(QLatin1Char('|'));
            const std::string h = parts[0].toStdString(), p = parts[1].toStdString(),
                              q = parts[2].toStdString();
            return key(h.c_str(), p.c_str(), q.c_str(), {"utm_*", "fbclid"});
        };
        QCOMPARE(make(a) == make(b), same);
    }

    void scheme_and_method_separate()
    {
        cache_policy p;
        const auto get = make_cache_key({method_class::get, "http", "h", "/p", "", {}}, p);
        const auto https = make_cache_key({method_class::get, "https", "h", "/p", "", {}}, p);
        const auto post1 = make_cache_key({method_class::post, "http", "h", "/p", "", "abc"}, p);
        const auto post2 = make_cache_key({method_class::post, "http", "h", "/p", "", "abd"}, p);
        QVERIFY(get.primary != https.primary);
        QVERIFY(get.primary != post1.primary);
        QVERIFY(post1.primary != post2.primary);
        QCOMPARE(get.hash, hash64(get.primary));
        QCOMPARE(path_of_key(get.primary), std::string_view("/p"));
        QCOMPARE(path_of_key(post1.primary), std::string_view("/p"));
        QCOMPARE(normalize_host("https", "A.example:443"), std::string("a.example"));
        QCOMPARE(normalize_host("http", "[::1]:80"), std::string("[::1]"));
    }

    void normalized_query_form()
    {
        // The exact form: sorted by name (stable for repeated names), escapes
        // uppercased, empty members and ignored names gone.
        QCOMPARE(normalize_query("z=%2f&a=2&utm_x=1&&a=1&m", {"utm_*"}),
                 std::string("a=2&a=1&m&z=%2F"));
        QCOMPARE(normalize_query("", {}), std::string());
        QCOMPARE(normalize_query("&&", {}), std::string());
        // More parameters than are sorted on the stack: the same rules.
        std::string query, expected;
        for (int i = 39; i >= 0; --i) {
            const std::string name = "p" + std::string(i < 10 ? "0" : "") + std::to_string(i);
            query += (query.empty() ? "" : "&") + name + "=b&" + name + "=a";
        }
        for (int i = 0; i < 40; ++i) {
            const std::string name = "p" + std::string(i < 10 ? "0" : "") + std::to_string(i);
            expected += (expected.empty() ? "" : "&") + name + "=b&" + name + "=a";
        }
        QCOMPARE(normalize_query(query, {}), expected);
        QCOMPARE(normalize_query(query + "&utm_a=1", {"utm_*"}), expected);
    }

    void key_storage_reused()
    {
        // The request path builds every key into one cache_key: a shorter key
        // after a longer one must not keep any of the old bytes.
        cache_policy p;
        cache_key reused;
        make_cache_key({method_class::post, "https", "Long.Example:443", "/a/very/long/path%2f",
                        "b=1&a=2", "digest"},
                       p, reused);
        QCOMPARE(reused, make_cache_key({method_class::post, "https", "long.example",
                                         "/a/very/long/path%2F", "a=2&b=1", "digest"},
                                        p));
        make_cache_key({method_class::get, "http", "h", "", "", {}}, p, reused);
        QCOMPARE(reused.primary, std::string("G\nhttp\nh\n/\n"));
        QCOMPARE(reused.hash, hash64(reused.primary));
    }

    void post_body_digest()
    {
        QCOMPARE(body_digest(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        cache_policy p;
        const auto a = body_digest("{\"q\":1}"), b = body_digest("{\"q\":2}");
        QVERIFY(make_cache_key({method_class::post, "http", "h", "/infer", {}, a}, p) !=
                make_cache_key({method_class::post, "http", "h", "/infer", {}, b}, p));
    }

    void hash_spreads()
    {
        std::set<std::uint64_t> seen;
        std::set<std::uint64_t> low_bits;
        for (int i = 0; i < 20000; ++i) {
            const auto h = hash64("G\nhttp\nhost\n/item/" + std::to_string(i) + "\n");
            seen.insert(h);
            low_bits.insert(h & 63);
        }
        QCOMPARE(seen.size(), std::size_t(20000));
        QCOMPARE(low_bits.size(), std::size_t(64)); // every shard gets keys
        QVERIFY(hash64("") != hash64(std::string_view("\0", 1)));
    }

    void vary_parse()
    {
        bool star = false;
        const auto names = parse_vary(" Accept-Encoding, accept-language ,ACCEPT-ENCODING", &star);
        QCOMPARE(names, (std::vector<std::string>{"accept-encoding", "accept-language"}));
        QVERIFY(!star);
        parse_vary("Accept, *", &star);
        QVERIFY(star); // §4.1: never matches
    }

    void vary_matching_data()
    {
        QTest::addColumn<QString>("stored");  // value of accept-encoding when stored, "-" absent
        QTest::addColumn<QString>("request"); // value now, "-" absent
        QTest::addColumn<bool>("matches");
        QTest::newRow("§4.1 identical") << "gzip"
                                        << "gzip" << true;
        QTest::newRow("§4.1 whitespace normalised") << " gzip ,  br"
                                                    << "gzip,br" << true;
        QTest::newRow("§4.1 inner whitespace collapsed") << "a  b"
                                                         << "a b" << true;
        QTest::newRow("§4.1 different value") << "gzip"
                                              << "br" << false;
        QTest::newRow("§4.1 absent matches absent") << "-"
                                                    << "-" << true;
        QTest::newRow("§4.1 absent vs empty") << "-"
                                              << "" << false;
        QTest::newRow("§4.1 present vs absent") << "gzip"
                                                << "-" << false;
        QTest::newRow("§4.1 prefix is not a match") << "gzip"
                                                    << "gzip,br" << false;
    }
    void vary_matching()
    {
        QFETCH(QString, stored);
        QFETCH(QString, request);
        QFETCH(bool, matches);
        const std::vector<std::string> vary = {"accept-encoding", "x-tenant"};
        headers a{{"x-tenant", "t1"}}, b{{"x-tenant", "t1"}};
        if (stored != QLatin1String("-"))
            a.emplace("accept-encoding", stored.toStdString());
        if (request != QLatin1String("-"))
            b.emplace("accept-encoding", request.toStdString());
        const std::string sk = make_secondary_key(vary, lookup(a));
        QCOMPARE(secondary_key_matches(sk, vary, lookup(b)), matches);
        QCOMPARE(make_secondary_key(vary, lookup(b)) == sk, matches);
    }

    void vary_multiple_field_lines()
    {
        const std::vector<std::string> vary = {"accept-language"};
        headers one{{"accept-language", "en, de"}};
        headers two{{"accept-language", "en"}, {"accept-language", "de"}};
        QVERIFY(secondary_key_matches(make_secondary_key(vary, lookup(one)), vary, lookup(two)));
        QVERIFY(secondary_key_matches("", {}, lookup(two))); // no Vary: always matches
    }

    void beast_fields_adapters()
    {
        // The request path hands Beast's fields straight to the cache.
        boost::beast::http::fields f;
        f.insert("Accept-Language", "en");
        f.insert("accept-language", "de");
        f.insert("Cache-Control", "max-age=5");
        f.insert("X-Tenant", " t1 ");
        const std::vector<std::string> vary = {"accept-language", "x-tenant", "x-absent"};
        const auto lookup = make_header_lookup(f);
        QCOMPARE(make_secondary_key(vary, lookup),
                 std::string("accept-language:en,de\nx-tenant:t1\nx-absent\0\n", 44));
        QVERIFY(secondary_key_matches(make_secondary_key(vary, lookup), vary, lookup));
        QCOMPARE(*joined_field(f, "accept-language"), std::string("en, de"));
        QVERIFY(!joined_field(f, "pragma"));
        const header_list list = to_header_list(f);
        QCOMPARE(list.size(), std::size_t(4));
        QCOMPARE(list[1], (header_field{"accept-language", "de"}));
        QCOMPARE(make_response_view(list, 200).directives.max_age, std::optional<std::int64_t>(5));
    }

    void same_origin_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("expected"); // "path?query" or "-" (not same origin)
        QTest::newRow("§4.4 absolute same origin") << "http://Shop.example/a?x=1"
                                                   << "/a?x=1";
        QTest::newRow("§4.4 absolute default port") << "http://shop.example:80/a"
                                                    << "/a?";
        QTest::newRow("§4.4 other host") << "http://evil.example/a"
                                         << "-";
        QTest::newRow("§4.4 other scheme") << "https://shop.example/a"
                                           << "-";
        QTest::newRow("§4.4 network-path ref") << "//shop.example/b"
                                               << "/b?";
        QTest::newRow("§4.4 absolute path") << "/c/d?q"
                                            << "/c/d?q";
        QTest::newRow("§4.4 relative path") << "e"
                                            << "/items/e?";
        QTest::newRow("§4.4 fragment dropped") << "/f#frag"
                                               << "/f?";
    }
    void same_origin()
    {
        QFETCH(QString, location);
        QFETCH(QString, expected);
        const auto t =
            same_origin_target(location.toStdString(), "http", "shop.example", "/items/1");
        const QString got =
            t ? QString::fromStdString(t->path + "?" + t->query) : QStringLiteral("-");
        QCOMPARE(got, expected);
    }
};

QTEST_APPLESS_MAIN(TestCacheKey)
#include "tst_cache_key.moc"
