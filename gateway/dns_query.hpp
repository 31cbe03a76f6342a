// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/asio/ip/address.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::gateway {

// A name server to ask instead of those of /etc/resolv.conf (an IPv4
// address and a UDP port).
struct dns_server {
    std::string address;
    std::uint16_t port = 53;
};

// What DNS said about the addresses of a host.
struct dns_answer {
    std::vector<boost::asio::ip::address> addresses; // A records, then AAAA
    // The smallest TTL of the A/AAAA records in `addresses`.
    std::optional<std::chrono::seconds> ttl;
    std::string error; // why `addresses` is empty
    // The name does not exist, or has no A/AAAA records (an answer, as
    // opposed to a server failure, no reply or a malformed reply).
    bool not_found = false;
};

// Asks DNS for the A and AAAA records of `host` with glibc's resolver
// (res_nsearch on a res_state of its own, so any thread may call it), and
// reads the answers' TTLs. Blocks for as long as the name servers take.
// With `server`, only that one is asked, once with a short timeout, and
// resolv.conf's search list is not applied.
dns_answer query_dns(const std::string& host, const std::optional<dns_server>& server);

// The addresses a hosts file lists for `host` (all lines naming it, in file
// order, no duplicates), as glibc's "files" source reads them; none when it
// does not name the host.
std::vector<boost::asio::ip::address> hosts_file_addresses(const std::string& host,
                                                           const std::string& path = "/etc/hosts");

} // namespace gatehouse::gateway
