// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "gateway/file_write.hpp"
#include "gateway/forwarding.hpp"
#include "gateway/upstream_tls.hpp"

#include "gateway/cache/cache_key.hpp"
#include "gateway/cache/cache_store.hpp"
#include "gateway/health_checker.hpp"
#include "gateway/session.hpp"
#include "gateway/worker.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <condition_variable>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include <pthread.h>
#include <unistd.h>

namespace gatehouse::gateway {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct gateway_server::impl {
    gateway_shared shared;
    // lifecycle_mutex serialises start() and stop(), which may take seconds;
    // state_mutex guards what stats() and the getters read, and is only ever
    // held briefly.
    std::mutex lifecycle_mutex;
    mutable std::mutex state_mutex;
    std::vector<std::unique_ptr<worker>> workers;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    std::unique_ptr<tcp::acceptor> acceptor;
    bool running = false;
    std::uint16_t port = 0;
    std::string address;

    std::mutex apply_mutex; // serialises apply(); guards registry and the cache store swap
    target_registry registry;
    std::vector<std::string> apply_warnings; // of the last install; under apply_mutex
    // Replaced only under apply_mutex (with a recompiled configuration);
    // readers take a copy of the pointer under cache_mutex.
    mutable std::mutex cache_mutex;
    std::shared_ptr<cache::cache_store> cache_store =
        make_store(256u * 1024 * 1024, cache::eviction_kind::tiny_lfu);
    health_checker health;
    stats_snapshot retired; // counters of workers from earlier runs

    // One ring per worker index; they only ever grow in number and live as
    // long as the server, so workers hold plain pointers to them.
    mutable std::mutex rings_mutex;
    std::vector<std::unique_ptr<call_record_ring>> rings;

    void add_worker_counters(stats_snapshot& out) const;

    // Looks up the host names of targets on a thread of its own (for the
    // server's whole life, running or not), so neither requests nor the
    // caller of apply() wait for DNS, and no lock is held during a lookup:
    // unresolved names at once and then every retry_interval, resolved ones
    // again every dns_refresh_interval of the configuration, or sooner when
    // their TTL runs out first (schedule_lookups). Woken by
    // apply(), otherwise when the next lookup falls due.
    std::mutex retry_mutex;
    std::condition_variable retry_wake;
    bool retry_stop = false;
    bool retry_now = false;
    std::chrono::milliseconds retry_interval = gateway_options{}.resolve_retry_interval;
    host_resolver resolver;        // empty: the system's; under retry_mutex
    std::optional<dns_server> dns; // gateway_options::test_dns_server; under retry_mutex
    std::thread retry_thread;
    host_lookups lookups; // the latest answer per name in use; under apply_mutex
    std::mutex lookups_hook_mutex;
    std::function<void()> lookups_hook; // under lookups_hook_mutex, also while it runs
    void start_resolver();
    void stop_resolver();
    void wake_resolver();
    // Returns when the next lookup falls due (none: wait to be woken).
    std::optional<std::chrono::steady_clock::time_point>
    resolve_round(std::chrono::milliseconds retry);
    // Closes the pooled connections to targets `before` had and `after`
    // has not. Caller holds apply_mutex.
    void retire_targets(const runtime_config& before, const runtime_config& after);
    std::shared_ptr<const runtime_config> config() const
    {
        std::lock_guard lock(shared.config_mutex);
        return shared.config;
    }

    static std::shared_ptr<cache::cache_store> make_store(std::size_t budget,
                                                          cache::eviction_kind eviction)
    {
        cache::store_options options;
        options.budget_bytes = budget;
        options.policy = eviction;
        // A quarter of the descriptors for stored bodies kept in files.
        options.files.max_files = raise_open_file_limit() / 4;
        return std::make_shared<cache::cache_store>(options);
    }
    std::shared_ptr<cache::cache_store> store() const
    {
        std::lock_guard lock(cache_mutex);
        return cache_store;
    }
    // Caller holds apply_mutex.
    std::string install(const config_snapshot& snapshot);
    std::string replace_store(std::size_t budget, cache::eviction_kind eviction);

    asio::awaitable<void> accept_loop();
    void run_on_each_worker(const std::function<void(worker&)>& task);
    std::uint64_t active_connections() const;
};

namespace {

// An accepted connection's descriptor on its way to its worker: closed if
// it never gets there (the worker's context stopped first).
class connection_descriptor {
public:
    explicit connection_descriptor(int fd)
        : fd_(fd)
    {
    }
    connection_descriptor(connection_descriptor&& other) noexcept
        : fd_(std::exchange(other.fd_, -1))
    {
    }
    connection_descriptor& operator=(connection_descriptor&&) = delete;
    ~connection_descriptor()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const { return fd_; }
    void disown() { fd_ = -1; }

private:
    int fd_;
};

} // namespace

asio::awaitable<void> gateway_server::impl::accept_loop()
{
    constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
    std::size_t next = 0;
    asio::steady_timer backoff(co_await asio::this_coro::executor);
    boost::system::error_code endpoint_ec;
    const tcp protocol = acceptor->local_endpoint(endpoint_ec).protocol();
    // Accepted on this (the first) worker's context, whatever worker serves it.
    asio::io_context& own = workers.front()->ioc;
    for (;;) {
        worker& target = *workers[next++ % workers.size()];
        auto [ec, socket] = co_await acceptor->async_accept(own, nothrow);
        if (ec == asio::error::operation_aborted || !acceptor->is_open())
            co_return;
        if (ec) {
            // Out of descriptors or similar: back off briefly instead of
            // spinning; connections already open keep being served.
            backoff.expires_after(std::chrono::milliseconds(10));
            co_await backoff.async_wait(nothrow);
            continue;
        }
        if (&target == workers.front().get()) {
            start_session(target, std::move(socket)); // this thread's own context
            continue;
        }
        // Another worker's connection is registered with that worker's
        // reactor on that worker's thread: the descriptor goes over, not the
        // socket. A worker's socket operations take no lock (worker.hpp), so
        // its reactor's bookkeeping must only ever be touched by its thread.
        boost::system::error_code release_ec;
        connection_descriptor fd{socket.release(release_ec)};
        if (release_ec)
            continue; // the socket closed itself
        asio::post(target.ioc, [&target, protocol, fd = std::move(fd)]() mutable {
            worker_socket s(target.ioc.get_executor());
            boost::system::error_code assign_ec;
            s.assign(protocol, fd.get(), assign_ec);
            if (assign_ec)
                return; // fd closes itself
            fd.disown();
            start_session(target, std::move(s));
        });
    }
}

void gateway_server::impl::run_on_each_worker(const std::function<void(worker&)>& task)
{
    std::vector<std::future<void>> done;
    for (auto& w : workers) {
        auto promise = std::make_shared<std::promise<void>>();
        done.push_back(promise->get_future());
        asio::post(w->ioc, [&task, &w, promise] {
            task(*w);
            promise->set_value();
        });
    }
    for (auto& f : done)
        f.wait();
}

void gateway_server::impl::add_worker_counters(stats_snapshot& out) const
{
    out.worker_active_connections.clear();
    out.worker_active_connections.reserve(workers.size());
    for (const auto& w : workers) {
        const auto& s = w->stats;
        out.requests += s.requests.load(std::memory_order_relaxed);
        const auto active = s.active_connections.load(std::memory_order_relaxed);
        out.active_connections += active;
        out.worker_active_connections.push_back(active);
        out.accepted_connections += s.accepted_connections.load(std::memory_order_relaxed);
        for (std::size_t i = 0; i < out.status_classes.size(); ++i)
            out.status_classes[i] += s.status_classes[i].load(std::memory_order_relaxed);
        out.bytes_in += s.bytes_in.load(std::memory_order_relaxed);
        out.bytes_out += s.bytes_out.load(std::memory_order_relaxed);
        out.upstream_errors += s.upstream_errors.load(std::memory_order_relaxed);
        out.failed_tls_handshakes += s.failed_tls_handshakes.load(std::memory_order_relaxed);
        out.refused_proxy_headers += s.refused_proxy_headers.load(std::memory_order_relaxed);
    }
}

std::uint64_t gateway_server::impl::active_connections() const
{
    std::uint64_t n = 0;
    for (const auto& w : workers)
        n += w->stats.active_connections.load(std::memory_order_relaxed);
    return n;
}

gateway_server::gateway_server()
    : impl_(std::make_unique<impl>())
{
    impl_->start_resolver();
}

gateway_server::~gateway_server()
{
    stop(std::chrono::milliseconds(0));
    impl_->stop_resolver();
}

namespace {

// An HTTPS listener's context from its two files, for a start and a reload
// alike; null with why in `error`.
std::shared_ptr<asio::ssl::context> load_listener_tls(const std::string& certificate_file,
                                                      const std::string& key_file,
                                                      std::string& error)
{
    if (certificate_file.empty() || key_file.empty()) {
        error = "HTTPS needs both a certificate and a key file";
        return nullptr;
    }
    std::string why;
    auto context = make_listener_tls_context(certificate_file, key_file, why);
    if (!context)
        error = "cannot serve HTTPS: " + why;
    return context;
}

} // namespace

std::string gateway_server::start(const gateway_options& options)
{
    std::lock_guard lock(impl_->lifecycle_mutex);
    if (impl_->running)
        return "the gateway is already running";
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options.listen_address, ec);
    if (ec)
        return "invalid listen address '" + options.listen_address + "'";
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

    std::shared_ptr<asio::ssl::context> listener_tls;
    if (!options.tls_certificate_file.empty() || !options.tls_key_file.empty()) {
        std::string error;
        listener_tls = load_listener_tls(options.tls_certificate_file, options.tls_key_file, error);
        if (!listener_tls)
            return error;
    }

    impl_->shared.options = options;
    impl_->shared.listener_tls.store(std::move(listener_tls), std::memory_order_release);
    {
        std::lock_guard apply_lock(impl_->apply_mutex);
        const auto current = impl_->store();
        if (current->budget_bytes() != options.cache_budget_bytes ||
            current->policy() != options.cache_eviction) {
            if (auto error =
                    impl_->replace_store(options.cache_budget_bytes, options.cache_eviction);
                !error.empty())
                return error;
        }
    }
    impl_->shared.via_10 = "1.0 " + options.via_name;
    impl_->shared.via_11 = "1.1 " + options.via_name;
    impl_->shared.stopping.store(false);
    std::vector<std::unique_ptr<worker>> workers;
    {
        std::lock_guard rings_lock(impl_->rings_mutex);
        while (impl_->rings.size() < threads)
            impl_->rings.push_back(std::make_unique<call_record_ring>(call_ring_capacity));
        for (unsigned i = 0; i < threads; ++i) {
            workers.push_back(std::make_unique<worker>(impl_->shared, i));
            workers.back()->records = impl_->rings[i].get();
        }
    }
    {
        std::lock_guard state_lock(impl_->state_mutex);
        impl_->workers = std::move(workers);
    }

    auto acceptor = std::make_unique<tcp::acceptor>(impl_->workers.front()->ioc);
    const tcp::endpoint endpoint(address, options.port);
    const std::string where = options.listen_address + ":" + std::to_string(options.port);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor->bind(endpoint, ec);
    if (!ec)
        acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        // The acceptor's socket belongs to the first worker's io_context:
        // it must close before that context (and its socket service) goes.
        acceptor.reset();
        std::lock_guard state_lock(impl_->state_mutex);
        impl_->workers.clear();
        return "cannot listen on " + where + ": " + ec.message();
    }
    {
        std::lock_guard state_lock(impl_->state_mutex);
        impl_->port = acceptor->local_endpoint().port();
        impl_->address = options.listen_address;
    }
    impl_->acceptor = std::move(acceptor);

    impl_->guards.clear();
    for (auto& w : impl_->workers) {
        impl_->guards.push_back(asio::make_work_guard(w->ioc));
        w->thread = std::thread([&ioc = w->ioc, index = w->index] {
            block_sigpipe_in_this_thread(); // sendfile of cached bodies
            // "gh-worker-N" in top -H, perf and /proc (the benchmarks count
            // the workers' CPU time by it).
            const std::string name = "gh-worker-" + std::to_string(index);
            pthread_setname_np(pthread_self(), name.c_str());
            ioc.run();
        });
    }
    asio::co_spawn(impl_->workers.front()->ioc, impl_->accept_loop(), asio::detached);
    impl_->health.start();
    {
        // A round now, then at the new interval (a wait under way would
        // otherwise keep the old one).
        std::lock_guard retry_lock(impl_->retry_mutex);
        impl_->retry_interval = options.resolve_retry_interval;
        impl_->dns.reset();
        if (!options.test_dns_server.empty())
            impl_->dns = dns_server{options.test_dns_server, options.test_dns_port};
        impl_->retry_now = true;
    }
    impl_->retry_wake.notify_all();
    {
        std::lock_guard apply_lock(impl_->apply_mutex);
        std::lock_guard config_lock(impl_->shared.config_mutex);
        if (impl_->shared.config)
            impl_->health.update(impl_->shared.config);
    }
    {
        std::lock_guard state_lock(impl_->state_mutex);
        impl_->running = true;
    }
    return {};
}

void gateway_server::stop(std::chrono::milliseconds drain)
{
    std::lock_guard lock(impl_->lifecycle_mutex);
    if (!impl_->running)
        return;
    impl_->shared.stopping.store(true);
    // 1. Stop accepting; ask idle connections to close and busy ones to close
    //    after their current response.
    asio::post(impl_->workers.front()->ioc, [this] {
        boost::system::error_code ignored;
        impl_->acceptor->close(ignored);
    });
    impl_->run_on_each_worker([](worker& w) {
        for (auto& session : w.sessions)
            session.request_stop();
    });
    // 2. Let in-flight requests finish, up to the deadline.
    const auto deadline = std::chrono::steady_clock::now() + drain;
    while (impl_->active_connections() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    // 3. Close whatever is left, then let the workers run out of work.
    impl_->run_on_each_worker([](worker& w) {
        for (auto& session : w.sessions)
            session.force_stop();
    });
    const auto grace = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (impl_->active_connections() > 0 && std::chrono::steady_clock::now() < grace)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    impl_->run_on_each_worker([](worker& w) { w.pool.clear(); });
    impl_->health.stop();
    impl_->guards.clear();
    for (auto& w : impl_->workers) {
        if (impl_->active_connections() > 0)
            w->ioc.stop(); // a connection that ignored cancellation
        w->thread.join();
    }
    impl_->acceptor.reset();
    std::lock_guard state_lock(impl_->state_mutex);
    impl_->add_worker_counters(impl_->retired);
    impl_->retired.active_connections = 0;
    impl_->workers.clear();
    impl_->running = false;
}

bool gateway_server::running() const
{
    std::lock_guard lock(impl_->state_mutex);
    return impl_->running;
}

std::uint16_t gateway_server::port() const
{
    std::lock_guard lock(impl_->state_mutex);
    return impl_->port;
}

std::string gateway_server::listen_address() const
{
    std::lock_guard lock(impl_->state_mutex);
    return impl_->address;
}

std::string gateway_server::reload_listener_tls(const std::string& certificate_file,
                                                const std::string& key_file)
{
    std::lock_guard lock(impl_->lifecycle_mutex); // not while it starts or stops
    if (!running())
        return "the gateway is not running";
    if (!impl_->shared.listener_tls.load(std::memory_order_acquire))
        return "the gateway serves plain HTTP; HTTPS needs a new start";
    std::string error;
    auto context = load_listener_tls(certificate_file, key_file, error);
    if (!context)
        return error;
    impl_->shared.listener_tls.store(std::move(context), std::memory_order_release);
    return {};
}

std::size_t gateway_server::drain_call_records(std::vector<call_record>& out, std::size_t max)
{
    std::lock_guard lock(impl_->rings_mutex);
    std::size_t taken = 0;
    for (auto& ring : impl_->rings) {
        if (taken >= max)
            break;
        taken += ring->drain(out, max - taken);
    }
    return taken;
}

void gateway_server::set_call_records_hook(std::function<void()> hook)
{
    std::lock_guard lock(impl_->shared.records_hook_mutex);
    impl_->shared.records_hook = std::move(hook);
}

void gateway_server::set_call_recording(bool enabled)
{
    impl_->shared.record_calls.store(enabled, std::memory_order_relaxed);
}

std::uint64_t gateway_server::dropped_call_records() const
{
    std::lock_guard lock(impl_->rings_mutex);
    std::uint64_t dropped = 0;
    for (const auto& ring : impl_->rings)
        dropped += ring->dropped();
    return dropped;
}

std::string gateway_server::apply(const config_snapshot& snapshot)
{
    if (auto errors = validate(snapshot); !errors.empty())
        return errors;
    {
        std::lock_guard lock(impl_->apply_mutex);
        if (auto error = impl_->install(snapshot); !error.empty())
            return error;
    }
    // New names to look up, or another refresh interval to wait for.
    impl_->wake_resolver();
    return {};
}

std::vector<std::string> gateway_server::apply_warnings() const
{
    std::lock_guard lock(impl_->apply_mutex);
    return impl_->apply_warnings;
}

void gateway_server::set_host_resolver(host_resolver resolver)
{
    std::lock_guard lock(impl_->retry_mutex);
    impl_->resolver = std::move(resolver);
}

void gateway_server::set_lookups_hook(std::function<void()> hook)
{
    std::lock_guard lock(impl_->lookups_hook_mutex);
    impl_->lookups_hook = std::move(hook);
}

void gateway_server::impl::start_resolver()
{
    retry_thread = std::thread([this] {
        std::unique_lock lock(retry_mutex);
        std::optional<std::chrono::steady_clock::time_point> next;
        const auto woken = [this] {
            return retry_stop || retry_now;
        };
        while (!retry_stop) {
            if (next)
                retry_wake.wait_until(lock, *next, woken);
            else
                retry_wake.wait(lock, woken);
            if (retry_stop)
                break;
            retry_now = false;
            const auto retry = retry_interval;
            lock.unlock();
            next = resolve_round(retry);
            lock.lock();
        }
    });
}

void gateway_server::impl::stop_resolver()
{
    {
        std::lock_guard lock(retry_mutex);
        retry_stop = true;
    }
    retry_wake.notify_all();
    if (retry_thread.joinable())
        retry_thread.join();
}

void gateway_server::impl::wake_resolver()
{
    {
        std::lock_guard lock(retry_mutex);
        retry_now = true;
    }
    retry_wake.notify_all();
}

// On the resolver thread. Looks the names that are due up with no lock held
// (DNS may take seconds), then recompiles whatever configuration is current
// by then when an answer changed or a target is still unresolved. Targets
// whose addresses stand keep their state and pools; a changed answer swaps
// in fresh states, as atomically as any configuration change.
std::optional<std::chrono::steady_clock::time_point>
gateway_server::impl::resolve_round(std::chrono::milliseconds retry)
{
    const auto current = config();
    if (!current)
        return std::nullopt;
    lookup_schedule plan;
    {
        std::lock_guard apply_lock(apply_mutex);
        plan = schedule_lookups(*current, lookups, std::chrono::steady_clock::now(), retry);
    }
    if (plan.due.empty())
        return plan.next;
    host_resolver custom;
    std::optional<dns_server> server;
    {
        std::lock_guard lock(retry_mutex);
        custom = resolver;
        server = dns;
    }
    host_lookups found;
    for (const auto& [host, port] : plan.due) {
        host_lookup result;
        if (custom) {
            for (const std::string& text : custom(host, port, result.error)) {
                boost::system::error_code ec;
                const auto ip = asio::ip::make_address(text, ec);
                if (!ec)
                    result.endpoints.emplace_back(ip, port);
            }
            if (result.endpoints.empty() && result.error.empty())
                result.error = "no addresses";
            if (!result.endpoints.empty())
                result.error.clear();
        } else {
            result = system_lookup(host, port, server);
        }
        result.at = std::chrono::steady_clock::now();
        found.emplace(lookup_key(host, port), std::move(result));
    }
    bool installed = false;
    std::optional<std::chrono::steady_clock::time_point> next;
    {
        std::lock_guard apply_lock(apply_mutex);
        bool changed = false;
        for (auto& [key, result] : found) {
            const auto before = lookups.find(key);
            if (before == lookups.end() || !before->second.same_answer(result))
                changed = true;
            lookups.insert_or_assign(key, std::move(result));
        }
        // An apply() since may have settled everything (or brought new
        // names, and woken this thread for another round).
        auto now = config();
        if (!now)
            return std::nullopt;
        if (changed || has_unresolved_targets(*now)) {
            install(now->snapshot);
            installed = true;
            now = config();
        }
        prune_lookups(lookups, *now);
        next = schedule_lookups(*now, lookups, std::chrono::steady_clock::now(), retry).next;
    }
    if (installed) {
        std::lock_guard hook_lock(lookups_hook_mutex);
        if (lookups_hook)
            lookups_hook();
    }
    return next;
}

void gateway_server::impl::retire_targets(const runtime_config& before, const runtime_config& after)
{
    std::set<const target_state*> kept;
    for (const auto& upstream : after.upstreams)
        for (const auto& target : upstream->targets)
            kept.insert(target.get());
    std::vector<std::uint64_t> gone;
    for (const auto& upstream : before.upstreams)
        for (const auto& target : upstream->targets)
            if (!kept.count(target.get()) && !target->retired.exchange(true))
                gone.push_back(target->id);
    if (gone.empty())
        return;
    // Each worker owns its pool: the connections close on its own thread.
    // Those still busy with a request close when it ends (give() refuses a
    // retired target), so nothing in flight fails.
    std::lock_guard state_lock(state_mutex);
    for (auto& w : workers)
        asio::post(w->ioc, [&pool = w->pool, gone] { pool.drop(gone); });
}

std::string gateway_server::impl::install(const config_snapshot& snapshot)
{
    const std::uint64_t generation = shared.generation.load() + 1;
    std::string error;
    std::vector<std::string> warnings;
    auto compiled = compile(snapshot, registry, generation, error, lookups, store(), &warnings);
    if (!compiled)
        return error;
    apply_warnings = std::move(warnings);
    std::shared_ptr<const runtime_config> previous;
    {
        std::lock_guard config_lock(shared.config_mutex);
        previous = std::exchange(shared.config, compiled);
        shared.generation.store(generation, std::memory_order_release);
    }
    registry.retain_only(*compiled);
    health.update(compiled);
    if (previous)
        retire_targets(*previous, *compiled);
    if (previous && previous->lookups_pending) {
        // Calls wait for those first lookups on their workers (session.cpp):
        // they look at the configuration again, on their own thread.
        std::lock_guard state_lock(state_mutex);
        for (auto& w : workers)
            asio::post(w->ioc, [&w = *w] { w.wake_lookup_waiters(); });
    }
    return {};
}

std::string gateway_server::impl::replace_store(std::size_t budget, cache::eviction_kind eviction)
{
    if (budget < 64 * 1024)
        return "the cache budget must be at least 64 KiB";
    auto fresh = make_store(budget, eviction);
    {
        std::lock_guard lock(cache_mutex);
        cache_store = std::move(fresh);
    }
    // Recompile so requests resolve their counters against the new store.
    std::shared_ptr<const runtime_config> current;
    {
        std::lock_guard config_lock(shared.config_mutex);
        current = shared.config;
    }
    return current ? install(current->snapshot) : std::string{};
}

cache_report gateway_server::cache_stats() const
{
    const auto store = impl_->store();
    cache_report out;
    out.total = store->totals();
    out.per_api = store->per_api();
    out.budget_bytes = store->budget_bytes();
    out.eviction = store->policy();
    out.body_files = store->body_files()->files_in_use();
    out.body_files_limit = store->body_files()->max_files();
    return out;
}

std::size_t gateway_server::purge_cache_url(std::string_view url)
{
    // A fragment is never sent, so never part of a key.
    std::string_view rest = url.substr(0, url.find('#'));
    // Schemes are case-insensitive (RFC 3986 §3.1); keys carry them in
    // lower case, as requests bring them.
    std::string scheme = "http";
    if (const auto colon = rest.find("://"); colon != std::string_view::npos) {
        scheme.assign(rest.substr(0, colon));
        for (auto& c : scheme)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        rest.remove_prefix(colon + 3);
    }
    const auto slash = rest.find_first_of("/?");
    const std::string_view host = rest.substr(0, slash);
    std::string_view target = slash == std::string_view::npos ? "/" : rest.substr(slash);
    const auto question = target.find('?');
    // The path as a request's is stored (normalize_path): a purge of
    // "/%61pi/x" or "/a/../api/x" reaches what "/api/x" stored.
    std::string path;
    const std::string_view raw_path = target.substr(0, question);
    if (!normalize_path(raw_path.empty() ? "/" : raw_path, path,
                        impl_->shared.options.merge_slashes))
        return 0; // no request with that path is routed, so none is stored
    const std::string_view query =
        question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);

    // The key depends on the route's policy (ignored query parameters).
    cache::cache_policy policy;
    std::shared_ptr<const runtime_config> config;
    {
        std::lock_guard config_lock(impl_->shared.config_mutex);
        config = impl_->shared.config;
    }
    if (config) {
        // The route found as a request's is (session.cpp): by the host in
        // lower case without its port, an IPv6 literal whole.
        const auto match = config->routes.match(
            config->routes.names_hosts() ? host_without_port(host) : std::string(), "GET", path);
        if (match.result == route_match::outcome::matched)
            policy = config->snapshot.routes[match.route_index].cache;
    }
    cache::key_parts parts;
    parts.scheme = scheme;
    parts.host = host;
    parts.path = path;
    parts.query = query;
    const auto key = cache::make_cache_key(parts, policy);
    return impl_->store()->purge_key(key.primary);
}

std::size_t gateway_server::purge_cache_api(std::string_view api_key)
{
    return impl_->store()->purge_api(api_key);
}

std::size_t gateway_server::purge_cache_prefix(std::string_view path_prefix, std::string_view host)
{
    return impl_->store()->purge_prefix(path_prefix, host);
}

std::size_t gateway_server::purge_cache_tag(std::string_view tag)
{
    return impl_->store()->purge_tag(tag);
}

std::size_t gateway_server::flush_cache()
{
    return impl_->store()->flush();
}

std::vector<cache::cache_event> gateway_server::recent_cache_events(std::size_t limit) const
{
    return impl_->store()->recent_events(limit);
}

std::string gateway_server::set_cache_options(std::size_t budget_bytes,
                                              cache::eviction_kind eviction)
{
    std::lock_guard lock(impl_->apply_mutex);
    return impl_->replace_store(budget_bytes, eviction);
}

stats_snapshot gateway_server::stats() const
{
    stats_snapshot out;
    {
        std::lock_guard lock(impl_->state_mutex);
        out = impl_->retired;
        impl_->add_worker_counters(out);
    }
    out.dropped_call_records = dropped_call_records();
    std::shared_ptr<const runtime_config> config;
    {
        std::lock_guard config_lock(impl_->shared.config_mutex);
        config = impl_->shared.config;
    }
    out.config_generation = config ? config->generation : 0;
    if (config) {
        const auto now = std::chrono::steady_clock::now();
        for (const auto& upstream : config->upstreams) {
            for (std::size_t i = 0; i < upstream->targets.size(); ++i) {
                const auto& t = upstream->targets[i];
                target_health h;
                h.upstream = upstream->config.name;
                h.url = t->url;
                h.healthy = t->healthy(now);
                h.consecutive_failures = t->consecutive_failures.load(std::memory_order_relaxed);
                h.active_connections = t->active_connections.load(std::memory_order_relaxed);
                h.requests = t->requests.load(std::memory_order_relaxed);
                h.failures = t->failures.load(std::memory_order_relaxed);
                h.last_latency_us = t->last_latency_us.load(std::memory_order_relaxed);
                h.problem = t->resolve_error;
                h.refresh_error = upstream->refresh_errors[i];
                out.targets.push_back(std::move(h));
            }
        }
    }
    return out;
}

} // namespace gatehouse::gateway
