// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace gatehouse::gateway {

// Writes a message head into a std::string through a plain cursor.
//
// Growing a std::string piece by piece costs a length check, a capacity
// check and a fill of the new bytes (resize) or a call per piece (append)
// for every field, and a proxied exchange writes some fifteen fields. Here
// the string is opened by a fixed room once (one fill), every piece is a
// bounds check and a copy, and the destructor cuts the string to what was
// written. The string's storage is reused from head to head, so it is
// reallocated only for an unusually large head; the room opened stays
// fixed, so one large head does not make every later one fill the whole
// storage it left behind.
//
// The writer appends to what `out` already holds. `out` must not be touched
// while the writer lives; it holds the head once the writer is gone.
class head_writer {
public:
    explicit head_writer(std::string& out)
        : out_(out)
    {
        const std::size_t used = out_.size();
        out_.resize(used + initial_room);
        p_ = out_.data() + used;
        end_ = out_.data() + out_.size();
    }
    ~head_writer() { out_.resize(static_cast<std::size_t>(p_ - out_.data())); }
    head_writer(const head_writer&) = delete;
    head_writer& operator=(const head_writer&) = delete;

    void append(std::string_view s)
    {
        reserve(s.size());
        copy(s);
    }
    void append(char c)
    {
        reserve(1);
        *p_++ = c;
    }
    // "Name: value\r\n"
    void field(std::string_view name, std::string_view value)
    {
        reserve(name.size() + value.size() + 4);
        // Through a local cursor: stores through p_ itself would make the
        // compiler reload it after every byte written (char aliases all).
        char* p = copy(p_, name);
        p[0] = ':';
        p[1] = ' ';
        p = copy(p + 2, value);
        p[0] = '\r';
        p[1] = '\n';
        p_ = p + 2;
    }

private:
    // resize() zero-fills the room before it is written over: 512 bytes
    // hold a forwarded API request or a relayed response head (200-400
    // bytes), and a browser's larger head grows once. 1024 cost 128 more
    // instructions per proxied request in the two fills.
    static constexpr std::size_t initial_room = 512;

    void reserve(std::size_t n)
    {
        if (n > static_cast<std::size_t>(end_ - p_)) [[unlikely]]
            grow(n);
    }
    [[gnu::noinline]] void grow(std::size_t n)
    {
        const auto used = static_cast<std::size_t>(p_ - out_.data());
        out_.resize(std::max(out_.size() * 2, used + n));
        p_ = out_.data() + used;
        end_ = out_.data() + out_.size();
    }
    void copy(std::string_view s) { p_ = copy(p_, s); }
    static char* copy(char* to, std::string_view s)
    {
        // memcpy with a null source is undefined, even for no bytes.
        if (!s.empty())
            std::memcpy(to, s.data(), s.size());
        return to + s.size();
    }

    std::string& out_;
    char* p_ = nullptr;
    char* end_ = nullptr;
};

} // namespace gatehouse::gateway
