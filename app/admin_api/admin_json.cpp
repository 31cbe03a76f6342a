// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_json.h"

#include <QJsonDocument>

namespace gatehouse::app {

bool JsonFields::present(const QString& name, bool required)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addError(name, QStringLiteral("is required"));
        return false;
    }
    return true;
}

void JsonFields::addError(const QString& field, const QString& message)
{
    m_errors.append(
        QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("message"), message}});
}

std::optional<QString> JsonFields::string(const QString& name, bool required)
{
    if (!present(name, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(name);
    if (!v.isString()) {
        addError(name, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    if (required && v.toString().trimmed().isEmpty()) {
        addError(name, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<qint64> JsonFields::integer(const QString& name, bool required, qint64 min)
{
    if (!present(name, required))
        return std::nullopt;
    const QJsonValue v = m_object.value(name);
    const double d = v.toDouble();
    // JSON numbers are doubles: accept exact integers within +-2^53 (checked
    // before converting, which is undefined out of range).
    constexpr double limit = 9007199254740992.0;
    if (!v.isDouble() || d > limit || d < -limit ||
        d != static_cast<double>(static_cast<qint64>(d))) {
        addError(name, QStringLiteral("must be an integer"));
        return std::nullopt;
    }
    const auto value = static_cast<qint64>(d);
    if (value < min) {
        addError(name, QStringLiteral("must be at least %1").arg(min));
        return std::nullopt;
    }
    return value;
}

std::optional<QStringList> JsonFields::stringList(const QString& name)
{
    if (!present(name, false))
        return std::nullopt;
    const QJsonValue v = m_object.value(name);
    QStringList out;
    bool ok = v.isArray();
    for (const QJsonValue& item : v.toArray()) {
        ok = ok && item.isString();
        out.append(item.toString());
    }
    if (!ok) {
        addError(name, QStringLiteral("must be an array of strings"));
        return std::nullopt;
    }
    return out;
}

namespace {

template <typename E>
void readEnum(JsonFields& fields, const QString& name, std::optional<E> (*parse)(const QString&),
              E* out)
{
    if (const auto text = fields.string(name)) {
        if (const auto value = parse(*text))
            *out = *value;
        else
            fields.addError(name, QStringLiteral("'%1' is not a known value").arg(*text));
    }
}

void readRoutes(JsonFields& fields, const QJsonObject& object, ApiDefinition* api)
{
    const QJsonValue v = object.value(QStringLiteral("routes"));
    if (v.isUndefined())
        return;
    if (!v.isArray()) {
        fields.addError(QStringLiteral("routes"), QStringLiteral("must be an array"));
        return;
    }
    QList<ApiRoute> routes;
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject r = array.at(i).toObject();
        const QString at = QStringLiteral("routes[%1]").arg(i);
        if (!r.value(QStringLiteral("method")).isString() ||
            !r.value(QStringLiteral("path")).isString()) {
            fields.addError(at, QStringLiteral("must be {\"method\": string, \"path\": string}"));
            continue;
        }
        routes.append({r.value(QStringLiteral("method")).toString(),
                       r.value(QStringLiteral("path")).toString()});
    }
    api->routes = routes;
}

void readUpstreams(JsonFields& fields, const QJsonObject& object, ApiDefinition* api)
{
    const QJsonValue v = object.value(QStringLiteral("upstreams"));
    if (v.isUndefined())
        return;
    if (!v.isArray()) {
        fields.addError(QStringLiteral("upstreams"), QStringLiteral("must be an array"));
        return;
    }
    QList<ApiUpstream> upstreams;
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject u = array.at(i).toObject();
        const QJsonValue weight = u.value(QStringLiteral("weight"));
        if (!u.value(QStringLiteral("url")).isString() ||
            !(weight.isUndefined() || weight.isDouble())) {
            fields.addError(QStringLiteral("upstreams[%1]").arg(i),
                            QStringLiteral("must be {\"url\": string, \"weight\": integer}"));
            continue;
        }
        upstreams.append({u.value(QStringLiteral("url")).toString(), weight.toInt(1)});
    }
    api->upstreams = upstreams;
}

} // namespace

void applyApiFields(JsonFields& fields, const QJsonObject& object, ApiDefinition* api)
{
    if (const auto v = fields.string(QStringLiteral("slug")))
        api->slug = *v;
    if (const auto v = fields.string(QStringLiteral("version")))
        api->version = *v;
    if (const auto v = fields.string(QStringLiteral("name")))
        api->name = *v;
    if (const auto v = fields.string(QStringLiteral("description")))
        api->description = *v;
    if (const auto v = fields.stringList(QStringLiteral("tags")))
        api->tags = *v;
    if (const auto v = fields.integer(QStringLiteral("teamId"), false, 1))
        api->teamId = *v;
    readEnum(fields, QStringLiteral("visibility"), &visibilityFromString, &api->visibility);
    if (const auto v = fields.string(QStringLiteral("basePath")))
        api->basePath = *v;
    const QJsonValue strip = object.value(QStringLiteral("stripBasePath"));
    if (strip.isBool())
        api->stripBasePath = strip.toBool();
    else if (!strip.isUndefined())
        fields.addError(QStringLiteral("stripBasePath"), QStringLiteral("must be true or false"));
    readRoutes(fields, object, api);
    readUpstreams(fields, object, api);
    readEnum(fields, QStringLiteral("balancing"), &balancingFromString, &api->balancing);
    readEnum(fields, QStringLiteral("authMode"), &authModeFromString, &api->authMode);
    if (const auto v = fields.string(QStringLiteral("keyQueryParameter")))
        api->keyQueryParameter = *v;
    // cachePolicy: a JSON object (or its text, as toJson() writes it).
    const QJsonValue cache = object.value(QStringLiteral("cachePolicy"));
    if (cache.isObject())
        api->cachePolicy =
            QString::fromUtf8(QJsonDocument(cache.toObject()).toJson(QJsonDocument::Compact));
    else if (cache.isString())
        api->cachePolicy = cache.toString();
    else if (!cache.isUndefined())
        fields.addError(QStringLiteral("cachePolicy"), QStringLiteral("must be a JSON object"));
    if (const auto v = fields.integer(QStringLiteral("connectTimeoutMs"), false, 1))
        api->connectTimeoutMs = *v;
    if (const auto v = fields.integer(QStringLiteral("requestTimeoutMs"), false, 1))
        api->requestTimeoutMs = *v;
    if (const auto v = fields.string(QStringLiteral("openApi")))
        api->openApi = *v;
}

} // namespace gatehouse::app
