// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/call_record_ring.hpp"

#include <bit>

namespace gatehouse::gateway {

call_record_ring::call_record_ring(std::size_t capacity)
    : slots_(std::make_unique<call_record[]>(std::bit_ceil(std::max<std::size_t>(capacity, 2))))
    , mask_(std::bit_ceil(std::max<std::size_t>(capacity, 2)) - 1)
{
}

call_record_ring::push_result call_record_ring::push(const call_record& record) noexcept
{
    const std::size_t tail = tail_.load(std::memory_order_relaxed);
    if (tail - cached_head_ > mask_) {
        // Looks full from here: refresh the consumer's position once.
        cached_head_ = head_.load(std::memory_order_acquire);
        if (tail - cached_head_ > mask_) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return push_result::dropped;
        }
    }
    slots_[tail & mask_] = record;
    tail_.store(tail + 1, std::memory_order_release);
    // Emptiness is judged against the consumer's current position, so that a
    // consumer that drained everything is woken for the next record.
    const bool was_empty = head_.load(std::memory_order_acquire) == tail;
    return was_empty ? push_result::pushed_into_empty : push_result::pushed;
}

std::size_t call_record_ring::drain(std::vector<call_record>& out, std::size_t max)
{
    const std::size_t head = head_.load(std::memory_order_relaxed);
    const std::size_t tail = tail_.load(std::memory_order_acquire);
    const std::size_t n = std::min(tail - head, max);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(slots_[(head + i) & mask_]);
    head_.store(head + n, std::memory_order_release);
    return n;
}

} // namespace gatehouse::gateway
