// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/access/api_access.hpp"

#include <cstdio>
#include <ctime>

namespace gatehouse::gateway::access {

std::string deprecation_value(std::int64_t epoch_seconds)
{
    return "@" + std::to_string(epoch_seconds);
}

std::string http_date(std::int64_t epoch_seconds)
{
    // Names spelled out: strftime's %a/%b follow the process locale, which
    // QCoreApplication sets from the environment.
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[40];
    std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7],
                  tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return out;
}

std::string successor_link(std::string_view url)
{
    std::string out;
    out.reserve(url.size() + 32);
    out.append("<").append(url).append(">; rel=\"successor-version\"");
    return out;
}

} // namespace gatehouse::gateway::access
