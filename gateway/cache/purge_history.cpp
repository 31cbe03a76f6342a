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

void key_purge_history::note(std::uint64_t key_hash, sys_time at)
{
    sys_time& last = last_purge_[key_hash];
    last = std::max(last, at);
    if (last_purge_.size() < prune_at_)
        return;
    forget_before(at - remembered_purges);
    if (last_purge_.size() >= max_remembered_keys) {
        for (const auto& [hash, when] : last_purge_)
            forgotten_ = std::max(forgotten_, when);
        last_purge_.clear();
    }
    // Amortised: the next pruning when the map has doubled again, and at
    // the latest at the limit.
    prune_at_ = std::clamp<std::size_t>(last_purge_.size() * 2, 4096, max_remembered_keys);
}

void key_purge_history::forget_before(sys_time cutoff)
{
    std::erase_if(last_purge_, [&](const auto& item) {
        if (item.second >= cutoff)
            return false;
        forgotten_ = std::max(forgotten_, item.second);
        return true;
    });
}

bool key_purge_history::covers(std::uint64_t key_hash, sys_time requested) const
{
    if (requested <= forgotten_)
        return true;
    const auto it = last_purge_.find(key_hash);
    return it != last_purge_.end() && it->second >= requested;
}

void broad_purge_history::note(predicate removed, sys_time at)
{
    std::lock_guard lock(mutex_);
    const sys_time cutoff = at - remembered_purges;
    while (!recent_.empty() && recent_.front().first < cutoff) {
        forgotten_ = std::max(forgotten_, recent_.front().first);
        recent_.erase(recent_.begin());
    }
    recent_.emplace_back(at, std::move(removed));
    latest_.store(std::max(latest_.load(std::memory_order_relaxed), at.time_since_epoch().count()),
                  std::memory_order_release);
}

bool broad_purge_history::covers(const cached_response& entry) const
{
    const sys_time requested = entry.request_time;
    if (latest_.load(std::memory_order_acquire) < requested.time_since_epoch().count())
        return false; // no broad purge since it was requested: the common case
    std::lock_guard lock(mutex_);
    if (requested <= forgotten_)
        return true;
    return std::any_of(recent_.begin(), recent_.end(), [&](const auto& purge) {
        return purge.first >= requested && purge.second(entry);
    });
}

} // namespace gatehouse::gateway::cache
