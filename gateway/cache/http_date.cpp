// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/http_date.hpp"

#include "gateway/http_util.hpp"

#include <array>
#include <cstdio>

namespace gatehouse::gateway::cache {

namespace {

constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> short_days = {"Sun", "Mon", "Tue", "Wed",
                                                        "Thu", "Fri", "Sat"};

struct cursor {
    std::string_view s;
    std::size_t i = 0;

    bool eat(std::string_view lit)
    {
        if (s.substr(i, lit.size()) != lit)
            return false;
        i += lit.size();
        return true;
    }
    bool number(std::size_t min_digits, std::size_t max_digits, int& out)
    {
        std::size_t n = 0;
        int v = 0;
        while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        out = v;
        return n >= min_digits;
    }
    // Case-insensitive: the grammar is case-sensitive, but RFC 9110 §5.6.7
    // encourages robust parsing, and "AUG" or "gmt" leave no doubt.
    bool eat_nocase(std::string_view lit)
    {
        if (!iequals(s.substr(i, lit.size()), lit))
            return false;
        i += lit.size();
        return true;
    }
    bool gmt() { return eat_nocase(" GMT"); }
    bool month(int& out)
    {
        for (std::size_t m = 0; m < months.size(); ++m)
            if (eat_nocase(months[m])) {
                out = static_cast<int>(m) + 1;
                return true;
            }
        return false;
    }
    bool time(int& h, int& m, int& sec)
    {
        return number(2, 2, h) && eat(":") && number(2, 2, m) && eat(":") && number(2, 2, sec);
    }
    bool done() const { return i == s.size(); }
};

std::optional<sys_seconds> make_time(int y, int mon, int d, int h, int m, int s)
{
    using namespace std::chrono;
    if (h > 23 || m > 59 || s > 60) // 60: a leap second is syntactically allowed
        return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mon)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days{ymd} + hours{h} + minutes{m} + seconds{s};
}

// RFC 9110 §5.6.7: a two-digit year is the one with those digits that is
// not more than 50 years in the future, i.e. in (now - 50, now + 50].
int rfc850_year(int two_digits)
{
    using namespace std::chrono;
    const int now = static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year());
    int y = now - now % 100 + two_digits;
    if (y > now + 50)
        y -= 100;
    else if (y <= now - 50)
        y += 100;
    return y;
}

} // namespace

std::optional<sys_seconds> parse_http_date(std::string_view text)
{
    text = trim_ows(text);
    int y = 0, mon = 0, d = 0, h = 0, m = 0, s = 0;
    const auto comma = text.find(',');
    if (comma == 3) { // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
        cursor c{text, 4};
        if (c.eat(" ") && c.number(2, 2, d) && c.eat(" ") && c.month(mon) && c.eat(" ") &&
            c.number(4, 4, y) && c.eat(" ") && c.time(h, m, s) && c.gmt() && c.done())
            return make_time(y, mon, d, h, m, s);
        return std::nullopt;
    }
    if (comma != std::string_view::npos) { // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
        cursor c{text, comma + 1};
        if (c.eat(" ") && c.number(2, 2, d) && c.eat("-") && c.month(mon) && c.eat("-") &&
            c.number(2, 2, y) && c.eat(" ") && c.time(h, m, s) && c.gmt() && c.done()) {
            return make_time(rfc850_year(y), mon, d, h, m, s);
        }
        return std::nullopt;
    }
    // asctime: "Sun Nov  6 08:49:37 1994"
    cursor c{text, 0};
    bool day_ok = false;
    for (auto name : short_days)
        if (c.eat(name)) {
            day_ok = true;
            break;
        }
    if (!day_ok || !c.eat(" ") || !c.month(mon) || !c.eat(" "))
        return std::nullopt;
    if (c.eat(" ")) {
        if (!c.number(1, 1, d))
            return std::nullopt;
    } else if (!c.number(2, 2, d)) {
        return std::nullopt;
    }
    if (c.eat(" ") && c.time(h, m, s) && c.eat(" ") && c.number(4, 4, y) && c.done())
        return make_time(y, mon, d, h, m, s);
    return std::nullopt;
}

std::string format_http_date(sys_seconds t)
{
    using namespace std::chrono;
    const auto days = floor<std::chrono::days>(t);
    const year_month_day ymd{days};
    const hh_mm_ss hms{t - days};
    const weekday wd{days};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d GMT",
                  short_days[wd.c_encoding()].data(), static_cast<unsigned>(ymd.day()),
                  months[static_cast<unsigned>(ymd.month()) - 1].data(),
                  static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string_view http_date_now()
{
    thread_local sys_seconds formatted_for{};
    thread_local std::string text;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (now != formatted_for || text.empty()) {
        formatted_for = now;
        text = format_http_date(now);
    }
    return text;
}

} // namespace gatehouse::gateway::cache
