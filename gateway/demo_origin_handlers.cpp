// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo_origin_handlers.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <span>
#include <utility>
#include <vector>

namespace gatehouse::gateway::demo {

namespace {

using std::chrono::sys_seconds;
using namespace std::string_view_literals;

constexpr int product_count = 200;
constexpr int default_page_size = 20;
constexpr int max_page_size = 100;
constexpr std::size_t max_search_results = 50;
constexpr std::uint64_t max_respond_size = 256ull * 1024 * 1024;
constexpr std::uint64_t max_stream_size = 1024ull * 1024 * 1024;
constexpr std::int64_t max_delay_ms = 120'000;
constexpr std::size_t echo_body_prefix = 1024;
// 2024-01-01T00:00:00Z: products were "last modified" within 300 days after it.
constexpr sys_seconds catalog_epoch{std::chrono::seconds{1'704'067'200}};

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL)
{
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

void append_int(std::string& out, std::int64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_hex(std::string& out, std::uint64_t v, int digits = 16)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        out += hex[(v >> (i * 4)) & 0xf];
}

// Fixed-point: 1234 with scale 100 -> "12.34", -5 with scale 10 -> "-0.5".
void append_fixed(std::string& out, std::int64_t v, int scale)
{
    if (v < 0) {
        out += '-';
        v = -v;
    }
    append_int(out, v / scale);
    out += '.';
    auto frac = std::to_string(v % scale + scale); // keeps leading zeros
    out.append(frac, 1);
}

// Invalid UTF-8 becomes U+FFFD so the JSON stays valid whatever the body holds.
std::size_t utf8_sequence(std::string_view s, std::size_t i)
{
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80)
            return 0;
    return n;
}

// The characters of a JSON string (without its quotes): runs that need no
// escaping are appended whole.
void append_json_chars(std::string& out, std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        static constexpr auto plain_char = [] {
            std::array<bool, 256> t{};
            for (int c = 0x20; c < 0x80; ++c)
                t[c] = c != '"' && c != '\\';
            return t;
        }();
        std::size_t plain = i;
        while (plain < s.size() && plain_char[static_cast<unsigned char>(s[plain])])
            ++plain;
        if (plain != i) {
            out.append(s.substr(i, plain - i));
            i = plain;
            if (i == s.size())
                break;
        }
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            out += "\\u00";
            append_hex(out, c, 2);
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (auto n = utf8_sequence(s, i)) {
            out.append(s.substr(i, n));
            i += n - 1;
        } else {
            out += "\\ufffd";
        }
    }
}

void append_json(std::string& out, std::string_view s)
{
    out += '"';
    append_json_chars(out, s);
    out += '"';
}

std::string quoted_etag(char kind, std::string_view key)
{
    std::string e = "\"";
    e += kind;
    e += '-';
    e.append(key);
    e += '"';
    return e;
}

std::string hash_etag(char kind, std::string_view body)
{
    std::string key;
    append_hex(key, fnv1a(body));
    return quoted_etag(kind, key);
}

constexpr std::array<const char*, 7> day_names{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string format_time(sys_seconds t, bool http)
{
    using namespace std::chrono;
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{t - day};
    char buf[64];
    int y = static_cast<int>(ymd.year());
    unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    int hh = static_cast<int>(hms.hours().count()), mm = static_cast<int>(hms.minutes().count());
    int ss = static_cast<int>(hms.seconds().count());
    if (http)
        std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d GMT",
                      day_names[weekday{day}.c_encoding()], d, month_names[m - 1].data(), y, hh, mm,
                      ss);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, hh, mm, ss);
    return buf;
}

// IMF-fixdate, RFC 850 and asctime (RFC 9110 section 5.6.7).
std::optional<sys_seconds> parse_http_date(std::string_view s)
{
    using namespace std::chrono;
    std::vector<std::string_view> tok;
    std::size_t i = 0;
    while (i < s.size() && tok.size() < 8) {
        auto j = s.find_first_of(" ,-", i);
        if (j == std::string_view::npos)
            j = s.size();
        if (j > i)
            tok.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    if (tok.size() < 5)
        return std::nullopt;
    auto num = [](std::string_view t, int& v) {
        auto r = std::from_chars(t.data(), t.data() + t.size(), v);
        return r.ec == std::errc{} && r.ptr == t.data() + t.size();
    };
    int d = 0, y = 0, hh = 0, mm = 0, ss = 0;
    std::string_view mon, clock;
    if (num(tok[1], d)) { // Sun, 06 Nov 1994 08:49:37 GMT / Sunday, 06-Nov-94 ...
        mon = tok[2];
        if (!num(tok[3], y))
            return std::nullopt;
        clock = tok[4];
    } else { // Sun Nov  6 08:49:37 1994
        mon = tok[1];
        if (!num(tok[2], d) || !num(tok[4], y))
            return std::nullopt;
        clock = tok[3];
    }
    if (y < 100)
        y += y < 70 ? 2000 : 1900;
    auto m = std::find(month_names.begin(), month_names.end(), mon) - month_names.begin();
    if (m == 12 || clock.size() != 8 || !num(clock.substr(0, 2), hh) ||
        !num(clock.substr(3, 2), mm) || !num(clock.substr(6, 2), ss) || hh > 23 || mm > 59 ||
        ss > 60)
        return std::nullopt;
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m + 1)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days{ymd} + hours{hh} + minutes{mm} + seconds{ss};
}

sys_seconds now_seconds()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// The Date header, formatted once per second per thread.
const std::string& cached_date()
{
    thread_local sys_seconds last{};
    thread_local std::string text;
    auto now = now_seconds();
    if (now != last || text.empty()) {
        last = now;
        text = format_time(now, true);
    }
    return text;
}

std::string url_decode(std::string_view s, bool plus_is_space)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        int hi = 0, lo = 0;
        auto hexval = [](char c) {
            return c >= '0' && c <= '9'   ? c - '0'
                   : c >= 'a' && c <= 'f' ? c - 'a' + 10
                   : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
        };
        if (s[i] == '%' && i + 2 < s.size() && (hi = hexval(s[i + 1])) >= 0 &&
            (lo = hexval(s[i + 2])) >= 0) {
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += plus_is_space && s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

struct query_params {
    std::vector<std::pair<std::string, std::string>> items;

    explicit query_params(std::string_view q)
    {
        while (!q.empty()) {
            auto amp = q.find('&');
            auto part = q.substr(0, amp);
            q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
            if (part.empty())
                continue;
            auto eq = part.find('=');
            items.emplace_back(url_decode(part.substr(0, eq), true),
                               eq == std::string_view::npos
                                   ? std::string{}
                                   : url_decode(part.substr(eq + 1), true));
        }
    }
    const std::string* get(std::string_view name) const
    {
        for (auto& [k, v] : items)
            if (k == name)
                return &v;
        return nullptr;
    }
    // Absent -> fallback; present but not an integer in [lo, hi] -> nullopt.
    std::optional<std::int64_t> number(std::string_view name, std::int64_t fallback,
                                       std::int64_t lo, std::int64_t hi) const
    {
        auto v = get(name);
        if (!v)
            return fallback;
        std::int64_t n = 0;
        auto r = std::from_chars(v->data(), v->data() + v->size(), n);
        if (r.ec != std::errc{} || r.ptr != v->data() + v->size() || n < lo || n > hi)
            return std::nullopt;
        return n;
    }
};

} // namespace

// ---------------------------------------------------------------------------
// The catalog

struct product {
    int id = 0;
    std::string_view category;
    sys_seconds updated{};
    std::string haystack; // lowercased name, category and description, for search
    std::string summary_json, detail_json, etag, last_modified;
};

struct list_page {
    std::string body, etag, last_modified;
};

namespace {

struct category_info {
    std::string_view name;
    std::array<std::string_view, 4> nouns;
};
constexpr std::array<category_info, 8> categories{{
    {"books", {"Notebook", "Atlas", "Cookbook", "Field Guide"}},
    {"electronics", {"Headphones", "Charger", "Speaker", "Keyboard"}},
    {"garden", {"Trowel", "Planter", "Hose", "Seed Kit"}},
    {"home", {"Lamp", "Blanket", "Clock", "Rug"}},
    {"kitchen", {"Kettle", "Skillet", "Knife Set", "Blender"}},
    {"outdoor", {"Tent", "Lantern", "Backpack", "Hammock"}},
    {"sports", {"Yoga Mat", "Dumbbell", "Racket", "Jump Rope"}},
    {"toys", {"Puzzle", "Kite", "Robot Kit", "Train Set"}},
}};
constexpr std::array<std::string_view, 12> adjectives{"Compact", "Classic", "Rugged",   "Smart",
                                                      "Eco",     "Deluxe",  "Portable", "Silent",
                                                      "Vintage", "Ultra",   "Solar",    "Nimble"};

} // namespace

class catalog {
public:
    explicit catalog(std::uint64_t seed);

    const product* find(std::string_view id) const
    {
        int n = 0;
        auto r = std::from_chars(id.data(), id.data() + id.size(), n);
        if (r.ec != std::errc{} || r.ptr != id.data() + id.size() || n < 1 || n > product_count)
            return nullptr;
        return &products_[static_cast<std::size_t>(n - 1)];
    }
    // 0 = all products, 1.. = categories[i - 1], -1 = unknown category.
    static int category_index(std::string_view name)
    {
        if (name.empty())
            return 0;
        for (std::size_t i = 0; i < categories.size(); ++i)
            if (categories[i].name == name)
                return static_cast<int>(i + 1);
        return -1;
    }
    list_page list(int category, int page, int limit) const;
    const list_page* cached_list(int category, int page, int limit) const
    {
        if (category < 0 || limit != default_page_size)
            return nullptr;
        auto& pages = pages_[static_cast<std::size_t>(category)];
        return page >= 1 && page <= static_cast<int>(pages.size())
                   ? &pages[static_cast<std::size_t>(page - 1)]
                   : nullptr;
    }
    std::vector<const product*> search(std::string_view lowered_query) const
    {
        std::vector<const product*> found;
        for (auto& p : products_)
            if (p.haystack.find(lowered_query) != std::string::npos)
                found.push_back(&p);
        return found;
    }
    sys_seconds newest() const { return newest_; }

private:
    std::vector<product> products_;
    std::array<std::vector<int>, categories.size() + 1> members_; // indexes per category
    std::array<std::vector<list_page>, categories.size() + 1> pages_;
    sys_seconds newest_{};
};

catalog::catalog(std::uint64_t seed)
{
    products_.resize(product_count);
    for (int id = 1; id <= product_count; ++id) {
        auto& p = products_[static_cast<std::size_t>(id - 1)];
        std::uint64_t s = seed ^ (static_cast<std::uint64_t>(id) * 0x2545f4914f6cdd1dULL);
        auto cat = splitmix64(s) % categories.size();
        auto adjective = adjectives[splitmix64(s) % adjectives.size()];
        auto noun = categories[cat].nouns[splitmix64(s) % 4];
        auto name = std::string(adjective) + " " + std::string(noun) + " " +
                    std::to_string(100 + splitmix64(s) % 900);
        auto price = static_cast<std::int64_t>(199 + splitmix64(s) % 49800);
        auto stock = splitmix64(s) % 7 == 0 ? 0 : static_cast<std::int64_t>(splitmix64(s) % 400);
        auto rating = static_cast<std::int64_t>(25 + splitmix64(s) % 26);
        auto reviews = static_cast<std::int64_t>(splitmix64(s) % 5000);
        p.id = id;
        p.category = categories[cat].name;
        p.updated = catalog_epoch + std::chrono::seconds{splitmix64(s) % (300 * 86400)};
        newest_ = std::max(newest_, p.updated);
        auto article =
            std::string_view("AEIOU").find(adjective[0]) == std::string_view::npos ? "A " : "An ";
        std::string description = article + std::string(adjective) + " " + std::string(noun) +
                                  " for everyday " + std::string(p.category) + " use. Rated ";
        append_fixed(description, rating, 10);
        description += "/5 by " + std::to_string(reviews) + " customers.";

        std::string common = "{\"id\":" + std::to_string(id) + ",\"name\":";
        append_json(common, name);
        common += ",\"category\":";
        append_json(common, p.category);
        common += ",\"price\":";
        append_fixed(common, price, 100);
        common += ",\"stock\":" + std::to_string(stock);
        p.summary_json = common + "}";
        p.detail_json = common + ",\"currency\":\"EUR\",\"rating\":";
        append_fixed(p.detail_json, rating, 10);
        p.detail_json += ",\"reviews\":" + std::to_string(reviews) + ",\"description\":";
        append_json(p.detail_json, description);
        p.detail_json += ",\"updated\":\"" + format_time(p.updated, false) + "\"}";
        p.etag = quoted_etag('p', std::to_string(id) + "-v1");
        p.last_modified = format_time(p.updated, true);
        p.haystack = name + " " + std::string(p.category) + " " + description;
        for (auto& c : p.haystack)
            c = ascii_lower(c);
        members_[0].push_back(id - 1);
        members_[cat + 1].push_back(id - 1);
    }
    for (std::size_t c = 0; c < members_.size(); ++c) {
        auto pages = (members_[c].size() + default_page_size - 1) / default_page_size;
        for (std::size_t page = 1; page <= pages; ++page)
            pages_[c].push_back(
                list(static_cast<int>(c), static_cast<int>(page), default_page_size));
    }
}

list_page catalog::list(int category, int page, int limit) const
{
    std::span<const int> members;
    if (category >= 0)
        members = members_[static_cast<std::size_t>(category)];
    auto total = static_cast<std::int64_t>(members.size());
    auto first = std::min<std::int64_t>(total, std::int64_t{page - 1} * limit);
    auto last = std::min<std::int64_t>(total, first + limit);
    list_page out;
    out.body = "{\"page\":" + std::to_string(page) + ",\"limit\":" + std::to_string(limit) +
               ",\"total\":" + std::to_string(total) +
               ",\"pages\":" + std::to_string((total + limit - 1) / limit) + ",\"category\":";
    if (category > 0)
        append_json(out.body, categories[static_cast<std::size_t>(category - 1)].name);
    else
        out.body += "null";
    out.body += ",\"items\":[";
    sys_seconds modified = first == last ? newest_ : sys_seconds{};
    for (auto i = first; i < last; ++i) {
        auto& p = products_[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])];
        if (i != first)
            out.body += ',';
        out.body += p.summary_json;
        modified = std::max(modified, p.updated);
    }
    out.body += "]}";
    out.etag = hash_etag('l', out.body);
    out.last_modified = format_time(modified, true);
    return out;
}

std::shared_ptr<const catalog> make_catalog(std::uint64_t seed)
{
    return std::make_shared<const catalog>(seed);
}

std::string_view pattern_bytes()
{
    static const std::string pattern = [] {
        std::string p;
        p.reserve(max_pattern_chunk + 16);
        while (p.size() < max_pattern_chunk + 16)
            p += "0123456789abcdef";
        return p;
    }();
    return pattern;
}

// ---------------------------------------------------------------------------
// Routes

namespace {

constexpr std::string_view json_type = "application/json";

struct call {
    const request& req;
    std::string_view path;
    std::string_view raw_query;
    const query_params& query;
    worker_state& worker;
    reply& out;
    response& res;
    std::string_view arg; // the variable path segment, if any
};

std::string_view problem_slug(http::status s)
{
    switch (s) {
    case http::status::bad_request:
        return "bad-request";
    case http::status::not_found:
        return "not-found";
    case http::status::method_not_allowed:
        return "method-not-allowed";
    case http::status::payload_too_large:
        return "content-too-large";
    case http::status::request_header_fields_too_large:
        return "header-fields-too-large";
    case http::status::internal_server_error:
        return "injected-error";
    default:
        return "error";
    }
}

void set_problem(response& res, http::status status, std::string_view detail)
{
    res.result(status);
    std::string body = "{\"type\":\"https://gatehouse.dev/problems/origin/";
    body += problem_slug(status);
    body += "\",\"title\":";
    append_json(body, http::obsolete_reason(status));
    body += ",\"status\":";
    append_int(body, static_cast<int>(status));
    body += ",\"detail\":";
    append_json(body, detail);
    body += '}';
    res.body() = std::move(body);
    res.set(http::field::content_type, "application/problem+json");
    res.set(http::field::cache_control, "no-store");
}

void set_json(response& res, std::string body, std::string_view cache_control)
{
    res.result(http::status::ok);
    res.body() = std::move(body);
    res.set(http::field::content_type, json_type);
    res.set(http::field::cache_control, cache_control);
}

void set_validators(response& res, std::string_view etag, std::string_view last_modified)
{
    res.set(http::field::etag, etag);
    res.set(http::field::last_modified, last_modified);
}

std::string lowercase(std::string_view s)
{
    std::string out(s);
    for (auto& ch : out)
        ch = ascii_lower(ch);
    return out;
}

void index(call& c)
{
    set_json(c.res,
             R"({"service":"gatehouse-demo-origin","endpoints":["/health","/products",)"
             R"("/products/{id}","/products/search?q=","/weather/{city}",)"
             R"("/weather/{city}/forecast","/account","/time","/random","/echo","/respond",)"
             R"("/stream","/ws/echo"]})",
             "public, max-age=3600");
}

void health(call& c)
{
    set_json(c.res, R"({"status":"ok"})", "no-store");
}

void products_list(call& c)
{
    auto page = c.query.number("page", 1, 1, 1'000'000);
    auto limit = c.query.number("limit", default_page_size, 1, max_page_size);
    if (!page || !limit)
        return set_problem(c.res, http::status::bad_request,
                           "page must be a positive integer and limit between 1 and 100");
    auto* name = c.query.get("category");
    int category = catalog::category_index(name ? std::string_view{*name} : std::string_view{});
    auto& products = *c.worker.products;
    list_page built;
    auto* listed =
        products.cached_list(category, static_cast<int>(*page), static_cast<int>(*limit));
    if (!listed) {
        built = products.list(category, static_cast<int>(*page), static_cast<int>(*limit));
        listed = &built;
    }
    set_json(c.res, listed->body, "public, max-age=30");
    set_validators(c.res, listed->etag, listed->last_modified);
}

void product_detail(call& c)
{
    auto* p = c.worker.products->find(c.arg);
    if (!p)
        return set_problem(c.res, http::status::not_found,
                           "no product with id '" + std::string(c.arg) + "'");
    set_json(c.res, p->detail_json, "public, max-age=300");
    set_validators(c.res, p->etag, p->last_modified);
}

void products_search(call& c)
{
    auto* q = c.query.get("q");
    if (!q || q->empty())
        return set_problem(c.res, http::status::bad_request, "query parameter 'q' is required");
    auto found = c.worker.products->search(lowercase(*q));
    std::string body = "{\"query\":";
    append_json(body, *q);
    body += ",\"total\":";
    append_int(body, static_cast<std::int64_t>(found.size()));
    body += ",\"items\":[";
    for (std::size_t i = 0; i < found.size() && i < max_search_results; ++i) {
        if (i != 0)
            body += ',';
        body += found[i]->summary_json;
    }
    body += "]}";
    auto etag = hash_etag('s', body);
    set_json(c.res, std::move(body), "public, max-age=10");
    c.res.set(http::field::etag, etag);
    c.res.set(http::field::vary, "Accept-Language");
    c.res.set(http::field::content_language, "en");
}

constexpr std::array<std::string_view, 8> conditions{
    "clear", "partly cloudy", "cloudy", "light rain", "rain", "thunderstorm", "snow", "fog"};

// Conditions are a pure function of (city, 10-minute bucket), forecasts of (city, day),
// so every client and every thread sees the same representation and ETag.
void weather(call& c, bool forecast)
{
    auto city = lowercase(url_decode(c.arg, false));
    std::replace(city.begin(), city.end(), ' ', '-');
    if (city.empty() || city.size() > 64 || !std::all_of(city.begin(), city.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        }))
        return set_problem(c.res, http::status::not_found, "unknown city");
    auto base = fnv1a(city);
    auto base_temp = static_cast<std::int64_t>(base % 350) - 50; // tenths of a degree
    auto now = now_seconds().time_since_epoch().count();
    std::string body = "{\"city\":";
    append_json(body, city);
    if (!forecast) {
        auto bucket = now / 600;
        std::uint64_t s = base ^ (static_cast<std::uint64_t>(bucket) * 0x9e3779b97f4a7c15ULL);
        sys_seconds observed{std::chrono::seconds{bucket * 600}};
        body += ",\"observed\":\"" + format_time(observed, false) + "\",\"temperature_c\":";
        append_fixed(body, base_temp + static_cast<std::int64_t>(splitmix64(s) % 100) - 50, 10);
        body += ",\"condition\":\"";
        body += conditions[splitmix64(s) % conditions.size()];
        body += "\",\"humidity\":" + std::to_string(20 + splitmix64(s) % 81);
        body += ",\"wind_kph\":" + std::to_string(splitmix64(s) % 60) + "}";
        set_json(c.res, std::move(body), "public, max-age=60, stale-while-revalidate=30");
        set_validators(c.res, quoted_etag('w', city + "-" + std::to_string(bucket)),
                       format_time(observed, true));
        return;
    }
    auto day = now / 86400;
    sys_seconds issued{std::chrono::seconds{day * 86400}};
    body += ",\"issued\":\"" + format_time(issued, false) + "\",\"days\":[";
    for (std::int64_t k = 1; k <= 5; ++k) {
        std::uint64_t s = base ^ (static_cast<std::uint64_t>(day + k) * 0x9e3779b97f4a7c15ULL);
        auto high = base_temp + static_cast<std::int64_t>(splitmix64(s) % 120) - 40;
        body += k == 1 ? "{\"date\":\"" : ",{\"date\":\"";
        body += format_time(issued + std::chrono::days{k}, false).substr(0, 10);
        body += "\",\"high_c\":";
        append_fixed(body, high, 10);
        body += ",\"low_c\":";
        append_fixed(body, high - 30 - static_cast<std::int64_t>(splitmix64(s) % 90), 10);
        body += ",\"condition\":\"";
        body += conditions[splitmix64(s) % conditions.size()];
        body += "\",\"precipitation_pct\":" + std::to_string(splitmix64(s) % 101) + "}";
    }
    body += "]}";
    set_json(c.res, std::move(body), "public, max-age=600");
    set_validators(c.res, quoted_etag('f', city + "-" + std::to_string(day)),
                   format_time(issued, true));
    c.res.set("Cache-Tag", "weather,city-" + city);
}

void account(call& c)
{
    std::string user = "anonymous";
    if (auto v = c.req["X-User"]; !v.empty()) {
        user = std::string(v);
    } else {
        auto credential = c.req[http::field::authorization];
        if (credential.empty())
            credential = c.req["X-Api-Key"];
        if (!credential.empty()) {
            user = "user-";
            append_hex(user, fnv1a(credential), 8);
        }
    }
    auto s = fnv1a(user);
    static constexpr std::array<std::string_view, 4> plans{"free", "team", "pro", "enterprise"};
    std::string body = "{\"user\":";
    append_json(body, user);
    body += ",\"plan\":\"";
    body += plans[splitmix64(s) % plans.size()];
    body += "\",\"balance\":";
    append_fixed(body, static_cast<std::int64_t>(splitmix64(s) % 1'000'000), 100);
    body += ",\"currency\":\"EUR\",\"api_calls_this_month\":" +
            std::to_string(splitmix64(s) % 100'000) + "}";
    auto etag = hash_etag('a', body);
    set_json(c.res, std::move(body), "private, max-age=60");
    c.res.set(http::field::etag, etag);
    c.res.set(http::field::vary, "Authorization, X-Api-Key, X-User");
}

void time_now(call& c)
{
    auto now = now_seconds();
    auto epoch = std::to_string(now.time_since_epoch().count());
    set_json(c.res, "{\"epoch\":" + epoch + ",\"iso\":\"" + format_time(now, false) + "\"}",
             "no-cache");
    set_validators(c.res, quoted_etag('t', epoch), format_time(now, true));
}

void random_value(call& c)
{
    auto a = splitmix64(c.worker.rng), b = splitmix64(c.worker.rng);
    std::string body = "{\"value\":" + std::to_string(a) + ",\"uuid\":\"";
    std::string hex;
    append_hex(hex, a);
    append_hex(hex, (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL);
    hex[12] = '4';
    body += hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
            hex.substr(16, 4) + "-" + hex.substr(20) + "\"}";
    set_json(c.res, std::move(body), "no-store");
}

std::string sha256_hex(std::string_view data)
{
    if (data.empty()) // most echoes: a GET
        return "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // Fetched once: EVP_sha256() makes OpenSSL 3 look the algorithm up on
    // every digest, which cost more than hashing a small body.
    static EVP_MD* const fetched = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    const EVP_MD* md = fetched ? fetched : EVP_sha256();
    if (EVP_Digest(data.data(), data.size(), digest, &length, md, nullptr) != 1)
        return {};
    std::string out;
    for (unsigned int i = 0; i < length; ++i)
        append_hex(out, digest[i], 2);
    return out;
}

void echo(call& c)
{
    auto& payload = c.req.body();
    std::string body;
    body.reserve(1024 + c.req.target().size() + std::min(payload.size(), echo_body_prefix));
    body = "{\"method\":";
    append_json(body, c.req.method_string());
    body += ",\"target\":";
    append_json(body, c.req.target());
    body += ",\"path\":";
    append_json(body, c.path);
    body += ",\"query\":";
    append_json(body, c.raw_query);
    body += c.req.version() == 10 ? ",\"version\":\"1.0\",\"headers\":{"
                                  : ",\"version\":\"1.1\",\"headers\":{";
    // Each name once, lower case, where it first came; the values of its
    // lines joined as one list (RFC 9110 §5.3).
    const auto& lines = c.req.fields();
    bool first = true;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // Names Beast knows compare by code; others by length, then spelling.
        const auto same_name = [&](std::size_t j) {
            const auto& a = lines[j];
            const auto& b = lines[i];
            return a.name == b.name && (a.name != http::field::unknown ||
                                        (a.name_string.size() == b.name_string.size() &&
                                         boost::beast::iequals(a.name_string, b.name_string)));
        };
        bool seen = false;
        for (std::size_t j = 0; j < i && !seen; ++j)
            seen = same_name(j);
        if (seen)
            continue;
        if (!first)
            body += ',';
        first = false;
        body += '"';
        const std::size_t name_at = body.size();
        body.append(lines[i].name_string); // a token: nothing to escape
        std::transform(body.begin() + static_cast<std::ptrdiff_t>(name_at), body.end(),
                       body.begin() + static_cast<std::ptrdiff_t>(name_at), ascii_lower);
        body += "\":\"";
        append_json_chars(body, lines[i].value);
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            if (same_name(j)) {
                body += ", ";
                append_json_chars(body, lines[j].value);
            }
        body += '"';
    }
    body += "},\"body_length\":";
    append_int(body, static_cast<std::int64_t>(payload.size()));
    body += ",\"body\":";
    append_json(body, std::string_view(payload).substr(0, echo_body_prefix));
    body += ",\"body_sha256\":\"" + sha256_hex(payload) + "\"}";
    // ?cache_control= lets a test make the echo cacheable (cache poisoning tests).
    const auto* cache_control = c.query.get("cache_control");
    const bool safe = cache_control && cache_control->find_first_of("\r\n") == std::string::npos;
    set_json(c.res, std::move(body), safe ? std::string_view(*cache_control) : "no-store");
}

bool is_token(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) ||
               "!#$%&'*+-.^_`|~"sv.find(ch) != std::string_view::npos;
    });
}

void append_pattern(std::string& body, std::uint64_t size)
{
    auto pattern = pattern_bytes();
    body.reserve(body.size() + size);
    for (std::uint64_t done = 0; done < size;) {
        auto n = std::min<std::uint64_t>(max_pattern_chunk, size - done);
        body.append(pattern.substr(0, n));
        done += n;
    }
}

bool is_not_modified(const request& req, const response& res);

// /respond?status=&size=&body=&h=Name:Value&nm=Name:Value: a response whose
// headers the caller controls. `nm` fields are sent (replacing those of the
// same name) only when the request's conditionals make the answer a 304, so
// a test can watch a cache merge a 304's fields into what it stored.
void respond(call& c)
{
    auto status = c.query.number("status", 200, 200, 599);
    auto size = c.query.number("size", 0, 0, max_respond_size);
    if (!status || !size)
        return set_problem(c.res, http::status::bad_request,
                           "status must be 200..599 and size 0..268435456");
    c.res.result(static_cast<unsigned>(*status));
    c.res.set(http::field::content_type, "application/octet-stream");
    std::vector<std::string> named; // the first h= of a name replaces a default, later ones add
    for (auto& [key, value] : c.query.items) {
        if (key != "h")
            continue;
        auto colon = value.find(':');
        auto name = std::string_view(value).substr(0, colon);
        auto content = colon == std::string::npos ? std::string_view{}
                                                  : std::string_view(value).substr(colon + 1);
        while (!content.empty() && (content.front() == ' ' || content.front() == '\t'))
            content.remove_prefix(1);
        if (!is_token(name) || content.find_first_of("\r\n"sv.data(), 0, 3) != content.npos)
            return set_problem(c.res, http::status::bad_request, "bad header in h=" + value);
        auto lower = lowercase(name);
        if (lower == "content-length" || lower == "transfer-encoding")
            continue; // the origin keeps the framing correct
        if (lower == "connection") {
            c.out.close = boost::beast::iequals(content, "close");
            continue;
        }
        if (std::find(named.begin(), named.end(), lower) == named.end()) {
            named.push_back(std::move(lower));
            c.res.set(name, content);
        } else {
            c.res.insert(name, content);
        }
    }
    if (auto* literal = c.query.get("body"))
        c.res.body() = *literal;
    else
        append_pattern(c.res.body(), *size);
    const auto method = c.req.method();
    if (c.res.result() != http::status::ok ||
        (method != http::verb::get && method != http::verb::head) || !is_not_modified(c.req, c.res))
        return;
    c.res.result(http::status::not_modified);
    for (auto& [key, value] : c.query.items) {
        if (key != "nm")
            continue;
        auto colon = value.find(':');
        auto name = std::string_view(value).substr(0, colon);
        auto content = colon == std::string::npos ? std::string_view{}
                                                  : std::string_view(value).substr(colon + 1);
        while (!content.empty() && (content.front() == ' ' || content.front() == '\t'))
            content.remove_prefix(1);
        if (is_token(name) && content.find_first_of("\r\n"sv.data(), 0, 3) == content.npos)
            c.res.set(name, content);
    }
}

void stream(call& c)
{
    auto size = c.query.number("size", 64 * 1024, 0, max_stream_size);
    auto chunk = c.query.number("chunk", 4096, 1, max_pattern_chunk);
    auto interval = c.query.number("interval_ms", 0, 0, 10'000);
    if (!size || !chunk || !interval)
        return set_problem(c.res, http::status::bad_request,
                           "size must be 0..1 GiB, chunk 1..1 MiB, interval_ms 0..10000");
    c.res.result(http::status::ok);
    c.res.set(http::field::content_type, "application/octet-stream");
    c.res.set(http::field::cache_control, "no-store");
    // HTTP/1.0 has no chunked coding: such clients get the same bytes with a Content-Length.
    if (c.req.version() == 10) {
        if (static_cast<std::uint64_t>(*size) > max_respond_size)
            return set_problem(c.res, http::status::bad_request, "size too large for HTTP/1.0");
        return append_pattern(c.res.body(), *size);
    }
    c.res.chunked();
    c.out.stream = stream_plan{static_cast<std::uint64_t>(*size), static_cast<std::size_t>(*chunk),
                               std::chrono::milliseconds{*interval}};
}

void method_not_allowed(call& c)
{
    set_problem(c.res, http::status::method_not_allowed,
                "this resource supports GET and HEAD only");
    c.res.set(http::field::allow, "GET, HEAD");
}

// "/v2/products/7" is "/products/7": versioned APIs of a demo catalog can
// share this one origin (their base paths are forwarded unchanged).
std::string_view without_version(std::string_view path)
{
    if (path.size() < 3 || path[0] != '/' || path[1] != 'v')
        return path;
    std::size_t end = 2;
    while (end < path.size() && path[end] >= '0' && path[end] <= '9')
        ++end;
    if (end == 2 || end == path.size() || path[end] != '/')
        return path;
    return path.substr(end);
}

void route(call& c)
{
    auto path = without_version(c.path);
    if (path == "/echo" || path.starts_with("/echo/"))
        return echo(c);
    if (path == "/respond" || path == "/slow")
        return respond(c);
    if (path == "/stream")
        return stream(c);
    if (c.path == "/ws/echo") {
        // The WebSocket handshakes were taken before (demo_origin_websocket).
        set_problem(c.res, http::status::upgrade_required,
                    "a WebSocket endpoint: open it with a WebSocket handshake");
        c.res.set(http::field::upgrade, "websocket");
        c.res.set(http::field::connection, "Upgrade");
        return;
    }

    void (*handler)(call&) = nullptr;
    if (path == "/")
        handler = index;
    else if (path == "/health")
        handler = health;
    else if (path == "/products")
        handler = products_list;
    else if (path == "/products/search")
        handler = products_search;
    else if (path.starts_with("/products/") && path.find('/', 10) == path.npos)
        handler = product_detail, c.arg = path.substr(10);
    else if (path.starts_with("/weather/")) {
        auto rest = path.substr(9);
        auto slash = rest.find('/');
        c.arg = rest.substr(0, slash);
        if (slash == rest.npos)
            handler = [](call& c) {
                weather(c, false);
            };
        else if (rest.substr(slash) == "/forecast")
            handler = [](call& c) {
                weather(c, true);
            };
    } else if (path == "/account")
        handler = account;
    else if (path == "/time")
        handler = time_now;
    else if (path == "/random")
        handler = random_value;

    if (!handler)
        return set_problem(c.res, http::status::not_found,
                           "no resource at '" + std::string(path) + "'");
    auto method = c.req.method();
    if (method != http::verb::get && method != http::verb::head)
        return method_not_allowed(c);
    handler(c);
}

bool etag_matches(std::string_view list, std::string_view etag)
{
    auto opaque = [](std::string_view t) {
        return t.starts_with("W/") ? t.substr(2) : t;
    };
    auto mine = opaque(etag);
    std::size_t i = 0;
    while (i < list.size()) {
        if (list[i] == ' ' || list[i] == '\t' || list[i] == ',') {
            ++i;
            continue;
        }
        if (list[i] == '*')
            return true;
        if (list.substr(i, 2) == "W/")
            i += 2;
        if (i >= list.size() || list[i] != '"') {
            i = list.find(',', i);
            continue;
        }
        auto close = list.find('"', i + 1);
        if (close == list.npos)
            return false;
        if (!mine.empty() && list.substr(i, close + 1 - i) == mine)
            return true;
        i = close + 1;
    }
    return false;
}

// RFC 9110 section 13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since.
bool is_not_modified(const request& req, const response& res)
{
    std::string_view etag = res[http::field::etag];
    bool conditional = false;
    for (const auto& line : req.fields()) {
        if (line.name != http::field::if_none_match)
            continue;
        conditional = true;
        if (etag_matches(line.value, etag))
            return true;
    }
    if (conditional)
        return false;
    std::string_view since = req[http::field::if_modified_since];
    std::string_view modified = res[http::field::last_modified];
    if (since.empty() || modified.empty())
        return false;
    auto s = parse_http_date(since);
    auto m = parse_http_date(modified);
    return s && m && *m <= *s;
}

void finish(const request& req, reply& out)
{
    auto& res = out.res;
    res.set(http::field::server, "gatehouse-demo-origin");
    res.set(http::field::date, cached_date());
    auto method = req.method();
    if ((method == http::verb::get || method == http::verb::head) &&
        res.result() == http::status::ok && !out.stream && is_not_modified(req, res)) {
        res.result(http::status::not_modified);
        res.erase(http::field::content_type);
    }
    auto code = res.result_int();
    if (code == 204 || code == 304) {
        res.body().clear();
        res.erase(http::field::content_length);
        res.erase(http::field::transfer_encoding);
        out.stream.reset();
    } else if (!out.stream) {
        res.prepare_payload();
    }
    res.keep_alive(req.keep_alive() && !out.close);
}

} // namespace

void handle_request(const request& req, worker_state& worker, reply& out)
{
    std::string_view target = req.target();
    auto mark = target.find('?');
    auto path = target.substr(0, mark);
    auto raw_query = mark == target.npos ? std::string_view{} : target.substr(mark + 1);
    query_params query{raw_query};
    out.res.clear(req.version());
    out.stream.reset();
    out.close = false;
    out.delay = std::chrono::milliseconds{query.number("delay_ms", 0, 0, max_delay_ms).value_or(0)};

    call c{req, path, raw_query, query, worker, out, out.res, {}};
    bool exempt = path == "/health" || path == "/respond" || path == "/slow" || path == "/stream";
    double rate = worker.knobs->error_rate.load(std::memory_order_relaxed);
    if (!exempt && rate > 0 &&
        (rate >= 1.0 || static_cast<double>(splitmix64(worker.rng) >> 11) * 0x1.0p-53 < rate))
        set_problem(out.res, http::status::internal_server_error,
                    "error injected by the demo origin's error rate");
    else
        route(c);
    finish(req, out);
}

response make_problem_response(http::status status, std::string_view detail)
{
    response res{status, 11};
    set_problem(res, status, detail);
    res.set(http::field::server, "gatehouse-demo-origin");
    res.set(http::field::date, cached_date());
    res.keep_alive(false);
    res.prepare_payload();
    return res;
}

} // namespace gatehouse::gateway::demo
