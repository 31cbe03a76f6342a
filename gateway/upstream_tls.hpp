// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"
#include "gateway/deadline_stream.hpp"

#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}

namespace gatehouse::gateway {

struct target_state;     // runtime_config.hpp
struct upstream_runtime; // runtime_config.hpp

// The client context for an upstream's https:// targets: TLS 1.2 or later,
// trusting the system's certificate authorities, or only those of
// `tls.ca_file` when it is set. Null, with why in `error`, when that file
// cannot be read.
std::shared_ptr<boost::asio::ssl::context> make_upstream_tls_context(const upstream_tls_config& tls,
                                                                     std::string& error);

// The server context for an HTTPS listener: TLS 1.2 or later, the
// certificate chain and private key from PEM files. Null, with why in
// `error`, when either cannot be read or they do not belong together.
std::shared_ptr<boost::asio::ssl::context>
make_listener_tls_context(const std::string& certificate_file, const std::string& key_file,
                          std::string& error);

// Connects `stream` to `target` (the first of its addresses that accepts)
// and, for an https target, starts TLS with `upstream`'s context, all under
// the stream's current deadline. `tls_failed` tells a failed handshake from
// a failed connection; either way nothing has reached the upstream.
struct target_connection {
    boost::system::error_code ec;
    bool tls_failed = false;
};
worker_task<target_connection> connect_target(worker_stream& stream, const target_state& target,
                                              const upstream_runtime& upstream);

} // namespace gatehouse::gateway
