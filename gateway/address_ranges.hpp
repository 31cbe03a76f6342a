// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// IP address ranges (CIDR blocks), and what the gateway believes of a peer
// in them: behind a load balancer or another proxy, the client's address
// and scheme are the ones that peer reports in X-Forwarded-For and
// X-Forwarded-Proto (nginx's set_real_ip_from, Kong's trusted_ips).

#include <boost/asio/ip/address.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

class address_ranges {
public:
    // "10.0.0.0/8", "192.0.2.7" (one address), "2001:db8::/32". False, with
    // the reason in `error`, when `spec` is none of these or has host bits
    // set past its prefix ("10.0.0.1/8": a typing slip more often than not).
    bool add(std::string_view spec, std::string* error = nullptr);

    bool empty() const { return ranges_.empty(); }
    // IPv4-mapped IPv6 addresses (a dual-stack listener's) count as IPv4.
    bool contains(const boost::asio::ip::address& address) const;

    // The same ranges, in the same order.
    bool operator==(const address_ranges&) const = default;

private:
    struct range {
        std::array<std::uint8_t, 16> bytes{};
        unsigned prefix = 0;
        bool v4 = false;
        bool operator==(const range&) const = default;
    };
    std::vector<range> ranges_;
};

// The client's address as trusted peers report it (nginx's real_ip with
// real_ip_recursive): X-Forwarded-For's members (`lines` in the order they
// came) are read from the right, each address in `trusted` skipped as
// another proxy; the first one that is not is the client. When every one is
// trusted, the leftmost; when a member is not an address, the one after it
// (the proxy that reported it). `peer` is the connection's address.
std::string_view forwarded_client(const address_ranges& trusted, std::string_view peer,
                                  const std::vector<std::string_view>& lines);

// The scheme a trusted peer reports in X-Forwarded-Proto ("http" or
// "https", its first list member), or "" when it reports neither.
std::string_view forwarded_scheme(std::string_view value);

// The host a trusted peer reports in X-Forwarded-Host: its first list
// member (the host the first proxy was asked for), or "" when that is not
// a valid host[:port] (request_checks.hpp: valid_host_value).
std::string_view forwarded_host(std::string_view value);

} // namespace gatehouse::gateway
