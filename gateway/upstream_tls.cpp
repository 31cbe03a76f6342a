// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/upstream_tls.hpp"

#include "gateway/runtime_config.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace ssl = asio::ssl;

// asio's TLS stream over the deadline_stream's own socket: the deadline
// still cancels the socket operations underneath it.
class tls_layer {
public:
    tls_layer(worker_socket& socket, ssl::context& context)
        : stream(socket, context)
    {
    }
    ssl::stream<worker_socket&> stream;
    // A write failed or was cancelled: a record may be half sent, and
    // nothing more can follow it.
    bool write_failed = false;
    std::unique_ptr<char[]> staging; // tls_write_staging
};

void tls_layer_deleter::operator()(tls_layer* layer) const noexcept
{
    delete layer;
}

void tls_read_some(tls_layer& layer, asio::mutable_buffer buffer, tls_io_handler handler)
{
    layer.stream.async_read_some(buffer, [handler = std::move(handler)](
                                             boost::system::error_code ec, std::size_t n) mutable {
        // Many HTTP servers close without a TLS close_notify. Reported as
        // a plain end of stream, the HTTP framing decides whether the
        // message was complete (Content-Length and chunked bodies cut
        // short still fail as partial messages), as curl does.
        if (ec == ssl::error::stream_truncated)
            ec = asio::error::eof;
        std::move(handler)(ec, n);
    });
}

asio::mutable_buffer tls_write_staging(tls_layer& layer)
{
    if (!layer.staging)
        layer.staging = std::make_unique_for_overwrite<char[]>(tls_record_bytes);
    return {layer.staging.get(), tls_record_bytes};
}

void tls_write_some(tls_layer& layer, asio::const_buffer buffer, tls_io_handler handler)
{
    layer.stream.async_write_some(buffer, [&layer, handler = std::move(handler)](
                                              boost::system::error_code ec, std::size_t n) mutable {
        if (ec)
            layer.write_failed = true;
        std::move(handler)(ec, n);
    });
}

worker_task<boost::system::error_code>
deadline_stream::start_tls(ssl::context& context, const std::string& server_name, bool verify)
{
    std::unique_ptr<tls_layer, tls_layer_deleter> layer(new tls_layer(state_->socket, context));
    SSL* handle = layer->stream.native_handle();
    boost::system::error_code not_address;
    asio::ip::make_address(server_name, not_address);
    const bool is_address = !not_address;
    // SNI names a host, never an address (RFC 6066 §3).
    if (!is_address && SSL_set_tlsext_host_name(handle, server_name.c_str()) != 1)
        co_return boost::system::error_code(static_cast<int>(ERR_get_error()),
                                            asio::error::get_ssl_category());
    if (verify) {
        layer->stream.set_verify_mode(ssl::verify_peer);
        layer->stream.set_verify_callback(ssl::host_name_verification(server_name));
    } else {
        layer->stream.set_verify_mode(ssl::verify_none);
    }
    arm();
    auto [handshake_ec] =
        co_await layer->stream.async_handshake(ssl::stream_base::client, worker_nothrow);
    if (handshake_ec) {
        if (state_->timed_out)
            co_return boost::beast::error::timeout;
        co_return handshake_ec;
    }
    state_->tls = std::move(layer);
    co_return boost::system::error_code{};
}

worker_task<boost::system::error_code> deadline_stream::accept_tls(ssl::context& context)
{
    std::unique_ptr<tls_layer, tls_layer_deleter> layer(new tls_layer(state_->socket, context));
    arm();
    auto [handshake_ec] =
        co_await layer->stream.async_handshake(ssl::stream_base::server, worker_nothrow);
    if (handshake_ec) {
        if (state_->timed_out)
            co_return boost::beast::error::timeout;
        co_return handshake_ec;
    }
    state_->tls = std::move(layer);
    co_return boost::system::error_code{};
}

worker_task<void> deadline_stream::end_tls()
{
    if (!state_->tls)
        co_return;
    std::unique_ptr<tls_layer, tls_layer_deleter> layer = std::move(state_->tls);
    if (layer->write_failed)
        co_return;
    SSL* handle = layer->stream.native_handle();
    // As if the peer's alert had come: SSL_shutdown then only sends ours.
    SSL_set_shutdown(handle, SSL_get_shutdown(handle) | SSL_RECEIVED_SHUTDOWN);
    arm();
    // Fails harmlessly on a connection the peer reset or a session that
    // never finished its handshake.
    co_await layer->stream.async_shutdown(worker_nothrow);
}

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
