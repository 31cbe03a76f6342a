// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/access/authorize.hpp"
#include "gateway/call_record.hpp"
#include "gateway/config_snapshot.hpp"

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse::gateway::access {

// The HTTP side of access control for one client connection: reads the
// credential, decides, rewrites the request for the upstream and decorates
// responses. One per session, used by one thread; its buffers are reused
// from request to request.
class access_gate {
public:
    // Call once per routed request, before anything is forwarded. Returns
    // true when the request may proceed: then the credential is stripped,
    // X-Consumer-Id / X-Application-Id are set (any the client sent are
    // removed) and `query` may point at a copy without the key parameter.
    // Returns false with the response to send in rejection().
    bool check(const config_snapshot& snapshot, std::uint64_t api_id,
               boost::beast::http::request_header<>& request, std::string_view& query,
               std::string_view request_id, bool keep_alive);

    boost::beast::http::response<boost::beast::http::string_body>& rejection()
    {
        return rejection_;
    }
    call_error error() const { return error_; }
    std::uint64_t application_id() const { return application_id_; }

    // The request target as the call log keeps it: when the API checked
    // last takes its key in a query parameter, that parameter's value is
    // replaced by "REDACTED", so no key, accepted or refused, is logged.
    // Returns false, leaving `out` alone, when nothing needs hiding (the
    // common case: nothing is copied).
    bool redact_target(std::string_view target, std::string& out) const;

    // Adds the deprecation headers of the API checked last, if any.
    void decorate(boost::beast::http::fields& response) const;
    // True when decorate() adds anything (the API is deprecated).
    bool decorates() const;

private:
    void reject(verdict v, std::string_view request_id, bool keep_alive);

    const api_access* api_ = nullptr;
    call_error error_ = call_error::none;
    std::uint64_t application_id_ = 0;
    std::string query_;
    boost::beast::http::response<boost::beast::http::string_body> rejection_;
};

} // namespace gatehouse::gateway::access
