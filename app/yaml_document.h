// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace gatehouse::app {

// The one document of a YAML (or JSON) stream, without YAML::LoadAll: in
// yaml-cpp 0.7 (Debian 12's) LoadAll never returns on some malformed input,
// such as a stray ',' after a value (`"a",`): the parser reports an empty
// document at that token without consuming it, forever, allocating as it
// goes (fixed upstream in 2024). The stream's documents are walked through
// the parser's events first, and a document that starts where the last one
// did is that token: a syntax error at its position (YAML::ParserException).
struct YamlDocument {
    YAML::Node root;                // of the first document; Null when there is none
    std::optional<YAML::Mark> next; // the root of a second, non-empty document
};

YamlDocument loadYamlDocument(const std::string& text);

} // namespace gatehouse::app
