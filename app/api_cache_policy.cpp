// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/api_cache_policy.h"

#include "app/cache_config_reader.h"
#include "app/config_reader.h"
#include "app/domain/domain_messages.h"

namespace gatehouse::app {

std::optional<gateway::cache::cache_policy> readApiCachePolicy(const QString& json, QString* error,
                                                               DomainMessage* message)
{
    const auto failed = [error, message](const DomainMessage& why) {
        *error = why.toString();
        if (message)
            *message = why;
        return std::nullopt;
    };
    // yaml-cpp reads JSON (YAML 1.2 flow style), so the declarative
    // configuration's reader checks the keys and values the same way.
    YAML::Node node;
    try {
        node = YAML::Load(json.toStdString());
    } catch (const YAML::Exception& e) {
        return failed({msg::CachePolicyUnreadable, {ConfigReader::fromStd(e.msg)}});
    }
    // Messages read "cachePolicy:1:13: max_ttl: invalid duration 'soon' ...".
    ConfigReader reader(QStringLiteral("cachePolicy"));
    auto policy = readApiCachePolicyNode(reader, node);
    if (reader.problemCount() > 0) {
        // One line, "; " between the problems, as report() has them.
        const QList<DomainMessage> problems = reader.reportMessages();
        DomainMessage all = problems.first();
        for (qsizetype i = 1; i < problems.size(); ++i)
            all = DomainMessage(msg::ProblemsJoined, {all, problems.at(i)});
        return failed(all);
    }
    return policy;
}

} // namespace gatehouse::app
