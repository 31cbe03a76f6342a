// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/purge_history.hpp"

#include <algorithm>

namespace gatehouse::gateway::cache {

namespace {

// Beyond this many keys in one shard (a flood of invalidating requests),
// everything older than the newest purge is forgotten at once.
constexpr std::size_t max_remembered_keys = 16384; // about 1 MiB

} // namespace

void key_purge_history::note(std::uint64_t key_hash, std::uint64_t generation, steady_time at)
{
    purge& last = last_purge_[key_hash];
    last.generation = std::max(last.generation, generation);
    last.at = std::max(last.at, at);
    if (last_purge_.size() < prune_at_)
        return;
    forget_before(at - remembered_purges);
    if (last_purge_.size() >= max_remembered_keys) {
        for (const auto& [hash, p] : last_purge_)
            forgotten_ = std::max(forgotten_, p.generation);
        last_purge_.clear();
    }
    // Amortised: the next pruning when the map has doubled again, and at
    // the latest at the limit.
    prune_at_ = std::clamp<std::size_t>(last_purge_.size() * 2, 4096, max_remembered_keys);
}

void key_purge_history::forget_before(steady_time cutoff)
{
    std::erase_if(last_purge_, [&](const auto& item) {
        if (item.second.at >= cutoff)
            return false;
        forgotten_ = std::max(forgotten_, item.second.generation);
        return true;
    });
}

bool key_purge_history::covers(std::uint64_t key_hash, std::uint64_t requested) const
{
    if (requested < forgotten_)
        return true;
    const auto it = last_purge_.find(key_hash);
    return it != last_purge_.end() && it->second.generation > requested;
}

void broad_purge_history::note(predicate removed, std::uint64_t generation, steady_time at)
{
    std::lock_guard lock(mutex_);
    const steady_time cutoff = at - remembered_purges;
    const auto old = std::find_if(recent_.begin(), recent_.end(),
                                  [&](const purge& p) { return p.at >= cutoff; });
    for (auto it = recent_.begin(); it != old; ++it)
        forgotten_ = std::max(forgotten_, it->generation);
    recent_.erase(recent_.begin(), old);
    recent_.push_back({generation, at, std::move(removed)});
    latest_.store(std::max(latest_.load(std::memory_order_relaxed), generation),
                  std::memory_order_release);
}

bool broad_purge_history::covers(const cached_response& entry) const
{
    const std::uint64_t requested = entry.purge_generation;
    if (latest_.load(std::memory_order_acquire) <= requested)
        return false; // no broad purge since it was requested: the common case
    std::lock_guard lock(mutex_);
    if (requested < forgotten_)
        return true;
    return std::any_of(recent_.begin(), recent_.end(), [&](const purge& p) {
        return p.generation > requested && p.removed(entry);
    });
}

} // namespace gatehouse::gateway::cache
