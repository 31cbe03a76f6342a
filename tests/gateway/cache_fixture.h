// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QtTest/QTest>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

// A gateway with the response cache on, in front of demo origins whose
// /respond endpoint lets each test choose the response headers:
//   /c?t=<test>&h=Cache-Control:max-age%3D60  ->  origin /respond?...
// `t` only makes each test's URLs (and so its cache keys) its own.
namespace gatehouse::test {

struct respond_args {
    respond_args(std::initializer_list<const char*> sent = {},
                 std::initializer_list<const char*> sent_on_304 = {})
        : headers(sent.begin(), sent.end())
        , on_304(sent_on_304.begin(), sent_on_304.end())
    {
    }
    std::vector<std::string> headers; // "Name: value", sent on every answer
    std::vector<std::string> on_304;  // "Name: value", only when answering 304
    std::string body = "cached body";
    std::string extra; // appended as is, e.g. "&delay_ms=200"
};

inline std::string encode(const std::string& value)
{
    return QUrl::toPercentEncoding(QString::fromStdString(value)).toStdString();
}

inline std::string respond_target(const std::string& prefix, const std::string& tag,
                                  const respond_args& args = {})
{
    std::string out = prefix + "?t=" + encode(tag);
    for (const auto& h : args.headers)
        out += "&h=" + encode(h);
    for (const auto& h : args.on_304)
        out += "&nm=" + encode(h);
    if (!args.body.empty())
        out += "&body=" + encode(args.body);
    return out + args.extra;
}

// The caching policy most tests use: on, RFC defaults.
inline gateway::cache::cache_policy enabled_policy()
{
    gateway::cache::cache_policy policy;
    policy.enabled = true;
    return policy;
}

inline gateway::route_config cached_route(const std::string& id, const std::string& path,
                                          const std::string& upstream,
                                          const std::string& rewrite = "/respond",
                                          gateway::cache::cache_policy policy = enabled_policy())
{
    auto route = make_route(id, path, upstream);
    route.rewrite_prefix = rewrite;
    route.cache = std::move(policy);
    return route;
}

inline bool cache_status_has(const http_response& r, const char* member)
{
    const QString status = QString::fromStdString(r.header("Cache-Status"));
    const auto parts = status.split(QLatin1Char(';'));
    for (const auto& part : parts)
        if (part.trimmed() == QLatin1String(member))
            return true;
    return false;
}

inline bool is_hit(const http_response& r)
{
    return cache_status_has(r, "hit");
}

} // namespace gatehouse::test
