// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/api_cache_policy.h"

#include "app/cache_config_reader.h"
#include "app/config_reader.h"

namespace gatehouse::app {

std::optional<gateway::cache::cache_policy> readApiCachePolicy(const QString& json, QString* error)
{
    // yaml-cpp reads JSON (YAML 1.2 flow style), so the declarative
    // configuration's reader checks the keys and values the same way.
    YAML::Node node;
    try {
        node = YAML::Load(json.toStdString());
    } catch (const YAML::Exception& e) {
        *error = QStringLiteral("cachePolicy: %1").arg(ConfigReader::fromStd(e.msg));
        return std::nullopt;
    }
    // Messages read "cachePolicy:1:13: max_ttl: invalid duration 'soon' ...".
    ConfigReader reader(QStringLiteral("cachePolicy"));
    auto policy = readApiCachePolicyNode(reader, node);
    if (reader.problemCount() > 0) {
        *error = reader.report().join(QStringLiteral("; "));
        return std::nullopt;
    }
    return policy;
}

} // namespace gatehouse::app
