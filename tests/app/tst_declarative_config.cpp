// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/declarative_config.h"

#include "app/config_value_parsers.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <iterator>
#include <random>

using gatehouse::app::DeclarativeConfig;
using namespace gatehouse;
using std::chrono::milliseconds;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString exampleFile(const char* name)
{
    const QString root = qEnvironmentVariable("GATEHOUSE_SOURCE_DIR");
    return root.isEmpty() ? QString()
                          : QDir(root).filePath(QStringLiteral("resources/") + QLatin1String(name));
}

// A small valid document; the invalid cases below are variations of it.
const char* const Minimal = "version: 1\n"
                            "upstreams:\n"
                            "  - name: shop\n"
                            "    targets: [http://127.0.0.1:9001]\n"
                            "routes:\n"
                            "  - path: /\n"
                            "    upstream: shop\n";

void compareSnapshots(const gateway::config_snapshot& a, const gateway::config_snapshot& b)
{
    QCOMPARE(a.upstreams.size(), b.upstreams.size());
    for (std::size_t i = 0; i < a.upstreams.size(); ++i) {
        const auto& x = a.upstreams[i];
        const auto& y = b.upstreams[i];
        QCOMPARE(qs(x.name), qs(y.name));
        QCOMPARE(x.policy, y.policy);
        QCOMPARE(x.targets.size(), y.targets.size());
        for (std::size_t t = 0; t < x.targets.size(); ++t) {
            QCOMPARE(qs(x.targets[t].url), qs(y.targets[t].url));
            QCOMPARE(x.targets[t].weight, y.targets[t].weight);
        }
        QCOMPARE(x.connect_timeout.count(), y.connect_timeout.count());
        QCOMPARE(x.read_timeout.count(), y.read_timeout.count());
        QCOMPARE(x.total_timeout.count(), y.total_timeout.count());
        QCOMPARE(x.max_idle_connections, y.max_idle_connections);
        QCOMPARE(x.health.active, y.health.active);
        QCOMPARE(qs(x.health.path), qs(y.health.path));
        QCOMPARE(x.health.interval.count(), y.health.interval.count());
        QCOMPARE(x.health.timeout.count(), y.health.timeout.count());
        QCOMPARE(x.health.max_failures, y.health.max_failures);
        QCOMPARE(x.health.cooldown.count(), y.health.cooldown.count());
        QCOMPARE(x.tls.verify, y.tls.verify);
        QCOMPARE(qs(x.tls.ca_file), qs(y.tls.ca_file));
        QCOMPARE(qs(x.tls.server_name), qs(y.tls.server_name));
    }
    QCOMPARE(a.dns_refresh_interval.count(), b.dns_refresh_interval.count());
    QCOMPARE(a.routes.size(), b.routes.size());
    for (std::size_t i = 0; i < a.routes.size(); ++i) {
        const auto& x = a.routes[i];
        const auto& y = b.routes[i];
        QCOMPARE(qs(x.id), qs(y.id));
        QCOMPARE(qs(x.host), qs(y.host));
        QCOMPARE(qs(x.path), qs(y.path));
        QCOMPARE(x.match, y.match);
        QCOMPARE(x.methods, y.methods);
        QCOMPARE(qs(x.upstream), qs(y.upstream));
        QCOMPARE(x.strip_prefix, y.strip_prefix);
        QCOMPARE(qs(x.rewrite_prefix), qs(y.rewrite_prefix));
        QCOMPARE(x.preserve_host, y.preserve_host);
    }
}

void compareOptions(const gateway::gateway_options& a, const gateway::gateway_options& b)
{
    QCOMPARE(qs(a.listen_address), qs(b.listen_address));
    QCOMPARE(a.port, b.port);
    QCOMPARE(a.threads, b.threads);
    QCOMPARE(a.header_limit, b.header_limit);
    QCOMPARE(a.body_limit, b.body_limit);
    QCOMPARE(a.client_header_timeout.count(), b.client_header_timeout.count());
    QCOMPARE(a.client_body_timeout.count(), b.client_body_timeout.count());
    QCOMPARE(a.client_send_timeout.count(), b.client_send_timeout.count());
    QCOMPARE(a.keepalive_timeout.count(), b.keepalive_timeout.count());
    QCOMPARE(qs(a.via_name), qs(b.via_name));
    QCOMPARE(a.merge_slashes, b.merge_slashes);
}

} // namespace

class TestDeclarativeConfig : public QObject {
    Q_OBJECT

private slots:
    void exampleFiles();
    void defaultsWhenOmitted();
    void targetForms();
    void methodsAreUpperCased();
    void rewriteImpliesStrip();
    void cacheBlocks();
    void invalidDocuments_data();
    void invalidDocuments();
    void emptyDocuments_data();
    void emptyDocuments();
    void missingFile();
    void directoryIsRefused();
    void errorsAreSortedByLine();
    void failedLoadKeepsPreviousSnapshot();
    void garbageNeverThrows();
    void durations_data();
    void durations();
    void sizes_data();
    void sizes();
    void durationAndSizeFields();
    void mergeSlashesCanBeTurnedOff();
    void trustedProxies();
    void proxyProtocol();
    void dnsRefreshInterval();
    void upstreamTls();
    void mutatedExamplesEndWithAVerdict();
};

void TestDeclarativeConfig::exampleFiles()
{
    const QString yamlPath = exampleFile("gateway.example.yaml");
    const QString jsonPath = exampleFile("gateway.example.json");
    if (yamlPath.isEmpty())
        QSKIP("GATEHOUSE_SOURCE_DIR is not set");

    DeclarativeConfig yaml;
    QVERIFY2(yaml.loadFile(yamlPath), qPrintable(yaml.lastError()));
    DeclarativeConfig json;
    QVERIFY2(json.loadFile(jsonPath), qPrintable(json.lastError()));
    compareSnapshots(yaml.snapshot(), json.snapshot());
    if (QTest::currentTestFailed())
        return;
    compareOptions(yaml.options(), json.options());
    if (QTest::currentTestFailed())
        return;

    const auto& options = yaml.options();
    QCOMPARE(qs(options.listen_address), QStringLiteral("127.0.0.1"));
    QCOMPARE(options.port, 8080);
    QCOMPARE(options.threads, 0u);
    QCOMPARE(options.header_limit, std::size_t(16 * 1024));
    QCOMPARE(options.body_limit, std::uint64_t(16 * 1024 * 1024));
    QCOMPARE(options.client_header_timeout, milliseconds(10000));
    QCOMPARE(options.keepalive_timeout, milliseconds(60000));

    const auto& snapshot = yaml.snapshot();
    QCOMPARE(snapshot.dns_refresh_interval, milliseconds(30000));
    QCOMPARE(snapshot.upstreams.size(), std::size_t(2));
    const auto& shop = snapshot.upstreams[0];
    QCOMPARE(qs(shop.name), QStringLiteral("shop"));
    QCOMPARE(shop.policy, gateway::balance_policy::weighted);
    QCOMPARE(shop.targets.size(), std::size_t(2));
    QCOMPARE(qs(shop.targets[0].url), QStringLiteral("http://127.0.0.1:9001"));
    QCOMPARE(shop.targets[0].weight, 3u);
    QCOMPARE(shop.targets[1].weight, 1u);
    QCOMPARE(shop.total_timeout, milliseconds(60000));
    QVERIFY(shop.health.active);
    QCOMPARE(qs(shop.health.path), QStringLiteral("/health"));
    QCOMPARE(shop.health.interval, milliseconds(5000));
    QCOMPARE(shop.health.timeout, milliseconds(2000));
    QCOMPARE(shop.health.max_failures, 3u);
    QCOMPARE(shop.health.cooldown, milliseconds(10000));
    const auto& users = snapshot.upstreams[1];
    QCOMPARE(users.policy, gateway::balance_policy::round_robin);
    QCOMPARE(qs(users.targets.at(0).url), QStringLiteral("http://127.0.0.1:9100/internal"));
    QCOMPARE(users.targets.at(0).weight, 1u);
    QCOMPARE(users.read_timeout, milliseconds(10000));
    QVERIFY(!users.health.active);

    QCOMPARE(snapshot.routes.size(), std::size_t(3));
    const auto& product = snapshot.routes[0];
    QCOMPARE(qs(product.id), QStringLiteral("product"));
    QCOMPARE(qs(product.path), QStringLiteral("/shop/products/{id}"));
    QCOMPARE(product.match, gateway::path_match::exact);
    QCOMPARE(product.methods, (std::vector<std::string>{"GET", "HEAD"}));
    QCOMPARE(qs(product.host), QString());
    const auto& shopRoute = snapshot.routes[1];
    QCOMPARE(qs(shopRoute.host), QStringLiteral("api.example.com"));
    QCOMPARE(shopRoute.match, gateway::path_match::prefix);
    QVERIFY(shopRoute.methods.empty());
    QVERIFY(shopRoute.strip_prefix);
    QCOMPARE(qs(shopRoute.rewrite_prefix), QStringLiteral("/v2"));
    QVERIFY(!shopRoute.preserve_host);
    const auto& usersRoute = snapshot.routes[2];
    QCOMPARE(usersRoute.methods, (std::vector<std::string>{"GET", "POST", "DELETE"}));
    QVERIFY(usersRoute.preserve_host);
    QCOMPARE(qs(usersRoute.upstream), QStringLiteral("users"));
}

void TestDeclarativeConfig::defaultsWhenOmitted()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(Minimal), qPrintable(config.lastError()));
    compareOptions(config.options(), gateway::gateway_options{});

    gateway::config_snapshot expected;
    gateway::upstream_config upstream;
    upstream.name = "shop";
    upstream.targets.push_back({"http://127.0.0.1:9001", 1});
    expected.upstreams.push_back(upstream);
    gateway::route_config route;
    route.id = "route-0";
    route.upstream = "shop";
    expected.routes.push_back(route);
    compareSnapshots(config.snapshot(), expected);

    // Neither upstreams nor routes are required: a gateway that answers 404.
    QVERIFY2(config.parse("version: 1\n"), qPrintable(config.lastError()));
    QVERIFY(config.snapshot().routes.empty());
}

void TestDeclarativeConfig::targetForms()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse("version: 1\n"
                          "upstreams:\n"
                          "  - name: a\n"
                          "    targets:\n"
                          "      - http://10.0.0.1\n"
                          "      - {url: 'http://[::1]:8081/base', weight: 7}\n"
                          "      - url: http://backend_1.internal:80/\n"),
             qPrintable(config.lastError()));
    const auto& targets = config.snapshot().upstreams.at(0).targets;
    QCOMPARE(targets.size(), std::size_t(3));
    QCOMPARE(qs(targets[0].url), QStringLiteral("http://10.0.0.1"));
    QCOMPARE(targets[1].weight, 7u);
    QCOMPARE(qs(targets[1].url), QStringLiteral("http://[::1]:8081/base"));
    QCOMPARE(targets[2].weight, 1u);
}

void TestDeclarativeConfig::methodsAreUpperCased()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse("{\"version\": 1,\n"
                          " \"upstreams\": [{\"name\": \"a\", \"targets\": [\"http://h:1\"]}],\n"
                          " \"routes\": [{\"path\": \"/\", \"upstream\": \"a\",\n"
                          "             \"host\": \"API.Example.COM\",\n"
                          "             \"methods\": [\"get\", \"Purge\"]}]}\n"),
             qPrintable(config.lastError()));
    const auto& route = config.snapshot().routes.at(0);
    QCOMPARE(route.methods, (std::vector<std::string>{"GET", "PURGE"}));
    QCOMPARE(qs(route.host), QStringLiteral("api.example.com"));
}

void TestDeclarativeConfig::rewriteImpliesStrip()
{
    // The gateway replaces the matched prefix whenever rewrite_prefix is set.
    DeclarativeConfig config;
    QVERIFY2(config.parse(QByteArray(Minimal) + "  - path: /old\n"
                                                "    upstream: shop\n"
                                                "    rewrite_prefix: /new\n"),
             qPrintable(config.lastError()));
    const auto& route = config.snapshot().routes.at(1);
    QCOMPARE(qs(route.rewrite_prefix), QStringLiteral("/new"));
    QCOMPARE(qs(route.id), QStringLiteral("route-1"));
}

void TestDeclarativeConfig::invalidDocuments_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("position"); // "line:" or "line:column:"; empty: none
    QTest::addColumn<QStringList>("fragments");

    const QByteArray minimal(Minimal);
    // Lines of Minimal: 1 version, 3 "- name: shop", 4 targets, 6 "- path: /", 7 upstream.
    auto replace = [&](const char* from, const char* to) {
        QByteArray copy = minimal;
        copy.replace(from, to);
        return copy;
    };
    auto row = [](const char* name, const QByteArray& document, const char* position,
                  QStringList fragments) {
        QTest::newRow(name) << document << QString::fromLatin1(position) << fragments;
    };

    row("yaml syntax", "version: 1\nupstreams: [\n  - name: a\n", "",
        {QStringLiteral("syntax error")});
    row("yaml bad indentation", "version: 1\nlisten:\n  port: 1\n   threads: 2\n",
        "4:", {QStringLiteral("syntax error")});
    row("json syntax", "{\"version\": 1,\n \"routes\": [\n}\n",
        "3:", {QStringLiteral("syntax error")});
    row("json unknown key", "{\n  \"version\": 1,\n  \"listen\": {\"prot\": 8080}\n}\n",
        "3:14:", {QStringLiteral("listen: unknown field 'prot' (did you mean 'port'?)")});
    row("top level not a mapping", "- version: 1\n",
        "1:1:", {QStringLiteral("the top level must be a mapping")});
    row("two documents", minimal + "---\nversion: 1\n",
        "9:", {QStringLiteral("only one YAML document")});
    // A stray comma after a value: yaml-cpp 0.7's LoadAll never returned
    // on these (yaml_document.h); they are syntax errors at the comma.
    row("comma after a document", minimal + ",\n", "", {QStringLiteral("syntax error")});
    row("comma after a string", "\"\",", "1:3:", {QStringLiteral("unexpected ','")});
    row("comma after a json object", "{\"version\": 1},\n",
        "1:15:", {QStringLiteral("unexpected ','")});
    row("comma after a flow sequence", "[1],", "1:4:", {QStringLiteral("unexpected ','")});
    row("comma alone", ",", "1:1:", {QStringLiteral("unexpected ','")});
    row("trailing document marker and comma", minimal + "---\n,\n", "",
        {QStringLiteral("syntax error")});
    row("missing version", replace("version: 1\n", "listen: {}\n"),
        "1:1:", {QStringLiteral("missing required field 'version'")});
    row("unsupported version", replace("version: 1", "version: 2"),
        "1:10:", {QStringLiteral("version: unsupported version 2")});
    row("unknown top-level key", minimal + "rotues: []\n",
        "8:1:", {QStringLiteral("unknown field 'rotues' (did you mean 'routes'?)")});
    row("unknown key without suggestion", minimal + "frobnicate: 1\n", "8:1:",
        {QStringLiteral("unknown field 'frobnicate' (expected one of: version, listen, cache, "
                        "dns, upstreams, routes)")});
    row("unknown nested key",
        replace("    upstream: shop\n", "    upstream: shop\n    stripprefix: true\n"), "8:5:",
        {QStringLiteral("routes[0]: unknown field 'stripprefix' (did you mean 'strip_prefix'?)")});
    row("duplicate key", replace("    upstream: shop\n", "    upstream: shop\n    path: /x\n"),
        "8:5:", {QStringLiteral("routes[0]: duplicate field 'path' (first given at line 6)")});
    row("wrong type: port is text", minimal + "listen:\n  port: abc\n",
        "9:9:", {QStringLiteral("listen.port: expected a whole number, got 'abc'")});
    row("wrong type: quoted number", minimal + "listen:\n  port: \"8080\"\n",
        "9:9:", {QStringLiteral("listen.port: expected a whole number, got the string \"8080\"")});
    row("wrong type: listen is a list", minimal + "listen: [1]\n",
        "8:9:", {QStringLiteral("listen: expected a mapping, got a sequence")});
    row("wrong type: boolean",
        replace("    upstream: shop\n", "    upstream: shop\n    strip_prefix: yes\n"),
        "8:19:", {QStringLiteral("routes[0].strip_prefix: expected true or false, got 'yes'")});
    row("wrong type: targets is a string",
        replace("[http://127.0.0.1:9001]", "http://127.0.0.1:9001"),
        "4:14:", {QStringLiteral("upstreams[0].targets: expected a sequence")});
    row("wrong type: empty value", replace("upstream: shop", "upstream:"),
        "7:5:", {QStringLiteral("routes[0].upstream: expected a string, got null")});
    row("wrong type: route is a string", replace("  - path: /\n    upstream: shop\n", "  - /\n"),
        "6:5:", {QStringLiteral("routes[0]: expected a mapping, got '/'")});
    row("port out of range", minimal + "listen:\n  port: 70000\n",
        "9:9:", {QStringLiteral("listen.port: 70000 is out of range (0 to 65535)")});
    row("negative number", replace("    targets:", "    max_idle_connections: -1\n    targets:"),
        "4:27:", {QStringLiteral("upstreams[0].max_idle_connections: must not be negative")});
    row("bad duration", replace("    targets:", "    connect_timeout: 10x\n    targets:"),
        "4:22:", {QStringLiteral("upstreams[0].connect_timeout: invalid duration '10x'")});
    row("fractional duration", minimal + "listen:\n  keepalive_timeout: 1.5s\n", "9:22:",
        {QStringLiteral(
            "listen.keepalive_timeout: invalid duration '1.5s' (fractions are not supported")});
    row("dns: unknown field", minimal + "dns:\n  valid: 10s\n",
        "9:3:", {QStringLiteral("dns: unknown field 'valid' (expected one of: refresh_interval)")});
    row("dns: negative interval", minimal + "dns:\n  refresh_interval: -5s\n",
        "9:21:", {QStringLiteral("dns.refresh_interval: duration '-5s' must not be negative")});
    row("dns: interval too long", minimal + "dns:\n  refresh_interval: 25h\n",
        "9:21:", {QStringLiteral("dns.refresh_interval: 25h is out of range (0 to 24h)")});
    // The console's Gateway page takes 0 (off) or 1s to 24h: so does a file.
    row("dns: sub-second interval", minimal + "dns:\n  refresh_interval: 500ms\n", "9:21:",
        {QStringLiteral("dns.refresh_interval: 500ms is less than a second: use 0 to turn the "
                        "refresh off, or from 1s to 24h")});
    row("dns: just under a second", minimal + "dns:\n  refresh_interval: 999ms\n", "9:21:",
        {QStringLiteral("dns.refresh_interval: 999ms is less than a second: use 0 to turn the "
                        "refresh off, or from 1s to 24h")});
    row("zero duration", replace("    targets:", "    read_timeout: 0s\n    targets:"),
        "4:19:", {QStringLiteral("upstreams[0].read_timeout: 0ms is out of range (1ms to 24h)")});
    row("bad size", minimal + "listen:\n  body_limit: 16XB\n",
        "9:15:", {QStringLiteral("listen.body_limit: invalid size '16XB'")});
    row("header limit too small", minimal + "listen:\n  header_limit: 100\n",
        "9:17:", {QStringLiteral("listen.header_limit: 100 bytes is out of range")});
    row("bad listen address", minimal + "listen:\n  address: localhost\n",
        "9:12:", {QStringLiteral("listen.address: 'localhost' is not an IP address")});
    row("unknown upstream", replace("upstream: shop", "upstream: billing"), "7:15:",
        {QStringLiteral("routes[0].upstream: unknown upstream 'billing' (defined: shop)")});
    row("duplicate upstream names",
        replace("routes:", "  - name: shop\n    targets: [http://127.0.0.1:9002]\nroutes:"),
        "5:11:",
        {QStringLiteral(
            "upstreams[1].name: duplicate upstream name 'shop' (also upstreams[0] at line 3)")});
    row("duplicate route ids",
        minimal + "  - id: r\n    path: /a\n    upstream: shop\n  - id: r\n    path: /b\n    "
                  "upstream: shop\n",
        "11:9:",
        {QStringLiteral("routes[2].id: duplicate route id 'r' (also routes[1].id at line 8)")});
    row("explicit id equal to a default id",
        minimal + "  - id: route-0\n    path: /a\n    upstream: shop\n", "8:9:",
        {QStringLiteral("routes[1].id: duplicate route id 'route-0' (also routes[0] at line 6)")});
    row("duplicate route match", minimal + "  - path: /\n    upstream: shop\n",
        "8:5:", {QStringLiteral("routes[1]: matches the same requests as routes[0] at line 6")});
    row("bad url scheme", replace("[http://127.0.0.1:9001]", "[ftp://127.0.0.1:9001]"), "4:15:",
        {QStringLiteral(
            "upstreams[0].targets[0]: target url 'ftp://127.0.0.1:9001' must start with "
            "http://")});
    row("url without host", replace("[http://127.0.0.1:9001]", "['http://:9001']"),
        "4:15:", {QStringLiteral("target url 'http://:9001' has no host")});
    row("url with bad port", replace("[http://127.0.0.1:9001]", "[{url: 'http://h:99999'}]"),
        "4:21:",
        {QStringLiteral(
            "upstreams[0].targets[0].url: target url 'http://h:99999' has an invalid port")});
    row("url with empty port", replace("[http://127.0.0.1:9001]", "['http://h:']"),
        "4:15:", {QStringLiteral("target url 'http://h:' has an empty port")});
    row("url with query", replace("[http://127.0.0.1:9001]", "['http://h:1/a?b=c']"),
        "4:15:", {QStringLiteral("must not have a query or fragment")});
    row("duplicate target", replace("[http://127.0.0.1:9001]", "[http://h:1, http://h:1]"), "4:27:",
        {QStringLiteral(
            "upstreams[0].targets[1]: duplicate target 'http://h:1' (also at line 4)")});
    row("weight zero", replace("[http://127.0.0.1:9001]", "[{url: 'http://h:1', weight: 0}]"),
        "4:43:", {QStringLiteral("upstreams[0].targets[0].weight: 0 is out of range (1 to 1000)")});
    row("target without url", replace("[http://127.0.0.1:9001]", "[{weight: 2}]"),
        "4:15:", {QStringLiteral("upstreams[0].targets[0]: missing required field 'url'")});
    row("bad policy", replace("    targets:", "    policy: random\n    targets:"), "4:13:",
        {QStringLiteral(
            "upstreams[0].policy: unknown policy 'random' (expected round_robin, weighted or "
            "least_connections)")});
    row("empty targets", replace("[http://127.0.0.1:9001]", "[]"),
        "4:14:", {QStringLiteral("upstreams[0].targets: must list at least one target")});
    row("upstream without targets", replace("    targets: [http://127.0.0.1:9001]\n", ""),
        "3:5:", {QStringLiteral("upstreams[0]: missing required field 'targets'")});
    row("bad upstream name", replace("name: shop", "name: 'my shop'"),
        "3:11:", {QStringLiteral("upstreams[0].name: 'my shop' is not a valid name")});
    row("route without path", replace("  - path: /\n    upstream: shop\n", "  - upstream: shop\n"),
        "6:5:", {QStringLiteral("routes[0]: missing required field 'path'")});
    row("path without slash", replace("path: /", "path: shop"),
        "6:11:", {QStringLiteral("routes[0].path: 'shop' must start with '/'")});
    row("malformed parameter", replace("path: /", "path: /a/b{id}"),
        "6:11:", {QStringLiteral("routes[0].path: '/a/b{id}' has a malformed {parameter}")});
    row("bad parameter name", replace("path: /", "path: '/a/{1x}'"),
        "6:11:", {QStringLiteral("'{1x}' is not a valid parameter name")});
    row("repeated parameter", replace("path: /", "path: /a/{id}/{id}"),
        "6:11:", {QStringLiteral("parameter '{id}' appears twice")});
    row("bad match", replace("path: /", "path: /\n    match: regex"), "7:12:",
        {QStringLiteral("routes[0].match: unknown match 'regex' (expected prefix or exact)")});
    row("bad method", replace("path: /", "path: /\n    methods: [GET, 'GE T']"),
        "7:20:", {QStringLiteral("routes[0].methods[1]: 'GE T' is not a valid method name")});
    row("duplicate method", replace("path: /", "path: /\n    methods: [GET, get]"),
        "7:20:", {QStringLiteral("routes[0].methods[1]: duplicate method 'GET'")});
    row("empty methods", replace("path: /", "path: /\n    methods: []"),
        "7:14:", {QStringLiteral("routes[0].methods: must not be empty")});
    row("host with port", replace("path: /", "path: /\n    host: api.example.com:8080"),
        "7:11:", {QStringLiteral("routes[0].host: 'api.example.com:8080' must be a host name")});
    row("rewrite with strip_prefix false",
        replace("path: /", "path: /\n    strip_prefix: false\n    rewrite_prefix: /v2"), "8:21:",
        {QStringLiteral("routes[0].rewrite_prefix: rewrite_prefix replaces the matched prefix, "
                        "which contradicts strip_prefix: false")});
    row("rewrite not a path",
        replace("path: /", "path: /\n    strip_prefix: true\n    rewrite_prefix: v2"),
        "8:21:", {QStringLiteral("routes[0].rewrite_prefix: 'v2' must start with '/'")});
    row("health timeout longer than interval",
        replace("    targets:",
                "    health: {active: true, interval: 1s, timeout: 2s}\n    targets:"),
        "4:51:",
        {QStringLiteral("upstreams[0].health.timeout: the health check timeout (2s) must not be "
                        "longer than its interval (1s)")});
    row("health path", replace("    targets:", "    health:\n      path: health\n    targets:"),
        "5:13:", {QStringLiteral("upstreams[0].health.path: 'health' must start with '/'")});
    row("max_failures zero", replace("    targets:", "    health: {max_failures: 0}\n    targets:"),
        "4:28:",
        {QStringLiteral("upstreams[0].health.max_failures: 0 is out of range (1 to 1000)")});
    row("tab indentation", "version: 1\nlisten:\n\tport: 1\n",
        "3:", {QStringLiteral("syntax error")});

    // A route's cache block starts on line 8; its first field is line 9.
    auto cache = [&](const char* fields) -> QByteArray {
        return minimal + "    cache:\n" + fields;
    };
    row("cache ttl not a duration", cache("      default_ttl: 5x\n"),
        "9:20:", {QStringLiteral("routes[0].cache.default_ttl")});
    row("cache ttl not whole seconds", cache("      default_ttl: 1500ms\n"),
        "9:20:", {QStringLiteral("not a whole number of seconds")});
    row("cache ttl zero", cache("      max_ttl: 0s\n"), "9:16:", {QStringLiteral("out of range")});
    row("cache default over max", cache("      default_ttl: 10m\n      max_ttl: 1m\n"),
        "9:20:", {QStringLiteral("default_ttl is longer than max_ttl")});
    row("cache status 304", cache("      statuses: [200, 304]\n"),
        "9:23:", {QStringLiteral("status 304 cannot be cached")});
    row("cache status out of range", cache("      statuses: [99]\n"),
        "9:18:", {QStringLiteral("routes[0].cache.statuses[0]")});
    row("cache status repeated", cache("      statuses: [200, 200]\n"),
        "9:23:", {QStringLiteral("duplicate status 200")});
    row("cache unknown field", cache("      ttl: 5s\n"),
        "9:7:", {QStringLiteral("unknown field 'ttl'")});
    row("cache bad ignored parameter", cache("      ignore_query_params: [a*b]\n"),
        "9:29:", {QStringLiteral("'*' is only allowed at the end")});
    row("cache override without ttl", cache("      override_upstream: true\n"),
        "9:7:", {QStringLiteral("override_upstream needs a default_ttl")});
    row("cache enabled not a bool", cache("      enabled: yes please\n"),
        "9:16:", {QStringLiteral("routes[0].cache.enabled")});
    row("cache object size", cache("      max_object_size: 0\n"),
        "9:24:", {QStringLiteral("routes[0].cache.max_object_size")});
    row("cache block not a mapping", minimal + "    cache: on\n",
        "8:12:", {QStringLiteral("routes[0].cache")});
    row("gateway cache eviction", minimal + "cache:\n  eviction: random\n",
        "9:13:", {QStringLiteral("unknown eviction 'random' (expected lru or tiny_lfu)")});
    row("gateway cache budget", minimal + "cache:\n  budget: 1KiB\n",
        "9:11:", {QStringLiteral("cache.budget")});
}

void TestDeclarativeConfig::cacheBlocks()
{
    const QByteArray document = "version: 1\n"
                                "cache:\n"
                                "  budget: 64MiB\n"
                                "  eviction: lru\n"
                                "upstreams:\n"
                                "  - name: shop\n"
                                "    targets: [http://127.0.0.1:9001]\n"
                                "routes:\n"
                                "  - path: /\n"
                                "    upstream: shop\n"
                                "    cache:\n"
                                "      default_ttl: 30s\n"
                                "      max_ttl: 1h\n"
                                "      override_upstream: true\n"
                                "      statuses: [200, 404]\n"
                                "      max_object_size: 1MiB\n"
                                "      ignore_query_params: [utm_*, fbclid]\n"
                                "      cache_post: true\n"
                                "      private_per_consumer: true\n"
                                "      strip_set_cookie: true\n"
                                "      stale_while_revalidate: 10s\n"
                                "      stale_if_error: 5m\n"
                                "  - path: /off\n"
                                "    upstream: shop\n"
                                "    cache: {enabled: false, default_ttl: 1m}\n"
                                "  - path: /none\n"
                                "    upstream: shop\n";
    DeclarativeConfig config;
    QVERIFY2(config.parse(document, QStringLiteral("gw.yaml")), qPrintable(config.lastError()));
    QCOMPARE(config.options().cache_budget_bytes, std::size_t(64) * 1024 * 1024);
    QCOMPARE(config.options().cache_eviction, gateway::cache::eviction_kind::lru);
    const auto& routes = config.snapshot().routes;
    QCOMPARE(routes.size(), std::size_t(3));
    const auto& p = routes[0].cache;
    QVERIFY(p.enabled);
    QCOMPARE(p.default_ttl.count(), 30);
    QCOMPARE(p.max_ttl.count(), 3600);
    QVERIFY(p.override_upstream);
    QCOMPARE(p.cacheable_statuses, (std::vector<unsigned>{200, 404}));
    QCOMPARE(p.max_object_bytes, std::size_t(1024 * 1024));
    QCOMPARE(p.ignored_query_params, (std::vector<std::string>{"utm_*", "fbclid"}));
    QVERIFY(p.cache_post_by_body_hash);
    QVERIFY(p.private_per_consumer);
    QVERIFY(p.strip_set_cookie);
    QCOMPARE(p.stale_while_revalidate.value_or(std::chrono::seconds(-1)).count(), 10);
    QCOMPARE(p.stale_if_error.value_or(std::chrono::seconds(-1)).count(), 300);
    QVERIFY(!routes[1].cache.enabled);
    QCOMPARE(routes[1].cache.default_ttl.count(), 60);
    QVERIFY(!routes[2].cache.enabled);

    // Without the blocks: caching off, the gateway's default budget.
    DeclarativeConfig plain;
    QVERIFY(plain.parse(Minimal));
    QVERIFY(!plain.snapshot().routes[0].cache.enabled);
    QCOMPARE(plain.options().cache_budget_bytes, gateway::gateway_options{}.cache_budget_bytes);
    QCOMPARE(plain.options().cache_eviction, gateway::cache::eviction_kind::tiny_lfu);
}

void TestDeclarativeConfig::invalidDocuments()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, position);
    QFETCH(QStringList, fragments);

    DeclarativeConfig config;
    QVERIFY(!config.parse(document, QStringLiteral("gw.yaml")));
    const QString error = config.lastError();
    QVERIFY2(!error.isEmpty(), "no error message");
    const QString prefix = QStringLiteral("gw.yaml:") + position;
    QVERIFY2(error.startsWith(prefix),
             qPrintable(QStringLiteral("expected '%1' in:\n%2").arg(prefix, error)));
    for (const QString& fragment : fragments)
        QVERIFY2(error.contains(fragment),
                 qPrintable(QStringLiteral("expected '%1' in:\n%2").arg(fragment, error)));
}

void TestDeclarativeConfig::emptyDocuments_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray("  \n\n");
    QTest::newRow("comments only") << QByteArray("# nothing here\n");
    QTest::newRow("null") << QByteArray("~\n");
}

void TestDeclarativeConfig::emptyDocuments()
{
    QFETCH(QByteArray, document);
    DeclarativeConfig config;
    QVERIFY(!config.parse(document, QStringLiteral("gw.yaml")));
    QVERIFY2(
        config.lastError().startsWith(QStringLiteral("gw.yaml:1:1: the configuration is empty")),
        qPrintable(config.lastError()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(document);
    file.close();
    QVERIFY(!config.loadFile(path));
    QVERIFY2(
        config.lastError().startsWith(path + QStringLiteral(":1:1: the configuration is empty")),
        qPrintable(config.lastError()));
}

void TestDeclarativeConfig::missingFile()
{
    const QString path = QStringLiteral("/nonexistent/gatehouse/gw.yaml");
    DeclarativeConfig config;
    QVERIFY(!config.loadFile(path));
    QCOMPARE(config.lastError(), path + QStringLiteral(": cannot read: No such file or directory"));
}

void TestDeclarativeConfig::directoryIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DeclarativeConfig config;
    QVERIFY(!config.loadFile(dir.path()));
    QVERIFY2(config.lastError().startsWith(dir.path() + QStringLiteral(": cannot read")),
             qPrintable(config.lastError()));
}

void TestDeclarativeConfig::errorsAreSortedByLine()
{
    // Routes are checked after upstreams and listen, but errors come out in file order.
    DeclarativeConfig config;
    QVERIFY(!config.parse("version: 1\n"
                          "routes:\n"
                          "  - path: /\n"
                          "    upstream: nowhere\n"
                          "listen:\n"
                          "  port: 99999\n"
                          "  threads: -2\n",
                          QStringLiteral("gw.yaml")));
    const QStringList errors = config.errors();
    QCOMPARE(errors.size(), 3);
    QVERIFY2(
        errors[0].startsWith(QStringLiteral("gw.yaml:4:15: routes[0].upstream: unknown upstream "
                                            "'nowhere' (no upstreams are defined)")),
        qPrintable(errors[0]));
    QVERIFY2(errors[1].startsWith(QStringLiteral("gw.yaml:6:9: listen.port:")),
             qPrintable(errors[1]));
    QVERIFY2(errors[2].startsWith(QStringLiteral("gw.yaml:7:12: listen.threads:")),
             qPrintable(errors[2]));
    QCOMPARE(config.lastError(), errors.join(QLatin1Char('\n')));
}

void TestDeclarativeConfig::failedLoadKeepsPreviousSnapshot()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(QByteArray(Minimal) + "listen: {port: 9000}\n"),
             qPrintable(config.lastError()));
    QVERIFY(!config.parse(QByteArray(Minimal) + "listen: {port: 70000}\n"));
    QCOMPARE(config.options().port, 9000);
    QCOMPARE(config.snapshot().routes.size(), std::size_t(1));
    QVERIFY(config.parse(Minimal));
    QVERIFY(config.lastError().isEmpty());
    QCOMPARE(config.options().port, 8080);
}

void TestDeclarativeConfig::garbageNeverThrows()
{
    QList<QByteArray> documents = {
        QByteArray(100000, '['),
        QByteArray(100000, '{'),
        "a: &a [*a]\n",
        "routes: &r\n  - *r\n",
        "version: 1\nupstreams: *nothing\n",
        "!!binary abc",
        QByteArray("version: 1\0\x01\x02\xff\xfe", 16),
        "? [a, b]\n: 1\n",
        "version: 1\nroutes: [{path: /, upstream: x, methods: [[GET]]}]\n",
        "\xef\xbb\xbfversion: 1\n", // a UTF-8 byte order mark is fine
    };
    QRandomGenerator random(20240601); // fixed: a failure must be reproducible
    for (int i = 0; i < 200; ++i) {
        QByteArray document = Minimal;
        for (int j = 0; j < 3; ++j)
            document[random.bounded(int(document.size()))] = char(random.bounded(256));
        documents << document;
    }
    for (const QByteArray& document : documents) {
        DeclarativeConfig config;
        try {
            if (!config.parse(document))
                QVERIFY(!config.lastError().isEmpty());
        } catch (...) {
            QFAIL(qPrintable(QStringLiteral("exception escaped for %1")
                                 .arg(QString::fromLatin1(document.toHex()))));
        }
    }
    DeclarativeConfig config;
    QVERIFY2(config.parse("\xef\xbb\xbfversion: 1\n"), qPrintable(config.lastError()));
}

void TestDeclarativeConfig::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: invalid

    QTest::newRow("bare number") << QStringLiteral("250") << qint64(250);
    QTest::newRow("ms") << QStringLiteral("250ms") << qint64(250);
    QTest::newRow("s") << QStringLiteral("10s") << qint64(10000);
    QTest::newRow("m") << QStringLiteral("2m") << qint64(120000);
    QTest::newRow("h") << QStringLiteral("1h") << qint64(3600000);
    QTest::newRow("compound") << QStringLiteral("1m30s") << qint64(90000);
    QTest::newRow("compound ms") << QStringLiteral("1s500ms") << qint64(1500);
    QTest::newRow("upper case") << QStringLiteral("10S") << qint64(10000);
    QTest::newRow("spaces around") << QStringLiteral(" 5s ") << qint64(5000);
    QTest::newRow("zero") << QStringLiteral("0s") << qint64(0);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("unit only") << QStringLiteral("s") << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("10d") << qint64(-1);
    QTest::newRow("fraction") << QStringLiteral("1.5s") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5s") << qint64(-1);
    QTest::newRow("space inside") << QStringLiteral("10 s") << qint64(-1);
    QTest::newRow("trailing number") << QStringLiteral("1m30") << qint64(-1);
    QTest::newRow("overflow") << QStringLiteral("99999999999999999999h") << qint64(-1);
    QTest::newRow("overflow by unit") << QStringLiteral("9999999999999999h") << qint64(-1);
}

void TestDeclarativeConfig::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    milliseconds value{-7};
    QString error;
    const bool ok = app::config::parseDuration(text, &value, &error);
    QCOMPARE(ok, expected >= 0);
    if (ok) {
        QCOMPARE(qint64(value.count()), expected);
        QVERIFY(error.isEmpty());
    } else {
        QCOMPARE(value.count(), -7); // untouched
        QVERIFY(!error.isEmpty());
    }
}

void TestDeclarativeConfig::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: invalid

    QTest::newRow("bytes") << QStringLiteral("1000") << qint64(1000);
    QTest::newRow("B") << QStringLiteral("512B") << qint64(512);
    QTest::newRow("KiB") << QStringLiteral("16KiB") << qint64(16 * 1024);
    QTest::newRow("MiB") << QStringLiteral("16MiB") << qint64(16 * 1024 * 1024);
    QTest::newRow("GiB") << QStringLiteral("2GiB") << qint64(2) * 1024 * 1024 * 1024;
    QTest::newRow("TiB") << QStringLiteral("1TiB") << (qint64(1) << 40);
    QTest::newRow("KB") << QStringLiteral("16KB") << qint64(16000);
    QTest::newRow("kB") << QStringLiteral("16kB") << qint64(16000);
    QTest::newRow("MB") << QStringLiteral("3MB") << qint64(3000000);
    QTest::newRow("GB") << QStringLiteral("1GB") << qint64(1000000000);
    QTest::newRow("lower case iec") << QStringLiteral("1mib") << qint64(1024 * 1024);
    QTest::newRow("space") << QStringLiteral("8 KiB") << qint64(8192);
    QTest::newRow("bare k") << QStringLiteral("16k") << qint64(-1);
    QTest::newRow("fraction") << QStringLiteral("1.5MiB") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1KiB") << qint64(-1);
    QTest::newRow("unit only") << QStringLiteral("KiB") << qint64(-1);
    QTest::newRow("two spaces") << QStringLiteral("8  KiB") << qint64(-1);
    QTest::newRow("overflow") << QStringLiteral("20000000TiB") << qint64(-1);
}

void TestDeclarativeConfig::sizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    std::uint64_t value = 7;
    QString error;
    const bool ok = app::config::parseSize(text, &value, &error);
    QCOMPARE(ok, expected >= 0);
    if (ok)
        QCOMPARE(qint64(value), expected);
    else
        QVERIFY(!error.isEmpty());
}

void TestDeclarativeConfig::durationAndSizeFields()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(QByteArray(Minimal) + "listen:\n"
                                                "  header_limit: 32768\n"
                                                "  body_limit: \"1 GB\"\n"
                                                "  client_header_timeout: 1500\n"
                                                "  client_body_timeout: '2m'\n"
                                                "  keepalive_timeout: 1h30m\n"),
             qPrintable(config.lastError()));
    QCOMPARE(config.options().header_limit, std::size_t(32768));
    QCOMPARE(config.options().body_limit, std::uint64_t(1000000000));
    QCOMPARE(config.options().client_header_timeout, milliseconds(1500));
    QCOMPARE(config.options().client_body_timeout, milliseconds(120000));
    QCOMPARE(config.options().keepalive_timeout, milliseconds(5400000));
    QCOMPARE(app::config::formatDuration(milliseconds(5400000)), QStringLiteral("1h30m"));
    QCOMPARE(app::config::formatDuration(milliseconds(1500)), QStringLiteral("1s500ms"));
}

void TestDeclarativeConfig::mergeSlashesCanBeTurnedOff()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(Minimal), qPrintable(config.lastError()));
    QVERIFY(config.options().merge_slashes);
    QVERIFY2(config.parse(QByteArray(Minimal) + "listen:\n  merge_slashes: false\n"),
             qPrintable(config.lastError()));
    QVERIFY(!config.options().merge_slashes);
    QVERIFY(!config.parse(QByteArray(Minimal) + "listen:\n  merge_slashes: sometimes\n"));
    QVERIFY2(config.lastError().contains(QLatin1String("merge_slashes")),
             qPrintable(config.lastError()));
}

// Peers whose X-Forwarded-For/-Proto the gateway believes: none unless
// listed; each entry an address or a CIDR block, a bad one named with its
// line.
void TestDeclarativeConfig::trustedProxies()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(Minimal), qPrintable(config.lastError()));
    QVERIFY(config.options().trusted_proxies.empty());
    QVERIFY2(
        config.parse(QByteArray(Minimal) +
                     "listen:\n  trusted_proxies: [10.0.0.0/8, 192.0.2.7, \"2001:db8::/32\"]\n"),
        qPrintable(config.lastError()));
    const auto& trusted = config.options().trusted_proxies;
    using boost::asio::ip::make_address;
    QVERIFY(trusted.contains(make_address("10.200.3.4")));
    QVERIFY(trusted.contains(make_address("192.0.2.7")));
    QVERIFY(!trusted.contains(make_address("192.0.2.8")));
    QVERIFY(trusted.contains(make_address("2001:db8:5::1")));
    QVERIFY(trusted.contains(make_address("::ffff:10.1.1.1")));
    QVERIFY(!trusted.contains(make_address("11.0.0.1")));

    for (const char* bad :
         {"[10.0.0.0/33]", "[10.0.0.1/8]", "[not-an-address]", "[\"10.0.0.0/\"]", "10.0.0.0/8"}) {
        QVERIFY2(!config.parse(QByteArray(Minimal) + "listen:\n  trusted_proxies: " + bad + "\n"),
                 bad);
        QVERIFY2(config.lastError().contains(QLatin1String("trusted_proxies")),
                 qPrintable(config.lastError()));
        QVERIFY2(config.lastError().contains(QLatin1String(":9:")), qPrintable(config.lastError()));
    }
}

// PROXY protocol headers from layer-4 balancers: off unless asked, and
// only with the balancers named among the trusted proxies.
void TestDeclarativeConfig::proxyProtocol()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(Minimal), qPrintable(config.lastError()));
    QVERIFY(!config.options().proxy_protocol);
    QVERIFY2(config.parse(QByteArray(Minimal) +
                          "listen:\n  trusted_proxies: [10.0.0.0/8]\n  proxy_protocol: true\n"),
             qPrintable(config.lastError()));
    QVERIFY(config.options().proxy_protocol);
    QVERIFY(!config.parse(QByteArray(Minimal) + "listen:\n  proxy_protocol: true\n"));
    QVERIFY2(config.lastError().contains(QLatin1String("proxy_protocol needs trusted_proxies")) &&
                 config.lastError().contains(QLatin1String(":9:")),
             qPrintable(config.lastError()));
    QVERIFY(!config.parse(QByteArray(Minimal) +
                          "listen:\n  trusted_proxies: [10.0.0.0/8]\n  proxy_protocol: yes\n"));
    QVERIFY2(config.lastError().contains(QLatin1String("proxy_protocol")),
             qPrintable(config.lastError()));
}

// Host-name targets are looked up again every 30 s unless the file says
// otherwise; 0 turns the refresh off.
void TestDeclarativeConfig::dnsRefreshInterval()
{
    DeclarativeConfig config;
    QVERIFY2(config.parse(Minimal), qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(30000));
    QVERIFY2(config.parse(QByteArray(Minimal) + "dns:\n  refresh_interval: 2m\n"),
             qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(120000));
    QVERIFY2(config.parse(QByteArray(Minimal) + "dns:\n  refresh_interval: 0\n"),
             qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(0));
    QVERIFY2(config.parse("{\"version\": 1, \"dns\": {\"refresh_interval\": \"0s\"}}"),
             qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(0));
    // The smallest interval the console's Gateway page takes, in either unit.
    QVERIFY2(config.parse(QByteArray(Minimal) + "dns:\n  refresh_interval: 1000ms\n"),
             qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(1000));
    QVERIFY2(config.parse(QByteArray(Minimal) + "dns:\n  refresh_interval: 1s\n"),
             qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(1000));
    // A refused file changes nothing: the last good value stays.
    QVERIFY(!config.parse(QByteArray(Minimal) + "dns:\n  refresh_interval: 500ms\n"));
    QVERIFY2(config.lastError().contains(QLatin1String("9:21:")), qPrintable(config.lastError()));
    QCOMPARE(config.snapshot().dns_refresh_interval, milliseconds(1000));
    // Other durations still refuse 0.
    QVERIFY(!config.parse(QByteArray(Minimal) + "listen:\n  keepalive_timeout: 0\n"));
    QVERIFY2(config.lastError().contains(QLatin1String("0ms is out of range (1ms to 24h)")),
             qPrintable(config.lastError()));
}

QTEST_APPLESS_MAIN(TestDeclarativeConfig)

// https:// targets and their `tls` section: a relative CA file is found
// next to the configuration file; problems name their line and field.
void TestDeclarativeConfig::upstreamTls()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile ca(dir.filePath(QStringLiteral("internal-ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\n");
    ca.close();
    const QByteArray document =
        "version: 1\n"
        "upstreams:\n"
        "  - name: billing\n"
        "    targets: [https://billing.internal, 'https://10.0.0.9:8443/v2']\n"
        "    tls: {verify: true, ca_file: internal-ca.pem, server_name: "
        "billing.internal}\n"
        "  - name: dev\n"
        "    targets: [https://localhost:9443]\n"
        "    tls:\n"
        "      verify: false\n"
        "routes:\n"
        "  - {path: /billing, upstream: billing}\n"
        "  - {path: /dev, upstream: dev}\n";
    QFile file(dir.filePath(QStringLiteral("gw.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(document);
    file.close();
    DeclarativeConfig config;
    QVERIFY2(config.loadFile(file.fileName()), qPrintable(config.lastError()));
    const auto& billing = config.snapshot().upstreams.at(0);
    QCOMPARE(qs(billing.targets.at(1).url), QStringLiteral("https://10.0.0.9:8443/v2"));
    QVERIFY(billing.tls.verify);
    QCOMPARE(qs(billing.tls.ca_file), ca.fileName());
    QCOMPARE(qs(billing.tls.server_name), QStringLiteral("billing.internal"));
    const auto& dev = config.snapshot().upstreams.at(1);
    QVERIFY(!dev.tls.verify);
    QVERIFY(dev.tls.ca_file.empty());
    QVERIFY(dev.tls.server_name.empty());

    // HTTPS for clients: listen.tls, its files found next to the file too.
    QFile key(dir.filePath(QStringLiteral("gateway.key")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.close();
    QFile https(dir.filePath(QStringLiteral("https.yaml")));
    QVERIFY(https.open(QIODevice::WriteOnly));
    https.write("version: 1\nlisten: {port: 8443, tls: {certificate: internal-ca.pem, key: "
                "gateway.key}}\n");
    https.close();
    DeclarativeConfig listener;
    QVERIFY2(listener.loadFile(https.fileName()), qPrintable(listener.lastError()));
    QCOMPARE(qs(listener.options().tls_certificate_file), ca.fileName());
    QCOMPARE(qs(listener.options().tls_key_file), key.fileName());
    DeclarativeConfig noKey;
    QVERIFY(!noKey.parse("version: 1\nlisten:\n  tls: {certificate: /nonexistent.pem}\n",
                         QStringLiteral("gw.yaml")));
    QVERIFY2(noKey.lastError().contains(QStringLiteral("listen.tls: missing required field 'key'")),
             qPrintable(noKey.lastError()));
    QVERIFY2(noKey.lastError().contains(QStringLiteral("cannot read '/nonexistent.pem'")),
             qPrintable(noKey.lastError()));

    const auto refused = [&](const QByteArray& tls, const QString& expected) {
        DeclarativeConfig bad;
        QVERIFY(!bad.parse("version: 1\n"
                           "upstreams:\n"
                           "  - name: a\n"
                           "    targets: [https://a.internal]\n"
                           "    tls: " +
                               tls +
                               "\n"
                               "routes:\n"
                               "  - {path: /, upstream: a}\n",
                           QStringLiteral("gw.yaml")));
        QVERIFY2(bad.lastError().contains(expected), qPrintable(bad.lastError()));
    };
    refused("{ca_file: /nonexistent/ca.pem}",
            QStringLiteral("gw.yaml:5:20: upstreams[0].tls.ca_file: cannot read "
                           "'/nonexistent/ca.pem'"));
    refused("{server_name: 'bad name'}",
            QStringLiteral("upstreams[0].tls.server_name: 'bad name' is not a host name"));
    refused("{verify: 'yes'}", QStringLiteral("upstreams[0].tls.verify:"));
    refused("{verfiy: false}", QStringLiteral("unknown field 'verfiy' (did you mean 'verify'?)"));
}

// Thousands of seeded mutations of the example files (bytes dropped,
// flipped, copied, YAML and JSON punctuation inserted): each load must come
// back, accepted or with a problem that names the file. A parser that
// loops (yaml_document.h) hangs this test instead.
void TestDeclarativeConfig::mutatedExamplesEndWithAVerdict()
{
    QList<QByteArray> examples;
    for (const char* name : {"gateway.example.yaml", "gateway.example.json"}) {
        const QString path = exampleFile(name);
        if (path.isEmpty())
            QSKIP("GATEHOUSE_SOURCE_DIR is not set");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        examples << file.readAll();
    }
    static constexpr const char* tokens[] = {"{",
                                             "}",
                                             "[",
                                             "]",
                                             ":",
                                             ",",
                                             "- ",
                                             "\n",
                                             "  ",
                                             "\"",
                                             "'",
                                             "&a ",
                                             "*a",
                                             "<<: *a",
                                             "~",
                                             "---\n",
                                             "...\n",
                                             "? ",
                                             "|",
                                             ">",
                                             "#",
                                             "\t",
                                             "!!binary ",
                                             "1e999",
                                             "-1",
                                             "0x10",
                                             "99999999999999999999",
                                             "100ZiB",
                                             "-5s",
                                             "25h",
                                             "http://",
                                             "https://[::1",
                                             "/{a}/{a}"};
    std::mt19937 rng(20261203);
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray text = examples[static_cast<qsizetype>(rng() % 2)];
        for (unsigned edits = 1 + rng() % 6; edits > 0; --edits) {
            const auto at = static_cast<qsizetype>(rng() % static_cast<unsigned>(text.size() + 1));
            switch (rng() % 4) {
            case 0:
                text.remove(at, static_cast<qsizetype>(1 + rng() % 40));
                break;
            case 1:
                text.insert(at, tokens[rng() % std::size(tokens)]);
                break;
            case 2:
                if (at < text.size())
                    text[at] = static_cast<char>(rng() % 256);
                break;
            default: {
                const auto from =
                    static_cast<qsizetype>(rng() % static_cast<unsigned>(text.size() + 1));
                text.insert(at, text.mid(from, static_cast<qsizetype>(1 + rng() % 200)));
            }
            }
        }
        DeclarativeConfig config;
        if (config.parse(text, QStringLiteral("mutated.yaml"))) {
            ++accepted;
            continue;
        }
        QVERIFY2(config.lastError().startsWith(QStringLiteral("mutated.yaml")),
                 qPrintable(QStringLiteral("mutation %1: %2").arg(i).arg(config.lastError())));
    }
    // Mostly refused; some edits land in comments or values that stay valid.
    QVERIFY(accepted < 3000);
}

#include "tst_declarative_config.moc"
