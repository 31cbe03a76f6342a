// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/freshness.hpp"

#include "gateway/cache/cache_status.hpp"
#include "gateway/cache/http_date.hpp"

#include <QtTest/QTest>

#include <string>

using namespace gatehouse::gateway::cache;
using namespace std::chrono_literals;

namespace {

// A compact, order-fixed rendering of parsed directives for table tests.
std::string describe(const cache_directives& d)
{
    std::string s;
    auto flag = [&](bool on, const char* name) {
        if (on)
            s += std::string(s.empty() ? "" : ",") + name;
    };
    auto num = [&](const std::optional<std::int64_t>& v, const char* name) {
        if (v)
            s += std::string(s.empty() ? "" : ",") + name + "=" + std::to_string(*v);
    };
    flag(d.no_store, "no-store");
    flag(d.no_cache, "no-cache");
    flag(d.private_, "private");
    flag(d.public_, "public");
    flag(d.must_revalidate, "must-revalidate");
    flag(d.proxy_revalidate, "proxy-revalidate");
    flag(d.only_if_cached, "only-if-cached");
    num(d.max_age, "max-age");
    num(d.s_maxage, "s-maxage");
    num(d.max_stale, "max-stale");
    num(d.min_fresh, "min-fresh");
    num(d.stale_while_revalidate, "swr");
    num(d.stale_if_error, "sie");
    return s;
}

std::optional<std::string_view> opt(const std::string& s)
{
    if (s == "-")
        return std::nullopt;
    return std::string_view(s);
}

const sys_time t0 = sys_time(std::chrono::seconds(1'700'000'000));

std::string date_at(std::int64_t offset)
{
    return format_http_date(std::chrono::time_point_cast<std::chrono::seconds>(t0) +
                            std::chrono::seconds(offset));
}

} // namespace

class TestCacheFreshness : public QObject {
    Q_OBJECT

private slots:
    void parse_directives_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* v, const char* e) {
            QTest::newRow(name) << QString::fromUtf8(v) << QString::fromUtf8(e);
        };
        row("§5.2 simple", "max-age=60, public", "public,max-age=60");
        row("§5.2 names case-insensitive", "MAX-AGE=60, No-Store", "no-store,max-age=60");
        row("§5.2 quoted argument accepted", "max-age=\"60\"", "max-age=60");
        row("§5.2.3 unknown ignored", "foo, bar=\"x,y\", max-age=5", "max-age=5");
        row("§5.2.3 only unknown", "foo=1", "");
        row("§4.2.1 duplicate max-age most restrictive", "max-age=100, max-age=10", "max-age=10");
        row("§4.2.1 invalid max-age is stale", "max-age=abc", "max-age=0");
        row("§4.2.1 negative max-age is stale", "max-age=-5", "max-age=0");
        row("§4.2.1 max-age without value is stale", "max-age", "max-age=0");
        row("§1.2.2 delta overflow saturates", "max-age=99999999999999", "max-age=2147483648");
        row("§5.2.2.4 qualified no-cache", "no-cache=\"Set-Cookie, X\", max-age=5",
            "no-cache,max-age=5");
        row("§5.2.2.7 qualified private", "private=\"X\"", "private");
        row("§5.2.1.2 max-stale without value", "max-stale", "max-stale=2147483648");
        row("§5.2.1.2 max-stale value", "max-stale=30", "max-stale=30");
        row("§5.2.1.3 min-fresh", "min-fresh=20", "min-fresh=20");
        row("§5.2.1.7 only-if-cached", "only-if-cached", "only-if-cached");
        row("RFC5861 swr sie", "stale-while-revalidate=30, stale-if-error=600", "swr=30,sie=600");
        row("§5.2 whitespace and empty members", " ,, s-maxage = 7 ,must-revalidate,",
            "must-revalidate,s-maxage=7");
        row("§5.2.2.8 proxy-revalidate", "proxy-revalidate", "proxy-revalidate");
    }
    void parse_directives()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(describe(parse_cache_control(value.toStdString()))),
                 expected);
    }

    void targeted_fields_data()
    {
        QTest::addColumn<QString>("gatehouse");
        QTest::addColumn<QString>("cdn");
        QTest::addColumn<QString>("cc");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* n, const char* g, const char* c, const char* cc, const char* e) {
            QTest::newRow(n) << QString::fromUtf8(g) << QString::fromUtf8(c)
                             << QString::fromUtf8(cc) << QString::fromUtf8(e);
        };
        row("RFC9213 §2.1 none targeted", "-", "-", "max-age=5", "max-age=5");
        row("RFC9213 §2.1 cdn beats cache-control", "-", "max-age=600", "no-store", "max-age=600");
        row("RFC9213 §2.1 gatehouse beats cdn", "no-store", "max-age=600", "max-age=5", "no-store");
        row("RFC9213 §2.1 invalid targeted ignored", "Max-Age=9", "-", "max-age=5", "max-age=5");
        row("RFC9213 §2.1 invalid falls to next targeted", "max-age=", "s-maxage=3", "-",
            "s-maxage=3");
        row("RFC8941 boolean false", "-", "no-store=?0, max-age=4", "-", "max-age=4");
        row("RFC8941 boolean true and params", "-", "private=?1;x=1, max-age=4", "-",
            "private,max-age=4");
        row("RFC9213 empty targeted is valid", "-", "", "max-age=5", "");
        row("RFC9213 trailing comma invalid", "-", "max-age=5,", "no-store", "no-store");
        row("RFC9213 String max-age: field ignored", "-", "max-age=\"600\"", "no-store",
            "no-store");
        row("RFC9213 Token max-age: field ignored", "-", "max-age=abc", "max-age=5", "max-age=5");
        row("RFC9213 Decimal max-age: field ignored", "-", "max-age=6.5", "max-age=5", "max-age=5");
        row("RFC9213 wrong type falls to next targeted", "s-maxage=\"9\"", "max-age=7", "-",
            "max-age=7");
        row("RFC9213 negative Integer is stale", "-", "max-age=-1", "max-age=5", "max-age=0");
    }
    void targeted_fields()
    {
        QFETCH(QString, gatehouse);
        QFETCH(QString, cdn);
        QFETCH(QString, cc);
        QFETCH(QString, expected);
        const std::string g = gatehouse.toStdString(), c = cdn.toStdString(), p = cc.toStdString();
        const response_cache_fields f{opt(g), opt(c), opt(p)};
        QCOMPARE(QString::fromStdString(describe(effective_response_directives(f))), expected);
    }

    void http_dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("epoch"); // -1: invalid
        QTest::newRow("RFC9110 §5.6.7 IMF-fixdate")
            << "Sun, 06 Nov 1994 08:49:37 GMT" << qint64(784111777);
        QTest::newRow("RFC9110 §5.6.7 rfc850")
            << "Sunday, 06-Nov-94 08:49:37 GMT" << qint64(784111777);
        QTest::newRow("RFC9110 §5.6.7 asctime") << "Sun Nov  6 08:49:37 1994" << qint64(784111777);
        QTest::newRow("RFC9111 §5.3 zero invalid") << "0" << qint64(-1);
        QTest::newRow("bad month") << "Sun, 06 Foo 1994 08:49:37 GMT" << qint64(-1);
        QTest::newRow("bad day") << "Sun, 31 Feb 1994 08:49:37 GMT" << qint64(-1);
        QTest::newRow("not GMT") << "Sun, 06 Nov 1994 08:49:37 PST" << qint64(-1);
    }
    void http_dates()
    {
        QFETCH(QString, text);
        QFETCH(qint64, epoch);
        const auto parsed = parse_http_date(text.toStdString());
        QCOMPARE(parsed ? qint64(parsed->time_since_epoch().count()) : qint64(-1), epoch);
        if (parsed)
            QCOMPARE(QString::fromStdString(format_http_date(*parsed)),
                     QStringLiteral("Sun, 06 Nov 1994 08:49:37 GMT"));
    }

    void http_dates_robust_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("epoch"); // -1: invalid
        // RFC 9110 §5.6.7: a two-digit year is never more than 50 years ahead.
        QTest::newRow("rfc850 year 50 is 2050, not 1950")
            << "Thursday, 18-Aug-50 02:01:18 GMT" << qint64(2544400878);
        QTest::newRow("rfc850 year 80 is 1980")
            << "Monday, 18-Aug-80 02:01:18 GMT" << qint64(335412078);
        QTest::newRow("upper-case month") << "Thu, 18 AUG 2050 02:01:18 GMT" << qint64(2544400878);
        QTest::newRow("lower-case zone") << "Thu, 18 Aug 2050 02:01:18 gmt" << qint64(2544400878);
        QTest::newRow("asctime, lower-case month")
            << "Thu aug 18 02:01:18 2050" << qint64(2544400878);
        QTest::newRow("UTC is not GMT") << "Thu, 18 Aug 2050 02:01:18 UTC" << qint64(-1);
        QTest::newRow("two-digit year in IMF-fixdate")
            << "Thu, 18 Aug 50 02:01:18 GMT" << qint64(-1);
    }
    void http_dates_robust()
    {
        QFETCH(QString, text);
        QFETCH(qint64, epoch);
        const auto parsed = parse_http_date(text.toStdString());
        QCOMPARE(parsed ? qint64(parsed->time_since_epoch().count()) : qint64(-1), epoch);
    }

    void storable_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("cc");
        QTest::addColumn<QString>("flags"); // a=authorization c=set-cookie s=strip p=per-consumer
                                            // v=vary* e=expires d=default-ttl P=post-opt-in
                                            // n=request no-store L=huge body
        QTest::addColumn<QString>("expected");
        auto row = [](const char* n, const char* m, int st, const char* cc, const char* fl,
                      const char* e) {
            QTest::newRow(n) << QString::fromUtf8(m) << st << QString::fromUtf8(cc)
                             << QString::fromUtf8(fl) << QString::fromUtf8(e);
        };
        row("§3 GET 200 no headers (heuristic status)", "GET", 200, "", "", "stored");
        row("§3 HEAD never stored itself", "HEAD", 200, "max-age=60", "", "method");
        row("§3 POST not stored by default", "POST", 200, "max-age=60", "", "method");
        row("§3 POST opted in by policy", "POST", 200, "", "P", "stored");
        row("§3 PUT never", "PUT", 200, "max-age=60", "", "method");
        row("RFC9110 §15.1 302 without freshness", "GET", 302, "", "", "no-freshness");
        row("§3 302 with max-age", "GET", 302, "max-age=60", "", "stored");
        row("§3 500 with Expires", "GET", 500, "", "e", "stored");
        row("RFC9110 §15.1 404 cacheable by default", "GET", 404, "", "", "stored");
        row("§3 206 not stored", "GET", 206, "max-age=60", "", "status");
        row("§4.3.4 304 not stored", "GET", 304, "max-age=60", "", "status");
        row("§3 public makes 302 storable", "GET", 302, "public", "", "stored");
        row("§5.2.2.5 no-store", "GET", 200, "no-store, max-age=60", "", "no-store");
        row("§5.2.2.3 must-understand overrides no-store", "GET", 200,
            "no-store, must-understand, max-age=5", "", "stored");
        row("§5.2.1.5 request no-store", "GET", 200, "max-age=60", "n", "request-no-store");
        row("§5.2.2.7 private refused", "GET", 200, "private, max-age=60", "", "private");
        row("§5.2.2.7 private per consumer", "GET", 200, "private, max-age=60", "p", "stored");
        row("§5.2.2.4 no-cache is storable", "GET", 200, "no-cache", "", "stored");
        row("§3.5 authorization refused", "GET", 200, "max-age=60", "a", "authorization");
        row("§3.5 authorization + public", "GET", 200, "public, max-age=60", "a", "stored");
        row("§3.5 authorization + s-maxage", "GET", 200, "s-maxage=60", "a", "stored");
        row("§3.5 authorization + must-revalidate", "GET", 200, "must-revalidate", "a", "stored");
        row("policy set-cookie refused", "GET", 200, "max-age=60", "c", "set-cookie");
        row("policy set-cookie stripped", "GET", 200, "max-age=60", "cs", "stored");
        row("§4.1 vary star", "GET", 200, "max-age=60", "v", "vary-star");
        row("policy object too large", "GET", 200, "max-age=60", "L", "too-large");
        row("policy default ttl allows 302", "GET", 302, "", "d", "stored");
    }
    void storable()
    {
        QFETCH(QString, method);
        QFETCH(int, status);
        QFETCH(QString, cc);
        QFETCH(QString, flags);
        QFETCH(QString, expected);
        const std::string m = method.toStdString(), c = cc.toStdString();
        const std::string expires = date_at(60);
        request_view req;
        req.method = m;
        req.has_authorization = flags.contains(QLatin1Char('a'));
        req.has_consumer = flags.contains(QLatin1Char('p'));
        if (flags.contains(QLatin1Char('n')))
            req.directives.no_store = true;
        response_view res;
        res.status = static_cast<unsigned>(status);
        res.directives = parse_cache_control(c);
        res.has_set_cookie = flags.contains(QLatin1Char('c'));
        if (flags.contains(QLatin1Char('v')))
            res.vary = "Accept, *";
        if (flags.contains(QLatin1Char('e')))
            res.expires = expires;
        if (flags.contains(QLatin1Char('L')))
            res.content_length = 1u << 30;
        cache_policy policy;
        policy.enabled = true;
        policy.strip_set_cookie = flags.contains(QLatin1Char('s'));
        policy.private_per_consumer = flags.contains(QLatin1Char('p'));
        policy.cache_post_by_body_hash = flags.contains(QLatin1Char('P'));
        if (flags.contains(QLatin1Char('d')))
            policy.default_ttl = 30s;
        const auto decision = decide_storable(req, res, policy);
        QCOMPARE(QString::fromUtf8(to_string(decision.verdict).data(),
                                   qsizetype(to_string(decision.verdict).size())),
                 expected);
        QCOMPARE(decision.strip_set_cookie, flags.contains(QLatin1Char('s')));
    }

    void storable_policy_disabled()
    {
        response_view res;
        res.directives = parse_cache_control("max-age=60");
        QCOMPARE(decide_storable({}, res, cache_policy{}).verdict, store_verdict::disabled);
        cache_policy policy;
        policy.enabled = true;
        policy.cacheable_statuses = {200};
        res.status = 404;
        QCOMPARE(decide_storable({}, res, policy).verdict, store_verdict::status);
    }

    void lifetime_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("cc");
        QTest::addColumn<QString>("expires"); // "+N" relative to Date, "-" absent, else literal
        QTest::addColumn<QString>("lastModified"); // "-N" relative to Date or "-"
        QTest::addColumn<QString>("policy");       // d=default ttl 30, c=cap 100, o=override
        QTest::addColumn<qint64>("expected");
        auto row = [](const char* n, int st, const char* cc, const char* ex, const char* lm,
                      const char* pol, qint64 e) {
            QTest::newRow(n) << st << QString::fromUtf8(cc) << QString::fromUtf8(ex)
                             << QString::fromUtf8(lm) << QString::fromUtf8(pol) << e;
        };
        row("§4.2.1 s-maxage over max-age", 200, "max-age=10, s-maxage=20", "+1000", "-", "", 20);
        row("§4.2.1 max-age over Expires", 200, "max-age=10", "+1000", "-", "", 10);
        row("§4.2.1 Expires minus Date", 200, "", "+1000", "-", "", 1000);
        row("§4.2.1 Expires in the past", 200, "", "+-50", "-", "", 0);
        row("§5.3 invalid Expires is stale", 200, "", "0", "-10000", "", 0);
        row("§4.2.2 heuristic 10% of LM age", 200, "", "-", "-1000", "", 100);
        row("§4.2.2 heuristic capped", 200, "", "-", "-100000000", "", 86400);
        row("§4.2.2 no heuristic for 302", 302, "", "-", "-1000", "", 0);
        row("§4.2.2 heuristic with public on 302", 302, "public", "-", "-1000", "", 100);
        row("§4.2.2 no heuristic with explicit expiry", 200, "max-age=5", "-", "-1000", "", 5);
        row("§4.2.2 no LM, no heuristic", 200, "", "-", "-", "", 0);
        row("policy default ttl when nothing sent", 200, "", "-", "-", "d", 30);
        row("policy default ttl not over explicit", 200, "max-age=5", "-", "-", "d", 5);
        row("policy cap", 200, "max-age=5000", "-", "-", "c", 100);
        row("policy override", 200, "max-age=5000", "-", "-", "do", 30);
    }
    void lifetime()
    {
        QFETCH(int, status);
        QFETCH(QString, cc);
        QFETCH(QString, expires);
        QFETCH(QString, lastModified);
        QFETCH(QString, policy);
        QFETCH(qint64, expected);
        const std::string c = cc.toStdString();
        const std::string date = date_at(0);
        std::string ex, lm;
        response_view res;
        res.status = static_cast<unsigned>(status);
        res.directives = parse_cache_control(c);
        res.date = date;
        if (expires.startsWith(QLatin1Char('+')))
            ex = date_at(expires.mid(1).toLongLong());
        else if (expires != QLatin1String("-"))
            ex = expires.toStdString();
        if (expires != QLatin1String("-"))
            res.expires = ex;
        if (lastModified != QLatin1String("-")) {
            lm = date_at(lastModified.toLongLong());
            res.last_modified = lm;
        }
        cache_policy p;
        p.enabled = true;
        if (policy.contains(QLatin1Char('d')))
            p.default_ttl = 30s;
        if (policy.contains(QLatin1Char('c')))
            p.max_ttl = 100s;
        p.override_upstream = policy.contains(QLatin1Char('o'));
        QCOMPARE(qint64(freshness_lifetime(res, p, t0)), expected);
    }

    void age_data()
    {
        QTest::addColumn<QString>("age");
        QTest::addColumn<int>("dateOffset"); // Date relative to response time
        QTest::addColumn<int>("delay");      // response_time - request_time
        QTest::addColumn<int>("resident");   // now - response_time
        QTest::addColumn<qint64>("expected");
        QTest::newRow("§4.2.3 fresh from origin") << "-" << 0 << 0 << 0 << qint64(0);
        QTest::newRow("§4.2.3 apparent age from old Date") << "-" << -30 << 0 << 0 << qint64(30);
        QTest::newRow("§4.2.3 Age plus response delay") << "10" << 0 << 2 << 0 << qint64(12);
        QTest::newRow("§4.2.3 max of apparent and corrected")
            << "10" << -50 << 2 << 0 << qint64(50);
        QTest::newRow("§4.2.3 resident time added") << "10" << 0 << 0 << 7 << qint64(17);
        QTest::newRow("§4.2.3 Date in the future clamps") << "-" << 100 << 0 << 0 << qint64(0);
        QTest::newRow("§5.1 negative Age ignored") << "-5" << 0 << 0 << 0 << qint64(0);
        QTest::newRow("§5.1 non-numeric Age ignored") << "abc" << 0 << 0 << 0 << qint64(0);
        QTest::newRow("§5.1 list Age uses first") << "20, 30" << 0 << 0 << 0 << qint64(20);
        QTest::newRow("§1.2.2 huge Age saturates")
            << "999999999999" << 0 << 0 << 0 << qint64(delta_seconds_max);
    }
    void age()
    {
        QFETCH(QString, age);
        QFETCH(int, dateOffset);
        QFETCH(int, delay);
        QFETCH(int, resident);
        QFETCH(qint64, expected);
        const std::string a = age.toStdString();
        const std::string date = date_at(dateOffset);
        response_view res;
        res.date = date;
        if (age != QLatin1String("-"))
            res.age = a;
        cache_policy p;
        const auto f = compute_freshness(res, p, t0 - std::chrono::seconds(delay), t0);
        QCOMPARE(qint64(f.current_age(t0 + std::chrono::seconds(resident))), expected);
    }

    void serving_data()
    {
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<int>("age");
        QTest::addColumn<QString>("response"); // n=no-cache m=must-revalidate w=swr 30
        QTest::addColumn<QString>("request");  // request Cache-Control
        QTest::addColumn<QString>("expected");
        auto row = [](const char* n, int l, int a, const char* res, const char* req,
                      const char* e) {
            QTest::newRow(n) << l << a << QString::fromUtf8(res) << QString::fromUtf8(req)
                             << QString::fromUtf8(e);
        };
        row("§4.2 fresh", 60, 10, "", "", "fresh");
        row("§4.2 stale at lifetime", 60, 60, "", "", "revalidate");
        row("§5.2.2.4 response no-cache", 60, 10, "n", "", "revalidate");
        row("§5.2.1.4 request no-cache", 60, 10, "", "no-cache", "revalidate");
        row("§5.2.1.1 request max-age exceeded", 60, 10, "", "max-age=5", "revalidate");
        row("§5.2.1.1 request max-age ok", 60, 10, "", "max-age=20", "fresh");
        row("§5.2.1.1 max-age=0 forces validation", 60, 1, "", "max-age=0", "revalidate");
        row("§5.2.1.3 min-fresh unmet", 60, 50, "", "min-fresh=20", "revalidate");
        row("§5.2.1.3 min-fresh met", 60, 10, "", "min-fresh=20", "fresh");
        row("§5.2.1.2 max-stale within", 60, 80, "", "max-stale=30", "stale-allowed");
        row("§5.2.1.2 max-stale exceeded", 60, 100, "", "max-stale=30", "revalidate");
        row("§5.2.1.2 max-stale any", 60, 100000, "", "max-stale", "stale-allowed");
        row("§4.2.4 must-revalidate beats max-stale", 60, 80, "m", "max-stale", "revalidate");
        row("RFC5861 §3 swr within window", 60, 80, "w", "", "swr");
        row("RFC5861 §3 swr beyond window", 60, 100, "w", "", "revalidate");
        row("§4.2.4 must-revalidate beats swr", 60, 80, "mw", "", "revalidate");
    }
    void serving()
    {
        QFETCH(int, lifetime);
        QFETCH(int, age);
        QFETCH(QString, response);
        QFETCH(QString, request);
        QFETCH(QString, expected);
        freshness_info f;
        f.lifetime = lifetime;
        f.corrected_initial_age = age;
        f.response_time = t0;
        f.no_cache = response.contains(QLatin1Char('n'));
        f.must_revalidate = response.contains(QLatin1Char('m'));
        f.stale_while_revalidate = response.contains(QLatin1Char('w')) ? 30 : 0;
        const auto d = decide_serving(f, parse_cache_control(request.toStdString()), t0);
        const char* names[] = {"fresh", "stale-allowed", "swr", "revalidate"};
        QCOMPARE(QString::fromUtf8(names[static_cast<int>(d.action)]), expected);
        QCOMPARE(qint64(d.age), qint64(age));
        QCOMPARE(qint64(d.ttl), qint64(lifetime - age));
    }

    void stale_if_error()
    {
        freshness_info f;
        f.lifetime = 60;
        f.response_time = t0;
        f.stale_if_error = 100;
        QVERIFY(may_serve_stale_on_error(f, {}, t0 + 150s));  // stale by 90
        QVERIFY(!may_serve_stale_on_error(f, {}, t0 + 170s)); // stale by 110
        QVERIFY(!may_serve_stale_on_error(f, parse_cache_control("stale-if-error=10"), t0 + 150s));
        f.must_revalidate = true; // §4.2.4
        QVERIFY(!may_serve_stale_on_error(f, {}, t0 + 150s));
        // The policy override replaces the upstream's window.
        response_view res;
        res.directives = parse_cache_control("max-age=60, stale-if-error=5");
        cache_policy p;
        p.stale_if_error = 500s;
        p.stale_while_revalidate = 7s;
        const auto g = compute_freshness(res, p, t0, t0);
        QCOMPARE(g.stale_if_error, std::int64_t(500));
        QCOMPARE(g.stale_while_revalidate, std::int64_t(7));
        // §5.2.2.10: s-maxage implies proxy-revalidate in a shared cache.
        res.directives = parse_cache_control("s-maxage=60");
        QVERIFY(compute_freshness(res, cache_policy{}, t0, t0).must_revalidate);
    }

    void cache_status_field()
    {
        cache_status hit;
        hit.hit = true;
        hit.ttl = 42;
        QCOMPARE(format_cache_status("Gatehouse", hit), std::string("Gatehouse; hit; ttl=42"));
        cache_status miss;
        miss.fwd = forward_reason::uri_miss;
        miss.fwd_status = 200;
        miss.stored = true;
        miss.ttl = 60;
        QCOMPARE(format_cache_status("Gatehouse", miss),
                 std::string("Gatehouse; fwd=uri-miss; fwd-status=200; stored; ttl=60"));
        cache_status refused;
        refused.fwd = forward_reason::uri_miss;
        refused.detail = to_string(store_verdict::set_cookie);
        QCOMPARE(format_cache_status("Gatehouse", refused),
                 std::string("Gatehouse; fwd=uri-miss; detail=set-cookie"));
        cache_status stale;
        stale.fwd = forward_reason::stale;
        stale.fwd_status = 304;
        stale.ttl = -5;
        stale.detail = "not a token";
        QCOMPARE(
            format_cache_status("Gatehouse", stale),
            std::string("Gatehouse; fwd=stale; fwd-status=304; ttl=-5; detail=\"not a token\""));
    }

    void classify()
    {
        cache_policy p;
        p.enabled = true;
        QCOMPARE(classify_request("GET", p), request_class::lookup);
        QCOMPARE(classify_request("HEAD", p), request_class::lookup);
        QCOMPARE(classify_request("POST", p), request_class::invalidate);
        QCOMPARE(classify_request("PURGEX", p), request_class::invalidate);
        QCOMPARE(classify_request("OPTIONS", p), request_class::bypass);
        QCOMPARE(classify_request("get", p), request_class::invalidate); // §9.1 case-sensitive
        p.cache_post_by_body_hash = true;
        QCOMPARE(classify_request("POST", p), request_class::lookup);
        QCOMPARE(classify_request("GET", cache_policy{}), request_class::bypass);
        QVERIFY(invalidates("DELETE", 204));
        QVERIFY(invalidates("POST", 303));
        QVERIFY(!invalidates("POST", 500));
        QVERIFY(!invalidates("GET", 200));
    }
};

QTEST_APPLESS_MAIN(TestCacheFreshness)
#include "tst_cache_freshness.moc"
