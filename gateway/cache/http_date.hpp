// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::cache {

using sys_seconds = std::chrono::sys_seconds;

// RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, plus the obsolete RFC 850 and asctime
// forms a recipient MUST accept. Returns nullopt for anything else (callers
// decide what an invalid date means: for Expires it is "already expired").
// Thread safety: pure functions.
std::optional<sys_seconds> parse_http_date(std::string_view text);

// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(sys_seconds t);

// The current time as an IMF-fixdate, for the Date of responses the
// gateway makes itself (RFC 9110 §6.6.1): formatted once a second per
// thread, valid until the thread's next call.
std::string_view http_date_now();

} // namespace gatehouse::gateway::cache
