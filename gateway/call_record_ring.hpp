// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/call_record.hpp"

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace gatehouse::gateway {

// A bounded single-producer, single-consumer ring of call records: the
// producer is one worker thread, the consumer the control plane's log writer.
// Pushing never blocks and never allocates: when the ring is full the record
// is dropped and counted, so a stalled writer can never slow traffic.
class call_record_ring {
public:
    enum class push_result { pushed, pushed_into_empty, dropped };

    explicit call_record_ring(std::size_t capacity); // rounded up to a power of two

    // Producer only. `pushed_into_empty` tells the producer to notify the
    // consumer (libtorrent's "notify on empty -> non-empty" contract).
    push_result push(const call_record& record) noexcept;

    // Consumer only: appends up to `max` records to `out`.
    std::size_t drain(std::vector<call_record>& out, std::size_t max);

    std::uint64_t dropped() const noexcept { return dropped_.load(std::memory_order_relaxed); }
    std::size_t capacity() const noexcept { return mask_ + 1; }

private:
    std::unique_ptr<call_record[]> slots_;
    std::size_t mask_;
    alignas(64) std::atomic<std::size_t> head_{0}; // next slot to read (consumer)
    alignas(64) std::atomic<std::size_t> tail_{0}; // next slot to write (producer)
    std::size_t cached_head_ = 0;                  // producer's view of head_
    alignas(64) std::atomic<std::uint64_t> dropped_{0};
};

} // namespace gatehouse::gateway
