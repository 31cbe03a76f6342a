// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/coalescer.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <bit>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace gatehouse::gateway::cache {

namespace asio = boost::asio;

namespace {

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);

// A waiter's timer is only ever touched on the waiter's own executor: the
// leader posts the wake-up there instead of touching it from its thread.
struct waiter {
    explicit waiter(const asio::any_io_executor& ex)
        : timer(ex)
    {
    }
    asio::steady_timer timer;
};

} // namespace

struct flight {
    coalescer* owner = nullptr;
    std::string key;
    std::uint64_t hash = 0;
    std::mutex mutex;
    bool done = false;
    wait_outcome outcome;
    std::vector<std::weak_ptr<waiter>> waiters;

    // Registers a waiter unless the flight is over; returns whether it did.
    bool enlist(const std::shared_ptr<waiter>& w)
    {
        std::lock_guard lock(mutex);
        if (done)
            return false;
        waiters.push_back(w);
        return true;
    }
    wait_outcome result()
    {
        std::lock_guard lock(mutex);
        return done ? outcome : wait_outcome{wait_status::timeout, nullptr};
    }
};

struct coalescer::shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<flight>> flights;
};

coalescer::coalescer(unsigned shards)
{
    const unsigned n = std::bit_ceil(std::max(1u, shards));
    shards_ = std::make_unique<shard[]>(n);
    mask_ = n - 1;
}

coalescer::~coalescer() = default;

flight_ticket coalescer::join(const cache_key& key)
{
    flight_ticket ticket;
    shard& s = shards_[(key.hash >> 40) & mask_];
    std::lock_guard lock(s.mutex);
    auto [it, inserted] = s.flights.try_emplace(key.primary);
    if (inserted) {
        it->second = std::make_shared<flight>();
        it->second->owner = this;
        it->second->key = key.primary;
        it->second->hash = key.hash;
        ticket.leader_ = true;
    }
    ticket.flight_ = it->second;
    return ticket;
}

void coalescer::forget(flight& f)
{
    shard& s = shards_[(f.hash >> 40) & mask_];
    std::lock_guard lock(s.mutex);
    const auto it = s.flights.find(f.key);
    if (it != s.flights.end() && it->second.get() == &f)
        s.flights.erase(it);
}

std::size_t coalescer::in_flight() const
{
    std::size_t n = 0;
    for (std::size_t i = 0; i <= mask_; ++i) {
        std::lock_guard lock(shards_[i].mutex);
        n += shards_[i].flights.size();
    }
    return n;
}

flight_ticket& flight_ticket::operator=(flight_ticket&& other) noexcept
{
    if (this != &other) {
        if (leader_ && flight_)
            finish(wait_status::abandoned, nullptr);
        flight_ = std::move(other.flight_);
        leader_ = other.leader_;
        other.leader_ = false;
    }
    return *this;
}

flight_ticket::~flight_ticket()
{
    if (leader_ && flight_)
        finish(wait_status::abandoned, nullptr);
}

void flight_ticket::publish(std::shared_ptr<const cached_response> entry)
{
    // The status first: argument evaluation order is unspecified, and the
    // parameter may be moved-from before `entry ?` is read.
    const wait_status status = entry ? wait_status::stored : wait_status::uncacheable;
    finish(status, std::move(entry));
}

void flight_ticket::release_uncacheable()
{
    finish(wait_status::uncacheable, nullptr);
}

void flight_ticket::abandon()
{
    finish(wait_status::abandoned, nullptr);
}

void flight_ticket::finish(wait_status status, std::shared_ptr<const cached_response> entry)
{
    if (!leader_ || !flight_)
        return;
    leader_ = false;
    // Out of the table first: a request arriving from now on finds the
    // store (or becomes the next leader) instead of joining a finished flight.
    flight_->owner->forget(*flight_);
    std::vector<std::weak_ptr<waiter>> waiters;
    {
        std::lock_guard lock(flight_->mutex);
        flight_->done = true;
        flight_->outcome = {status, std::move(entry)};
        waiters.swap(flight_->waiters);
    }
    for (auto& weak : waiters) {
        if (auto w = weak.lock()) {
            auto ex = w->timer.get_executor();
            // expires_at(min) rather than cancel(): it also wakes a wait that
            // has not started yet, so there is no lost-wake-up window.
            asio::post(ex, [w = std::move(w)] {
                w->timer.expires_at(asio::steady_timer::time_point::min());
            });
        }
    }
    flight_.reset();
}

worker_task<wait_outcome> flight_ticket::wait(std::chrono::steady_clock::duration timeout)
{
    std::shared_ptr<flight> f = flight_;
    if (!f || leader_)
        co_return wait_outcome{wait_status::abandoned, nullptr};
    const asio::any_io_executor ex = co_await asio::this_coro::executor;
    auto w = std::make_shared<waiter>(ex);
    w->timer.expires_after(timeout);
    if (f->enlist(w)) {
        // Named, not a temporary in the co_await (GCC 12 double destruction).
        auto wait_op = w->timer.async_wait(worker_nothrow);
        co_await std::move(wait_op);
    }
    co_return f->result();
}

void flight_ticket::wait(asio::any_io_executor executor,
                         std::chrono::steady_clock::duration timeout,
                         std::function<void(wait_outcome)> done)
{
    std::shared_ptr<flight> f = flight_;
    if (!f || leader_) {
        asio::post(executor, [done = std::move(done)] { done({wait_status::abandoned, nullptr}); });
        return;
    }
    // Enlist and start the wait on the waiter's executor, so the timer is
    // only ever used from there.
    asio::dispatch(
        executor, [executor, timeout, f = std::move(f), done = std::move(done)]() mutable {
            auto w = std::make_shared<waiter>(executor);
            w->timer.expires_after(timeout);
            if (!f->enlist(w)) {
                done(f->result());
                return;
            }
            w->timer.async_wait([w, f = std::move(f), done = std::move(done)](
                                    const boost::system::error_code&) { done(f->result()); });
        });
}

} // namespace gatehouse::gateway::cache
