// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/call_record.hpp"

namespace gatehouse::gateway {

std::string_view to_string(cache_status status)
{
    switch (status) {
    case cache_status::none:
        return "none";
    case cache_status::hit:
        return "hit";
    case cache_status::miss:
        return "miss";
    case cache_status::stale:
        return "stale";
    case cache_status::revalidated:
        return "revalidated";
    case cache_status::bypass:
        return "bypass";
    }
    return "none";
}

std::string_view to_string(call_error error)
{
    switch (error) {
    case call_error::none:
        return "none";
    case call_error::no_route:
        return "no_route";
    case call_error::method_not_allowed:
        return "method_not_allowed";
    case call_error::bad_request:
        return "bad_request";
    case call_error::header_too_large:
        return "header_too_large";
    case call_error::body_too_large:
        return "body_too_large";
    case call_error::request_timeout:
        return "request_timeout";
    case call_error::upstream_unavailable:
        return "upstream_unavailable";
    case call_error::upstream_timeout:
        return "upstream_timeout";
    case call_error::upstream_aborted:
        return "upstream_aborted";
    case call_error::client_aborted:
        return "client_aborted";
    case call_error::unauthorized:
        return "unauthorized";
    case call_error::forbidden:
        return "forbidden";
    case call_error::rate_limited:
        return "rate_limited";
    case call_error::gone:
        return "gone";
    case call_error::shutting_down:
        return "shutting_down";
    case call_error::not_cached:
        return "not_cached";
    }
    return "none";
}

} // namespace gatehouse::gateway
