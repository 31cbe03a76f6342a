// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/openapi_document.h"

#include "app/domain/domain_messages.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace gatehouse::app {

namespace {

const std::set<std::string> operationKeys{"get",     "put",  "post",  "delete",
                                          "options", "head", "patch", "trace"};

QString scalar(const YAML::Node& node, const char* key)
{
    const YAML::Node value = node[key];
    return value && value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
}

// "#/components/parameters/limit" -> the node it names, or an undefined node.
YAML::Node resolve(const YAML::Node& root, const std::string& ref)
{
    if (ref.rfind("#/", 0) != 0)
        return YAML::Node(YAML::NodeType::Undefined);
    YAML::Node node = root;
    std::size_t start = 2;
    while (start <= ref.size()) {
        const std::size_t end = ref.find('/', start);
        const std::string part = ref.substr(start, end == std::string::npos ? end : end - start);
        if (!node.IsMap() || !node[part])
            return YAML::Node(YAML::NodeType::Undefined);
        // Assigning a YAML::Node rebinds it; reset() keeps the tree intact.
        YAML::Node next = node[part];
        node.reset(next);
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return node;
}

QString refName(const std::string& ref)
{
    const auto slash = ref.rfind('/');
    return QString::fromStdString(slash == std::string::npos ? ref : ref.substr(slash + 1));
}

QString schemaType(const YAML::Node& schema)
{
    if (!schema || !schema.IsMap())
        return {};
    if (const YAML::Node ref = schema["$ref"]; ref && ref.IsScalar())
        return refName(ref.Scalar());
    QString type = scalar(schema, "type");
    if (const YAML::Node types = schema["type"]; types && types.IsSequence()) {
        QStringList names; // 3.1: ["string", "null"]
        for (const auto& t : types)
            if (t.IsScalar())
                names << QString::fromStdString(t.Scalar());
        type = names.join(QLatin1Char('|'));
    }
    if (type == QLatin1String("array")) {
        const QString items = schemaType(schema["items"]);
        return items.isEmpty() ? type : items + QStringLiteral("[]");
    }
    const QString format = scalar(schema, "format");
    return format.isEmpty() ? type : QStringLiteral("%1 (%2)").arg(type, format);
}

void readParameters(const YAML::Node& root, const YAML::Node& list, QList<OpenApiParameter>& into)
{
    if (!list || !list.IsSequence())
        return;
    for (YAML::Node p : list) {
        if (p.IsMap() && p["$ref"] && p["$ref"].IsScalar()) {
            const YAML::Node target = resolve(root, p["$ref"].Scalar());
            if (!target.IsDefined() || !target.IsMap())
                continue;
            p.reset(target);
        }
        if (!p.IsMap())
            continue;
        OpenApiParameter param;
        param.name = scalar(p, "name");
        param.location = scalar(p, "in");
        param.required =
            p["required"] && p["required"].IsScalar() && p["required"].Scalar() == "true";
        param.description = scalar(p, "description");
        param.type = schemaType(p["schema"]);
        // An operation's parameter replaces a path-level one of the same name.
        for (qsizetype i = 0; i < into.size(); ++i) {
            if (into[i].name == param.name && into[i].location == param.location) {
                into.removeAt(i);
                break;
            }
        }
        into.append(param);
    }
}

} // namespace

OpenApiSummary summarizeOpenApi(const QString& document)
{
    OpenApiSummary out;
    if (document.trimmed().isEmpty()) {
        out.setError(msg::OpenApiNoDocument);
        return out;
    }
    YAML::Node root;
    try {
        root = YAML::Load(document.toStdString());
    } catch (const YAML::Exception& e) {
        out.setError({msg::OpenApiNotYamlOrJson, {QString::fromStdString(e.msg)}});
        return out;
    }
    if (!root.IsMap()) {
        out.setError(msg::OpenApiNotMapping);
        return out;
    }
    try {
        if (const YAML::Node info = root["info"]; info && info.IsMap()) {
            out.title = scalar(info, "title");
            out.version = scalar(info, "version");
            out.description = scalar(info, "description");
        }
        const YAML::Node paths = root["paths"];
        if (!paths || !paths.IsMap())
            return out;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const YAML::Node item = it->second;
            if (!item.IsMap())
                continue;
            QList<OpenApiParameter> shared;
            readParameters(root, item["parameters"], shared);
            for (auto op = item.begin(); op != item.end(); ++op) {
                const std::string key = op->first.Scalar();
                const YAML::Node node = op->second;
                if (!operationKeys.count(key) || !node.IsMap())
                    continue;
                OpenApiOperation operation;
                operation.method = QString::fromStdString(key).toUpper();
                operation.path = QString::fromStdString(it->first.Scalar());
                operation.operationId = scalar(node, "operationId");
                operation.summary = scalar(node, "summary");
                operation.description = scalar(node, "description");
                operation.deprecated = scalar(node, "deprecated") == QLatin1String("true");
                operation.parameters = shared;
                readParameters(root, node["parameters"], operation.parameters);
                operation.hasRequestBody = bool(node["requestBody"]);
                if (const YAML::Node responses = node["responses"];
                    responses && responses.IsMap()) {
                    for (auto r = responses.begin(); r != responses.end(); ++r) {
                        YAML::Node response = r->second;
                        if (response.IsMap() && response["$ref"] && response["$ref"].IsScalar()) {
                            const YAML::Node target = resolve(root, response["$ref"].Scalar());
                            if (target.IsDefined())
                                response.reset(target);
                        }
                        operation.responses.append(
                            {QString::fromStdString(r->first.Scalar()),
                             response.IsMap() ? scalar(response, "description") : QString()});
                    }
                }
                out.operations.append(operation);
            }
        }
    } catch (const YAML::Exception& e) {
        out.setError({msg::OpenApiUnreadable, {QString::fromStdString(e.msg)}});
    }
    return out;
}

} // namespace gatehouse::app
