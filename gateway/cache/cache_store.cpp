// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_store.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>

namespace gatehouse::gateway::cache {

namespace {

struct key_hasher {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return hash64(s, 0x51); }
};

// The store remembers its latest events, spread over its shards.
constexpr std::size_t events_kept = 1024;
constexpr std::size_t event_key_chars = 120;

} // namespace

struct cache_store::shard {
    mutable std::mutex mutex;
    // Variants of one URL, oldest first. Declared before `policy` so the
    // policy's lists are cleared before the nodes they link are destroyed.
    std::unordered_map<std::string, std::vector<std::unique_ptr<store_node>>, key_hasher,
                       std::equal_to<>>
        groups;
    std::unique_ptr<eviction_policy> policy;
    std::size_t bytes = 0;
    std::size_t budget = 0;
    std::vector<cache_event> events; // a ring, sized when the store is made
    std::size_t event_count = 0;
    key_purge_history purges; // of this shard's keys

    // Unlinks one node; the entry is moved to `graveyard` to be released
    // outside the lock.
    void erase(store_node& n, cache_stats& total,
               std::vector<std::shared_ptr<const cached_response>>& graveyard,
               cache_event::kind why)
    {
        auto group = groups.find(std::string_view(n.entry->primary_key));
        policy->on_erase(n);
        bytes -= n.charge;
        total.add_object(-1, -static_cast<std::int64_t>(n.charge));
        if (n.api_stats)
            n.api_stats->add_object(-1, -static_cast<std::int64_t>(n.charge));
        note(why, *n.entry, n.charge);
        graveyard.push_back(std::move(n.entry));
        auto& variants = group->second;
        variants.erase(std::find_if(variants.begin(), variants.end(),
                                    [&](const auto& p) { return p.get() == &n; }));
        if (variants.empty())
            groups.erase(group);
    }

    void note(cache_event::kind what, const cached_response& e, std::size_t charge)
    {
        // Copying into an existing slot reuses its capacity: after warm-up
        // this allocates nothing.
        auto& slot = events[event_count++ % events.size()];
        slot.what = what;
        slot.at = std::chrono::system_clock::now();
        slot.bytes = static_cast<std::uint32_t>(std::min<std::size_t>(charge, UINT32_MAX));
        const auto path = path_of_key(e.primary_key);
        slot.key.assign(path.substr(0, event_key_chars));
    }
};

cache_store::cache_store(store_options options)
    : options_(options)
    , files_(std::make_shared<cache::body_file_budget>(options.files))
{
    // Each shard keeps its share of the budget, and an object larger than a
    // share cannot be stored: fewer shards for a small budget, so that a
    // share stays large enough for what routes commonly store (a 4 MiB
    // budget split 16 ways would store nothing over 256 KiB).
    const std::size_t shares = std::max<std::size_t>(1, options_.budget_bytes / min_shard_bytes);
    const unsigned n = static_cast<unsigned>(std::min<std::size_t>(
        std::bit_ceil(std::max(1u, options_.shards)), std::bit_floor(shares)));
    shards_ = std::make_unique<shard[]>(n);
    shard_mask_ = n - 1;
    const std::size_t per_shard = options_.budget_bytes / n;
    const std::size_t expected =
        per_shard / std::max<std::size_t>(options_.expected_object_bytes, 1) + 1;
    for (unsigned i = 0; i < n; ++i) {
        shards_[i].events.resize(events_kept / n);
        shards_[i].budget = per_shard;
        shards_[i].policy = make_eviction_policy(options_.policy, per_shard, expected);
    }
    max_object_ = std::min(options_.max_object_bytes, per_shard);
}

cache_store::~cache_store() = default;

cache_store::shard& cache_store::shard_for(std::uint64_t hash) const
{
    // The top bits pick the shard; the map uses its own hash of the key.
    return shards_[(hash >> 40) & shard_mask_];
}

std::shared_ptr<const cached_response> cache_store::lookup(const cache_key& key,
                                                           std::string_view consumer,
                                                           const header_lookup& request_headers)
{
    shard& s = shard_for(key.hash);
    std::lock_guard lock(s.mutex);
    s.policy->record_access(key.hash);
    const auto group = s.groups.find(std::string_view(key.primary));
    if (group == s.groups.end())
        return nullptr;
    auto& variants = group->second;
    // Newest first: when Vary changed between responses, the latest wins (§4.1).
    for (auto it = variants.rbegin(); it != variants.rend(); ++it) {
        store_node& n = **it;
        if (!entry_selected_by(*n.entry, consumer, request_headers))
            continue;
        s.policy->on_hit(n);
        return n.entry;
    }
    return nullptr;
}

insert_result cache_store::insert(std::shared_ptr<const cached_response> entry)
{
    if (!entry || entry->primary_key.empty())
        return insert_result::empty_key;
    if (entry->size_bytes > max_object_)
        return insert_result::too_large;
    // Everything that allocates happens before the lock.
    cache_stats* api = entry->api_id.empty() ? nullptr : stats_for(entry->api_id);
    auto node = std::make_unique<store_node>();
    node->hash = entry->key_hash;
    node->charge = entry->size_bytes;
    node->api_stats = api;
    node->entry = std::move(entry);
    const cached_response& e = *node->entry;
    std::string key = e.primary_key;
    std::vector<std::shared_ptr<const cached_response>> graveyard;
    graveyard.reserve(4);

    shard& s = shard_for(node->hash);
    insert_result result = insert_result::stored;
    {
        std::lock_guard lock(s.mutex);
        // Asked under the shard's lock, which every purge of this shard
        // takes after noting itself: a purge either is seen here, or runs
        // after this insert and removes the entry.
        if (s.purges.covers(e.key_hash, e.purge_generation) || broad_purges_.covers(e))
            return insert_result::superseded;
        // The new node goes in first, so removing the variant it replaces
        // never empties (and erases) the group we hold a reference to.
        auto& variants = s.groups[std::move(key)];
        store_node* replaced = nullptr;
        for (auto& v : variants)
            if (v->entry->consumer == e.consumer && v->entry->secondary_key == e.secondary_key)
                replaced = v.get();
        store_node& n = *node;
        variants.push_back(std::move(node));
        s.policy->on_insert(n);
        s.bytes += n.charge;
        total_.add_object(1, static_cast<std::int64_t>(n.charge));
        if (api)
            api->add_object(1, static_cast<std::int64_t>(n.charge));
        if (replaced) {
            s.erase(*replaced, total_, graveyard, cache_event::kind::replaced);
            result = insert_result::replaced;
        } else if (variants.size() > options_.max_variants) {
            s.erase(*variants.front(), total_, graveyard, cache_event::kind::evicted);
        }
        s.note(cache_event::kind::stored, e, n.charge);
        std::uint64_t evicted = 0;
        while (s.bytes > s.budget) {
            store_node* victim = s.policy->next_victim();
            if (!victim)
                break;
            if (victim->api_stats)
                victim->api_stats->add(cache_counter::evictions);
            s.erase(*victim, total_, graveyard, cache_event::kind::evicted);
            ++evicted;
        }
        if (evicted)
            total_.add(cache_counter::evictions, evicted);
    }
    count(api, cache_counter::stores);
    return result;
}

bool cache_store::superseded(const cached_response& probe) const
{
    shard& s = shard_for(probe.key_hash);
    {
        std::lock_guard lock(s.mutex);
        if (s.purges.covers(probe.key_hash, probe.purge_generation))
            return true;
    }
    return broad_purges_.covers(probe);
}

std::size_t cache_store::purge_if(broad_purge_history::predicate pred)
{
    // Noted before the sweep: see insert().
    broad_purges_.note(pred, next_purge_generation(), std::chrono::steady_clock::now());
    std::size_t removed = 0;
    for (std::size_t i = 0; i <= shard_mask_; ++i) {
        shard& s = shards_[i];
        std::vector<std::shared_ptr<const cached_response>> graveyard;
        {
            std::lock_guard lock(s.mutex);
            std::vector<store_node*> doomed;
            for (auto& [key, variants] : s.groups)
                for (auto& v : variants)
                    if (pred(*v->entry))
                        doomed.push_back(v.get());
            graveyard.reserve(doomed.size());
            for (store_node* n : doomed) {
                if (n->api_stats)
                    n->api_stats->add(cache_counter::purges);
                s.erase(*n, total_, graveyard, cache_event::kind::purged);
            }
        }
        removed += graveyard.size();
    }
    total_.add(cache_counter::purges, removed);
    return removed;
}

std::size_t cache_store::purge_key(std::string_view primary_key)
{
    const std::uint64_t hash = hash64(primary_key);
    shard& s = shard_for(hash);
    std::vector<std::shared_ptr<const cached_response>> graveyard;
    {
        std::lock_guard lock(s.mutex);
        // Noted even when nothing is stored: the response may be on its way.
        s.purges.note(hash, next_purge_generation(), std::chrono::steady_clock::now());
        const auto group = s.groups.find(primary_key);
        if (group == s.groups.end())
            return 0;
        std::vector<store_node*> doomed;
        for (auto& v : group->second)
            doomed.push_back(v.get());
        for (store_node* n : doomed) {
            if (n->api_stats)
                n->api_stats->add(cache_counter::purges);
            s.erase(*n, total_, graveyard, cache_event::kind::purged);
        }
    }
    total_.add(cache_counter::purges, graveyard.size());
    return graveyard.size();
}

std::size_t cache_store::purge_api(std::string_view api_id)
{
    return purge_if(
        [api = std::string(api_id)](const cached_response& e) { return e.api_id == api; });
}

std::size_t cache_store::purge_prefix(std::string_view path_prefix, std::string_view host)
{
    // The key is "G\nscheme\nhost\npath\nquery": compare the host field exactly.
    std::string wanted_host = host.empty() ? std::string() : normalize_host("http", host);
    return purge_if([path_prefix = std::string(path_prefix),
                     wanted_host = std::move(wanted_host)](const cached_response& e) {
        if (!e.path().starts_with(path_prefix))
            return false;
        if (wanted_host.empty())
            return true;
        std::string_view k = e.primary_key;
        k.remove_prefix(std::min(k.size(), k.find('\n') + 1));
        k.remove_prefix(std::min(k.size(), k.find('\n') + 1));
        return k.substr(0, k.find('\n')) == wanted_host;
    });
}

std::size_t cache_store::purge_tag(std::string_view tag)
{
    return purge_if([tag = std::string(tag)](const cached_response& e) {
        return std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end();
    });
}

std::size_t cache_store::flush()
{
    return purge_if([](const cached_response&) { return true; });
}

cache_stats* cache_store::stats_for(std::string_view api_id)
{
    std::lock_guard lock(stats_mutex_);
    auto it = api_stats_.find(api_id);
    if (it == api_stats_.end())
        it = api_stats_.emplace(std::string(api_id), std::make_unique<cache_stats>()).first;
    return it->second.get();
}

void cache_store::count(cache_stats* api, cache_counter what, std::uint64_t n)
{
    total_.add(what, n);
    if (api)
        api->add(what, n);
}

std::map<std::string, cache_stats_snapshot, std::less<>> cache_store::per_api() const
{
    std::map<std::string, cache_stats_snapshot, std::less<>> out;
    std::lock_guard lock(stats_mutex_);
    for (const auto& [id, stats] : api_stats_)
        out.emplace(id, stats->snapshot());
    return out;
}

std::vector<cache_event> cache_store::recent_events(std::size_t limit) const
{
    std::vector<cache_event> out;
    for (std::size_t i = 0; i <= shard_mask_; ++i) {
        const shard& s = shards_[i];
        std::lock_guard lock(s.mutex);
        const std::size_t n = std::min(s.event_count, s.events.size());
        for (std::size_t j = s.event_count - n; j < s.event_count; ++j)
            out.push_back(s.events[j % s.events.size()]);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const cache_event& a, const cache_event& b) { return a.at < b.at; });
    if (out.size() > limit)
        out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(limit));
    return out;
}

} // namespace gatehouse::gateway::cache
