// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"

#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Internal to app/: yaml-cpp is a private dependency of gatehouse_app, so
// include this only from app/ sources, never from a public header.
namespace gatehouse::app {

// A value in a configuration document, where it is, and its field path for
// messages ("routes[2].upstream").
struct ConfigField {
    YAML::Node node;
    YAML::Mark mark; // 0-based, as yaml-cpp gives it
    QString path;

    int line() const { return mark.line + 1; }
    // Element `index` of this sequence.
    ConfigField item(const YAML::Node& element, std::size_t index) const;
};

class ConfigFieldMap;

// Typed reading of a yaml-cpp document with positioned messages
// ("gw.yaml:12:7: routes[2].upstream: unknown upstream 'billing'"). A reader
// that meets an unusable value reports it and returns false; callers carry on,
// so one run shows every mistake in a file.
class ConfigReader {
public:
    using Keys = std::initializer_list<std::string_view>;

    // Enough to fix a broken file in a few rounds without flooding a terminal.
    static constexpr int MaxReported = 50;
    static constexpr std::chrono::milliseconds MaxDuration = std::chrono::hours(24);

    explicit ConfigReader(QString source);

    // A message the console may show translated (app/domain/domain_messages.h),
    // or plain English text (the QString overloads: the configuration file's
    // own messages, read by administrators in a terminal).
    void fail(const YAML::Mark& mark, const QString& path, const DomainMessage& message);
    void fail(const ConfigField& field, const DomainMessage& message);
    void fail(const YAML::Mark& mark, const QString& path, const QString& message)
    {
        fail(mark, path, DomainMessage(message));
    }
    void fail(const ConfigField& field, const QString& message)
    {
        fail(field, DomainMessage(message));
    }
    // All problems so far, including those beyond MaxReported.
    int problemCount() const { return static_cast<int>(m_problems.size()) + m_unreported; }
    // "source:line:column: path: message", sorted by position.
    QStringList report() const;
    // The same lines as messages, for the console to show translated: each
    // is "%1: %2" with the place verbatim and the problem a message.
    QList<DomainMessage> reportMessages() const;
    // The same problems with the field path and the message apart
    // ("statuses[1]", "duplicate status 200"), for a form that shows each
    // next to its field. Sorted by position; the unreported are left out.
    struct Finding {
        QString path;
        QString message;
        DomainMessage what; // `message` as a message the console can translate
    };
    std::vector<Finding> findings() const;

    // A mapping whose keys must come from `known` (unknown and repeated keys
    // are reported), or nullopt after reporting that it is not a mapping.
    std::optional<ConfigFieldMap> mapping(const ConfigField& field, Keys known);
    bool isSequence(const ConfigField& field);

    bool readString(const ConfigField& field, std::string& out); // any scalar
    bool readName(const ConfigField& field, std::string& out);   // config::isValidName()
    bool readBool(const ConfigField& field, bool& out);          // unquoted true / false
    bool readUnsigned(const ConfigField& field, std::uint64_t min, std::uint64_t max,
                      std::uint64_t& out); // unquoted decimal
    // 1ms to 24h; with `zeroAllowed`, 0 too (for "off").
    bool readDuration(const ConfigField& field, std::chrono::milliseconds& out,
                      bool zeroAllowed = false);
    bool readSize(const ConfigField& field, std::uint64_t min, std::uint64_t max,
                  std::uint64_t& out);
    // An absolute path without parameters, query or fragment.
    bool readPlainPath(const ConfigField& field, std::string& out);

    // Optional fields: `out` keeps its default when the key is absent or the
    // value is bad (and reported).
    template <typename T>
    void optionalUnsigned(const ConfigFieldMap& map, std::string_view key, std::uint64_t min,
                          std::uint64_t max, T& out);
    void optionalDuration(const ConfigFieldMap& map, std::string_view key,
                          std::chrono::milliseconds& out, bool zeroAllowed = false);
    void optionalBool(const ConfigFieldMap& map, std::string_view key, bool& out);

    static QString describe(const YAML::Node& node); // "a sequence", "'abc'", "null"...
    static QString fromStd(std::string_view text);

private:
    struct Problem {
        int line; // 0-based; -1 when unknown
        int column;
        QString text;
        QString place; // "source:line:column: path", the text before the message
        QString path;
        DomainMessage message;
    };

    QString m_source;
    std::vector<Problem> m_problems;
    int m_unreported = 0;
};

// The entries of one mapping, checked against a list of known keys when built:
// typos must not pass silently.
class ConfigFieldMap {
public:
    ConfigFieldMap(ConfigReader& reader, const ConfigField& map, ConfigReader::Keys known);

    std::optional<ConfigField> get(std::string_view key) const;
    // Reports "missing required field" at the mapping when absent.
    std::optional<ConfigField> require(std::string_view key) const;

private:
    ConfigReader* m_reader;
    ConfigField m_map;
    std::vector<std::pair<std::string, ConfigField>> m_entries;
};

template <typename T>
void ConfigReader::optionalUnsigned(const ConfigFieldMap& map, std::string_view key,
                                    std::uint64_t min, std::uint64_t max, T& out)
{
    std::uint64_t value = 0;
    if (const auto field = map.get(key); field && readUnsigned(*field, min, max, value))
        out = static_cast<T>(value);
}

} // namespace gatehouse::app
