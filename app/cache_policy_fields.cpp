// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cache_policy_fields.h"

#include "app/cache_config_reader.h"
#include "app/config_reader.h"
#include "app/config_value_parsers.h"
#include "app/domain/domain_messages.h"

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

using Field = CachePolicyField;
using Kind = CachePolicyProblem::Kind;

struct FieldKey {
    Field field;
    const char* key;
};

constexpr FieldKey fieldKeys[] = {
    {Field::Enabled, "enabled"},
    {Field::DefaultTtl, "default_ttl"},
    {Field::MaxTtl, "max_ttl"},
    {Field::OverrideUpstream, "override_upstream"},
    {Field::Statuses, "statuses"},
    {Field::MaxObjectSize, "max_object_size"},
    {Field::IgnoreQueryParams, "ignore_query_params"},
    {Field::StaleWhileRevalidate, "stale_while_revalidate"},
    {Field::StaleIfError, "stale_if_error"},
    {Field::PrivatePerConsumer, "private_per_consumer"},
    {Field::CachePost, "cache_post"},
    {Field::StripSetCookie, "strip_set_cookie"},
};

Field fieldOfKey(const QString& key)
{
    for (const FieldKey& f : fieldKeys) {
        if (key == QLatin1String(f.key))
            return f.field;
    }
    return Field::Policy;
}

const QString* durationField(const CachePolicyFields& f, Field field)
{
    switch (field) {
    case Field::DefaultTtl:
        return &f.defaultTtl;
    case Field::MaxTtl:
        return &f.maxTtl;
    case Field::StaleWhileRevalidate:
        return &f.staleWhileRevalidate;
    case Field::StaleIfError:
        return &f.staleIfError;
    default:
        return nullptr;
    }
}

// The same checks as the reader's, in its order, to tell which one failed.
void classifyDuration(const QString& text, Field field, CachePolicyProblem& p)
{
    std::chrono::milliseconds value{};
    QString why;
    p.value = text;
    if (!config::parseDuration(text, &value, &why)) {
        p.kind = Kind::NotADuration;
    } else if (value.count() % 1000 != 0) {
        p.kind = Kind::NotWholeSeconds;
    } else if (value.count() <= 0 || value > std::chrono::hours(24 * 365)) {
        p.kind = Kind::DurationOutOfRange;
    } else if (field == Field::DefaultTtl) {
        p.kind = Kind::DefaultTtlAboveMaxTtl;
        p.value.clear();
    }
}

void classifyStatus(const QString& item, CachePolicyProblem& p)
{
    p.value = item;
    bool ok = false;
    const int status = item.toInt(&ok);
    if (!ok)
        p.kind = Kind::NotAStatus;
    else if (status < 200 || status > 599)
        p.kind = Kind::StatusOutOfRange;
    else if (status == 206 || status == 304)
        p.kind = Kind::StatusNotStorable;
    else
        p.kind = Kind::DuplicateStatus;
}

void classifyParameter(const QString& item, CachePolicyProblem& p)
{
    p.value = item;
    const qsizetype star = item.indexOf(QLatin1Char('*'));
    if (item.isEmpty() || item == QLatin1String("*"))
        p.kind = Kind::ParameterNameMissing;
    else if (star >= 0 && star != item.size() - 1)
        p.kind = Kind::WildcardNotAtEnd;
    else
        p.kind = Kind::NotAParameterName;
}

// "statuses[2]" -> 2; -1 without an index.
int itemIndex(const QString& path)
{
    const qsizetype open = path.indexOf(QLatin1Char('['));
    if (open < 0 || !path.endsWith(QLatin1Char(']')))
        return -1;
    bool ok = false;
    const int index = path.mid(open + 1, path.size() - open - 2).toInt(&ok);
    return ok ? index : -1;
}

CachePolicyProblem classify(const CachePolicyFields& f, const QString& path,
                            const DomainMessage& message)
{
    CachePolicyProblem p;
    p.field = fieldOfKey(path.section(QLatin1Char('['), 0, 0));
    p.message = message.toString();
    p.what = message;
    const int index = itemIndex(path);
    if (const QString* text = durationField(f, p.field)) {
        classifyDuration(text->trimmed(), p.field, p);
    } else if (p.field == Field::Statuses && index >= 0) {
        const QStringList items = listItems(f.statuses);
        if (index < items.size())
            classifyStatus(items.at(index), p);
    } else if (p.field == Field::IgnoreQueryParams && index >= 0) {
        const QStringList items = listItems(f.ignoreQueryParams);
        if (index < items.size())
            classifyParameter(items.at(index), p);
    } else if (p.field == Field::MaxObjectSize) {
        std::uint64_t bytes = 0;
        QString why;
        p.value = f.maxObjectSize.trimmed();
        p.kind = config::parseSize(p.value, &bytes, &why) ? Kind::SizeOutOfRange : Kind::NotASize;
    } else if (p.field == Field::Policy && path.isEmpty() && f.overrideUpstream &&
               f.defaultTtl.trimmed().isEmpty()) {
        p.kind = Kind::OverrideNeedsDefaultTtl;
    }
    return p;
}

} // namespace

QString cachePolicyKey(CachePolicyField field)
{
    for (const FieldKey& f : fieldKeys) {
        if (f.field == field)
            return QLatin1String(f.key);
    }
    return {};
}

std::optional<CachePolicyFields> CachePolicyFields::fromJson(const QString& json, QString* error)
{
    DomainMessage message;
    auto fields = fromJson(json, &message);
    if (!fields)
        *error = message.toString();
    return fields;
}

std::optional<CachePolicyFields> CachePolicyFields::fromJson(const QString& json,
                                                             DomainMessage* error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = msg::CachePolicyNotObject;
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
        CachePolicyProblem problem;
        problem.message = ConfigReader::fromStd(e.msg);
        problem.what = problem.message;
        problems.append(problem);
        return problems;
    }
    ConfigReader reader(QStringLiteral("cachePolicy"));
    readApiCachePolicyNode(reader, node);
    // "statuses[1]" is about the second item of the statuses field.
    for (const ConfigReader::Finding& finding : reader.findings())
        problems.append(classify(fields, finding.path, finding.what));
    return problems;
}

} // namespace gatehouse::app
