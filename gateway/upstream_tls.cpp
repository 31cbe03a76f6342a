// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/upstream_tls.hpp"

#include "gateway/runtime_config.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace ssl = asio::ssl;

std::shared_ptr<ssl::context> make_listener_tls_context(const std::string& certificate_file,
                                                        const std::string& key_file,
                                                        std::string& error)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    boost::system::error_code ec;
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                             ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                         ec);
    // A client asking for handshake after handshake on one connection makes
    // the server do the expensive half of each (a known denial of service):
    // refused, as nginx does, whatever the OpenSSL build's default (3.0's
    // refuses too; 1.1's did not).
    SSL_CTX_set_options(context->native_handle(), SSL_OP_NO_RENEGOTIATION);
    context->use_certificate_chain_file(certificate_file, ec);
    if (ec) {
        error = "certificate '" + certificate_file + "': " + ec.message();
        return nullptr;
    }
    context->use_private_key_file(key_file, ssl::context::pem, ec);
    const bool mismatch =
        ec && ec.category() == asio::error::get_ssl_category() &&
        ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH;
    if (mismatch) {
        error = "key '" + key_file + "' does not belong to certificate '" + certificate_file + "'";
        return nullptr;
    }
    if (ec) {
        error = "key '" + key_file + "': " + ec.message();
        return nullptr;
    }
    if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
        error = "key '" + key_file + "' does not belong to certificate '" + certificate_file + "'";
        return nullptr;
    }
    return context;
}

std::shared_ptr<ssl::context> make_upstream_tls_context(const upstream_tls_config& tls,
                                                        std::string& error)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
    boost::system::error_code ec;
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                             ssl::context::no_tlsv1_1,
                         ec);
    if (tls.ca_file.empty())
        context->set_default_verify_paths(ec);
    else
        context->load_verify_file(tls.ca_file, ec);
    if (ec) {
        error = tls.ca_file.empty()
                    ? "cannot load the system's certificate authorities: " + ec.message()
                    : "tls.ca_file '" + tls.ca_file + "': " + ec.message();
        return nullptr;
    }
    return context;
}

worker_task<target_connection> connect_target(worker_stream& stream, const target_state& target,
                                              const upstream_runtime& upstream)
{
    target_connection out;
    auto [ec, endpoint] = co_await stream.connect(target.endpoints);
    out.ec = ec;
    if (ec || !target.address.tls)
        co_return out;
    boost::system::error_code ignored;
    stream.socket().set_option(asio::ip::tcp::no_delay(true), ignored);
    if (!upstream.tls) { // cannot happen: compile() makes one for https targets
        out.ec = asio::error::operation_not_supported;
        out.tls_failed = true;
        co_return out;
    }
    const std::string& name = upstream.config.tls.server_name.empty()
                                  ? target.address.host
                                  : upstream.config.tls.server_name;
    out.ec = co_await stream.start_tls(*upstream.tls, name, upstream.config.tls.verify);
    out.tls_failed = static_cast<bool>(out.ec);
    co_return out;
}

} // namespace gatehouse::gateway
