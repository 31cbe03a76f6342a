// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// TLS on a deadline_stream's socket: OpenSSL reads and writes the socket
// itself (a socket BIO, as nginx and HAProxy use it), and asio only says
// when the socket is ready.
//
// asio's ssl::stream puts a pair of memory BIOs between OpenSSL and the
// socket: every record is encrypted into one, copied into the stream's own
// buffer, and written from there by an operation that completes through the
// scheduler before the next record starts; reads go the same way back. For
// a 64 KiB body that is two copies of every byte and five trips through the
// scheduler; HTTPS responses of that size ran at 0.6-0.8x nginx's rate, a
// sixth of the proxy's time in memmove. Here a write encrypts straight into
// the socket, every record of it, and completes once.

#include "gateway/deadline_stream.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <fcntl.h>

#include <cerrno>
#include <memory>
#include <utility>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace ssl = asio::ssl;

// A read or a write under way: its handler, kept while it waits for the
// socket, and its result while its completion is posted.
struct tls_operation {
    tls_io_handler handler;
    std::pair<boost::system::error_code, std::size_t> result;
};

class tls_layer {
public:
    tls_layer(worker_socket& s, ssl::context& context)
        : socket(s)
        , handle(SSL_new(context.native_handle()))
    {
    }
    ~tls_layer()
    {
        if (handle)
            SSL_free(handle);
    }
    tls_layer(const tls_layer&) = delete;
    tls_layer& operator=(const tls_layer&) = delete;

    // False when OpenSSL could not set the connection up.
    bool attach()
    {
        if (!handle)
            return false;
        // asio makes a socket non-blocking with its first asynchronous
        // operation; OpenSSL's calls on it must never block before that.
        const int fd = socket.native_handle();
        const int flags = ::fcntl(fd, F_GETFL, 0);
        if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
            return false;
        // The socket stays asio's: SSL_free() leaves it open.
        if (SSL_set_fd(handle, fd) != 1)
            return false;
        // Reads take whatever the socket has (up to the buffer's size), not
        // a record's header and then its body in two calls.
        SSL_set_read_ahead(handle, 1);
        // A write retried after WANT_WRITE passes the same buffer; the mode
        // only keeps OpenSSL from failing it ("bad write retry") should the
        // buffer ever have moved.
        SSL_set_mode(handle, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
        // OpenSSL's read and write buffers (17 KiB each) are given back
        // whenever they are empty, so an idle keep-alive connection holds
        // neither (nginx does the same).
        SSL_set_mode(handle, SSL_MODE_RELEASE_BUFFERS);
        return true;
    }

    worker_socket& socket;
    SSL* handle;
    // A write failed or was cancelled: a record may be half sent, and
    // nothing more can follow it.
    bool write_failed = false;
    // tls_write_staging: held only while a write from it is under way, so
    // an idle connection keeps no buffer at all (see SSL_MODE_RELEASE_BUFFERS).
    std::unique_ptr<char[]> staging;

    // At most one read and one write are under way at a time (as on a
    // socket).
    asio::mutable_buffer read_buffer;
    std::size_t read_bytes = 0;
    tls_operation reading;
    asio::const_buffer write_buffer;
    tls_operation writing;
};

namespace {

// What an SSL_* call that returned `result` (not success) means, when it is
// not a wish to wait for the socket.
boost::system::error_code failure(SSL* handle, int result)
{
    const int kind = SSL_get_error(handle, result);
    if (kind == SSL_ERROR_ZERO_RETURN)
        return asio::error::eof; // the peer's close_notify
    const unsigned long code = ERR_get_error();
    if (kind == SSL_ERROR_SYSCALL && code == 0) {
        if (errno != 0)
            return {errno, boost::system::system_category()};
        return ssl::error::stream_truncated; // the connection ended mid-record
    }
    if (ERR_GET_LIB(code) == ERR_LIB_SSL &&
        ERR_GET_REASON(code) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
        return ssl::error::stream_truncated;
    if (code == 0)
        return ssl::error::unspecified_system_error;
    // The error asio reports too: its message names OpenSSL's reason
    // ("certificate verify failed").
    return {static_cast<int>(code), asio::error::get_ssl_category()};
}

enum class step { want_read, want_write, failed };

step classify(SSL* handle, int result)
{
    switch (SSL_get_error(handle, result)) {
    case SSL_ERROR_WANT_READ:
        return step::want_read;
    case SSL_ERROR_WANT_WRITE:
        return step::want_write;
    default:
        return step::failed;
    }
}

// What the socket must become before `next` (not failed) can go on.
asio::socket_base::wait_type wait_type(step next)
{
    return next == step::want_read ? asio::socket_base::wait_read : asio::socket_base::wait_write;
}

// Many HTTP servers close without a TLS close_notify. Reported as a plain
// end of stream, the HTTP framing decides whether the message was complete
// (Content-Length and chunked bodies cut short still fail as partial
// messages), as curl does.
boost::system::error_code read_failure(SSL* handle, int result)
{
    auto ec = failure(handle, result);
    if (ec == ssl::error::stream_truncated)
        ec = asio::error::eof;
    return ec;
}

using resume_fn = void (*)(tls_layer& layer, bool initiating);
using finish_fn = void (*)(tls_layer& layer, boost::system::error_code ec, std::size_t n,
                           bool initiating);

// Waits until the socket is ready as `next` asks, then resumes the read or
// the write; a failed wait (the deadline, a close) finishes it.
void wait_then(tls_layer& layer, step next, resume_fn resume, finish_fn finish)
{
    layer.socket.async_wait(wait_type(next),
                            [&layer, resume, finish](const boost::system::error_code& ec) {
                                if (ec)
                                    finish(layer, ec, 0, false);
                                else
                                    resume(layer, false);
                            });
}

// Completes `op`: posted when still inside the initiating call (a handler
// must never run from there), else at once.
void complete(tls_layer& layer, tls_operation& op, boost::system::error_code ec, std::size_t n,
              bool initiating)
{
    if (!initiating) {
        std::move(op.handler)(ec, n);
        return;
    }
    op.result = {ec, n};
    asio::post(layer.socket.get_executor(), [&op] {
        const auto [result_ec, result_n] = op.result;
        std::move(op.handler)(result_ec, result_n);
    });
}

void finish_read(tls_layer& layer, boost::system::error_code ec, std::size_t n, bool initiating)
{
    complete(layer, layer.reading, ec, n, initiating);
}

void continue_read(tls_layer& layer, bool initiating)
{
    auto* data = static_cast<char*>(layer.read_buffer.data());
    const std::size_t size = layer.read_buffer.size();
    for (;;) {
        ERR_clear_error();
        errno = 0;
        std::size_t n = 0;
        const int result =
            SSL_read_ex(layer.handle, data + layer.read_bytes, size - layer.read_bytes, &n);
        if (result == 1) {
            layer.read_bytes += n;
            // Records already read from the socket fill the rest of the
            // buffer too (one record is at most 16 KiB); a record still
            // arriving is left for the next read.
            if (layer.read_bytes < size && SSL_has_pending(layer.handle))
                continue;
            finish_read(layer, {}, layer.read_bytes, initiating);
            return;
        }
        const step next = classify(layer.handle, result);
        if (layer.read_bytes > 0) {
            // What is here goes first; a failure shows on the next read.
            finish_read(layer, {}, layer.read_bytes, initiating);
            return;
        }
        if (next != step::failed) {
            wait_then(layer, next, continue_read, finish_read);
            return;
        }
        finish_read(layer, read_failure(layer.handle, result), 0, initiating);
        return;
    }
}

void finish_write(tls_layer& layer, boost::system::error_code ec, std::size_t n, bool initiating)
{
    if (ec)
        layer.write_failed = true;
    layer.staging.reset();
    complete(layer, layer.writing, ec, n, initiating);
}

void continue_write(tls_layer& layer, bool initiating)
{
    ERR_clear_error();
    errno = 0;
    std::size_t n = 0;
    // Not in partial-write mode: the whole buffer goes out, as one record
    // after another, before the write completes; after WANT_WRITE the same
    // call is made again and OpenSSL goes on where it stopped.
    const int result =
        SSL_write_ex(layer.handle, layer.write_buffer.data(), layer.write_buffer.size(), &n);
    if (result == 1) {
        finish_write(layer, {}, n, initiating);
        return;
    }
    const step next = classify(layer.handle, result);
    if (next != step::failed) {
        wait_then(layer, next, continue_write, finish_write);
        return;
    }
    finish_write(layer, failure(layer.handle, result), 0, initiating);
}

// Runs `call` (SSL_do_handshake, SSL_shutdown) until it succeeds, waiting
// for the socket as it asks.
template <class Call>
worker_task<boost::system::error_code> drive(tls_layer& layer, Call call)
{
    for (;;) {
        ERR_clear_error();
        errno = 0;
        const int result = call(layer.handle);
        if (result == 1)
            co_return boost::system::error_code{};
        const step next = classify(layer.handle, result);
        if (next == step::failed)
            co_return failure(layer.handle, result);
        auto [ec] = co_await layer.socket.async_wait(wait_type(next), worker_nothrow);
        if (ec)
            co_return ec;
    }
}

// The error OpenSSL queued last, as asio reports it.
boost::system::error_code openssl_error()
{
    return {static_cast<int>(ERR_get_error()), asio::error::get_ssl_category()};
}

// The handshake under the stream's deadline: beast's timeout when the
// deadline cut it short (`timed_out`, the stream's flag, read once it ends).
worker_task<boost::system::error_code> handshake(tls_layer& layer, const bool& timed_out)
{
    const auto ec = co_await drive(layer, [](SSL* ssl) { return SSL_do_handshake(ssl); });
    if (ec && timed_out)
        co_return boost::beast::error::timeout;
    co_return ec;
}

} // namespace

void tls_layer_deleter::operator()(tls_layer* layer) const noexcept
{
    delete layer;
}

void tls_read_some(tls_layer& layer, asio::mutable_buffer buffer, tls_io_handler handler)
{
    layer.reading.handler.swap(handler); // (asio 1.81's move assignment recurses)
    layer.read_buffer = buffer;
    layer.read_bytes = 0;
    if (buffer.size() == 0) {
        finish_read(layer, {}, 0, true);
        return;
    }
    continue_read(layer, true);
}

asio::mutable_buffer tls_write_staging(tls_layer& layer)
{
    if (!layer.staging)
        layer.staging = std::make_unique_for_overwrite<char[]>(tls_record_bytes);
    return {layer.staging.get(), tls_record_bytes};
}

void tls_write_some(tls_layer& layer, asio::const_buffer buffer, tls_io_handler handler)
{
    layer.writing.handler.swap(handler);
    layer.write_buffer = buffer;
    if (buffer.size() == 0) {
        finish_write(layer, {}, 0, true);
        return;
    }
    continue_write(layer, true);
}

worker_task<boost::system::error_code>
deadline_stream::start_tls(ssl::context& context, const std::string& server_name, bool verify)
{
    std::unique_ptr<tls_layer, tls_layer_deleter> layer(new tls_layer(state_->socket, context));
    if (!layer->attach())
        co_return openssl_error();
    SSL* handle = layer->handle;
    boost::system::error_code not_address;
    asio::ip::make_address(server_name, not_address);
    const bool is_address = !not_address;
    // SNI names a host, never an address (RFC 6066 §3).
    if (!is_address && SSL_set_tlsext_host_name(handle, server_name.c_str()) != 1)
        co_return openssl_error();
    if (verify) {
        // The chain must lead to a trusted authority and the certificate
        // name the host (RFC 6125) or the address: OpenSSL checks both
        // while it verifies, so a mismatch fails the handshake as
        // "certificate verify failed".
        X509_VERIFY_PARAM* param = SSL_get0_param(handle);
        const int named = is_address ? X509_VERIFY_PARAM_set1_ip_asc(param, server_name.c_str())
                                     : SSL_set1_host(handle, server_name.c_str());
        if (named != 1)
            co_return openssl_error();
        SSL_set_verify(handle, SSL_VERIFY_PEER, nullptr);
    } else {
        SSL_set_verify(handle, SSL_VERIFY_NONE, nullptr);
    }
    SSL_set_connect_state(handle);
    arm();
    if (const auto ec = co_await handshake(*layer, state_->timed_out))
        co_return ec;
    state_->tls = std::move(layer);
    co_return boost::system::error_code{};
}

worker_task<boost::system::error_code> deadline_stream::accept_tls(ssl::context& context)
{
    std::unique_ptr<tls_layer, tls_layer_deleter> layer(new tls_layer(state_->socket, context));
    if (!layer->attach())
        co_return openssl_error();
    SSL_set_accept_state(layer->handle);
    arm();
    if (const auto ec = co_await handshake(*layer, state_->timed_out))
        co_return ec;
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
    SSL* handle = layer->handle;
    // As if the peer's alert had come: SSL_shutdown then only sends ours.
    SSL_set_shutdown(handle, SSL_get_shutdown(handle) | SSL_RECEIVED_SHUTDOWN);
    arm();
    // Fails harmlessly on a connection the peer reset or a session that
    // never finished its handshake.
    co_await drive(*layer, [](SSL* ssl) { return SSL_shutdown(ssl); });
}

} // namespace gatehouse::gateway
