// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/router.hpp"

#include "gateway/final_recipient.hpp"
#include "gateway/http_util.hpp"

#include <algorithm>

namespace gatehouse::gateway {

namespace {

// Splits off the next segment of an absolute path; `rest` starts at a '/'.
std::string_view next_segment(std::string_view& rest)
{
    rest.remove_prefix(1);
    const auto end = rest.find('/');
    std::string_view segment = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    return segment;
}

bool lists_method(std::string_view allow, std::string_view method)
{
    while (!allow.empty()) {
        const auto comma = allow.find(',');
        if (allow.substr(0, comma) == method)
            return true;
        allow = comma == std::string_view::npos ? std::string_view{} : allow.substr(comma + 2);
    }
    return false;
}

void add_allowed(std::string& allow, std::string_view method)
{
    if (lists_method(allow, method))
        return;
    if (!allow.empty())
        allow += ", ";
    allow += method;
}

} // namespace

std::optional<route_pattern> route_pattern::parse(std::string_view path, std::string* error)
{
    auto fail = [&](const char* why) -> std::optional<route_pattern> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (path.empty() || path.front() != '/')
        return fail("must start with '/'");
    route_pattern out;
    std::string_view rest = path;
    while (!rest.empty() && rest != "/") {
        std::string_view text = next_segment(rest);
        if (text.empty())
            return fail("has an empty segment");
        if (text == "." || text == "..")
            return fail("has a dot segment");
        if (text.find_first_of("?#") != std::string_view::npos)
            return fail("must not contain a query or fragment");
        segment s;
        if (text.front() == '{') {
            if (text.size() < 3 || text.back() != '}')
                return fail("has a malformed {parameter}");
            s.is_param = true;
            s.text = std::string(text.substr(1, text.size() - 2));
        } else {
            if (text.find_first_of("{}") != std::string_view::npos)
                return fail("has a malformed {parameter}");
            // In the form request paths take (normalize_path), or a route
            // written "/caf%c3%a9" or "/%61pi" would never match.
            if (!append_normalized_escapes(s.text, text))
                return fail("has a '%' without two hex digits after it");
            if (s.text == "." || s.text == "..")
                return fail("has a dot segment");
        }
        out.segments_.push_back(std::move(s));
    }
    return out;
}

std::string route_pattern::canonical(std::string_view path)
{
    auto pattern = parse(path);
    if (!pattern)
        return std::string(path);
    std::string out;
    for (const auto& s : pattern->segments_)
        out += s.is_param ? std::string("/{}") : "/" + s.text;
    return out.empty() ? "/" : out;
}

std::optional<std::size_t> route_pattern::match(std::string_view path, bool prefix) const
{
    std::string_view rest = path;
    for (const auto& s : segments_) {
        if (rest.empty() || rest == "/")
            return std::nullopt;
        std::string_view text = next_segment(rest);
        if (s.is_param ? text.empty() : text != s.text)
            return std::nullopt;
    }
    if (!prefix && !(rest.empty() || rest == "/"))
        return std::nullopt;
    return path.size() - rest.size();
}

router::router(const std::vector<route_config>& routes)
{
    for (std::size_t i = 0; i < routes.size(); ++i) {
        auto pattern = route_pattern::parse(routes[i].path);
        if (!pattern)
            continue; // validate() refuses such snapshots before they get here
        entry e{i, routes[i].host, std::move(*pattern), routes[i].match == path_match::prefix,
                routes[i].methods};
        std::transform(e.host.begin(), e.host.end(), e.host.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        names_hosts_ = names_hosts_ || !e.host.empty();
        entries_.push_back(std::move(e));
    }
    std::stable_sort(entries_.begin(), entries_.end(), [](const entry& a, const entry& b) {
        if (a.host.empty() != b.host.empty())
            return !a.host.empty();
        const auto& sa = a.pattern.segments();
        const auto& sb = b.pattern.segments();
        if (sa.size() != sb.size())
            return sa.size() > sb.size();
        for (std::size_t i = 0; i < sa.size(); ++i)
            if (sa[i].is_param != sb[i].is_param)
                return !sa[i].is_param;
        if (a.prefix != b.prefix)
            return !a.prefix;
        return !a.methods.empty() && b.methods.empty();
    });
}

route_match router::match(std::string_view host, std::string_view method,
                          std::string_view path) const
{
    route_match out;
    for (const auto& e : entries_) {
        if (!e.host.empty() && e.host != host)
            continue;
        const auto covered = e.pattern.match(path, e.prefix);
        if (!covered)
            continue;
        const bool method_ok =
            e.methods.empty() ? method != "TRACE" // see any_methods
                              : std::any_of(e.methods.begin(), e.methods.end(), [&](const auto& m) {
                                    return m == method || (method == "HEAD" && m == "GET");
                                });
        if (method_ok) {
            out.result = route_match::outcome::matched;
            out.route_index = e.index;
            out.matched_bytes = *covered;
            return out;
        }
        out.result = route_match::outcome::method_not_allowed;
        append_allowed_methods(e.methods, out.allow);
    }
    return out;
}

void append_allowed_methods(const std::vector<std::string>& methods, std::string& allow)
{
    if (methods.empty())
        for (const std::string_view m : any_methods)
            add_allowed(allow, m);
    for (const auto& m : methods) {
        add_allowed(allow, m);
        if (m == "GET") // answered too (RFC 9110 §9.3.2)
            add_allowed(allow, "HEAD");
    }
}

bool normalize_path(std::string_view path, std::string& out, bool merge_slashes)
{
    out.clear();
    if (path.empty() || path.front() != '/')
        return false;
    // "/%61dmin", "/public/%2e%2e/admin" and "//admin" are "/admin" to an
    // upstream that decodes, resolves and merges before it routes: the route
    // and its access rules must see them so too, or the spelling walks past
    // them.
    // Fast path, one pass: nothing to decode, resolve or merge.
    const char* p = path.data();
    const char* const end = p + path.size();
    for (; p != end; ++p) {
        if (*p == '/') {
            if (merge_slashes && p + 1 != end && p[1] == '/')
                break;
        } else if (*p == '%' || *p == '.') {
            break;
        }
    }
    if (p == end) {
        out.assign(path);
        return true;
    }
    std::string decoded; // only for a path with escapes
    if (path.find('%') != std::string_view::npos) {
        if (!append_normalized_escapes(decoded, path))
            return false;
        path = decoded;
    }
    std::string_view rest = path;
    while (!rest.empty()) {
        std::string_view segment = next_segment(rest);
        if (merge_slashes && segment.empty() && !rest.empty())
            continue; // "//" is "/", as nginx merges them (a trailing '/' stays)
        if (segment == ".") {
            if (rest.empty())
                out += '/';
        } else if (segment == "..") {
            const auto cut = out.rfind('/');
            out.resize(cut == std::string::npos ? 0 : cut);
            if (rest.empty())
                out += '/';
        } else {
            out += '/';
            out.append(segment);
        }
    }
    if (out.empty())
        out.push_back('/');
    return true;
}

} // namespace gatehouse::gateway
