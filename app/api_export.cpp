// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/api_export.h"

#include "app/catalog_store.h"
#include "app/openapi_export.h"
#include "app/workspace_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace gatehouse::app {

namespace {

QJsonValue scalarValue(const YAML::Node& node)
{
    const QString text = QString::fromStdString(node.Scalar());
    // yaml-cpp tags a quoted scalar "!": it is a string whatever it reads.
    if (node.Tag() == "!")
        return text;
    if (text == QLatin1String("true") || text == QLatin1String("True") ||
        text == QLatin1String("TRUE"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False") ||
        text == QLatin1String("FALSE"))
        return false;
    if (text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null") ||
        text == QLatin1String("Null") || text == QLatin1String("NULL"))
        return QJsonValue::Null;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    bool ok = false;
    if (integer.match(text).hasMatch()) {
        const qint64 n = text.toLongLong(&ok);
        if (ok)
            return n;
    }
    if (real.match(text).hasMatch()) {
        const double d = text.toDouble(&ok);
        if (ok)
            return d;
    }
    return text;
}

QJsonValue toJson(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarValue(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& pair : node)
            object.insert(QString::fromStdString(pair.first.as<std::string>()),
                          toJson(pair.second));
        return object;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue::Null;
}

} // namespace

std::optional<QByteArray> openApiAsJson(const QString& document, QString* error)
{
    const QByteArray bytes = document.toUtf8();
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && json.isObject())
        return json.toJson(QJsonDocument::Indented);
    try {
        const YAML::Node root = YAML::Load(bytes.toStdString());
        if (!root.IsMap()) {
            if (error)
                *error = QStringLiteral("the document is not a mapping");
            return std::nullopt;
        }
        return QJsonDocument(toJson(root).toObject()).toJson(QJsonDocument::Indented);
    } catch (const YAML::Exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
}

ApiExport exportApi(CatalogStore& store, const Principal& actor, qint64 apiId)
{
    ApiExport out;
    const auto api = store.apis().api(actor, apiId);
    if (!api) {
        out.error = store.apis().lastError();
        out.errorMessage = store.apis().lastErrorMessage();
        return out;
    }
    if (!api->openApi.trimmed().isEmpty()) {
        // A document that cannot be read still travels inside the workspace
        // file below, as text. One that can goes out with the catalog's
        // changes since the import written over it.
        if (openApiAsJson(api->openApi)) {
            out.format = ApiExport::Format::OpenApi;
            out.document = QJsonDocument(openApiDocumentFor(*api)).toJson(QJsonDocument::Indented);
            return out;
        }
    }
    out.document = WorkspaceFile::exportApi(store, actor, apiId, &out.error);
    if (out.document.isEmpty())
        out.errorMessage = store.apis().lastErrorMessage();
    if (out.document.isEmpty() && out.error.isEmpty()) {
        out.errorMessage = msg::ApiUnreadable;
        out.error = out.errorMessage.toString();
    }
    return out;
}

} // namespace gatehouse::app
