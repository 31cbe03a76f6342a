// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cache_policy_fields.h"

#include "app/cache_config_reader.h"
#include "app/config_reader.h"
#include "app/config_value_parsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace gatehouse::app {

namespace {

QStringList listItems(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

// A list as the form shows it: "200, 203, 404".
QString listText(const QJsonValue& value)
{
    QStringList items;
    for (const QJsonValue& item : value.toArray())
        items << (item.isDouble() ? QString::number(item.toInteger()) : item.toString());
    return items.join(QStringLiteral(", "));
}

// The configuration reads a number as milliseconds.
QString durationText(const QJsonValue& value)
{
    if (value.isDouble())
        return config::formatDuration(std::chrono::milliseconds(value.toInteger()));
    return value.toString();
}

QString sizeText(const QJsonValue& value)
{
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

} // namespace

std::optional<CachePolicyFields> CachePolicyFields::fromJson(const QString& json, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("cachePolicy: must be a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    CachePolicyFields f;
    f.enabled = !o.isEmpty() && o.value(QStringLiteral("enabled")).toBool(true);
    f.defaultTtl = durationText(o.value(QStringLiteral("default_ttl")));
    f.maxTtl = durationText(o.value(QStringLiteral("max_ttl")));
    f.overrideUpstream = o.value(QStringLiteral("override_upstream")).toBool();
    f.statuses = listText(o.value(QStringLiteral("statuses")));
    f.maxObjectSize = sizeText(o.value(QStringLiteral("max_object_size")));
    f.ignoreQueryParams = listText(o.value(QStringLiteral("ignore_query_params")));
    f.staleWhileRevalidate = durationText(o.value(QStringLiteral("stale_while_revalidate")));
    f.staleIfError = durationText(o.value(QStringLiteral("stale_if_error")));
    f.privatePerConsumer = o.value(QStringLiteral("private_per_consumer")).toBool();
    f.cachePost = o.value(QStringLiteral("cache_post")).toBool();
    f.stripSetCookie = o.value(QStringLiteral("strip_set_cookie")).toBool();
    return f;
}

QString CachePolicyFields::toJson() const
{
    QJsonObject o;
    const auto text = [&o](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            o.insert(QLatin1String(key), value.trimmed());
    };
    const auto flag = [&o](const char* key, bool value) {
        if (value)
            o.insert(QLatin1String(key), true);
    };
    text("default_ttl", defaultTtl);
    text("max_ttl", maxTtl);
    flag("override_upstream", overrideUpstream);
    if (const QStringList items = listItems(statuses); !items.isEmpty()) {
        // A number as a number; anything else as typed, for the reader to
        // name ("expected an unquoted decimal...").
        QJsonArray array;
        for (const QString& item : items) {
            bool ok = false;
            const int status = item.toInt(&ok);
            array.append(ok ? QJsonValue(status) : QJsonValue(item));
        }
        o.insert(QStringLiteral("statuses"), array);
    }
    text("max_object_size", maxObjectSize);
    if (const QStringList items = listItems(ignoreQueryParams); !items.isEmpty())
        o.insert(QStringLiteral("ignore_query_params"), QJsonArray::fromStringList(items));
    text("stale_while_revalidate", staleWhileRevalidate);
    text("stale_if_error", staleIfError);
    flag("private_per_consumer", privatePerConsumer);
    flag("cache_post", cachePost);
    flag("strip_set_cookie", stripSetCookie);
    if (!enabled && !o.isEmpty())
        o.insert(QStringLiteral("enabled"), false); // off, settings kept
    else if (enabled && o.isEmpty())
        o.insert(QStringLiteral("enabled"), true); // on with the defaults
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QList<CachePolicyProblem> checkCachePolicy(const CachePolicyFields& fields)
{
    QList<CachePolicyProblem> problems;
    YAML::Node node;
    try {
        node = YAML::Load(fields.toJson().toStdString());
    } catch (const YAML::Exception& e) { // not expected: the JSON is generated
        problems.append({QString(), ConfigReader::fromStd(e.msg)});
        return problems;
    }
    ConfigReader reader(QStringLiteral("cachePolicy"));
    readApiCachePolicyNode(reader, node);
    for (const ConfigReader::Finding& finding : reader.findings()) {
        // "statuses[1]" is about the statuses field.
        const QString field = finding.path.section(QLatin1Char('['), 0, 0);
        problems.append({field, finding.message});
    }
    return problems;
}

} // namespace gatehouse::app
