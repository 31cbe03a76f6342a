// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/load_plan.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <string_view>

namespace gatehouse::gateway {

namespace {

bool is_token_char(char ch)
{
    const auto u = static_cast<unsigned char>(ch);
    if (std::isalnum(u))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(ch) != std::string_view::npos;
}

bool is_field_value(std::string_view value)
{
    return std::none_of(value.begin(), value.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return (u < 0x20 && ch != '\t') || u == 0x7f;
    });
}

// Origin-form only, without anything that would break the request line.
bool is_request_target(std::string_view target)
{
    if (target.empty() || target.front() != '/' || target.size() > 8192)
        return false;
    return std::none_of(target.begin(), target.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u <= 0x20 || u == 0x7f;
    });
}

} // namespace

std::size_t latency_buckets::index(std::uint64_t micros)
{
    if (micros < 16)
        return static_cast<std::size_t>(micros);
    const auto msb = static_cast<std::size_t>(std::bit_width(micros) - 1); // >= 4
    const auto sub = static_cast<std::size_t>((micros >> (msb - 3)) & 7);
    return std::min(count - 1, 16 + (msb - 4) * 8 + sub);
}

std::uint64_t latency_buckets::upper_bound_us(std::size_t i)
{
    if (i < 16)
        return i;
    const std::size_t msb = 4 + (i - 16) / 8;
    const std::uint64_t sub = (i - 16) % 8;
    return ((8 + sub + 1) << (msb - 3)) - 1;
}

std::uint64_t latency_buckets::percentile(const std::array<std::uint64_t, count>& counts,
                                          double quantile)
{
    std::uint64_t total = 0;
    for (auto c : counts)
        total += c;
    if (total == 0)
        return 0;
    const double q = std::clamp(quantile, 0.0, 1.0);
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total))));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < count; ++i) {
        seen += counts[i];
        if (seen >= rank)
            return upper_bound_us(i);
    }
    return upper_bound_us(count - 1);
}

std::string load_generator::validate(const load_settings& s)
{
    if (!std::isfinite(s.rate) || s.rate < 0 || s.rate > load_settings::max_rate)
        return "rate must be between 0 and " + std::to_string(load_settings::max_rate);
    if (s.concurrency < 1 || s.concurrency > load_settings::max_concurrency)
        return "concurrency must be between 1 and " +
               std::to_string(load_settings::max_concurrency);
    if (s.threads < 1 || s.threads > load_settings::max_threads)
        return "threads must be between 1 and " + std::to_string(load_settings::max_threads);
    if (!std::isfinite(s.zipf_alpha) || s.zipf_alpha < 0 || s.zipf_alpha > 10)
        return "zipf alpha must be between 0 and 10";
    if (s.request_timeout.count() <= 0 || s.duration.count() < 0)
        return "timeouts and durations must be positive";
    bool any = false;
    for (const auto& set : s.mix) {
        if (!std::isfinite(set.weight) || set.weight < 0)
            return "the weight of '" + set.name + "' must be zero or more";
        for (const auto& target : set.targets) {
            if (!is_request_target(target))
                return "invalid request target in '" + set.name + "': " + target;
        }
        any = any || (set.weight > 0 && !set.targets.empty());
    }
    if (!any)
        return "the mix has no URL set with a positive weight and targets";
    for (const auto& [name, value] : s.headers) {
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char))
            return "invalid header name '" + name + "'";
        if (!is_field_value(value))
            return "invalid value for header '" + name + "'";
    }
    return {};
}

namespace load_detail {

std::vector<double> zipf_cdf(std::size_t n, double alpha)
{
    std::vector<double> cdf(n);
    double sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
        sum += alpha == 0 ? 1.0 : std::pow(static_cast<double>(k + 1), -alpha);
        cdf[k] = sum;
    }
    for (auto& c : cdf)
        c /= sum;
    if (!cdf.empty())
        cdf.back() = 1.0; // no rounding gap at the top
    return cdf;
}

std::size_t sample_cdf(const std::vector<double>& cdf, double u)
{
    const auto it = std::upper_bound(cdf.begin(), cdf.end(), u);
    return std::min(static_cast<std::size_t>(it - cdf.begin()), cdf.size() - 1);
}

void load_plan::build_request(std::uint64_t& rng, std::string& out) const
{
    const auto& set = sets[sets.size() == 1 ? 0 : sample_cdf(mix_cdf, uniform01(rng))];
    const std::size_t k = sample_cdf(set.cdf, uniform01(rng));
    set.counts[k].fetch_add(1, std::memory_order_relaxed);
    out.assign("GET ");
    out.append(set.targets[k]);
    out.append(head_tail);
}

std::shared_ptr<const load_plan> make_load_plan(const load_settings& settings,
                                                const std::string& host_header,
                                                const load_plan* previous)
{
    auto plan = std::make_shared<load_plan>();
    double total_weight = 0;
    for (const auto& set : settings.mix) {
        if (set.weight <= 0 || set.targets.empty())
            continue;
        total_weight += set.weight;
        load_plan::url_set compiled;
        compiled.name = set.name;
        compiled.targets = set.targets;
        compiled.cdf = zipf_cdf(set.targets.size(), settings.zipf_alpha);
        if (previous) {
            for (const auto& old : previous->sets) {
                if (old.name == set.name && old.targets == set.targets)
                    compiled.counts = old.counts;
            }
        }
        if (!compiled.counts)
            compiled.counts = std::shared_ptr<std::atomic<std::uint64_t>[]>(
                new std::atomic<std::uint64_t>[set.targets.size()]());
        plan->mix_cdf.push_back(total_weight);
        plan->sets.push_back(std::move(compiled));
    }
    for (auto& c : plan->mix_cdf)
        c /= total_weight;
    if (!plan->mix_cdf.empty())
        plan->mix_cdf.back() = 1.0;

    plan->head_tail = " HTTP/1.1\r\nHost: " + host_header + "\r\nUser-Agent: gatehouse-load\r\n";
    for (const auto& [name, value] : settings.headers)
        plan->head_tail.append(name).append(": ").append(value).append("\r\n");
    plan->head_tail.append("\r\n");

    plan->rate = settings.rate;
    if (settings.rate > 0)
        plan->interval = std::chrono::nanoseconds(static_cast<std::int64_t>(1e9 / settings.rate));
    plan->concurrency = settings.concurrency;
    plan->timeout = settings.request_timeout;
    return plan;
}

std::chrono::steady_clock::time_point pacer::claim(std::chrono::nanoseconds interval)
{
    // A slot missed by less than this (a late timer) is still taken, so the
    // rate holds; older ones are dropped rather than sent as a burst.
    constexpr std::int64_t catch_up_ns = 20'000'000;
    const std::int64_t now = now_ns();
    std::int64_t next = next_.load(std::memory_order_relaxed);
    std::int64_t slot = now;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        slot = std::max(next, now - catch_up_ns);
        if (next_.compare_exchange_weak(next, slot + interval.count(), std::memory_order_relaxed))
            break;
    }
    return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(slot));
}

void thread_counters::reset()
{
    for (auto* c : {&sent, &completed, &connect_errors, &io_errors, &connections, &bytes_sent,
                    &bytes_received, &latency_max})
        c->store(0, std::memory_order_relaxed);
    for (auto& c : status)
        c.store(0, std::memory_order_relaxed);
    for (auto& c : latency)
        c.store(0, std::memory_order_relaxed);
}

load_stats sum(const std::array<thread_counters, load_settings::max_threads>& counters)
{
    load_stats s;
    for (const auto& c : counters) {
        s.sent += c.sent.load(std::memory_order_relaxed);
        s.completed += c.completed.load(std::memory_order_relaxed);
        s.connect_errors += c.connect_errors.load(std::memory_order_relaxed);
        s.io_errors += c.io_errors.load(std::memory_order_relaxed);
        s.connections_opened += c.connections.load(std::memory_order_relaxed);
        s.bytes_sent += c.bytes_sent.load(std::memory_order_relaxed);
        s.bytes_received += c.bytes_received.load(std::memory_order_relaxed);
        s.latency_max_us =
            std::max(s.latency_max_us, c.latency_max.load(std::memory_order_relaxed));
        for (std::size_t i = 0; i < c.status.size(); ++i)
            s.status_classes[i] += c.status[i].load(std::memory_order_relaxed);
        for (std::size_t i = 0; i < s.latency.size(); ++i)
            s.latency[i] += c.latency[i].load(std::memory_order_relaxed);
    }
    // A bucket's upper bound can lie above the largest latency seen in it.
    s.latency_p50_us = std::min(s.latency_max_us, latency_buckets::percentile(s.latency, 0.50));
    s.latency_p90_us = std::min(s.latency_max_us, latency_buckets::percentile(s.latency, 0.90));
    s.latency_p99_us = std::min(s.latency_max_us, latency_buckets::percentile(s.latency, 0.99));
    return s;
}

} // namespace load_detail

} // namespace gatehouse::gateway
