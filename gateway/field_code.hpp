// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/http/field.hpp>

#include <string_view>

namespace gatehouse::gateway {

// Beast's http::string_to_field(name) for a field name already known to be a
// token: the same code, found quickly for the names most messages carry
// (Content-Type, Cache-Control, X-Forwarded-For, ...), by Beast for the others.
//
// Beast hashes the whole name and compares it case-insensitively character
// by character: ~90 instructions a field, a field line's largest cost after
// head_scan found it. Here a name of the table costs a slot lookup and a
// word-wise compare.
boost::beast::http::field field_code(std::string_view name);

} // namespace gatehouse::gateway
