// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/declarative_config.h"

#include "app/cache_config_reader.h"
#include "app/config_reader.h"
#include "app/config_value_parsers.h"
#include "app/gateway_controller.h"
#include "app/yaml_document.h"
#include "gateway/http_util.hpp"
#include "gateway/router.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace gatehouse::app {

namespace {

using std::chrono::milliseconds;

constexpr std::uint64_t Unlimited = std::numeric_limits<std::uint64_t>::max();

QString fromStd(std::string_view text)
{
    return ConfigReader::fromStd(text);
}

QString lineOf(const ConfigField& field)
{
    return QString::number(field.line());
}

// The schema of the file (resources/CONFIG_FORMAT.md) on top of the typed
// readers, plus the cross-reference checks that need line numbers.
class Loader : public ConfigReader {
public:
    using ConfigReader::ConfigReader;

    void load(const QByteArray& text, gateway::config_snapshot& snapshot,
              gateway::gateway_options& options);

private:
    void loadDocument(const YAML::Node& root, gateway::config_snapshot& snapshot,
                      gateway::gateway_options& options);
    void loadListen(const ConfigField& field, gateway::gateway_options& options);
    void loadDns(const ConfigField& field, gateway::config_snapshot& snapshot);
    void loadUpstreams(const ConfigField& field, std::vector<gateway::upstream_config>& upstreams);
    void loadUpstream(const ConfigField& field, gateway::upstream_config& upstream);
    void loadTargets(const ConfigField& field, std::vector<gateway::upstream_target>& targets);
    void loadHealth(const ConfigField& field, gateway::health_check_config& health);
    void loadTls(const ConfigField& field, gateway::upstream_tls_config& tls);
    void loadListenTls(const ConfigField& field, gateway::gateway_options& options);
    void loadTrustedProxies(const ConfigField& field, gateway::address_ranges& ranges);
    // A readable file, relative to the configuration file's directory, or
    // nothing (and the field's problem reported).
    std::optional<std::string> readableFile(const ConfigField& field);
    void loadRoutes(const ConfigField& field, std::vector<gateway::route_config>& routes);
    bool loadRoute(const ConfigField& field, gateway::route_config& route, ConfigField& idField);
    void loadMethods(const ConfigField& field, std::vector<std::string>& methods);
    bool checkRoutePath(const ConfigField& field, const std::string& path);
    bool checkTargetUrl(const ConfigField& field, const std::string& url);

    std::map<std::string, ConfigField> m_upstreamNames; // name -> its `name` field

public:
    // Where relative file names (tls.ca_file) are found: the configuration
    // file's directory, as nginx finds its certificates next to nginx.conf.
    QDir baseDirectory = QDir::current();
};

void Loader::load(const QByteArray& text, gateway::config_snapshot& snapshot,
                  gateway::gateway_options& options)
{
    // yaml-cpp reads JSON too (JSON is YAML 1.2 flow style), so one parser
    // serves both formats and gives line numbers for both.
    YamlDocument document;
    try {
        document =
            loadYamlDocument(std::string(text.constData(), static_cast<std::size_t>(text.size())));
    } catch (const YAML::Exception& e) {
        fail(e.mark, QString(), QStringLiteral("syntax error: %1").arg(fromStd(e.msg)));
        return;
    } catch (const std::exception& e) {
        fail(YAML::Mark::null_mark(), QString(),
             QStringLiteral("cannot parse: %1").arg(fromStd(e.what())));
        return;
    }
    if (!document.root || document.root.IsNull()) {
        fail(YAML::Mark(), QString(),
             QStringLiteral("the configuration is empty (expected a mapping with version, "
                            "upstreams and routes)"));
        return;
    }
    if (document.next) {
        fail(*document.next, QString(), QStringLiteral("only one YAML document is allowed"));
        return;
    }
    try {
        loadDocument(document.root, snapshot, options);
    } catch (const YAML::Exception& e) {
        fail(e.mark, QString(), fromStd(e.msg));
    } catch (const std::exception& e) {
        fail(YAML::Mark::null_mark(), QString(), fromStd(e.what()));
    }
}

void Loader::loadDocument(const YAML::Node& root, gateway::config_snapshot& snapshot,
                          gateway::gateway_options& options)
{
    const ConfigField top{root, root.Mark().is_null() ? YAML::Mark() : root.Mark(), QString()};
    if (!root.IsMap()) {
        fail(top, QStringLiteral("the top level must be a mapping with version, upstreams and "
                                 "routes, got %1")
                      .arg(describe(root)));
        return;
    }
    const ConfigFieldMap fields(*this, top,
                                {"version", "listen", "cache", "dns", "upstreams", "routes"});
    if (const auto field = fields.require("version")) {
        std::uint64_t version = 0;
        if (readUnsigned(*field, 0, Unlimited, version) && version != 1)
            fail(*field, QStringLiteral("unsupported version %1 (this Gatehouse reads version 1)")
                             .arg(version));
    }
    if (const auto field = fields.get("listen"))
        loadListen(*field, options);
    if (const auto field = fields.get("cache"))
        readGatewayCache(*this, *field, options);
    if (const auto field = fields.get("dns"))
        loadDns(*field, snapshot);
    // Upstreams first whatever the order in the file: routes refer to them.
    if (const auto field = fields.get("upstreams"))
        loadUpstreams(*field, snapshot.upstreams);
    if (const auto field = fields.get("routes"))
        loadRoutes(*field, snapshot.routes);
}

void Loader::loadDns(const ConfigField& field, gateway::config_snapshot& snapshot)
{
    const auto fields = mapping(field, {"refresh_interval"});
    if (!fields)
        return;
    // 0: host names are looked up when the file is applied, never again.
    // Otherwise the console's own bounds (GatewayController): a sub-second
    // interval would look names up many times a second, and the console's
    // Gateway page could not show or keep it.
    const auto refresh = fields->get("refresh_interval");
    std::chrono::milliseconds interval{};
    if (!refresh || !readDuration(*refresh, interval, true))
        return;
    if (interval.count() != 0 && interval < GatewayController::minDnsRefreshInterval) {
        fail(*refresh, QStringLiteral("%1 is less than a second: use 0 to turn the refresh off, "
                                      "or from 1s to %2")
                           .arg(config::formatDuration(interval),
                                config::formatDuration(GatewayController::maxDnsRefreshInterval)));
        return;
    }
    snapshot.dns_refresh_interval = interval;
}

void Loader::loadListen(const ConfigField& field, gateway::gateway_options& options)
{
    const auto fields = mapping(
        field, {"address", "port", "threads", "header_limit", "body_limit", "client_header_timeout",
                "client_body_timeout", "client_send_timeout", "keepalive_timeout", "via_name",
                "merge_slashes", "trusted_proxies", "proxy_protocol", "tls"});
    if (!fields)
        return;
    if (const auto tls = fields->get("tls"))
        loadListenTls(*tls, options);
    if (const auto address = fields->get("address")) {
        std::string text;
        QString normalized;
        QString why;
        if (readString(*address, text)) {
            if (config::parseListenAddress(fromStd(text), &normalized, &why))
                options.listen_address = normalized.toStdString();
            else
                fail(*address, why);
        }
    }
    optionalUnsigned(*fields, "port", 0, 65535, options.port);
    optionalUnsigned(*fields, "threads", 0, 1024, options.threads);
    std::uint64_t size = 0;
    if (const auto limit = fields->get("header_limit")) {
        if (readSize(*limit, 1024, 64 * 1024 * 1024, size))
            options.header_limit = static_cast<std::size_t>(size);
    }
    if (const auto limit = fields->get("body_limit")) {
        if (readSize(*limit, 0, Unlimited, size))
            options.body_limit = size;
    }
    optionalDuration(*fields, "client_header_timeout", options.client_header_timeout);
    optionalDuration(*fields, "client_body_timeout", options.client_body_timeout);
    optionalDuration(*fields, "client_send_timeout", options.client_send_timeout);
    optionalDuration(*fields, "keepalive_timeout", options.keepalive_timeout);
    optionalBool(*fields, "merge_slashes", options.merge_slashes);
    if (const auto trusted = fields->get("trusted_proxies"))
        loadTrustedProxies(*trusted, options.trusted_proxies);
    if (const auto proxyProtocol = fields->get("proxy_protocol")) {
        optionalBool(*fields, "proxy_protocol", options.proxy_protocol);
        // A header is believed from a trusted balancer only; without one
        // named, every address it carries would be thrown away unread.
        if (options.proxy_protocol && options.trusted_proxies.empty())
            fail(*proxyProtocol,
                 QStringLiteral("proxy_protocol needs trusted_proxies naming the load balancers "
                                "whose PROXY headers are believed"));
    }
    if (const auto via = fields->get("via_name")) {
        std::string text;
        if (readString(*via, text)) {
            if (gateway::is_token(text))
                options.via_name = text;
            else
                fail(*via, QStringLiteral("'%1' is not a valid Via name (letters, digits and "
                                          "!#$%&'*+-.^_`|~, no spaces)")
                               .arg(fromStd(text)));
        }
    }
}

void Loader::loadUpstreams(const ConfigField& field,
                           std::vector<gateway::upstream_config>& upstreams)
{
    if (!isSequence(field))
        return;
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField itemField = field.item(item, index++);
        gateway::upstream_config upstream;
        loadUpstream(itemField, upstream);
        upstreams.push_back(std::move(upstream));
    }
}

void Loader::loadUpstream(const ConfigField& field, gateway::upstream_config& upstream)
{
    const auto fields =
        mapping(field, {"name", "policy", "targets", "connect_timeout", "read_timeout",
                        "total_timeout", "max_idle_connections", "health", "tls"});
    if (!fields)
        return;
    if (const auto name = fields->require("name")) {
        if (readName(*name, upstream.name)) {
            const auto [it, inserted] = m_upstreamNames.emplace(upstream.name, *name);
            if (!inserted)
                fail(*name,
                     QStringLiteral("duplicate upstream name '%1' (also %2 at line %3)")
                         .arg(fromStd(upstream.name))
                         .arg(it->second.path.section(QLatin1Char('.'), 0, 0), lineOf(it->second)));
        }
    }
    if (const auto policy = fields->get("policy")) {
        std::string text;
        if (readString(*policy, text)) {
            if (text == "round_robin")
                upstream.policy = gateway::balance_policy::round_robin;
            else if (text == "weighted")
                upstream.policy = gateway::balance_policy::weighted;
            else if (text == "least_connections")
                upstream.policy = gateway::balance_policy::least_connections;
            else
                fail(*policy, QStringLiteral("unknown policy '%1' (expected round_robin, weighted "
                                             "or least_connections)")
                                  .arg(fromStd(text)));
        }
    }
    if (const auto targets = fields->require("targets"))
        loadTargets(*targets, upstream.targets);
    optionalDuration(*fields, "connect_timeout", upstream.connect_timeout);
    optionalDuration(*fields, "read_timeout", upstream.read_timeout);
    optionalDuration(*fields, "total_timeout", upstream.total_timeout);
    optionalUnsigned(*fields, "max_idle_connections", 0, 100000, upstream.max_idle_connections);
    if (const auto health = fields->get("health"))
        loadHealth(*health, upstream.health);
    if (const auto tls = fields->get("tls"))
        loadTls(*tls, upstream.tls);
}

std::optional<std::string> Loader::readableFile(const ConfigField& field)
{
    std::string name;
    if (!readString(field, name))
        return std::nullopt;
    if (name.empty()) {
        fail(field, QStringLiteral("must name a PEM file"));
        return std::nullopt;
    }
    const QString path = baseDirectory.absoluteFilePath(fromStd(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(field, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return path.toStdString();
}

void Loader::loadTrustedProxies(const ConfigField& field, gateway::address_ranges& ranges)
{
    if (!isSequence(field))
        return;
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField rangeField = field.item(item, index++);
        std::string spec;
        if (!readString(rangeField, spec))
            continue;
        std::string why;
        if (!ranges.add(spec, &why))
            fail(rangeField, QStringLiteral("%1; expected an address or a CIDR block such as "
                                            "10.0.0.0/8 or 2001:db8::/32")
                                 .arg(fromStd(why)));
    }
}

void Loader::loadListenTls(const ConfigField& field, gateway::gateway_options& options)
{
    const auto fields = mapping(field, {"certificate", "key"});
    if (!fields)
        return;
    const auto certificate = fields->require("certificate");
    const auto key = fields->require("key");
    if (certificate)
        if (auto path = readableFile(*certificate))
            options.tls_certificate_file = *path;
    if (key)
        if (auto path = readableFile(*key))
            options.tls_key_file = *path;
}

void Loader::loadTls(const ConfigField& field, gateway::upstream_tls_config& tls)
{
    const auto fields = mapping(field, {"verify", "ca_file", "server_name"});
    if (!fields)
        return;
    optionalBool(*fields, "verify", tls.verify);
    if (const auto caFile = fields->get("ca_file"))
        if (auto path = readableFile(*caFile))
            tls.ca_file = *path;
    if (const auto serverName = fields->get("server_name")) {
        std::string name;
        if (readString(*serverName, name)) {
            const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
            });
            if (valid)
                tls.server_name = name;
            else
                fail(*serverName, QStringLiteral("'%1' is not a host name").arg(fromStd(name)));
        }
    }
}

void Loader::loadTargets(const ConfigField& field, std::vector<gateway::upstream_target>& targets)
{
    if (!isSequence(field))
        return;
    if (field.node.size() == 0) {
        fail(field, QStringLiteral("must list at least one target"));
        return;
    }
    std::map<std::string, ConfigField> seen;
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField itemField = field.item(item, index++);
        gateway::upstream_target target;
        ConfigField urlField = itemField;
        if (item.IsMap()) {
            const ConfigFieldMap fields(*this, itemField, {"url", "weight"});
            const auto url = fields.require("url");
            optionalUnsigned(fields, "weight", 1, 1000, target.weight);
            if (!url)
                continue;
            urlField = *url;
        } else if (!item.IsScalar()) {
            fail(itemField,
                 QStringLiteral("expected a URL or a mapping with url and weight, got %1")
                     .arg(describe(item)));
            continue;
        }
        if (!readString(urlField, target.url) || !checkTargetUrl(urlField, target.url))
            continue;
        const auto [it, inserted] = seen.emplace(target.url, urlField);
        if (!inserted) {
            fail(urlField, QStringLiteral("duplicate target '%1' (also at line %2)")
                               .arg(fromStd(target.url), lineOf(it->second)));
            continue;
        }
        targets.push_back(std::move(target));
    }
}

void Loader::loadHealth(const ConfigField& field, gateway::health_check_config& health)
{
    const auto fields =
        mapping(field, {"active", "path", "interval", "timeout", "max_failures", "cooldown"});
    if (!fields)
        return;
    optionalBool(*fields, "active", health.active);
    if (const auto path = fields->get("path"))
        readPlainPath(*path, health.path);
    optionalDuration(*fields, "interval", health.interval);
    optionalDuration(*fields, "timeout", health.timeout);
    optionalUnsigned(*fields, "max_failures", 1, 1000, health.max_failures);
    optionalDuration(*fields, "cooldown", health.cooldown);
    if (health.active && health.timeout > health.interval) {
        const ConfigField at =
            fields->get("timeout").value_or(fields->get("interval").value_or(field));
        fail(at, QStringLiteral("the health check timeout (%1) must not be longer than its "
                                "interval (%2)")
                     .arg(config::formatDuration(health.timeout),
                          config::formatDuration(health.interval)));
    }
}

void Loader::loadRoutes(const ConfigField& field, std::vector<gateway::route_config>& routes)
{
    if (!isSequence(field))
        return;
    std::map<std::string, ConfigField> ids;     // id -> the route that has it
    std::map<std::string, ConfigField> matches; // what a route matches -> the route
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField routeField = field.item(item, index);
        gateway::route_config route;
        route.id = "route-" + std::to_string(index++);
        ConfigField idField = routeField;
        const bool complete = loadRoute(routeField, route, idField);
        const auto [it, inserted] = ids.emplace(route.id, idField);
        if (!inserted)
            fail(idField, QStringLiteral("duplicate route id '%1' (also %2 at line %3)")
                              .arg(fromStd(route.id), it->second.path, lineOf(it->second)));
        if (complete) {
            // The same key as gateway::validate(): two routes matching the same
            // requests would make the choice between them arbitrary.
            std::vector<std::string> methods = route.methods;
            std::sort(methods.begin(), methods.end());
            std::string key = route.host + ' ' + std::to_string(static_cast<int>(route.match)) +
                              ' ' + gateway::route_pattern::canonical(route.path) + ' ';
            for (const auto& method : methods)
                key += method + ',';
            const auto [it, inserted] = matches.emplace(key, routeField);
            if (!inserted)
                fail(routeField, QStringLiteral("matches the same requests as %1 at line %2 (same "
                                                "host, path, match and methods)")
                                     .arg(it->second.path, lineOf(it->second)));
        }
        routes.push_back(std::move(route));
    }
}

// `idField` is set to the route's `id` field when it has one.
bool Loader::loadRoute(const ConfigField& field, gateway::route_config& route, ConfigField& idField)
{
    const auto fields =
        mapping(field, {"id", "host", "path", "match", "methods", "upstream", "strip_prefix",
                        "rewrite_prefix", "preserve_host", "cache"});
    if (!fields)
        return false;
    const int problemsBefore = problemCount();
    if (const auto id = fields->get("id")) {
        idField = *id;
        readName(*id, route.id);
    }
    if (const auto host = fields->get("host")) {
        std::string text;
        QString normalized;
        QString why;
        if (readString(*host, text)) {
            if (config::parseHostMatch(fromStd(text), &normalized, &why))
                route.host = normalized.toStdString();
            else
                fail(*host, why);
        }
    }
    if (const auto path = fields->require("path")) {
        std::string text;
        if (readString(*path, text) && checkRoutePath(*path, text))
            route.path = text;
    }
    if (const auto match = fields->get("match")) {
        std::string text;
        if (readString(*match, text)) {
            if (text == "prefix")
                route.match = gateway::path_match::prefix;
            else if (text == "exact")
                route.match = gateway::path_match::exact;
            else
                fail(*match, QStringLiteral("unknown match '%1' (expected prefix or exact)")
                                 .arg(fromStd(text)));
        }
    }
    if (const auto methods = fields->get("methods"))
        loadMethods(*methods, route.methods);
    if (const auto upstream = fields->require("upstream")) {
        if (readString(*upstream, route.upstream) && !m_upstreamNames.count(route.upstream)) {
            QStringList known;
            for (const auto& [name, where] : m_upstreamNames)
                known << fromStd(name);
            const QString hint =
                known.isEmpty()
                    ? QStringLiteral("no upstreams are defined")
                    : QStringLiteral("defined: %1").arg(known.join(QStringLiteral(", ")));
            fail(*upstream,
                 QStringLiteral("unknown upstream '%1' (%2)").arg(fromStd(route.upstream), hint));
        }
    }
    optionalBool(*fields, "strip_prefix", route.strip_prefix);
    // The gateway replaces the matched prefix whenever rewrite_prefix is set,
    // so an explicit `strip_prefix: false` beside it is a contradiction.
    if (const auto rewrite = fields->get("rewrite_prefix")) {
        if (readPlainPath(*rewrite, route.rewrite_prefix) && fields->get("strip_prefix") &&
            !route.strip_prefix)
            fail(*rewrite, QStringLiteral("rewrite_prefix replaces the matched prefix, which "
                                          "contradicts strip_prefix: false"));
    }
    optionalBool(*fields, "preserve_host", route.preserve_host);
    if (const auto cache = fields->get("cache"))
        readRouteCache(*this, *cache, route.cache);
    return problemCount() == problemsBefore;
}

void Loader::loadMethods(const ConfigField& field, std::vector<std::string>& methods)
{
    if (!isSequence(field))
        return;
    if (field.node.size() == 0) {
        fail(field, QStringLiteral("must not be empty (omit methods to allow any method)"));
        return;
    }
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField methodField = field.item(item, index++);
        std::string method;
        if (!readString(methodField, method))
            continue;
        std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) {
            return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        });
        if (!gateway::is_token(method))
            fail(methodField,
                 QStringLiteral("'%1' is not a valid method name").arg(fromStd(method)));
        else if (std::find(methods.begin(), methods.end(), method) != methods.end())
            fail(methodField, QStringLiteral("duplicate method '%1'").arg(fromStd(method)));
        else
            methods.push_back(method);
    }
}

bool Loader::checkRoutePath(const ConfigField& field, const std::string& path)
{
    if (std::any_of(path.begin(), path.end(),
                    [](unsigned char c) { return c <= 0x20 || c == 0x7f; })) {
        fail(field, QStringLiteral("'%1' must not contain spaces or control characters")
                        .arg(fromStd(path)));
        return false;
    }
    std::string why;
    const auto pattern = gateway::route_pattern::parse(path, &why);
    if (!pattern) {
        fail(field, QStringLiteral("'%1' %2").arg(fromStd(path), fromStd(why)));
        return false;
    }
    std::set<std::string> names;
    for (const auto& segment : pattern->segments()) {
        if (!segment.is_param)
            continue;
        const std::string& name = segment.text;
        const bool valid = !name.empty() && !(name.front() >= '0' && name.front() <= '9') &&
                           std::all_of(name.begin(), name.end(), [](char c) {
                               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                      (c >= '0' && c <= '9') || c == '_';
                           });
        if (!valid) {
            fail(field, QStringLiteral("'%1': '{%2}' is not a valid parameter name (letters, "
                                       "digits and '_', not starting with a digit)")
                            .arg(fromStd(path), fromStd(name)));
            return false;
        }
        if (!names.insert(name).second) {
            fail(field, QStringLiteral("'%1': parameter '{%2}' appears twice")
                            .arg(fromStd(path), fromStd(name)));
            return false;
        }
    }
    return true;
}

bool Loader::checkTargetUrl(const ConfigField& field, const std::string& url)
{
    std::string why;
    if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7f; }))
        why = "must not contain spaces or control characters";
    else if (url.find_first_of("?#") != std::string::npos)
        why = "must not have a query or fragment";
    else if (const auto parsed = gateway::parse_http_url(url, &why)) {
        // parse_http_url() takes "http://host:" as the scheme's port; an
        // empty port is a slip.
        const std::size_t start = parsed->tls ? 8 : 7; // after "https://" or "http://"
        const std::string authority = url.substr(start, url.find('/', start) - start);
        if (authority.empty() || authority.back() != ':')
            return true;
        why = "has an empty port";
    }
    fail(field, QStringLiteral("target url '%1' %2").arg(fromStd(url), fromStd(why)));
    return false;
}

} // namespace

bool DeclarativeConfig::loadFile(const QString& path)
{
    if (QFileInfo(path).isDir()) {
        m_errors = QStringList{QStringLiteral("%1: cannot read: it is a directory").arg(path)};
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors = QStringList{QStringLiteral("%1: cannot read: %2").arg(path, file.errorString())};
        return false;
    }
    // read() rather than size(): pipes and /dev/stdin report no size.
    const QByteArray text = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        m_errors = QStringList{QStringLiteral("%1: cannot read: %2").arg(path, file.errorString())};
        return false;
    }
    if (text.size() > MaxFileSize) {
        m_errors = QStringList{QStringLiteral("%1: the file is larger than %2 bytes")
                                   .arg(path, QString::number(MaxFileSize))};
        return false;
    }
    return parse(text, path);
}

bool DeclarativeConfig::parse(const QByteArray& text, const QString& sourceName)
{
    gateway::config_snapshot snapshot;
    gateway::gateway_options options;
    Loader loader(sourceName);
    if (const QFileInfo source(sourceName); source.isFile())
        loader.baseDirectory = source.absoluteDir();
    loader.load(text, snapshot, options);
    if (loader.problemCount() > 0) {
        m_errors = loader.report();
        return false;
    }
    // The gateway's own checks; the loader has reported everything it can
    // place on a line, so these only fire if the two disagree.
    std::string problems;
    try {
        problems = gateway::validate(snapshot);
    } catch (const std::exception& e) {
        problems = std::string("validation failed: ") + e.what();
    }
    if (!problems.empty()) {
        m_errors.clear();
        const QStringList lines = fromStd(problems).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines)
            m_errors << QStringLiteral("%1: %2").arg(sourceName, line);
        return false;
    }
    m_snapshot = std::move(snapshot);
    m_options = std::move(options);
    m_errors.clear();
    return true;
}

} // namespace gatehouse::app
