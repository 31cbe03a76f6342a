// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/stored_body.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace gatehouse::gateway::cache {

namespace {

std::size_t default_max_files()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 1024;
    return static_cast<std::size_t>(limit.rlim_cur / 4);
}

} // namespace

body_file_budget::body_file_budget(body_file_limits l)
    : min_bytes_(std::max<std::size_t>(l.min_bytes, 1))
    , max_files_(l.max_files ? l.max_files : default_max_files())
{
}

bool body_file_budget::try_acquire() noexcept
{
    std::size_t used = in_use_.load(std::memory_order_relaxed);
    do {
        if (used >= max_files_)
            return false;
    } while (!in_use_.compare_exchange_weak(used, used + 1, std::memory_order_relaxed));
    return true;
}

struct stored_body::storage {
    std::string bytes;         // in memory
    int fd = -1;               // or a sealed memfd ...
    const char* map = nullptr; // ... mapped read-only
    std::size_t map_size = 0;
    std::shared_ptr<body_file_budget> files; // whose descriptor it holds

    storage() = default;
    storage(const storage&) = delete;
    storage& operator=(const storage&) = delete;
    ~storage()
    {
        if (map)
            ::munmap(const_cast<char*>(map), map_size);
        if (fd >= 0) {
            ::close(fd);
            files->release();
        }
    }
};

stored_body::stored_body(std::string bytes)
{
    auto s = std::make_shared<storage>();
    s->bytes = std::move(bytes);
    view_ = s->bytes;
    storage_ = std::move(s);
}

int stored_body::file() const noexcept
{
    return storage_ ? storage_->fd : -1;
}

namespace {

// Writes `bytes` into a new memfd and seals it against any change, so that
// what a hit sends can never differ from what was stored. -1 on failure.
int sealed_memfd(std::string_view bytes)
{
    const int fd = ::memfd_create("gatehouse-cache", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return -1;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            return -1;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

stored_body stored_body::make(std::string bytes, const std::shared_ptr<body_file_budget>& files)
{
    if (!files || bytes.size() < files->min_bytes() || !files->try_acquire())
        return stored_body(std::move(bytes));
    const int fd = sealed_memfd(bytes);
    void* map = fd < 0 ? MAP_FAILED : ::mmap(nullptr, bytes.size(), PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        if (fd >= 0)
            ::close(fd);
        files->release();
        return stored_body(std::move(bytes));
    }
    auto s = std::make_shared<storage>();
    s->fd = fd;
    s->map = static_cast<const char*>(map);
    s->map_size = bytes.size();
    s->files = files;
    stored_body body;
    body.view_ = std::string_view(s->map, s->map_size);
    body.storage_ = std::move(s);
    return body; // `bytes` is freed here: the file holds them now
}

} // namespace gatehouse::gateway::cache
