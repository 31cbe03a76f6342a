// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/openapi_import.h"

#include "app/domain/domain_messages.h"
#include "gateway/router.hpp"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <set>

namespace gatehouse::app {

namespace {

const std::set<std::string> operationKeys{"get",     "put",  "post",  "delete",
                                          "options", "head", "patch", "trace"};
const std::set<std::string> pathItemKeys{"summary", "description", "servers", "parameters", "$ref"};

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

// Collects positioned problems; `where` is a dotted location in the document.
// Each is kept twice: in English, as the admin API and the command line show
// it, and as a message for the console to translate.
class Problems {
public:
    explicit Problems(QString source)
        : m_source(std::move(source))
    {
    }
    void error(const YAML::Node& node, const QString& where, const DomainMessage& message)
    {
        addError(format(node.Mark(), where, message));
    }
    void warning(const YAML::Node& node, const QString& where, const DomainMessage& message)
    {
        const DomainMessage line = format(node.Mark(), where, message);
        m_warnings << line.toString();
        m_warningMessages << line;
    }
    // "source:line:column: where: message"; "document" for a nameless source.
    DomainMessage format(const YAML::Mark& mark, const QString& where,
                         const DomainMessage& message) const
    {
        QString position;
        if (!mark.is_null())
            position += QStringLiteral(":%1:%2").arg(mark.line + 1).arg(mark.column + 1);
        if (!where.isEmpty())
            position += QStringLiteral(": ") + where;
        const DomainMessage location = m_source.isEmpty()
                                           ? DomainMessage(msg::OpenApiUnnamedDocument, {position})
                                           : DomainMessage(m_source + position);
        return DomainMessage(msg::ProblemAt, {location, message});
    }
    void addError(const DomainMessage& line)
    {
        m_errors << line.toString();
        m_errorMessages << line;
    }
    void moveInto(OpenApiImport& out)
    {
        out.errors = std::move(m_errors);
        out.errorMessages = std::move(m_errorMessages);
        out.warnings = std::move(m_warnings);
        out.warningMessages = std::move(m_warningMessages);
    }
    bool hasErrors() const { return !m_errors.isEmpty(); }

private:
    QString m_source;
    QStringList m_errors;
    QList<DomainMessage> m_errorMessages;
    QStringList m_warnings;
    QList<DomainMessage> m_warningMessages;
};

QString child(const QString& parent, const std::string& key)
{
    return parent.isEmpty() ? text(key) : parent + QLatin1Char('.') + text(key);
}

// The first key or scalar under `node` holding U+0000 (a YAML "\0" or a
// JSON "\u0000"), with where it is; no text of the catalog can hold one
// (PostgreSQL refuses it), so the document is refused where it says so.
// Aliases can make the document a graph, even a cycle ("a: &x [*x]"): the
// walk goes at most 64 levels deep and visits at most `budget` nodes.
std::optional<std::pair<YAML::Node, QString>>
firstNulText(const YAML::Node& node, const QString& where, int depth, long& budget)
{
    if (--budget < 0 || depth > 64)
        return std::nullopt;
    if (node.IsScalar())
        return node.Scalar().find('\0') != std::string::npos ? std::optional(std::pair{node, where})
                                                             : std::nullopt;
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size() && budget > 0; ++i)
            if (auto found = firstNulText(node[i], QStringLiteral("%1[%2]").arg(where).arg(i),
                                          depth + 1, budget))
                return found;
    } else if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end() && budget > 0; ++it) {
            if (!it->first.IsScalar())
                continue;
            const QString key = QString::fromStdString(it->first.Scalar());
            const QString field = where.isEmpty() ? key : where + QLatin1Char('.') + key;
            if (it->first.Scalar().find('\0') != std::string::npos)
                return std::pair{it->first, field};
            if (auto found = firstNulText(it->second, field, depth + 1, budget))
                return found;
        }
    }
    return std::nullopt;
}

// A required scalar string field of a mapping.
std::optional<QString> requiredString(Problems& p, const YAML::Node& map, const QString& where,
                                      const char* key)
{
    const YAML::Node value = map[key];
    if (!value) {
        p.error(map, child(where, key), msg::OpenApiRequired);
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        p.error(value, child(where, key), msg::OpenApiMustBeString);
        return std::nullopt;
    }
    return text(value.Scalar());
}

QString slugFrom(const QString& title)
{
    QString slug = title.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    slug.truncate(63);
    return slug.isEmpty() ? QStringLiteral("imported-api") : slug;
}

// "1.0.0" -> "v1"; anything else, reduced to the characters a version allows.
QString versionFrom(const QString& version)
{
    static const QRegularExpression major(QStringLiteral("^v?(\\d+)"));
    const auto m = major.match(version);
    if (m.hasMatch())
        return QLatin1Char('v') + m.captured(1);
    QString out = version;
    out.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    out.truncate(32);
    return out.isEmpty() ? QStringLiteral("v1") : out;
}

// servers[0].url with its variables' defaults filled in.
void readServer(Problems& p, const YAML::Node& servers, ApiDefinition& api)
{
    if (!servers)
        return;
    if (!servers.IsSequence()) {
        p.error(servers, QStringLiteral("servers"), msg::OpenApiMustBeList);
        return;
    }
    if (servers.size() == 0)
        return;
    const YAML::Node first = servers[0];
    if (!first.IsMap()) {
        p.error(first, QStringLiteral("servers[0]"), msg::OpenApiMustBeMapping);
        return;
    }
    const auto url = requiredString(p, first, QStringLiteral("servers[0]"), "url");
    if (!url)
        return;
    QString expanded = *url;
    if (const YAML::Node vars = first["variables"]; vars && vars.IsMap()) {
        for (auto it = vars.begin(); it != vars.end(); ++it) {
            const YAML::Node def = it->second["default"];
            if (def && def.IsScalar())
                expanded.replace(QLatin1Char('{') + text(it->first.Scalar()) + QLatin1Char('}'),
                                 text(def.Scalar()));
        }
    }
    if (expanded.contains(QLatin1Char('{'))) {
        p.error(first["url"], QStringLiteral("servers[0].url"),
                DomainMessage(msg::OpenApiServerVariable, {*url}));
        return;
    }
    const QUrl parsed(expanded);
    QString path = parsed.path();
    if (parsed.scheme() == QLatin1String("http") || parsed.scheme() == QLatin1String("https")) {
        api.upstreams = {{parsed.toString(QUrl::RemovePath | QUrl::RemoveQuery |
                                          QUrl::RemoveFragment | QUrl::StripTrailingSlash),
                          1}};
    } else if (!parsed.isRelative() || !expanded.startsWith(QLatin1Char('/'))) {
        p.error(first["url"], QStringLiteral("servers[0].url"),
                DomainMessage(msg::OpenApiServerUrlRule, {expanded}));
        return;
    }
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.isEmpty())
        api.basePath = path;
}

void readOperations(Problems& p, const YAML::Node& paths, bool is30, ApiDefinition& api,
                    QSet<QString>& tags, int& count)
{
    if (!paths.IsMap()) {
        p.error(paths, QStringLiteral("paths"), msg::OpenApiMustBeMapping);
        return;
    }
    std::set<std::string> seen; // method + canonical path
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const std::string path = it->first.Scalar();
        const QString where = QStringLiteral("paths.") + text(path);
        const YAML::Node item = it->second;
        if (path.empty() || path.front() != '/') {
            p.error(it->first, where, msg::OpenApiPathSlash);
            continue;
        }
        std::string why;
        if (!gateway::route_pattern::parse(path, &why)) {
            p.error(it->first, where, DomainMessage(text(why)));
            continue;
        }
        if (!item.IsMap()) {
            p.error(item, where, msg::OpenApiPathItemMapping);
            continue;
        }
        for (auto op = item.begin(); op != item.end(); ++op) {
            const std::string key = op->first.Scalar();
            const QString opWhere = child(where, key);
            if (key.rfind("x-", 0) == 0)
                continue;
            if (key == "$ref") {
                p.warning(op->first, opWhere, msg::OpenApiPathItemRef);
                continue;
            }
            if (pathItemKeys.count(key))
                continue;
            if (!operationKeys.count(key)) {
                p.error(op->first, opWhere, msg::OpenApiUnknownField);
                continue;
            }
            const YAML::Node operation = op->second;
            if (!operation.IsMap()) {
                p.error(operation, opWhere, msg::OpenApiOperationMapping);
                continue;
            }
            if (is30 && !operation["responses"]) {
                p.error(operation, child(opWhere, "responses"), msg::OpenApiRequired);
                continue;
            }
            QString method = text(key).toUpper();
            if (!seen.insert(key + ' ' + gateway::route_pattern::canonical(path)).second) {
                p.error(op->first, opWhere, msg::OpenApiDuplicateOperation);
                continue;
            }
            if (const YAML::Node t = operation["tags"]; t && t.IsSequence()) {
                for (const auto& tag : t)
                    if (tag.IsScalar())
                        tags.insert(text(tag.Scalar()));
            }
            api.routes.append({method, text(path)});
            ++count;
        }
    }
}

} // namespace

// components.securitySchemes: an `apiKey` scheme `in: query` lets the
// gateway take the key from that query parameter too. Header and cookie
// schemes need nothing (the gateway reads its own key headers).
void readSecuritySchemes(Problems& p, const YAML::Node& components, ApiDefinition& api)
{
    if (!components || !components.IsMap())
        return;
    const YAML::Node schemes = components["securitySchemes"];
    if (!schemes || !schemes.IsMap())
        return;
    for (auto it = schemes.begin(); it != schemes.end(); ++it) {
        const YAML::Node scheme = it->second;
        if (!scheme.IsMap() || !scheme["type"] || !scheme["in"] || !scheme["type"].IsScalar() ||
            !scheme["in"].IsScalar() || scheme["type"].Scalar() != "apiKey" ||
            scheme["in"].Scalar() != "query")
            continue;
        const QString where =
            QStringLiteral("components.securitySchemes.") + text(it->first.Scalar());
        const auto name = requiredString(p, scheme, where, "name");
        if (!name)
            continue;
        if (!isValidKeyQueryParameter(*name)) {
            p.warning(scheme["name"], where + QStringLiteral(".name"),
                      DomainMessage(msg::OpenApiKeyParameterRule, {*name}));
        } else if (api.keyQueryParameter.isEmpty()) {
            api.keyQueryParameter = *name;
        } else if (api.keyQueryParameter != *name) {
            p.warning(scheme["name"], where + QStringLiteral(".name"),
                      DomainMessage(msg::OpenApiOneKeyParameter, {api.keyQueryParameter}));
        }
    }
}

QString OpenApiImporter::apiVersionOf(const QString& infoVersion)
{
    return versionFrom(infoVersion);
}

OpenApiImport OpenApiImporter::import(const QByteArray& document, const QString& source)
{
    OpenApiImport out;
    Problems p(source);
    YAML::Node root;
    try {
        root = YAML::Load(document.toStdString());
    } catch (const YAML::ParserException& e) {
        p.addError(p.format(e.mark, {}, DomainMessage(msg::OpenApiNotYamlOrJson, {text(e.msg)})));
        p.moveInto(out);
        return out;
    }
    if (!root.IsMap()) {
        p.addError(p.format(root.Mark(), {}, msg::OpenApiNotMapping));
        p.moveInto(out);
        return out;
    }
    long budget = 1'000'000;
    if (const auto nul = firstNulText(root, {}, 0, budget)) {
        p.error(nul->first, QString(nul->second).remove(QChar(0)), msg::TextHoldsNul);
        p.moveInto(out);
        return out;
    }
    if (root["swagger"]) {
        p.error(root["swagger"], QStringLiteral("swagger"), msg::OpenApiSwagger);
        p.moveInto(out);
        return out;
    }
    const auto version = requiredString(p, root, {}, "openapi");
    bool is30 = true;
    if (version) {
        is30 = version->startsWith(QLatin1String("3.0"));
        if (!is30 && !version->startsWith(QLatin1String("3.1")))
            p.error(root["openapi"], QStringLiteral("openapi"),
                    DomainMessage(msg::OpenApiVersionUnsupported, {*version}));
    }

    ApiDefinition api;
    api.basePath = QStringLiteral("/");
    const YAML::Node info = root["info"];
    if (!info || !info.IsMap()) {
        p.error(info ? info : root, QStringLiteral("info"),
                DomainMessage(info ? msg::OpenApiMustBeMapping : msg::OpenApiRequired));
    } else {
        if (const auto title = requiredString(p, info, QStringLiteral("info"), "title")) {
            api.name = *title;
            api.slug = slugFrom(*title);
        }
        if (const auto v = requiredString(p, info, QStringLiteral("info"), "version"))
            api.version = versionFrom(*v);
        if (const YAML::Node d = info["description"]; d && d.IsScalar())
            api.description = text(d.Scalar());
    }
    readServer(p, root["servers"], api);
    readSecuritySchemes(p, root["components"], api);

    QSet<QString> tags;
    if (const YAML::Node top = root["tags"]; top && top.IsSequence()) {
        for (const auto& tag : top)
            if (tag.IsMap() && tag["name"] && tag["name"].IsScalar())
                tags.insert(text(tag["name"].Scalar()));
    }
    const YAML::Node paths = root["paths"];
    if (paths)
        readOperations(p, paths, is30, api, tags, out.operationCount);
    else if (is30)
        p.error(root, QStringLiteral("paths"), msg::OpenApiRequired);
    if (!p.hasErrors() && out.operationCount == 0)
        p.warning(root, QStringLiteral("paths"), msg::OpenApiNoOperations);

    p.moveInto(out);
    if (!out.errors.isEmpty())
        return out;
    api.tags = QStringList(tags.begin(), tags.end());
    api.tags.sort();
    api.openApi = QString::fromUtf8(document);
    out.api = std::move(api);
    return out;
}

} // namespace gatehouse::app
