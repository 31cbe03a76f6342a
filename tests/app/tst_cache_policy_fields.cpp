// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cache_policy_fields.h"

#include "app/api_cache_policy.h"
#include "app/domain/domain_messages.h"

#include <QTest>

using namespace gatehouse::app;
using Field = CachePolicyField;
using Kind = CachePolicyProblem::Kind;

// An API's cache policy as a form edits it: stored JSON in, fields out, the
// JSON the form composes back, and the catalog's rules reported per field.
class TestCachePolicyFields : public QObject {
    Q_OBJECT

private slots:
    void storedPolicyBecomesFields()
    {
        QString error;
        const auto f = CachePolicyFields::fromJson(
            QStringLiteral(R"({"default_ttl": "60s", "max_ttl": 600000, "statuses": [200, 404],
                "ignore_query_params": ["utm_*", "fbclid"], "cache_post": true,
                "stale_if_error": "5m", "max_object_size": 1024})"),
            &error);
        QVERIFY2(f, qPrintable(error));
        QVERIFY(f->enabled);
        QCOMPARE(f->defaultTtl, QStringLiteral("60s"));
        QCOMPARE(f->maxTtl, QStringLiteral("10m")); // a number is milliseconds
        QCOMPARE(f->statuses, QStringLiteral("200, 404"));
        QCOMPARE(f->ignoreQueryParams, QStringLiteral("utm_*, fbclid"));
        QVERIFY(f->cachePost && !f->privatePerConsumer && !f->stripSetCookie);
        QCOMPARE(f->staleIfError, QStringLiteral("5m"));
        QVERIFY(f->staleWhileRevalidate.isEmpty());
        QCOMPARE(f->maxObjectSize, QStringLiteral("1024"));

        const auto off = CachePolicyFields::fromJson(QStringLiteral("{}"), &error);
        QVERIFY(off && !off->enabled && *off == CachePolicyFields{});
        const auto kept = CachePolicyFields::fromJson(
            QStringLiteral(R"({"enabled": false, "max_ttl": "1h"})"), &error);
        QVERIFY(kept && !kept->enabled);
        QCOMPARE(kept->maxTtl, QStringLiteral("1h"));
        QVERIFY(!CachePolicyFields::fromJson(QStringLiteral("[1]"), &error));
        QVERIFY(!error.isEmpty());
    }

    void fieldsBecomeThePolicyTheGatewayReads()
    {
        CachePolicyFields f;
        QCOMPARE(f.toJson(), QStringLiteral("{}"));
        f.enabled = true;
        QCOMPARE(f.toJson(), QStringLiteral(R"({"enabled":true})"));
        f.defaultTtl = QStringLiteral(" 30s ");
        f.maxTtl = QStringLiteral("1h");
        f.statuses = QStringLiteral("200,  404 410");
        f.ignoreQueryParams = QStringLiteral("utm_*,fbclid");
        f.staleWhileRevalidate = QStringLiteral("10s");
        f.privatePerConsumer = true;
        f.stripSetCookie = true;
        f.maxObjectSize = QStringLiteral("2MiB");
        const QString json = f.toJson();
        QString error;
        const auto policy = readApiCachePolicy(json, &error);
        QVERIFY2(policy, qPrintable(error + QLatin1Char(' ') + json));
        QVERIFY(policy->enabled);
        QCOMPARE(policy->default_ttl.count(), 30);
        QCOMPARE(policy->max_ttl.count(), 3600);
        QCOMPARE(policy->cacheable_statuses, (std::vector<unsigned>{200, 404, 410}));
        QCOMPARE(policy->ignored_query_params, (std::vector<std::string>{"utm_*", "fbclid"}));
        QCOMPARE(policy->stale_while_revalidate->count(), 10);
        QVERIFY(!policy->stale_if_error);
        QVERIFY(policy->private_per_consumer && policy->strip_set_cookie);
        QVERIFY(!policy->cache_post_by_body_hash && !policy->override_upstream);
        QCOMPARE(policy->max_object_bytes, std::size_t(2 * 1024 * 1024));
        QVERIFY(checkCachePolicy(f).isEmpty());
        // What was read back is what the form shows.
        const auto again = CachePolicyFields::fromJson(json, &error);
        QVERIFY(again);
        QCOMPARE(again->statuses, QStringLiteral("200, 404, 410"));
        QCOMPARE(again->defaultTtl, QStringLiteral("30s"));

        // Turned off, the settings stay and the gateway does not cache.
        f.enabled = false;
        const auto off = readApiCachePolicy(f.toJson(), &error);
        QVERIFY(off && !off->enabled);
        QCOMPARE(CachePolicyFields::fromJson(f.toJson(), &error)->maxTtl, QStringLiteral("1h"));
    }

    void problemsAreNamedByField()
    {
        CachePolicyFields f;
        f.enabled = true;
        f.defaultTtl = QStringLiteral("2h");
        f.maxTtl = QStringLiteral("1h");
        f.statuses = QStringLiteral("200 206 200 x 700");
        f.staleIfError = QStringLiteral("soon");
        f.staleWhileRevalidate = QStringLiteral("1500ms");
        f.maxObjectSize = QStringLiteral("2GiB");
        f.ignoreQueryParams = QStringLiteral("* utm*x a=b");
        const QList<CachePolicyProblem> problems = checkCachePolicy(f);
        QStringList seen;
        for (const CachePolicyProblem& p : problems)
            seen << QStringLiteral("%1 %2 '%3': %4")
                        .arg(cachePolicyKey(p.field))
                        .arg(int(p.kind))
                        .arg(p.value, p.message);
        const QString all = seen.join(QLatin1Char('\n'));
        const auto has = [&](Field field, Kind kind, const QString& value) {
            for (const CachePolicyProblem& p : problems) {
                if (p.field == field && p.kind == kind && p.value == value && !p.message.isEmpty())
                    return true;
            }
            return false;
        };
        QVERIFY2(has(Field::DefaultTtl, Kind::DefaultTtlAboveMaxTtl, QString()), qPrintable(all));
        QVERIFY2(has(Field::Statuses, Kind::StatusNotStorable, QStringLiteral("206")),
                 qPrintable(all));
        QVERIFY2(has(Field::Statuses, Kind::DuplicateStatus, QStringLiteral("200")),
                 qPrintable(all));
        QVERIFY2(has(Field::Statuses, Kind::NotAStatus, QStringLiteral("x")), qPrintable(all));
        QVERIFY2(has(Field::Statuses, Kind::StatusOutOfRange, QStringLiteral("700")),
                 qPrintable(all));
        QVERIFY2(has(Field::StaleIfError, Kind::NotADuration, QStringLiteral("soon")),
                 qPrintable(all));
        QVERIFY2(has(Field::StaleWhileRevalidate, Kind::NotWholeSeconds, QStringLiteral("1500ms")),
                 qPrintable(all));
        QVERIFY2(has(Field::MaxObjectSize, Kind::SizeOutOfRange, QStringLiteral("2GiB")),
                 qPrintable(all));
        QVERIFY2(has(Field::IgnoreQueryParams, Kind::ParameterNameMissing, QStringLiteral("*")),
                 qPrintable(all));
        QVERIFY2(has(Field::IgnoreQueryParams, Kind::WildcardNotAtEnd, QStringLiteral("utm*x")),
                 qPrintable(all));
        QVERIFY2(has(Field::IgnoreQueryParams, Kind::NotAParameterName, QStringLiteral("a=b")),
                 qPrintable(all));
        QCOMPARE(problems.size(), 11);
        for (const CachePolicyProblem& p : problems) {
            QVERIFY2(p.field != Field::MaxTtl, qPrintable(all));
            QVERIFY2(p.kind != Kind::Other, qPrintable(all));
        }
        // The catalog refuses the same policy.
        QString error;
        QVERIFY(!readApiCachePolicy(f.toJson(), &error));

        // Durations and sizes that are no such thing, or out of range.
        CachePolicyFields odd;
        odd.enabled = true;
        odd.defaultTtl = QStringLiteral("9000h");
        odd.maxObjectSize = QStringLiteral("big");
        const auto oddProblems = checkCachePolicy(odd);
        QCOMPARE(oddProblems.size(), 2);
        QCOMPARE(oddProblems.at(0).field, Field::DefaultTtl);
        QCOMPARE(oddProblems.at(0).kind, Kind::DurationOutOfRange);
        QCOMPARE(oddProblems.at(0).value, QStringLiteral("9000h"));
        QCOMPARE(oddProblems.at(1).field, Field::MaxObjectSize);
        QCOMPARE(oddProblems.at(1).kind, Kind::NotASize);

        // A rule about the policy as a whole has no field.
        CachePolicyFields overriding;
        overriding.enabled = true;
        overriding.overrideUpstream = true;
        const auto whole = checkCachePolicy(overriding);
        QCOMPARE(whole.size(), 1);
        QCOMPARE(whole.front().field, Field::Policy);
        QCOMPARE(whole.front().kind, Kind::OverrideNeedsDefaultTtl);
        QVERIFY(whole.front().message.contains(QLatin1String("needs a default_ttl")));
        QCOMPARE(cachePolicyKey(Field::Policy), QString());
        QCOMPARE(cachePolicyKey(Field::StaleIfError), QStringLiteral("stale_if_error"));
    }

    // Every refusal is also a message the console translates; the English
    // the admin API and the logs show is what it always was.
    void refusalsCarryMessagesWithTheSameEnglish()
    {
        CachePolicyFields f;
        f.enabled = true;
        f.defaultTtl = QStringLiteral("2h");
        f.maxTtl = QStringLiteral("1h");
        f.statuses = QStringLiteral("200 206 200 x 700");
        f.staleIfError = QStringLiteral("soon");
        f.staleWhileRevalidate = QStringLiteral("1500ms");
        f.maxObjectSize = QStringLiteral("2GiB");
        f.ignoreQueryParams = QStringLiteral("* utm*x a=b");
        for (const CachePolicyProblem& p : checkCachePolicy(f))
            QCOMPARE(p.what.toString(), p.message);

        QString error;
        DomainMessage message;
        QVERIFY(!readApiCachePolicy(QStringLiteral(R"({"max_ttl": "1500ms", "statuses": [206]})"),
                                    &error, &message));
        QCOMPARE(error, QStringLiteral("cachePolicy:1:13: max_ttl: 1s500ms is not a whole number "
                                       "of seconds; cachePolicy:1:36: statuses[0]: status 206 "
                                       "cannot be cached on its own (a partial or a validation "
                                       "response)"));
        QCOMPARE(message.toString(), error);
        QCOMPARE(message.text(), msg::ProblemsJoined);
        QCOMPARE(message.args().at(0).args().at(1).text(), msg::CacheNotWholeSeconds);
        QCOMPARE(message.args().at(1).args().at(1).text(), msg::CacheStatusNotStorable);
        // The place stays verbatim.
        QCOMPARE(message.args().at(0).args().at(0).verbatim(),
                 QStringLiteral("cachePolicy:1:13: max_ttl"));

        // Not JSON at all: the catalog's words, as a template too.
        QVERIFY(!readApiCachePolicy(QStringLiteral("{"), &error, &message));
        QCOMPARE(message.toString(), error);
        QCOMPARE(message.text(), msg::CachePolicyUnreadable);
        DomainMessage stored;
        QVERIFY(!CachePolicyFields::fromJson(QStringLiteral("[1]"), &stored));
        QCOMPARE(stored.toString(), QStringLiteral("cachePolicy: must be a JSON object"));
        QCOMPARE(stored.text(), msg::CachePolicyNotObject);
    }
};

QTEST_GUILESS_MAIN(TestCachePolicyFields)
#include "tst_cache_policy_fields.moc"
