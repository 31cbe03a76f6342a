// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/request_head_parser.hpp"

#include "gateway/field_code.hpp"
#include "gateway/head_scan.hpp"

namespace gatehouse::gateway {

namespace http = boost::beast::http;

std::size_t request_head_parser::put_received(boost::asio::const_buffer received, error_code& ec)
{
    if (!may_scan())
        return put(received, ec);
    const std::string_view bytes{static_cast<const char*>(received.data()), received.size()};
    scanned_start_line start;
    std::size_t size = 0;
    framing_summary summary;
    const auto scanned =
        scan_head<true>(bytes, scan_limit(), start, size, [&](auto name, auto value) {
            const auto code = field_code(name);
            message_.insert(code, {name.data(), name.size()}, {value.data(), value.size()});
            if (framing_field(code))
                summary.add(name, value);
        });
    const std::string_view for_beast =
        scanned == head_scan::complete ? summary.request(start.version) : std::string_view{};
    if (scanned != head_scan::complete || !summary.fits()) {
        message_.clear();         // the fields so far
        return put(received, ec); // Beast reads it all
    }
    error_code ignored;
    on_request_impl(http::string_to_verb({start.first.data(), start.first.size()}),
                    {start.first.data(), start.first.size()},
                    {start.second.data(), start.second.size()}, static_cast<int>(start.version),
                    ignored);
    return put_summary(for_beast, size, ec);
}

void request_head_parser::on_request_impl(http::verb method, string_view method_string,
                                          string_view target, int version, error_code& ec)
{
    ec = {};
    if (replaying())
        return;
    // As http::parser: a method Beast does not know keeps its spelling.
    message_.target(target);
    if (method != http::verb::unknown)
        message_.method(method);
    else
        message_.method_string(method_string);
    message_.version(static_cast<unsigned>(version));
}

} // namespace gatehouse::gateway
