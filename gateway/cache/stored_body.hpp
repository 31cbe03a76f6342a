// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gatehouse::gateway::cache {

// Which stored bodies live in files (sealed memfds), and how many may. A hit
// on such a body is handed to the socket with sendfile(2): the kernel takes
// the file's pages instead of a copy of the bytes, as nginx sends from its
// cache files. Each such body holds one file descriptor, so their number is
// bounded; bodies beyond the bound, or smaller than min_bytes (for which one
// copy costs less than the extra system calls), stay in memory.
struct body_file_limits {
    std::size_t min_bytes = 16 * 1024;
    // 0: a quarter of the process's descriptor limit (RLIMIT_NOFILE).
    std::size_t max_files = 0;
};

// The descriptors spent on stored bodies, against body_file_limits.
class body_file_budget {
public:
    explicit body_file_budget(body_file_limits l = {});
    body_file_budget(const body_file_budget&) = delete;
    body_file_budget& operator=(const body_file_budget&) = delete;

    std::size_t min_bytes() const noexcept { return min_bytes_; }
    std::size_t max_files() const noexcept { return max_files_; }
    std::size_t files_in_use() const noexcept { return in_use_.load(std::memory_order_relaxed); }

    // Claims one descriptor of the budget; false when all are in use.
    bool try_acquire() noexcept;
    void release() noexcept { in_use_.fetch_sub(1, std::memory_order_relaxed); }

private:
    std::size_t min_bytes_;
    std::size_t max_files_;
    std::atomic<std::size_t> in_use_{0};
};

// The body of a stored response: bytes in memory, or a sealed memfd mapped
// read-only. Either way view() gives the bytes; file() is the descriptor to
// sendfile from, or -1. Copies share the bytes (an entry freshened by a 304
// keeps its body without copying it) and are safe to read from any thread.
class stored_body {
public:
    stored_body() = default;
    stored_body(std::string bytes); // NOLINT: in memory
    stored_body(const char* bytes)  // NOLINT: in memory
        : stored_body(std::string(bytes))
    {
    }

    // The bytes in a sealed memfd when `files` allows one for their size and
    // has a descriptor to spare, else in memory. A failed memfd_create,
    // write or mmap also leaves them in memory: a file is only ever an
    // optimisation.
    static stored_body make(std::string bytes, const std::shared_ptr<body_file_budget>& files);

    std::string_view view() const noexcept { return view_; }
    std::size_t size() const noexcept { return view_.size(); }
    bool empty() const noexcept { return view_.empty(); }
    int file() const noexcept;

    bool operator==(std::string_view other) const noexcept { return view_ == other; }

private:
    struct storage;
    std::shared_ptr<const storage> storage_;
    std::string_view view_;
};

} // namespace gatehouse::gateway::cache
