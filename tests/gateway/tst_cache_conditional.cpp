// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/conditional.hpp"

#include "gateway/cache/http_date.hpp"

#include <QtTest/QTest>

using namespace gatehouse::gateway::cache;
using namespace std::chrono_literals;

namespace {

const sys_time t0 = sys_time(std::chrono::seconds(1'700'000'000));

std::string date_at(std::int64_t offset)
{
    return format_http_date(std::chrono::time_point_cast<std::chrono::seconds>(t0) +
                            std::chrono::seconds(offset));
}

std::shared_ptr<const cached_response> stored(header_list headers, sys_time at = t0)
{
    static const cache_policy policy;
    static const cache_key key =
        make_cache_key({method_class::get, "http", "h", "/r", {}, {}}, policy);
    entry_inputs in;
    in.headers = std::move(headers);
    in.body = "hello";
    in.request_time = in.response_time = at;
    in.key = &key;
    in.policy = &policy;
    return make_cached_response(std::move(in));
}

std::optional<std::string_view> opt(const QString& s, std::string& storage)
{
    if (s == QLatin1String("-"))
        return std::nullopt;
    storage = s.toStdString();
    return std::string_view(storage);
}

} // namespace

class TestCacheConditional : public QObject {
    Q_OBJECT

private slots:
    void etag_compare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("strong");
        QTest::addColumn<bool>("weak");
        // The table of RFC 9110 §8.8.3.2.
        QTest::newRow("§8.8.3.2 W/1 W/1") << "W/\"1\""
                                          << "W/\"1\"" << false << true;
        QTest::newRow("§8.8.3.2 W/1 W/2") << "W/\"1\""
                                          << "W/\"2\"" << false << false;
        QTest::newRow("§8.8.3.2 W/1 1") << "W/\"1\""
                                        << "\"1\"" << false << true;
        QTest::newRow("§8.8.3.2 1 1") << "\"1\""
                                      << "\"1\"" << true << true;
        QTest::newRow("case-sensitive opaque") << "\"a\""
                                               << "\"A\"" << false << false;
    }
    void etag_compare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, strong);
        QFETCH(bool, weak);
        const std::string sa = a.toStdString(), sb = b.toStdString();
        const auto ta = parse_etag(sa), tb = parse_etag(sb);
        QVERIFY(ta && tb);
        QCOMPARE(strong_compare(*ta, *tb), strong);
        QCOMPARE(weak_compare(*ta, *tb), weak);
    }

    void etag_parse()
    {
        QVERIFY(!parse_etag("abc"));     // unquoted
        QVERIFY(!parse_etag("\"a b\"")); // space inside
        QVERIFY(!parse_etag("w/\"a\"")); // W/ is case-sensitive
        QVERIFY(parse_etag(" \"\" "));   // empty opaque tag is valid
        QVERIFY(parse_etag("W/\"x\"")->weak);
    }

    void if_none_match_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("etag"); // "-" absent
        QTest::addColumn<bool>("matches");
        QTest::newRow("§13.1.2 weak comparison W vs strong") << "W/\"1\""
                                                             << "\"1\"" << true;
        QTest::newRow("§13.1.2 list") << "\"a\", \"b\" ,W/\"c\""
                                      << "W/\"c\"" << true;
        QTest::newRow("§13.1.2 none in list") << "\"a\", \"b\""
                                              << "\"c\"" << false;
        QTest::newRow("§13.1.2 star") << "*"
                                      << "-" << true;
        QTest::newRow("§13.1.2 no etag stored") << "\"a\""
                                                << "-" << false;
        QTest::newRow("comma inside opaque tag") << "\"a,b\""
                                                 << "\"a,b\"" << true;
        QTest::newRow("malformed member skipped") << "junk, \"x\""
                                                  << "\"x\"" << true;
    }
    void if_none_match()
    {
        QFETCH(QString, header);
        QFETCH(QString, etag);
        QFETCH(bool, matches);
        std::string storage;
        QCOMPARE(if_none_match_matches(header.toStdString(), opt(etag, storage)), matches);
    }

    void if_match_is_strong()
    {
        QVERIFY(if_match_matches("\"1\"", std::string_view("\"1\"")));
        QVERIFY(!if_match_matches("W/\"1\"", std::string_view("\"1\""))); // §13.1.1
        QVERIFY(if_match_matches("*", std::string_view("\"1\"")));
    }

    void client_requests_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("inm");   // "-" absent
        QTest::addColumn<int>("imsOffset"); // relative to Last-Modified; 9999 = absent
        QTest::addColumn<bool>("withLastModified");
        QTest::addColumn<bool>("notModified");
        QTest::newRow("§13.1.2 INM match -> 304") << "GET"
                                                  << "\"v1\"" << 9999 << true << true;
        QTest::newRow("§13.1.2 INM HEAD -> 304") << "HEAD"
                                                 << "W/\"v1\"" << 9999 << true << true;
        QTest::newRow("§13.1.2 INM mismatch") << "GET"
                                              << "\"v2\"" << 9999 << true << false;
        QTest::newRow("§13.2.2 INM wins over IMS") << "GET"
                                                   << "\"v2\"" << 100 << true << false;
        QTest::newRow("§13.1.3 IMS after LM -> 304") << "GET"
                                                     << "-" << 100 << true << true;
        QTest::newRow("§13.1.3 IMS equal LM -> 304") << "GET"
                                                     << "-" << 0 << true << true;
        QTest::newRow("§13.1.3 IMS before LM") << "GET"
                                               << "-" << -100 << true << false;
        QTest::newRow("RFC9111 §4.3.2 IMS vs Date") << "GET"
                                                    << "-" << 500 << false << true;
        QTest::newRow("RFC9111 §4.3.2 IMS before Date") << "GET"
                                                        << "-" << -100 << false << false;
        QTest::newRow("§13.1.3 IMS ignored for POST") << "POST"
                                                      << "-" << 100 << true << false;
    }
    void client_requests()
    {
        QFETCH(QString, method);
        QFETCH(QString, inm);
        QFETCH(int, imsOffset);
        QFETCH(bool, withLastModified);
        QFETCH(bool, notModified);
        header_list h = {{"ETag", "\"v1\""}, {"Date", date_at(0)}};
        if (withLastModified)
            h.push_back({"Last-Modified", date_at(-1000)});
        const auto e = stored(h);
        const std::int64_t base = withLastModified ? -1000 : 0;
        std::string inm_s, ims_s = date_at(base + imsOffset);
        client_conditionals c;
        c.if_none_match = opt(inm, inm_s);
        if (imsOffset != 9999)
            c.if_modified_since = ims_s;
        QCOMPARE(evaluate_conditionals(method.toStdString(), c, *e) ==
                     conditional_outcome::not_modified,
                 notModified);
    }

    void invalid_ims_ignored()
    {
        const auto e = stored({{"Last-Modified", date_at(-10)}});
        client_conditionals c;
        c.if_modified_since = "yesterday";
        QCOMPARE(evaluate_conditionals("GET", c, *e), conditional_outcome::full);
    }

    void byte_ranges_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<int>("first"); // -1: the whole response is sent instead
        QTest::addColumn<int>("length");
        // RFC 9110 §14.1.2, on a 10-byte representation.
        QTest::newRow("first-last") << "bytes=2-4" << 2 << 3;
        QTest::newRow("open-ended") << "bytes=7-" << 7 << 3;
        QTest::newRow("suffix") << "bytes=-3" << 7 << 3;
        QTest::newRow("suffix longer than the body") << "bytes=-30" << 0 << 10;
        QTest::newRow("last past the end is clipped") << "bytes=8-99" << 8 << 2;
        QTest::newRow("unit is case-insensitive, spaces allowed") << "Bytes= 1-1 " << 1 << 1;
        QTest::newRow("unsatisfiable") << "bytes=10-" << -1 << 0;
        QTest::newRow("several ranges") << "bytes=0-1,3-4" << -1 << 0;
        QTest::newRow("last before first") << "bytes=4-2" << -1 << 0;
        QTest::newRow("empty suffix") << "bytes=-0" << -1 << 0;
        QTest::newRow("other unit") << "items=0-1" << -1 << 0;
        QTest::newRow("junk") << "bytes=a-b" << -1 << 0;
    }
    void unsatisfiable_ranges_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("unsatisfiable");
        QTest::newRow("starts at the end") << "bytes=10-" << 10 << true;
        QTest::newRow("starts past the end") << "bytes=25-30" << 10 << true;
        QTest::newRow("zero-length suffix") << "bytes=-0" << 10 << true;
        QTest::newRow("any first-last of an empty body") << "bytes=0-5" << 0 << true;
        QTest::newRow("satisfiable") << "bytes=9-20" << 10 << false;
        QTest::newRow("suffix") << "bytes=-30" << 10 << false;
        QTest::newRow("last before first: invalid, ignored") << "bytes=20-10" << 10 << false;
        QTest::newRow("several: ignored") << "bytes=20-,30-" << 10 << false;
        QTest::newRow("other unit") << "items=20-" << 10 << false;
        QTest::newRow("junk") << "bytes=x-" << 10 << false;
    }
    void unsatisfiable_ranges()
    {
        QFETCH(QString, range);
        QFETCH(int, size);
        QFETCH(bool, unsatisfiable);
        QCOMPARE(read_byte_range(range.toStdString(), std::size_t(size)).what ==
                     byte_range_request::verdict::unsatisfiable,
                 unsatisfiable);
    }

    void byte_ranges()
    {
        QFETCH(QString, range);
        QFETCH(int, first);
        QFETCH(int, length);
        const auto r = read_byte_range(range.toStdString(), 10);
        QCOMPARE(r.what == byte_range_request::verdict::part, first >= 0);
        if (r.what == byte_range_request::verdict::part) {
            QCOMPARE(int(r.part.first), first);
            QCOMPARE(int(r.part.length), length);
        }
    }

    void if_range()
    {
        const auto e = stored({{"ETag", "\"r1\""}, {"Last-Modified", date_at(-10)}});
        QVERIFY(if_range_matches("\"r1\"", *e));
        QVERIFY(!if_range_matches("\"r2\"", *e));
        QVERIFY(!if_range_matches("W/\"r1\"", *e)); // §13.1.5: strong comparison only
        QVERIFY(if_range_matches(date_at(-10), *e));
        QVERIFY(!if_range_matches(date_at(-11), *e));
        QVERIFY(!if_range_matches("yesterday", *e));
        const auto weak = stored({{"ETag", "W/\"r1\""}});
        QVERIFY(!if_range_matches("W/\"r1\"", *weak));
        // The same on a response's fields, for one that is not stored.
        const std::string modified = date_at(-10);
        QVERIFY(if_range_matches("\"r1\"", std::string_view("\"r1\""), std::nullopt));
        QVERIFY(!if_range_matches("\"r1\"", std::nullopt, std::string_view(modified)));
        QVERIFY(if_range_matches(modified, std::nullopt, std::string_view(modified)));
        QVERIFY(!if_range_matches(date_at(-11), std::string_view("\"r1\""),
                                  std::string_view(modified)));
    }

    void headers_of_304()
    {
        const auto e = stored({{"Content-Type", "text/plain"},
                               {"ETag", "\"v1\""},
                               {"Cache-Control", "max-age=60"},
                               {"Vary", "Accept"},
                               {"Set-Cookie", "x=1"}});
        const header_list expected = {
            {"ETag", "\"v1\""}, {"Cache-Control", "max-age=60"}, {"Vary", "Accept"}};
        QCOMPARE(not_modified_headers(*e), expected);
    }

    void revalidation_validators()
    {
        auto r = make_revalidation_headers(
            *stored({{"ETag", "W/\"v1\""}, {"Last-Modified", date_at(-10)}}));
        QCOMPARE(*r.if_none_match, std::string("W/\"v1\""));
        QCOMPARE(*r.if_modified_since, date_at(-10));
        r = make_revalidation_headers(*stored({{"ETag", "bogus"}, {"Last-Modified", "never"}}));
        QVERIFY(r.empty()); // nothing usable: fetch unconditionally
    }

    void merge_304_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("updated");
        QTest::newRow("§3.2 ordinary field replaced") << "X-Custom" << true;
        QTest::newRow("§3.2 Cache-Control replaced") << "Cache-Control" << true;
        QTest::newRow("§3.2 Content-Type replaced") << "Content-Type" << true;
        QTest::newRow("§3.2 Content-Length kept") << "Content-Length" << false;
        QTest::newRow("§3.2 Content-Encoding kept") << "Content-Encoding" << false;
        QTest::newRow("§3.1 hop-by-hop not taken") << "Keep-Alive" << false;
        QTest::newRow("§3.1 Connection-listed not taken") << "X-Conn" << false;
        QTest::newRow("Set-Cookie never taken") << "Set-Cookie" << false;
    }
    void merge_304()
    {
        QFETCH(QString, name);
        QFETCH(bool, updated);
        const std::string n = name.toStdString();
        const header_list old_h = {{n, "old"}, {n, "old2"}, {"X-Other", "keep"}};
        const header_list nm = {{n, "new"}, {"Connection", "X-Conn"}};
        const auto merged = merge_304_headers(old_h, nm);
        const header_list expected_updated = {{"X-Other", "keep"}, {n, "new"}};
        const header_list expected_kept = {{n, "old"}, {n, "old2"}, {"X-Other", "keep"}};
        QCOMPARE(merged, updated ? expected_updated : expected_kept);
    }

    void freshen_after_304()
    {
        const auto old = stored({{"Cache-Control", "max-age=10"},
                                 {"ETag", "\"v1\""},
                                 {"Content-Length", "5"},
                                 {"X-Version", "1"},
                                 {"CDN-Cache-Control", "max-age=20"}});
        QCOMPARE(old->freshness.lifetime, std::int64_t(20));
        const header_list nm = {{"ETag", "\"v1\""}, {"Cache-Control", "max-age=100"},
                                {"X-Version", "2"}, {"Content-Length", "0"},
                                {"Age", "4"},       {"CDN-Cache-Control", "max-age=300"}};
        QVERIFY(not_modified_selects(*old, nm));
        const auto fresh = freshen_with_304(*old, nm, t0 + 50s, t0 + 51s, 0, cache_policy{});
        QCOMPARE(fresh->freshness.lifetime, std::int64_t(300));            // §4.3.4 + RFC 9213
        QCOMPARE(fresh->freshness.current_age(t0 + 51s), std::int64_t(5)); // Age 4 + 1s delay
        QCOMPARE(*fresh->header("x-version"), std::string_view("2"));
        QCOMPARE(*fresh->header("content-length"), std::string_view("5"));
        QVERIFY(!fresh->header("age"));
        QCOMPARE(fresh->body.view(), old->body.view());
        QCOMPARE(fresh->primary_key, old->primary_key);
        QCOMPARE(old->freshness.lifetime, std::int64_t(20)); // the old entry is untouched
    }

    void selects_data()
    {
        QTest::addColumn<QString>("storedEtag");
        QTest::addColumn<QString>("newEtag");
        QTest::addColumn<bool>("selects");
        QTest::newRow("§4.3.4 same etag") << "\"a\""
                                          << "\"a\"" << true;
        QTest::newRow("§4.3.4 weak vs strong same") << "\"a\""
                                                    << "W/\"a\"" << true;
        QTest::newRow("§4.3.4 different etag") << "\"a\""
                                               << "\"b\"" << false;
        QTest::newRow("§4.3.4 etag but none stored") << "-"
                                                     << "\"a\"" << false;
        QTest::newRow("§4.3.4 no validators") << "-"
                                              << "-" << true;
    }
    void selects()
    {
        QFETCH(QString, storedEtag);
        QFETCH(QString, newEtag);
        QFETCH(bool, selects);
        header_list s, n;
        if (storedEtag != QLatin1String("-"))
            s.push_back({"ETag", storedEtag.toStdString()});
        if (newEtag != QLatin1String("-"))
            n.push_back({"ETag", newEtag.toStdString()});
        QCOMPARE(not_modified_selects(*stored(s), n), selects);
    }

    // The stored response: ETag "a", Last-Modified, body "hello" (5 bytes).
    void head_response_matches_data()
    {
        QTest::addColumn<QString>("etag");
        QTest::addColumn<QString>("lastModified");
        QTest::addColumn<QString>("contentLength");
        QTest::addColumn<bool>("matches");
        const QString lm = QStringLiteral("Mon, 02 Nov 2026 10:00:00 GMT");
        QTest::newRow("§4.3.5 no validators, no length") << "-"
                                                         << "-"
                                                         << "-" << true;
        QTest::newRow("§4.3.5 all agree") << "\"a\"" << lm << "5" << true;
        QTest::newRow("§4.3.5 other etag") << "\"b\""
                                           << "-"
                                           << "-" << false;
        QTest::newRow("§4.3.5 weak etag is not the same body") << "W/\"a\""
                                                               << "-"
                                                               << "-" << false;
        QTest::newRow("§4.3.5 other last-modified") << "-"
                                                    << "Tue, 03 Nov 2026 10:00:00 GMT"
                                                    << "-" << false;
        QTest::newRow("§4.3.5 same etag, other length") << "\"a\""
                                                        << "-"
                                                        << "6" << false;
        QTest::newRow("§4.3.5 invalid last-modified") << "-"
                                                      << "yesterday"
                                                      << "-" << false;
    }
    void head_response_matches()
    {
        QFETCH(QString, etag);
        QFETCH(QString, lastModified);
        QFETCH(QString, contentLength);
        QFETCH(bool, matches);
        const auto entry =
            stored({{"ETag", "\"a\""}, {"Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT"}});
        header_list head;
        if (etag != QLatin1String("-"))
            head.push_back({"ETag", etag.toStdString()});
        if (lastModified != QLatin1String("-"))
            head.push_back({"Last-Modified", lastModified.toStdString()});
        if (contentLength != QLatin1String("-"))
            head.push_back({"Content-Length", contentLength.toStdString()});
        QCOMPARE(gatehouse::gateway::cache::head_response_matches(*entry, head), matches);
    }
};

QTEST_APPLESS_MAIN(TestCacheConditional)
#include "tst_cache_conditional.moc"
