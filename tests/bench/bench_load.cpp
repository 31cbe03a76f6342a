// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// A closed-loop HTTP/1.1 load generator for the benchmarks, for where wrk's
// own core is the limit: large responses. wrk copies every body into user
// space 8 KiB at a time and parses it; at 64 KiB per response, one core of
// wrk tops out below what a fast cache serves. This client reads the head
// (Beast's parser, no allocation) and drops a Content-Length body inside the
// kernel (recv with MSG_TRUNC: counted, never copied), so on the core it
// shares with the origin it can take several times wrk's responses/s. The
// proxy under test does exactly the same work as for wrk: sending is not
// changed by how the peer receives.
//
// Usage: bench_load [-c CONNECTIONS] [-d SECONDS] [-w WARMUP_SECONDS]
//                   [--timeout SECONDS] http://ADDRESS:PORT/PATH
// ADDRESS is an IP literal. Each connection sends `GET PATH HTTP/1.1` with a
// Host header, waits for the whole response, and sends the next request
// (keep-alive; reconnects when the server closes). Prints a wrk-like summary
// and one machine-readable line, the same as the wrk scripts' `done()`:
// BENCH requests= seconds= rps= p50_us= p90_us= p99_us= max_us= err_connect=
// err_read= err_write= err_timeout= err_status= body_bytes= (the last: body
// bytes of the complete responses, for checking the client itself).
// Latency runs from writing a request to the last byte of its response.
#include "gateway/http_util.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/basic_parser.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <vector>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::system::error_code;
using clock_type = std::chrono::steady_clock;

namespace {

// Status and framing of one response; fields and bodies are only counted.
class response_head final : public http::basic_parser<false> {
public:
    unsigned status = 0;
    std::uint64_t body_seen = 0; // body bytes parsed (not those dropped unread)

private:
    void on_request_impl(http::verb, boost::beast::string_view, boost::beast::string_view, int,
                         error_code&) override
    {
    }
    void on_response_impl(int code, boost::beast::string_view, int, error_code&) override
    {
        status = unsigned(code);
    }
    void on_field_impl(http::field, boost::beast::string_view, boost::beast::string_view,
                       error_code&) override
    {
    }
    void on_header_impl(error_code&) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t>&, error_code&) override {}
    std::size_t on_body_impl(boost::beast::string_view body, error_code&) override
    {
        body_seen += body.size();
        return body.size();
    }
    void on_chunk_header_impl(std::uint64_t, boost::beast::string_view, error_code&) override {}
    std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body,
                                   error_code&) override
    {
        body_seen += body.size();
        return body.size();
    }
    void on_finish_impl(error_code&) override {}
};

struct counters {
    std::uint64_t requests = 0;
    std::uint64_t bytes = 0;      // all received, heads included
    std::uint64_t body_bytes = 0; // of complete responses
    std::uint64_t err_connect = 0, err_read = 0, err_write = 0, err_timeout = 0, err_status = 0;
    std::vector<std::uint32_t> latency_us;
};

struct run_state {
    asio::io_context io{1};
    asio::ip::tcp::endpoint endpoint;
    std::string request;
    std::chrono::seconds timeout{5};
    bool measuring = false;
    counters counted;
    // Where MSG_TRUNC receives point. The kernel does not write to it; it is
    // real memory all the same, so a kernel that did would only scribble here.
    std::array<char, 256 * 1024> discard{};
};

class connection : public std::enable_shared_from_this<connection> {
public:
    explicit connection(run_state& run)
        : run_(run)
        , socket_(run.io)
        , backoff_(run.io)
    {
    }

    void start() { connect(); }

    // Called by the sweep: a response overdue by the timeout is an error and
    // the connection starts over.
    void check_timeout(clock_type::time_point now)
    {
        if (waiting_ && now - sent_at_ > run_.timeout) {
            count(run_.counted.err_timeout);
            restart();
        }
    }

    void close()
    {
        error_code ignored;
        socket_.close(ignored);
        backoff_.cancel();
    }

private:
    void connect()
    {
        waiting_ = false;
        socket_.async_connect(run_.endpoint, [self = shared_from_this()](error_code ec) {
            if (self->failed(ec, self->run_.counted.err_connect))
                return;
            self->socket_.set_option(asio::ip::tcp::no_delay(true), ec);
            self->send();
        });
    }

    // True when an operation ended without its result: cancelled by a close
    // (nothing more to do) or failed (counted in `errors`; the connection
    // starts over).
    bool failed(error_code ec, std::uint64_t& errors)
    {
        if (ec && ec != asio::error::operation_aborted) {
            count(errors);
            restart();
        }
        return bool(ec);
    }

    // A response that cannot be read or makes no sense: the connection starts over.
    void read_error()
    {
        count(run_.counted.err_read);
        restart();
    }

    // After an error: a new connection, a little later (not a busy loop
    // against a server that refuses).
    void restart()
    {
        error_code ignored;
        socket_.close(ignored); // pending handlers run with operation_aborted
        backoff_.expires_after(std::chrono::milliseconds(10));
        backoff_.async_wait([self = shared_from_this()](error_code ec) {
            if (!ec)
                self->connect();
        });
    }

    // After a response that ended the connection: a new one at once, as wrk.
    void reconnect()
    {
        error_code ignored;
        socket_.close(ignored);
        connect();
    }

    void new_head()
    {
        head_.emplace();
        head_->eager(false); // stop after the head: a sized body is dropped unread
        head_->header_limit(std::uint32_t(head_buffer_.size()));
    }

    void send()
    {
        sent_at_ = clock_type::now();
        waiting_ = true;
        used_ = 0;
        new_head();
        asio::async_write(socket_, asio::buffer(run_.request),
                          [self = shared_from_this()](error_code ec, std::size_t) {
                              if (!self->failed(ec, self->run_.counted.err_write))
                                  self->read_head();
                          });
    }

    void read_head()
    {
        socket_.async_read_some(
            asio::buffer(head_buffer_.data() + used_, head_buffer_.size() - used_),
            [self = shared_from_this()](error_code ec, std::size_t n) {
                self->on_head_bytes(ec, n);
            });
    }

    void on_head_bytes(error_code ec, std::size_t n)
    {
        if (ec == asio::error::operation_aborted)
            return;
        if (ec == asio::error::eof && head_->is_header_done() && head_->need_eof()) {
            head_->put_eof(ec); // a body delimited by the close: complete
            finish(head_->body_seen);
            return;
        }
        if (ec) {
            // A keep-alive connection the server closed before answering is
            // not an error (it may close idle ones); the request is re-sent.
            if (ec == asio::error::eof && used_ == 0 && !head_->got_some())
                restart();
            else
                read_error();
            return;
        }
        used_ += n;
        run_.counted.bytes += run_.measuring ? n : 0;
        parse_buffered();
    }

    // Feeds what the buffer holds to the parser: the head, then the body
    // when it has no Content-Length (chunked, or up to the close); a sized
    // body is dropped in the kernel instead (discard_body).
    void parse_buffered()
    {
        std::size_t offset = 0;
        while (true) {
            error_code ec;
            const std::size_t consumed =
                head_->put(asio::buffer(head_buffer_.data() + offset, used_ - offset), ec);
            offset += consumed;
            if (ec == http::error::need_more) {
                if (offset == 0 && used_ == head_buffer_.size()) {
                    read_error(); // a head over the buffer
                    return;
                }
                break;
            }
            if (ec) {
                read_error();
                return;
            }
            if (head_->is_done()) {
                if (gatehouse::gateway::is_interim_status(head_->status)) {
                    new_head(); // 1xx: the final response follows
                    continue;
                }
                if (offset != used_) {
                    read_error(); // bytes nobody asked for
                    return;
                }
                finish(head_->body_seen);
                return;
            }
            const auto length = head_->is_header_done() ? head_->content_length()
                                                        : boost::optional<std::uint64_t>();
            if (length && !head_->eager()) {
                const std::uint64_t buffered = used_ - offset;
                if (buffered > *length) {
                    read_error(); // bytes nobody asked for
                    return;
                }
                body_left_ = *length - buffered;
                if (body_left_ == 0) {
                    finish(*length);
                    return;
                }
                discard_body();
                return;
            }
            if (!head_->is_header_done() || consumed == 0)
                break;
            head_->eager(true); // chunked, or up to the close: parse the body too
        }
        // Keep what is not parsed yet at the front and read more.
        std::memmove(head_buffer_.data(), head_buffer_.data() + offset, used_ - offset);
        used_ -= offset;
        read_head();
    }

    void discard_body()
    {
        const std::size_t want =
            std::size_t(std::min<std::uint64_t>(body_left_, run_.discard.size()));
        socket_.async_receive(asio::buffer(run_.discard.data(), want), MSG_TRUNC,
                              [self = shared_from_this()](error_code ec, std::size_t n) {
                                  if (self->failed(ec, self->run_.counted.err_read))
                                      return;
                                  self->run_.counted.bytes += self->run_.measuring ? n : 0;
                                  self->body_left_ -= n;
                                  if (self->body_left_ == 0)
                                      self->finish(*self->head_->content_length());
                                  else
                                      self->discard_body();
                              });
    }

    void finish(std::uint64_t body_bytes)
    {
        waiting_ = false;
        if (run_.measuring) {
            auto& c = run_.counted;
            ++c.requests;
            c.body_bytes += body_bytes;
            if (head_->status < 200 || head_->status >= 400)
                ++c.err_status;
            const auto us =
                std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - sent_at_)
                    .count();
            c.latency_us.push_back(std::uint32_t(std::min<long long>(us, UINT32_MAX)));
        }
        if (head_->keep_alive())
            send();
        else
            reconnect();
    }

    void count(std::uint64_t& counter)
    {
        if (run_.measuring)
            ++counter;
    }

    run_state& run_;
    asio::ip::tcp::socket socket_;
    asio::steady_timer backoff_;
    std::array<char, 16 * 1024> head_buffer_{};
    std::size_t used_ = 0;
    std::optional<response_head> head_;
    std::uint64_t body_left_ = 0;
    clock_type::time_point sent_at_;
    bool waiting_ = false;
};

std::uint32_t percentile(const std::vector<std::uint32_t>& sorted, double q)
{
    if (sorted.empty())
        return 0;
    const auto rank = std::size_t(q * double(sorted.size()));
    return sorted[std::min(rank, sorted.size() - 1)];
}

[[noreturn]] void usage(const char* why)
{
    std::fprintf(stderr,
                 "bench_load: %s\n"
                 "usage: bench_load [-c CONNECTIONS] [-d SECONDS] [-w WARMUP_SECONDS] "
                 "[--timeout SECONDS] http://ADDRESS:PORT/PATH\n",
                 why);
    std::exit(2);
}

unsigned number(const char* option, const char* text, unsigned low, unsigned high)
{
    char* end = nullptr;
    const unsigned long value = text ? std::strtoul(text, &end, 10) : 0;
    if (!text || *end != '\0' || value < low || value > high) {
        std::fprintf(stderr, "bench_load: %s: expected a whole number from %u to %u\n", option, low,
                     high);
        std::exit(2);
    }
    return unsigned(value);
}

} // namespace

int main(int argc, char** argv)
{
    unsigned connections = 64, seconds = 10, warmup = 0, timeout = 5;
    const struct {
        std::string_view name;
        unsigned* value;
        unsigned low, high;
    } options[] = {{"-c", &connections, 1, 10000},
                   {"-d", &seconds, 1, 3600},
                   {"-w", &warmup, 0, 600},
                   {"--timeout", &timeout, 1, 600}};
    std::string url;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto option = std::find_if(std::begin(options), std::end(options),
                                         [&](const auto& o) { return o.name == arg; });
        if (option != std::end(options)) {
            *option->value =
                number(argv[i], i + 1 < argc ? argv[i + 1] : nullptr, option->low, option->high);
            ++i;
        } else if (arg.starts_with("-") || !url.empty())
            usage(("unexpected argument: " + std::string(arg)).c_str());
        else
            url = arg;
    }
    if (url.empty())
        usage("no URL");

    std::string error;
    const auto parsed = gatehouse::gateway::parse_http_url(url, &error);
    if (!parsed)
        usage(error.c_str());
    if (parsed->tls)
        usage("https is not supported: measure TLS with wrk");
    std::string host = parsed->host;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    error_code ec;
    const auto address = asio::ip::make_address(host, ec);
    if (ec)
        usage("the address must be an IP literal (no name lookup)");

    // parse_http_url keeps the path without a trailing slash; the query is
    // part of it.
    const auto scheme_end = url.find("://");
    const auto path_start = url.find('/', scheme_end + 3);
    const std::string target = path_start == std::string::npos ? "/" : url.substr(path_start);

    run_state run;
    run.endpoint = {address, parsed->port};
    run.timeout = std::chrono::seconds(timeout);
    run.request = "GET " + target + " HTTP/1.1\r\nHost: " + parsed->host +
                  (parsed->default_port() ? "" : ":" + std::to_string(parsed->port)) + "\r\n\r\n";
    run.counted.latency_us.reserve(std::size_t(seconds) * 200000);

    std::vector<std::shared_ptr<connection>> pool;
    for (unsigned i = 0; i < connections; ++i) {
        pool.push_back(std::make_shared<connection>(run));
        pool.back()->start();
    }

    // Overdue responses are looked for ten times a second, not with a timer
    // per request.
    asio::steady_timer sweep(run.io);
    std::function<void(error_code)> on_sweep = [&](error_code e) {
        if (e)
            return;
        const auto now = clock_type::now();
        for (auto& c : pool)
            c->check_timeout(now);
        sweep.expires_after(std::chrono::milliseconds(100));
        sweep.async_wait(on_sweep);
    };
    sweep.expires_after(std::chrono::milliseconds(100));
    sweep.async_wait(on_sweep);

    clock_type::time_point started, finished;
    asio::steady_timer phase(run.io);
    auto stop = [&](error_code e) {
        if (e)
            return;
        finished = clock_type::now();
        run.measuring = false;
        run.io.stop();
    };
    auto measure = [&](error_code e) {
        if (e)
            return;
        started = clock_type::now();
        run.measuring = true;
        phase.expires_at(started + std::chrono::seconds(seconds));
        phase.async_wait(stop);
    };
    phase.expires_after(std::chrono::seconds(warmup));
    phase.async_wait(measure);
    run.io.run();
    for (auto& c : pool)
        c->close();

    auto& c = run.counted;
    std::sort(c.latency_us.begin(), c.latency_us.end());
    const double elapsed = std::chrono::duration<double>(finished - started).count();
    const double rps = elapsed > 0 ? double(c.requests) / elapsed : 0.0;
    std::printf("%u connections, %.2f s: %llu responses, %.1f requests/s, %.1f MiB/s\n",
                connections, elapsed, static_cast<unsigned long long>(c.requests), rps,
                elapsed > 0 ? double(c.bytes) / elapsed / (1024.0 * 1024.0) : 0.0);
    std::printf("latency p50 %u us, p90 %u us, p99 %u us, max %u us\n",
                percentile(c.latency_us, 0.50), percentile(c.latency_us, 0.90),
                percentile(c.latency_us, 0.99), c.latency_us.empty() ? 0 : c.latency_us.back());
    std::printf("BENCH requests=%llu seconds=%.3f rps=%.1f p50_us=%u p90_us=%u p99_us=%u "
                "max_us=%u err_connect=%llu err_read=%llu err_write=%llu err_timeout=%llu "
                "err_status=%llu body_bytes=%llu\n",
                static_cast<unsigned long long>(c.requests), elapsed, rps,
                percentile(c.latency_us, 0.50), percentile(c.latency_us, 0.90),
                percentile(c.latency_us, 0.99), c.latency_us.empty() ? 0 : c.latency_us.back(),
                static_cast<unsigned long long>(c.err_connect),
                static_cast<unsigned long long>(c.err_read),
                static_cast<unsigned long long>(c.err_write),
                static_cast<unsigned long long>(c.err_timeout),
                static_cast<unsigned long long>(c.err_status),
                static_cast<unsigned long long>(c.body_bytes));
    return c.requests > 0 ? 0 : 1;
}
