// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cache_config_reader.h"

#include "app/config_value_parsers.h"
#include "app/domain/domain_messages.h"

#include <algorithm>

namespace gatehouse::app {

namespace {

using std::chrono::seconds;

// Freshness is counted in whole seconds (RFC 9111 delta-seconds); a year
// bounds what a TTL can sensibly mean.
constexpr seconds MaxTtl = std::chrono::hours(24 * 365);

bool readSeconds(ConfigReader& reader, const ConfigField& field, seconds& out)
{
    if (!field.node.IsScalar()) {
        reader.fail(
            field, DomainMessage(msg::CacheExpectedDuration, {ConfigReader::describe(field.node)}));
        return false;
    }
    std::chrono::milliseconds value{};
    QString why;
    if (!config::parseDuration(ConfigReader::fromStd(field.node.Scalar()), &value, &why)) {
        reader.fail(field, why);
        return false;
    }
    if (value.count() % 1000 != 0) {
        reader.fail(field,
                    DomainMessage(msg::CacheNotWholeSeconds, {config::formatDuration(value)}));
        return false;
    }
    if (value.count() <= 0 || value > MaxTtl) {
        reader.fail(field,
                    DomainMessage(msg::CacheDurationRange,
                                  {config::formatDuration(value), config::formatDuration(MaxTtl)}));
        return false;
    }
    out = std::chrono::duration_cast<seconds>(value);
    return true;
}

void readStatuses(ConfigReader& reader, const ConfigField& field, std::vector<unsigned>& out)
{
    if (!reader.isSequence(field))
        return;
    if (field.node.size() == 0) {
        reader.fail(field, DomainMessage(msg::CacheStatusesEmpty));
        return;
    }
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField statusField = field.item(item, index++);
        std::uint64_t status = 0;
        if (!reader.readUnsigned(statusField, 200, 599, status))
            continue;
        if (status == 206 || status == 304)
            reader.fail(statusField, DomainMessage(msg::CacheStatusNotStorable,
                                                   {DomainMessage::number(qint64(status))}));
        else if (std::find(out.begin(), out.end(), status) != out.end())
            reader.fail(statusField, DomainMessage(msg::CacheDuplicateStatus,
                                                   {DomainMessage::number(qint64(status))}));
        else
            out.push_back(static_cast<unsigned>(status));
    }
}

void readQueryParams(ConfigReader& reader, const ConfigField& field, std::vector<std::string>& out)
{
    if (!reader.isSequence(field))
        return;
    std::size_t index = 0;
    for (const auto& item : field.node) {
        const ConfigField nameField = field.item(item, index++);
        std::string name;
        if (!reader.readString(nameField, name))
            continue;
        const auto star = name.find('*');
        if (name.empty() || name == "*")
            reader.fail(nameField, DomainMessage(msg::CacheParameterMissing));
        else if (star != std::string::npos && star != name.size() - 1)
            reader.fail(nameField,
                        DomainMessage(msg::CacheWildcardNotAtEnd, {ConfigReader::fromStd(name)}));
        else if (name.find_first_of("&=# ") != std::string::npos)
            reader.fail(nameField,
                        DomainMessage(msg::CacheNotAParameterName, {ConfigReader::fromStd(name)}));
        else
            out.push_back(std::move(name));
    }
}

} // namespace

void readRouteCache(ConfigReader& reader, const ConfigField& field,
                    gateway::cache::cache_policy& policy)
{
    const auto fields = reader.mapping(
        field, {"enabled", "default_ttl", "max_ttl", "override_upstream", "statuses",
                "max_object_size", "ignore_query_params", "cache_post", "private_per_consumer",
                "strip_set_cookie", "stale_while_revalidate", "stale_if_error"});
    if (!fields)
        return;
    policy.enabled = true;
    reader.optionalBool(*fields, "enabled", policy.enabled);
    const auto defaultTtl = fields->get("default_ttl");
    if (defaultTtl)
        readSeconds(reader, *defaultTtl, policy.default_ttl);
    if (const auto maxTtl = fields->get("max_ttl");
        maxTtl && readSeconds(reader, *maxTtl, policy.max_ttl) && defaultTtl &&
        policy.default_ttl > policy.max_ttl)
        reader.fail(*defaultTtl, DomainMessage(msg::CacheDefaultAboveMax));
    reader.optionalBool(*fields, "override_upstream", policy.override_upstream);
    if (policy.override_upstream && !defaultTtl)
        reader.fail(field, DomainMessage(msg::CacheOverrideNeedsDefault));
    if (const auto statuses = fields->get("statuses"))
        readStatuses(reader, *statuses, policy.cacheable_statuses);
    if (const auto size = fields->get("max_object_size")) {
        std::uint64_t bytes = 0;
        if (reader.readSize(*size, 1, 1024ull * 1024 * 1024, bytes))
            policy.max_object_bytes = static_cast<std::size_t>(bytes);
    }
    if (const auto params = fields->get("ignore_query_params"))
        readQueryParams(reader, *params, policy.ignored_query_params);
    reader.optionalBool(*fields, "cache_post", policy.cache_post_by_body_hash);
    reader.optionalBool(*fields, "private_per_consumer", policy.private_per_consumer);
    reader.optionalBool(*fields, "strip_set_cookie", policy.strip_set_cookie);
    seconds window{};
    if (const auto swr = fields->get("stale_while_revalidate");
        swr && readSeconds(reader, *swr, window))
        policy.stale_while_revalidate = window;
    if (const auto sie = fields->get("stale_if_error"); sie && readSeconds(reader, *sie, window))
        policy.stale_if_error = window;
}

gateway::cache::cache_policy readApiCachePolicyNode(ConfigReader& reader, const YAML::Node& node)
{
    gateway::cache::cache_policy policy;
    if (node.IsNull() || (node.IsMap() && node.size() == 0))
        return policy;
    // Paths are the keys themselves: "max_ttl", "statuses[1]".
    const ConfigField field{node, YAML::Mark::null_mark(), QString()};
    readRouteCache(reader, field, policy);
    return policy;
}

void readGatewayCache(ConfigReader& reader, const ConfigField& field,
                      gateway::gateway_options& options)
{
    const auto fields = reader.mapping(field, {"budget", "eviction"});
    if (!fields)
        return;
    if (const auto budget = fields->get("budget")) {
        std::uint64_t bytes = 0;
        // The store splits the budget into shards; below 64 KiB each
        // shard's share is smaller than a typical response.
        if (reader.readSize(*budget, 64 * 1024, 1ull << 40, bytes))
            options.cache_budget_bytes = static_cast<std::size_t>(bytes);
    }
    if (const auto eviction = fields->get("eviction")) {
        std::string text;
        if (reader.readString(*eviction, text)) {
            if (text == "lru")
                options.cache_eviction = gateway::cache::eviction_kind::lru;
            else if (text == "tiny_lfu")
                options.cache_eviction = gateway::cache::eviction_kind::tiny_lfu;
            else
                reader.fail(*eviction, DomainMessage(msg::CacheUnknownEviction,
                                                     {ConfigReader::fromStd(text)}));
        }
    }
}

} // namespace gatehouse::app
