// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::test {

// A UDP name server on 127.0.0.1 (OS-chosen port) for one name, on a
// thread of its own: it answers A queries for the name as the test says
// (addresses with TTLs, or a failure, or a broken answer) and AAAA queries
// with "no such records"; any other name does not exist. It counts the A
// queries for the name and notes when they came.
class dns_responder {
public:
    enum class mode {
        answer,    // the addresses set by answer()
        nxdomain,  // the name does not exist
        servfail,  // the server fails
        cut_short, // two answer records announced, the second one cut off
        truncated, // the TC bit and no records (asks for TCP, which nobody serves)
    };
    struct record {
        std::string ipv4;
        std::uint32_t ttl = 0;
    };

    explicit dns_responder(std::string name)
        : name_(std::move(name))
    {
        socket_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (socket_ < 0 || ::bind(socket_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~dns_responder()
    {
        stop_ = true;
        if (thread_.joinable())
            thread_.join();
        if (socket_ >= 0)
            ::close(socket_);
    }
    dns_responder(const dns_responder&) = delete;
    dns_responder& operator=(const dns_responder&) = delete;

    std::uint16_t port() const { return port_; } // 0: could not bind

    void answer(std::vector<record> records)
    {
        std::lock_guard lock(mutex_);
        records_ = std::move(records);
        mode_ = mode::answer;
    }
    void fail(mode how)
    {
        std::lock_guard lock(mutex_);
        mode_ = how;
    }
    int queries() const
    {
        std::lock_guard lock(mutex_);
        return static_cast<int>(times_.size());
    }
    // When each A query for the name came, oldest first.
    std::vector<std::chrono::steady_clock::time_point> query_times() const
    {
        std::lock_guard lock(mutex_);
        return times_;
    }

private:
    void serve()
    {
        std::vector<unsigned char> query(4096);
        while (!stop_) {
            pollfd ready{socket_, POLLIN, 0};
            if (::poll(&ready, 1, 50) <= 0)
                continue;
            sockaddr_in from{};
            socklen_t from_length = sizeof from;
            const auto length = ::recvfrom(socket_, query.data(), query.size(), 0,
                                           reinterpret_cast<sockaddr*>(&from), &from_length);
            if (length < 12)
                continue;
            const auto reply = respond(query.data(), static_cast<std::size_t>(length));
            if (!reply.empty())
                ::sendto(socket_, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr*>(&from),
                         from_length);
        }
    }

    static void put16(std::vector<unsigned char>& out, unsigned value)
    {
        out.push_back(static_cast<unsigned char>(value >> 8));
        out.push_back(static_cast<unsigned char>(value));
    }

    std::vector<unsigned char> respond(const unsigned char* query, std::size_t length)
    {
        // The question: labels up to the root, then type and class.
        std::size_t at = 12;
        std::string name;
        while (at < length && query[at] != 0) {
            const std::size_t label = query[at];
            if (label > 63 || at + 1 + label > length)
                return {};
            if (!name.empty())
                name += '.';
            name.append(reinterpret_cast<const char*>(query + at + 1), label);
            at += 1 + label;
        }
        if (at + 5 > length)
            return {};
        const unsigned type = (query[at + 1] << 8) | query[at + 2];
        const std::size_t question_end = at + 5;

        std::lock_guard lock(mutex_);
        const bool ours = name == name_;
        if (ours && type == 1)
            times_.push_back(std::chrono::steady_clock::now());
        const mode how = ours ? mode_ : mode::nxdomain;
        unsigned rcode = 0;
        std::vector<record> answers;
        if (how == mode::nxdomain)
            rcode = 3;
        else if (how == mode::servfail)
            rcode = 2;
        else if (how == mode::answer && type == 1)
            answers = records_;

        std::vector<unsigned char> out(query, query + 2); // the query's id
        const bool truncated = how == mode::truncated && type == 1;
        // QR, the query's opcode and RD, TC when asked to; RA and the rcode.
        out.push_back(static_cast<unsigned char>(0x80 | (query[2] & 0x79) | (truncated ? 2 : 0)));
        out.push_back(static_cast<unsigned char>(0x80 | rcode));
        const bool cut = how == mode::cut_short && type == 1;
        put16(out, 1);
        put16(out, cut ? 2 : static_cast<unsigned>(answers.size()));
        put16(out, 0);
        put16(out, 0);
        out.insert(out.end(), query + 12, query + question_end);
        const auto put_a = [&out](const record& r) {
            put16(out, 0xc00c); // the name: a pointer to the question's
            put16(out, 1);      // A
            put16(out, 1);      // IN
            put16(out, r.ttl >> 16);
            put16(out, r.ttl & 0xffff);
            put16(out, 4);
            in_addr address{};
            ::inet_pton(AF_INET, r.ipv4.c_str(), &address);
            const auto* bytes = reinterpret_cast<const unsigned char*>(&address.s_addr);
            out.insert(out.end(), bytes, bytes + 4);
        };
        for (const auto& r : answers)
            put_a(r);
        if (cut) {
            put_a({"127.0.0.1", 60});
            put_a({"127.0.0.1", 60});
            out.resize(out.size() - 7); // the second record ends inside its TTL
        }
        return out;
    }

    std::string name_;
    int socket_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    mutable std::mutex mutex_;
    mode mode_ = mode::answer;
    std::vector<record> records_;
    std::vector<std::chrono::steady_clock::time_point> times_;
};

} // namespace gatehouse::test
