// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/eviction.hpp"

#include <algorithm>
#include <bit>

namespace gatehouse::gateway::cache {

namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

class lru_policy final : public eviction_policy {
public:
    void record_access(std::uint64_t) override {}
    void on_insert(store_node& n) override { list_.push_back(n); }
    void on_hit(store_node& n) override { list_.splice(list_.end(), list_, list_.iterator_to(n)); }
    void on_erase(store_node& n) override { list_.erase(list_.iterator_to(n)); }
    store_node* next_victim() override { return list_.empty() ? nullptr : &list_.front(); }
    ~lru_policy() override { list_.clear(); }

private:
    node_list list_;
};

// W-TinyLFU (Einziger, Friedman, Manes: "TinyLFU: A Highly Efficient Cache
// Admission Policy", 2017), sized in bytes: a small LRU window (1%) absorbs
// bursts; the main region is a segmented LRU (probation 20%, protected 80%).
// A window overflow stays in the main region only if the sketch says it is
// used more often than the main region's victim, so a one-off scan never
// flushes the frequently used objects -- which plain LRU does.
class tiny_lfu_policy final : public eviction_policy {
public:
    tiny_lfu_policy(std::size_t budget, std::size_t expected_entries)
        : sketch_(expected_entries)
        , window_max_(std::max<std::size_t>(budget / 100, 1))
        , protected_max_((budget - std::min(budget, window_max_)) * 8 / 10)
    {
    }
    ~tiny_lfu_policy() override
    {
        window_.clear();
        probation_.clear();
        protected_.clear();
    }

    void record_access(std::uint64_t hash) override { sketch_.increment(hash); }

    void on_insert(store_node& n) override
    {
        n.region = window;
        window_.push_back(n);
        window_bytes_ += n.charge;
        // The window stays small whether or not the shard is full: its
        // overflow moves to the tail of probation, where it is a candidate
        // for admission the next time the shard has to evict.
        while (window_bytes_ > window_max_ && window_.size() > 1) {
            store_node& moved = window_.front();
            window_.pop_front();
            window_bytes_ -= moved.charge;
            moved.region = probation;
            probation_.push_back(moved);
        }
    }

    void on_hit(store_node& n) override
    {
        switch (n.region) {
        case window:
            window_.splice(window_.end(), window_, window_.iterator_to(n));
            break;
        case probation:
            probation_.erase(probation_.iterator_to(n));
            n.region = protected_region;
            protected_.push_back(n);
            protected_bytes_ += n.charge;
            while (protected_bytes_ > protected_max_ && protected_.size() > 1) {
                store_node& demoted = protected_.front();
                protected_.pop_front();
                protected_bytes_ -= demoted.charge;
                demoted.region = probation;
                probation_.push_front(demoted); // demoted: next in line, not a candidate
            }
            break;
        default:
            protected_.splice(protected_.end(), protected_, protected_.iterator_to(n));
        }
    }

    void on_erase(store_node& n) override
    {
        switch (n.region) {
        case window:
            window_.erase(window_.iterator_to(n));
            window_bytes_ -= n.charge;
            break;
        case probation:
            probation_.erase(probation_.iterator_to(n));
            break;
        default:
            protected_.erase(protected_.iterator_to(n));
            protected_bytes_ -= n.charge;
        }
    }

    store_node* next_victim() override
    {
        // Admission (TinyLFU): the newest arrival in probation (the latest
        // window overflow) against the main region's least recently used
        // object; the less frequently used of the two goes. Ties go against
        // the candidate, so a scan of one-off keys cannot displace anything.
        store_node* candidate = probation_.empty() ? nullptr : &probation_.back();
        store_node* victim = probation_.size() > 1 ? &probation_.front()
                             : !protected_.empty() ? &protected_.front()
                                                   : nullptr;
        if (candidate && victim)
            return sketch_.estimate(candidate->hash) > sketch_.estimate(victim->hash) ? victim
                                                                                      : candidate;
        if (candidate)
            return candidate;
        if (victim)
            return victim;
        return window_.empty() ? nullptr : &window_.front();
    }

private:
    enum : std::uint8_t { window, probation, protected_region };

    frequency_sketch sketch_;
    node_list window_, probation_, protected_;
    std::size_t window_bytes_ = 0, protected_bytes_ = 0;
    std::size_t window_max_, protected_max_;
};

} // namespace

std::string_view to_string(eviction_kind k)
{
    return k == eviction_kind::lru ? "lru" : "w-tinylfu";
}

std::unique_ptr<eviction_policy> make_eviction_policy(eviction_kind kind, std::size_t budget_bytes,
                                                      std::size_t expected_entries)
{
    if (kind == eviction_kind::lru)
        return std::make_unique<lru_policy>();
    return std::make_unique<tiny_lfu_policy>(budget_bytes, expected_entries);
}

frequency_sketch::frequency_sketch(std::size_t expected_entries)
{
    // Four counters per expected entry: a sketch sized to the capacity alone
    // saturates under a scan many times larger than the cache, and then
    // admits scan keys on collisions. 16 bytes per entry is noise next to
    // the objects themselves.
    const std::size_t width = std::bit_ceil(std::max<std::size_t>(expected_entries * 4, 64));
    mask_ = width - 1;
    counters_.assign(4 * width, 0);
    doorkeeper_.assign(width / 64 * 2, 0); // 2 bits per expected entry
    sample_size_ = 10 * width;
}

std::size_t frequency_sketch::index(std::uint64_t hash, unsigned row) const
{
    return row * (mask_ + 1) + (splitmix(hash + row * 0x9e3779b97f4a7c15ull) & mask_);
}

void frequency_sketch::increment(std::uint64_t hash)
{
    // Doorkeeper first: an item seen once only sets two bits.
    const std::size_t bits = doorkeeper_.size() * 64;
    const std::uint64_t h = splitmix(hash ^ 0x5851f42d4c957f2dull);
    const std::size_t b1 = h % bits, b2 = (h >> 32) % bits;
    const bool known =
        (doorkeeper_[b1 / 64] >> (b1 % 64) & 1) && (doorkeeper_[b2 / 64] >> (b2 % 64) & 1);
    if (!known) {
        doorkeeper_[b1 / 64] |= 1ull << (b1 % 64);
        doorkeeper_[b2 / 64] |= 1ull << (b2 % 64);
    } else {
        for (unsigned row = 0; row < 4; ++row) {
            auto& c = counters_[index(hash, row)];
            if (c < 15)
                ++c;
        }
    }
    if (++additions_ >= sample_size_)
        age();
}

unsigned frequency_sketch::estimate(std::uint64_t hash) const
{
    unsigned m = 15;
    for (unsigned row = 0; row < 4; ++row)
        m = std::min<unsigned>(m, counters_[index(hash, row)]);
    const std::size_t bits = doorkeeper_.size() * 64;
    const std::uint64_t h = splitmix(hash ^ 0x5851f42d4c957f2dull);
    const std::size_t b1 = h % bits, b2 = (h >> 32) % bits;
    const bool known =
        (doorkeeper_[b1 / 64] >> (b1 % 64) & 1) && (doorkeeper_[b2 / 64] >> (b2 % 64) & 1);
    return m + (known ? 1 : 0);
}

void frequency_sketch::age()
{
    // Halving keeps the sketch tracking recent popularity (TinyLFU's reset).
    for (auto& c : counters_)
        c = static_cast<std::uint8_t>(c >> 1);
    std::fill(doorkeeper_.begin(), doorkeeper_.end(), 0);
    additions_ /= 2;
}

} // namespace gatehouse::gateway::cache
