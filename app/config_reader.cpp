// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_reader.h"

#include "app/config_value_parsers.h"
#include "app/domain/domain_messages.h"

#include <algorithm>
#include <tuple>

namespace gatehouse::app {

namespace {

YAML::Mark markOr(const YAML::Mark& mark, const YAML::Mark& fallback)
{
    return mark.is_null() ? fallback : mark;
}

// yaml-cpp tags plain (unquoted) scalars "?" and quoted ones "!": a quoted
// "8080" is a string, not a number, whether the file is YAML or JSON.
bool isPlainScalar(const YAML::Node& node)
{
    return node.IsScalar() && node.Tag() == "?";
}

QString childPath(const QString& parent, std::string_view key)
{
    if (parent.isEmpty())
        return ConfigReader::fromStd(key);
    return parent + QLatin1Char('.') + ConfigReader::fromStd(key);
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

DomainMessage unknownFieldMessage(const std::string& name, ConfigReader::Keys known)
{
    std::string_view best;
    std::size_t bestDistance = 3; // suggest only close misspellings
    for (std::string_view candidate : known) {
        const std::size_t distance = editDistance(name, candidate);
        if (distance < bestDistance && distance < name.size()) {
            best = candidate;
            bestDistance = distance;
        }
    }
    if (!best.empty())
        return DomainMessage(msg::ConfigUnknownFieldDidYouMean,
                             {ConfigReader::fromStd(name), ConfigReader::fromStd(best)});
    QStringList names;
    for (std::string_view candidate : known)
        names << ConfigReader::fromStd(candidate);
    return DomainMessage(msg::ConfigUnknownFieldExpected,
                         {ConfigReader::fromStd(name), names.join(QStringLiteral(", "))});
}

} // namespace

ConfigField ConfigField::item(const YAML::Node& element, std::size_t index) const
{
    return ConfigField{element, markOr(element.Mark(), mark),
                       QStringLiteral("%1[%2]").arg(path, QString::number(index))};
}

ConfigReader::ConfigReader(QString source)
    : m_source(std::move(source))
{
}

void ConfigReader::fail(const YAML::Mark& mark, const QString& path, const DomainMessage& message)
{
    if (static_cast<int>(m_problems.size()) >= MaxReported) {
        ++m_unreported;
        return;
    }
    const bool positioned = !mark.is_null() && mark.line >= 0;
    QString place = positioned ? QStringLiteral("%1:%2:%3")
                                     .arg(m_source, QString::number(mark.line + 1),
                                          QString::number(mark.column + 1))
                               : m_source;
    if (!path.isEmpty())
        place += QStringLiteral(": ") + path;
    const QString text = place + QStringLiteral(": ") + message.toString();
    m_problems.push_back(
        {positioned ? mark.line : -1, positioned ? mark.column : -1, text, place, path, message});
}

void ConfigReader::fail(const ConfigField& field, const DomainMessage& message)
{
    fail(field.mark, field.path, message);
}

QStringList ConfigReader::report() const
{
    std::vector<Problem> sorted = m_problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    QStringList out;
    for (const Problem& problem : sorted)
        out << problem.text;
    if (m_unreported > 0)
        out << QStringLiteral("%1: %2 more problems not shown")
                   .arg(m_source, QString::number(m_unreported));
    return out;
}

QList<DomainMessage> ConfigReader::reportMessages() const
{
    std::vector<Problem> sorted = m_problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    QList<DomainMessage> out;
    for (const Problem& problem : sorted)
        out << DomainMessage(msg::ProblemAt, {problem.place, problem.message});
    if (m_unreported > 0)
        out << DomainMessage(msg::ProblemAt,
                             {m_source, DomainMessage(msg::ConfigMoreProblems,
                                                      {DomainMessage::number(m_unreported)})});
    return out;
}

std::vector<ConfigReader::Finding> ConfigReader::findings() const
{
    std::vector<Problem> sorted = m_problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    std::vector<Finding> out;
    out.reserve(sorted.size());
    for (const Problem& problem : sorted)
        out.push_back({problem.path, problem.message.toString(), problem.message});
    return out;
}

std::optional<ConfigFieldMap> ConfigReader::mapping(const ConfigField& field, Keys known)
{
    if (!field.node.IsMap()) {
        fail(field, DomainMessage(msg::ConfigExpectedMapping, {describe(field.node)}));
        return std::nullopt;
    }
    return ConfigFieldMap(*this, field, known);
}

bool ConfigReader::isSequence(const ConfigField& field)
{
    if (field.node.IsSequence())
        return true;
    fail(field, DomainMessage(msg::ConfigExpectedSequence, {describe(field.node)}));
    return false;
}

bool ConfigReader::readString(const ConfigField& field, std::string& out)
{
    if (!field.node.IsScalar()) {
        fail(field, DomainMessage(msg::ConfigExpectedString, {describe(field.node)}));
        return false;
    }
    out = field.node.Scalar();
    return true;
}

bool ConfigReader::readName(const ConfigField& field, std::string& out)
{
    std::string text;
    if (!readString(field, text))
        return false;
    if (!config::isValidName(fromStd(text))) {
        fail(field, QStringLiteral("'%1' is not a valid name (1 to 128 letters, digits, '.', '_' "
                                   "or '-')")
                        .arg(fromStd(text)));
        return false;
    }
    out = text;
    return true;
}

bool ConfigReader::readBool(const ConfigField& field, bool& out)
{
    if (isPlainScalar(field.node)) {
        const std::string& text = field.node.Scalar();
        if (text == "true" || text == "True" || text == "TRUE") {
            out = true;
            return true;
        }
        if (text == "false" || text == "False" || text == "FALSE") {
            out = false;
            return true;
        }
    }
    fail(field, DomainMessage(msg::ConfigExpectedBool, {describe(field.node)}));
    return false;
}

bool ConfigReader::readUnsigned(const ConfigField& field, std::uint64_t min, std::uint64_t max,
                                std::uint64_t& out)
{
    if (!isPlainScalar(field.node)) {
        fail(field, DomainMessage(msg::ConfigExpectedWholeNumber, {describe(field.node)}));
        return false;
    }
    std::uint64_t value = 0;
    QString why;
    if (!config::parseUnsigned(fromStd(field.node.Scalar()), &value, &why)) {
        fail(field, why);
        return false;
    }
    if (value < min || value > max) {
        fail(field,
             DomainMessage(msg::ConfigNumberRange,
                           {QString::number(value), QString::number(min), QString::number(max)}));
        return false;
    }
    out = value;
    return true;
}

bool ConfigReader::readDuration(const ConfigField& field, std::chrono::milliseconds& out,
                                bool zeroAllowed)
{
    if (!field.node.IsScalar()) {
        fail(field, QStringLiteral("expected a duration such as 250ms, 10s or 2m, got %1")
                        .arg(describe(field.node)));
        return false;
    }
    std::chrono::milliseconds value{};
    QString why;
    if (!config::parseDuration(fromStd(field.node.Scalar()), &value, &why)) {
        fail(field, why);
        return false;
    }
    if (value.count() < (zeroAllowed ? 0 : 1) || value > MaxDuration) {
        fail(field, QStringLiteral("%1 is out of range (%2 to %3)")
                        .arg(config::formatDuration(value),
                             zeroAllowed ? QStringLiteral("0") : QStringLiteral("1ms"),
                             config::formatDuration(MaxDuration)));
        return false;
    }
    out = value;
    return true;
}

bool ConfigReader::readSize(const ConfigField& field, std::uint64_t min, std::uint64_t max,
                            std::uint64_t& out)
{
    if (!field.node.IsScalar()) {
        fail(field, DomainMessage(msg::ConfigExpectedSize, {describe(field.node)}));
        return false;
    }
    std::uint64_t value = 0;
    QString why;
    if (!config::parseSize(fromStd(field.node.Scalar()), &value, &why)) {
        fail(field, why);
        return false;
    }
    if (value < min || value > max) {
        fail(field,
             DomainMessage(msg::ConfigSizeRange,
                           {QString::number(value), QString::number(min), QString::number(max)}));
        return false;
    }
    out = value;
    return true;
}

bool ConfigReader::readPlainPath(const ConfigField& field, std::string& out)
{
    std::string text;
    if (!readString(field, text))
        return false;
    if (text.empty() || text.front() != '/') {
        fail(field, QStringLiteral("'%1' must start with '/'").arg(fromStd(text)));
        return false;
    }
    const auto bad = [](unsigned char c) {
        return c <= 0x20 || c == 0x7f || c == '?' || c == '#' || c == '{' || c == '}';
    };
    if (std::any_of(text.begin(), text.end(), bad)) {
        fail(field, QStringLiteral("'%1' must not contain spaces, control characters, '?', '#' or "
                                   "braces")
                        .arg(fromStd(text)));
        return false;
    }
    out = text;
    return true;
}

void ConfigReader::optionalDuration(const ConfigFieldMap& map, std::string_view key,
                                    std::chrono::milliseconds& out, bool zeroAllowed)
{
    if (const auto field = map.get(key))
        readDuration(*field, out, zeroAllowed);
}

void ConfigReader::optionalBool(const ConfigFieldMap& map, std::string_view key, bool& out)
{
    if (const auto field = map.get(key))
        readBool(*field, out);
}

QString ConfigReader::describe(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return QStringLiteral("null");
    case YAML::NodeType::Sequence:
        return QStringLiteral("a sequence");
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Scalar: {
        QString text = fromStd(node.Scalar());
        if (text.size() > 40)
            text = text.left(37) + QStringLiteral("...");
        return isPlainScalar(node) ? QStringLiteral("'%1'").arg(text)
                                   : QStringLiteral("the string \"%1\"").arg(text);
    }
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString ConfigReader::fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

ConfigFieldMap::ConfigFieldMap(ConfigReader& reader, const ConfigField& map,
                               ConfigReader::Keys known)
    : m_reader(&reader)
    , m_map(map)
{
    // Not `it->first`: yaml-cpp's iterator returns a proxy by value, so a
    // reference into it would dangle. The range-for keeps the pair alive.
    for (const auto& entry : map.node) {
        const YAML::Node& key = entry.first;
        const YAML::Node& value = entry.second;
        const YAML::Mark keyMark = markOr(key.Mark(), map.mark);
        if (!key.IsScalar()) {
            reader.fail(
                keyMark, map.path,
                DomainMessage(msg::ConfigFieldNameNotString, {ConfigReader::describe(key)}));
            continue;
        }
        const std::string& name = key.Scalar();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            reader.fail(keyMark, map.path, unknownFieldMessage(name, known));
            continue;
        }
        if (const auto previous = get(name)) {
            reader.fail(
                keyMark, map.path,
                DomainMessage(msg::ConfigDuplicateField,
                              {ConfigReader::fromStd(name), QString::number(previous->line())}));
            continue;
        }
        // An empty value's own mark points past the end of its line; use the key's.
        const YAML::Mark valueMark = value.IsNull() ? keyMark : markOr(value.Mark(), keyMark);
        m_entries.emplace_back(name, ConfigField{value, valueMark, childPath(map.path, name)});
    }
}

std::optional<ConfigField> ConfigFieldMap::get(std::string_view key) const
{
    for (const auto& [name, field] : m_entries) {
        if (name == key)
            return field;
    }
    return std::nullopt;
}

std::optional<ConfigField> ConfigFieldMap::require(std::string_view key) const
{
    auto field = get(key);
    if (!field)
        m_reader->fail(
            m_map, QStringLiteral("missing required field '%1'").arg(ConfigReader::fromStd(key)));
    return field;
}

} // namespace gatehouse::app
