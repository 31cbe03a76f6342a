// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_key.hpp"

#include "gateway/http_util.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace gatehouse::gateway::cache {

namespace {

std::uint64_t mix(std::uint64_t a, std::uint64_t b)
{
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

std::uint64_t read64(const unsigned char* p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

std::uint64_t read_tail(const unsigned char* p, std::size_t n) // n < 8
{
    std::uint64_t v = 0;
    std::memcpy(&v, p, n);
    return v;
}

constexpr std::uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                        k2 = 0x8ebc6af09c88c6e3ull, k3 = 0x589965cc75374cc3ull;

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view v)
{
    while (!v.empty() && is_ws(v.front()))
        v.remove_prefix(1);
    while (!v.empty() && is_ws(v.back()))
        v.remove_suffix(1);
    return v;
}

bool ignored_param(std::string_view name, const std::vector<std::string>& ignored)
{
    for (const auto& pattern : ignored) {
        if (!pattern.empty() && pattern.back() == '*') {
            if (name.starts_with(std::string_view(pattern).substr(0, pattern.size() - 1)))
                return true;
        } else if (name == pattern) {
            return true;
        }
    }
    return false;
}

// Feeds the normalised form of a field value to `out` one char at a time;
// shared by key building and allocation-free matching so they cannot disagree.
template <class Out>
void normalize_each(std::string_view v, Out&& out)
{
    v = trim(v);
    bool pending_space = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (is_ws(c)) {
            pending_space = true;
            continue;
        }
        if (c == ',') {
            pending_space = false; // drop whitespace before a comma
            out(c);
            while (i + 1 < v.size() && is_ws(v[i + 1]))
                ++i; // and after it
            continue;
        }
        if (pending_space)
            out(' ');
        pending_space = false;
        out(c);
    }
}

// Fields whose values compare case-insensitively (language tags, RFC 4647
// §2; content codings and charsets, RFC 9110 §8.4.1, §12.5.2): a variant
// stored for "en-US" also serves "en-us" (§4.1 allows such normalisation).
bool folds_case(std::string_view lowercase_name)
{
    return lowercase_name == "accept-language" || lowercase_name == "accept-encoding" ||
           lowercase_name == "accept-charset";
}

} // namespace

std::uint64_t hash64(std::string_view data, std::uint64_t seed)
{
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t n = data.size();
    std::uint64_t h = seed ^ mix(n ^ k0, k1);
    while (n >= 16) {
        h = mix(read64(p) ^ k0 ^ h, read64(p + 8) ^ k1);
        p += 16;
        n -= 16;
    }
    std::uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = read64(p);
        b = read_tail(p + 8, n - 8);
    } else {
        a = read_tail(p, n);
    }
    return mix(h ^ a ^ k2, b ^ k3 ^ data.size());
}

std::string body_digest(std::string_view body)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(body.data(), body.size(), md, &len, EVP_sha256(), nullptr) != 1)
        return {};
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(2 * len, '0');
    for (unsigned int i = 0; i < len; ++i) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    return out;
}

void append_normalized_host(std::string& out, std::string_view scheme, std::string_view host)
{
    const std::string_view default_port = scheme == "https" ? ":443" : ":80";
    if (host.size() > default_port.size() && host.back() != ']' && host.ends_with(default_port))
        host.remove_suffix(default_port.size());
    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    const std::size_t at = out.size();
    out.append(host);
    std::transform(out.begin() + static_cast<std::ptrdiff_t>(at), out.end(),
                   out.begin() + static_cast<std::ptrdiff_t>(at), lower);
}

void append_normalized_path(std::string& out, std::string_view path)
{
    if (path.empty()) {
        out.push_back('/');
        return;
    }
    // Most paths have no escapes: memchr finds that without a loop per char.
    // A path with a bad escape (never one the gateway routed) is kept as it is.
    if (!std::memchr(path.data(), '%', path.size()) || !append_normalized_escapes(out, path))
        out.append(path);
}

void append_normalized_query(std::string& out, std::string_view query,
                             const std::vector<std::string>& ignored)
{
    // A query's parameters, each with the length of its name. Queries rarely
    // have more than a handful, so they live on the stack; longer ones spill
    // into a vector. This runs for every cacheable request: no allocation.
    struct param {
        std::string_view text;
        std::size_t name_length;
    };
    constexpr std::size_t inline_params = 16;
    std::array<param, inline_params> inline_storage;
    std::vector<param> spilled;
    std::size_t count = 0;
    auto add = [&](param p) {
        if (count < inline_params) {
            inline_storage[count++] = p;
            return;
        }
        if (spilled.empty())
            spilled.assign(inline_storage.begin(), inline_storage.end());
        spilled.push_back(p);
        ++count;
    };
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view text = query.substr(0, amp);
        if (!text.empty()) {
            const std::size_t name_length = std::min(text.find('='), text.size());
            if (ignored.empty() || !ignored_param(text.substr(0, name_length), ignored))
                add({text, name_length});
        }
        if (amp == std::string_view::npos)
            break;
        query.remove_prefix(amp + 1);
    }
    param* const begin = spilled.empty() ? inline_storage.data() : spilled.data();
    param* const end = begin + count;
    // Stable by name: the values of a repeated name keep their order.
    const auto by_name = [](const param& a, const param& b) {
        return a.text.substr(0, a.name_length) < b.text.substr(0, b.name_length);
    };
    if (!std::is_sorted(begin, end, by_name)) {
        if (count <= inline_params) {
            for (param* i = begin + 1; i < end; ++i) // insertion sort: stable, no buffer
                for (param* j = i; j > begin && by_name(*j, *(j - 1)); --j)
                    std::swap(*j, *(j - 1));
        } else {
            std::stable_sort(begin, end, by_name);
        }
    }
    bool first = true;
    for (const param* p = begin; p != end; ++p) {
        if (!first)
            out.push_back('&');
        first = false;
        append_normalized_path(out, p->text); // the same escapes normalised
    }
}

std::string normalize_host(std::string_view scheme, std::string_view host)
{
    std::string out;
    append_normalized_host(out, scheme, host);
    return out;
}

std::string normalize_path(std::string_view path)
{
    std::string out;
    append_normalized_path(out, path);
    return out;
}

std::string normalize_query(std::string_view query, const std::vector<std::string>& ignored)
{
    std::string out;
    append_normalized_query(out, query, ignored);
    return out;
}

void make_cache_key(const key_parts& parts, const cache_policy& policy, cache_key& key)
{
    // '\n' cannot occur in a valid request target or Host, so it separates
    // the fields unambiguously. `key` keeps its storage from the last request.
    std::string& k = key.primary;
    k.clear();
    k.reserve(parts.scheme.size() + parts.host.size() + parts.path.size() + parts.query.size() +
              parts.body_hash.size() + 8);
    k.push_back(parts.method == method_class::post ? 'P' : 'G');
    k.push_back('\n');
    k.append(parts.scheme);
    k.push_back('\n');
    append_normalized_host(k, parts.scheme, parts.host);
    k.push_back('\n');
    append_normalized_path(k, parts.path);
    k.push_back('\n');
    append_normalized_query(k, parts.query, policy.ignored_query_params);
    if (parts.method == method_class::post) {
        k.push_back('\n');
        k.append(parts.body_hash);
    }
    key.hash = hash64(k);
}

cache_key make_cache_key(const key_parts& parts, const cache_policy& policy)
{
    cache_key key;
    make_cache_key(parts, policy, key);
    return key;
}

std::string_view path_of_key(std::string_view primary)
{
    std::size_t pos = 0;
    for (int field = 0; field < 3; ++field) {
        pos = primary.find('\n', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    return primary.substr(pos, primary.find('\n', pos) - pos);
}

std::vector<std::string> parse_vary(std::string_view vary, bool* star)
{
    std::vector<std::string> names;
    if (star)
        *star = false;
    while (!vary.empty()) {
        const auto comma = vary.find(',');
        const std::string_view item = trim(vary.substr(0, comma));
        if (item == "*") {
            if (star)
                *star = true;
        } else if (!item.empty()) {
            std::string name;
            for (char c : item)
                name.push_back(lower(c));
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(std::move(name));
        }
        if (comma == std::string_view::npos)
            break;
        vary.remove_prefix(comma + 1);
    }
    return names;
}

std::string normalize_field_value(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    normalize_each(value, [&](char c) { out.push_back(c); });
    return out;
}

std::string make_secondary_key(const std::vector<std::string>& vary,
                               const header_lookup& request_headers)
{
    std::string key, scratch;
    for (const auto& name : vary) {
        key.append(name);
        if (const auto value = request_headers(name, scratch)) {
            key.push_back(':');
            const bool fold = folds_case(name);
            normalize_each(*value, [&](char c) { key.push_back(fold ? lower(c) : c); });
        } else {
            key.push_back('\0');
        }
        key.push_back('\n');
    }
    return key;
}

bool secondary_key_matches(std::string_view stored, const std::vector<std::string>& vary,
                           const header_lookup& request_headers)
{
    std::string scratch;
    for (const auto& name : vary) {
        if (!stored.starts_with(name))
            return false;
        stored.remove_prefix(name.size());
        const auto value = request_headers(name, scratch);
        if (stored.empty())
            return false;
        if (!value) {
            if (stored.front() != '\0')
                return false;
            stored.remove_prefix(1);
        } else {
            if (stored.front() != ':')
                return false;
            stored.remove_prefix(1);
            bool ok = true;
            std::size_t i = 0;
            const bool fold = folds_case(name);
            normalize_each(*value, [&](char c) {
                ok = ok && i < stored.size() && stored[i] == (fold ? lower(c) : c);
                ++i;
            });
            if (!ok)
                return false;
            stored.remove_prefix(i);
        }
        if (stored.empty() || stored.front() != '\n')
            return false;
        stored.remove_prefix(1);
    }
    return stored.empty();
}

std::optional<url_target> same_origin_target(std::string_view location, std::string_view scheme,
                                             std::string_view host, std::string_view request_path)
{
    location = trim(location);
    std::string_view rest = location;
    const auto colon = location.find("://");
    const bool absolute = colon != std::string_view::npos && location.find_first_of("/?#") > colon;
    if (absolute || location.starts_with("//")) {
        const std::string_view loc_scheme = absolute ? location.substr(0, colon) : scheme;
        std::string s(loc_scheme);
        std::transform(s.begin(), s.end(), s.begin(), lower);
        if (s != scheme)
            return std::nullopt;
        rest = location.substr(absolute ? colon + 3 : 2);
        const auto slash = rest.find_first_of("/?#");
        const std::string_view authority = rest.substr(0, slash);
        if (normalize_host(scheme, authority) != normalize_host(scheme, host))
            return std::nullopt;
        rest = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
    }
    rest = rest.substr(0, rest.find('#'));
    url_target t;
    const auto q = rest.find('?');
    t.path = std::string(rest.substr(0, q));
    if (q != std::string_view::npos)
        t.query = std::string(rest.substr(q + 1));
    if (t.path.empty()) {
        t.path = std::string(request_path);
    } else if (t.path.front() != '/') { // relative reference: resolve against the directory
        const auto dir = request_path.substr(0, request_path.rfind('/') + 1);
        t.path = std::string(dir.empty() ? std::string_view("/") : dir) + t.path;
    }
    return t;
}

} // namespace gatehouse::gateway::cache
