// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/dns_query.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

// After the Asio headers: <arpa/nameser.h> defines macros such as NOERROR.
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>

namespace gatehouse::gateway {

namespace {

// A res_state of our own: res_n* calls on it are thread-safe, unlike the
// global _res.
class resolver_state {
public:
    explicit resolver_state(const std::optional<dns_server>& server)
    {
        // Reads /etc/resolv.conf; on failure the state holds usable defaults.
        res_ninit(&state_);
        if (!server)
            return;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(server->port);
        if (inet_pton(AF_INET, server->address.c_str(), &address.sin_addr) != 1) {
            bad_server_ = "bad name server address '" + server->address + "'";
            return;
        }
        // glibc prefers nsaddr_list[n] over its own copy of an IPv6 server
        // once sin_family is set; the state no longer matches resolv.conf,
        // so it is used as it is.
        state_.nsaddr_list[0] = address;
        state_.nscount = 1;
        state_.options &= ~(RES_DNSRCH | RES_DEFNAMES);
        state_.dnsrch[0] = nullptr;
        state_.retrans = 2; // seconds
        state_.retry = 2;
    }
    ~resolver_state() { res_nclose(&state_); }
    resolver_state(const resolver_state&) = delete;
    resolver_state& operator=(const resolver_state&) = delete;

    res_state get() { return &state_; }
    const std::string& bad_server() const { return bad_server_; }

private:
    struct __res_state state_ {};
    std::string bad_server_;
};

struct typed_answer {
    std::vector<boost::asio::ip::address> addresses;
    std::optional<std::chrono::seconds> ttl;
    std::string error;
    bool not_found = false;
    bool malformed = false;
};

const char* type_name(ns_type type)
{
    return type == ns_t_a ? "A" : "AAAA";
}

// Why a query failed, from the answer's header when one came (res_nsearch
// leaves the last answer in the buffer) or from the resolver's h_errno.
void explain_failure(typed_answer& out, const std::vector<unsigned char>& buffer, int h_error)
{
    const bool answered = (buffer[2] & 0x80) != 0; // QR: a response
    // TC: the UDP answer did not fit; glibc asks again over TCP, and when
    // that fails too the UDP answer is what stays in the buffer.
    if (answered && (buffer[2] & 0x02) != 0) {
        out.error = "truncated DNS answer, and none over TCP";
        return;
    }
    if (answered) {
        switch (buffer[3] & 0x0f) {
        case ns_r_noerror:
            out.not_found = true;
            out.error = "no addresses";
            return;
        case ns_r_nxdomain:
            out.not_found = true;
            out.error = "Host not found (NXDOMAIN)";
            return;
        case ns_r_servfail:
            out.error = "the name server failed (SERVFAIL)";
            return;
        case ns_r_refused:
            out.error = "the name server refused the query (REFUSED)";
            return;
        default:
            out.error =
                "the name server answered with error code " + std::to_string(buffer[3] & 0x0f);
            return;
        }
    }
    switch (h_error) {
    case HOST_NOT_FOUND:
        out.not_found = true;
        out.error = "Host not found";
        return;
    case NO_DATA:
        out.not_found = true;
        out.error = "no addresses";
        return;
    case TRY_AGAIN:
        out.error = "no answer from the name server";
        return;
    default:
        out.error = "DNS lookup failed";
        return;
    }
}

typed_answer query_type(resolver_state& resolver, const std::string& host, ns_type type)
{
    typed_answer out;
    // Large enough for any answer over TCP, as a truncated UDP one is retried.
    std::vector<unsigned char> buffer(65536, 0);
    const int size = static_cast<int>(buffer.size());
    const int length =
        res_nsearch(resolver.get(), host.c_str(), ns_c_in, type, buffer.data(), size);
    if (length < 0) {
        explain_failure(out, buffer, resolver.get()->res_h_errno);
        return out;
    }
    const auto malformed = [&](const std::string& what) {
        out = {};
        out.malformed = true;
        out.error = "malformed DNS answer (" + std::string(type_name(type)) + "): " + what;
        return out;
    };
    if (length > size)
        return malformed("longer than " + std::to_string(size) + " bytes");
    ns_msg message;
    if (ns_initparse(buffer.data(), length, &message) < 0)
        return malformed("its " + std::to_string(length) + " bytes do not parse as a DNS message");
    const int count = ns_msg_count(message, ns_s_an);
    for (int i = 0; i < count; ++i) {
        ns_rr record;
        if (ns_parserr(&message, ns_s_an, i, &record) < 0)
            return malformed("answer record " + std::to_string(i + 1) + " of " +
                             std::to_string(count) + " does not parse");
        if (ns_rr_class(record) != ns_c_in || ns_rr_type(record) != type)
            continue; // a CNAME on the way, or what else a server adds
        const auto data = ns_rr_rdata(record);
        const auto bytes = ns_rr_rdlen(record);
        if (type == ns_t_a && bytes == 4) {
            boost::asio::ip::address_v4::bytes_type raw;
            std::copy(data, data + 4, raw.begin());
            out.addresses.emplace_back(boost::asio::ip::address_v4(raw));
        } else if (type == ns_t_aaaa && bytes == 16) {
            boost::asio::ip::address_v6::bytes_type raw;
            std::copy(data, data + 16, raw.begin());
            out.addresses.emplace_back(boost::asio::ip::address_v6(raw));
        } else {
            return malformed(std::string("a ") + type_name(type) + " record of " +
                             std::to_string(bytes) + " bytes");
        }
        const std::chrono::seconds ttl(ns_rr_ttl(record));
        out.ttl = out.ttl ? std::min(*out.ttl, ttl) : ttl;
    }
    if (out.addresses.empty()) {
        out.ttl.reset();
        out.not_found = true;
        out.error = "no addresses";
    }
    return out;
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

} // namespace

dns_answer query_dns(const std::string& host, const std::optional<dns_server>& server)
{
    dns_answer out;
    resolver_state resolver(server);
    if (!resolver.bad_server().empty()) {
        out.error = resolver.bad_server();
        return out;
    }
    const auto v4 = query_type(resolver, host, ns_t_a);
    // A name server that failed the A query would most likely fail (or time
    // out on) the AAAA one as well: do not wait for it twice.
    const bool ask_v6 = !v4.malformed && (v4.not_found || !v4.addresses.empty());
    const auto v6 = ask_v6 ? query_type(resolver, host, ns_t_aaaa) : typed_answer{};
    if (v4.malformed || v6.malformed) {
        out.error = v4.malformed ? v4.error : v6.error;
        return out;
    }
    for (const auto* part : {&v4, &v6}) {
        out.addresses.insert(out.addresses.end(), part->addresses.begin(), part->addresses.end());
        if (part->ttl)
            out.ttl = out.ttl ? std::min(*out.ttl, *part->ttl) : *part->ttl;
    }
    if (out.addresses.empty()) {
        // The A query's reason, unless it merely found none and AAAA says more.
        out.error =
            (v4.error == "no addresses" && ask_v6 && !v6.error.empty()) ? v6.error : v4.error;
        out.not_found = v4.not_found && (!ask_v6 || v6.not_found);
    }
    return out;
}

std::vector<boost::asio::ip::address> hosts_file_addresses(const std::string& host,
                                                           const std::string& path)
{
    std::vector<boost::asio::ip::address> out;
    std::ifstream file(path);
    const std::string wanted = lowercase(host);
    std::string line;
    while (std::getline(file, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos)
            line.erase(hash);
        std::istringstream fields(line);
        std::string text;
        if (!(fields >> text))
            continue;
        boost::system::error_code ec;
        const auto address = boost::asio::ip::make_address(text, ec);
        if (ec)
            continue;
        std::string name;
        while (fields >> name) {
            if (lowercase(name) == wanted) {
                if (std::find(out.begin(), out.end(), address) == out.end())
                    out.push_back(address);
                break;
            }
        }
    }
    return out;
}

} // namespace gatehouse::gateway
