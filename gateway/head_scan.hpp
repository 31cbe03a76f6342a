// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/http/field.hpp>

#include <array>
#include <cstddef>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string>
#include <string_view>

namespace gatehouse::gateway {

// A quick scan of an HTTP/1.x head in the one shape nearly every head has,
// for the parsers on the proxy path (scanning_parser.hpp: the upstream
// response's, the client request's and the demo origin's), which fall back
// to Beast's parser for anything else.
//
// Beast's basic_parser examines a head one character at a time through
// several layers of calls (a field line costs it ~500 instructions); for the
// gateway that was a quarter of its user time per proxied request, and for
// the demo origin more again. The scan accepts only a head that is complete
// in the bytes given, no longer than `limit`, with
//   - a start line "HTTP/1.x DDD reason" or "method target HTTP/1.x", the
//     method a token, the target and reason printable ASCII (reason also HTAB);
//   - field lines "name:" OWS value OWS, the name a token, the value printable
//     ASCII, SP and HTAB; no line folding;
//   - CRLF after every line;
// and says `unusual` for anything else, complete or not: every head the scan
// accepts Beast accepts and reads the same way (the same name, value with the
// same whitespace trimmed, reason, version), so the fallback keeps Beast's
// behaviour, its errors included, for every other head. (tst_head_scan
// holds heads of both kinds against Beast.)
//
// Beast still frames the body: the parsers give it the head's framing
// fields (framing_field, framing_summary), which is all it looks at in a
// head to read a body.
enum class head_scan { complete, unusual };

struct scanned_start_line {
    unsigned version = 11;   // 10 or 11
    unsigned status = 0;     // a response's
    std::string_view first;  // the method, or the three status digits
    std::string_view second; // the target, or the reason
    std::string_view line;   // the whole line without CRLF
};

namespace head_scan_detail {

constexpr std::array<bool, 256> make_table(bool value_chars)
{
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[c] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = true;
    for (char c : std::string_view("!#$%&'*+-.^_`|~"))
        t[static_cast<unsigned char>(c)] = true;
    if (value_chars) {
        for (int c = 0x20; c <= 0x7e; ++c)
            t[c] = true;
        t['\t'] = true;
    }
    return t;
}
inline constexpr std::array<bool, 256> token_chars = make_table(false);
inline constexpr std::array<bool, 256> value_chars = make_table(true); // and reason chars

inline bool is_token(char c)
{
    return token_chars[static_cast<unsigned char>(c)];
}
inline bool is_value(char c)
{
    return value_chars[static_cast<unsigned char>(c)];
}
inline bool is_visible(char c)
{
    return c > 0x20 && c < 0x7f;
}

// The length of the run of bytes at p, up to end, that are field-value
// characters (VCHAR, SP, HTAB; for `visible` VCHAR only). Sixteen at a time
// where SSE2 is there (every x86-64), which makes the scan of a value cost
// little more than finding its CR.
template <bool visible>
inline std::size_t run_length(const char* p, const char* end)
{
    const char* q = p;
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8(visible ? 0x20 : 0x1f);
    const __m128i del = _mm_set1_epi8(0x7f);
    const __m128i tab = _mm_set1_epi8(0x09);
    for (; end - q >= 16; q += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        // Signed compares: bytes from 0x80 up are negative, so not "> below".
        const __m128i ok =
            _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, del)),
                         visible ? _mm_setzero_si128() : _mm_cmpeq_epi8(v, tab));
        const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xffffu;
        if (stop != 0)
            return static_cast<std::size_t>(q - p) + static_cast<unsigned>(__builtin_ctz(stop));
    }
#endif
    while (q < end && (visible ? is_visible(*q) : is_value(*q)))
        ++q;
    return static_cast<std::size_t>(q - p);
}

// The length of the run of token characters at p, up to end. Sixteen at a
// time while they are letters, digits and '-' (every name in practice),
// the rest of the token set one by one.
inline std::size_t token_length(const char* p, const char* end)
{
    const char* q = p;
#ifdef __SSE2__
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
    const __m128i before_0 = _mm_set1_epi8('0' - 1), after_9 = _mm_set1_epi8('9' + 1);
    const __m128i dash = _mm_set1_epi8('-');
    for (; end - q >= 16; q += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i lower = _mm_or_si128(v, case_bit);
        const __m128i letter =
            _mm_and_si128(_mm_cmpgt_epi8(lower, before_a), _mm_cmplt_epi8(lower, after_z));
        const __m128i digit =
            _mm_and_si128(_mm_cmpgt_epi8(v, before_0), _mm_cmplt_epi8(v, after_9));
        const __m128i ok = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, dash));
        const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xffffu;
        if (stop != 0) {
            q += static_cast<unsigned>(__builtin_ctz(stop));
            break;
        }
    }
#endif
    while (q < end && is_token(*q))
        ++q;
    return static_cast<std::size_t>(q - p);
}

// "HTTP/1.0" or "HTTP/1.1" at p (8 bytes available).
inline bool version_at(const char* p, unsigned& version)
{
    if (std::string_view(p, 7) != "HTTP/1." || (p[7] != '0' && p[7] != '1'))
        return false;
    version = p[7] == '1' ? 11 : 10;
    return true;
}

// p at a line's first byte; moves it past CRLF. False if the line is not
// CRLF-terminated within [p, end).
inline bool crlf_at(const char*& p, const char* end)
{
    if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
        return false;
    p += 2;
    return true;
}

} // namespace head_scan_detail

// Scans the start line and the fields of a head at the front of `in`,
// calling on_field(name, value) for each field line in order; `size` is then
// the length of the head, blank line included. A head that is not complete
// in `in` or is longer than `limit` is `unusual`.
template <bool isRequest, class OnField>
head_scan scan_head(std::string_view in, std::size_t limit, scanned_start_line& start,
                    std::size_t& size, OnField&& on_field)
{
    using namespace head_scan_detail;
    const char* const begin = in.data();
    const char* const end = begin + std::min(in.size(), limit);
    const char* p = begin;

    if constexpr (isRequest) {
        const char* method = p;
        while (p < end && is_token(*p))
            ++p;
        if (p == method || p == end || *p != ' ')
            return head_scan::unusual;
        start.first = {method, static_cast<std::size_t>(p - method)};
        const char* target = ++p;
        p += run_length<true>(p, end);
        if (p == target || p == end || *p != ' ')
            return head_scan::unusual;
        start.second = {target, static_cast<std::size_t>(p - target)};
        ++p;
        if (end - p < 8 || !version_at(p, start.version))
            return head_scan::unusual;
        p += 8;
    } else {
        if (end - p < 13 || !version_at(p, start.version) || p[8] != ' ' || p[12] != ' ')
            return head_scan::unusual;
        const char d0 = p[9], d1 = p[10], d2 = p[11];
        if (d0 < '0' || d0 > '9' || d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9')
            return head_scan::unusual;
        start.status = static_cast<unsigned>((d0 - '0') * 100 + (d1 - '0') * 10 + (d2 - '0'));
        start.first = {p + 9, 3};
        p += 13;
        const char* reason = p;
        p += run_length<false>(p, end);
        start.second = {reason, static_cast<std::size_t>(p - reason)};
    }
    start.line = {begin, static_cast<std::size_t>(p - begin)};
    if (!crlf_at(p, end))
        return head_scan::unusual;

    for (;;) {
        if (p == end)
            return head_scan::unusual;
        if (*p == '\r') {
            if (!crlf_at(p, end))
                return head_scan::unusual;
            size = static_cast<std::size_t>(p - begin);
            return head_scan::complete;
        }
        const char* name = p;
        p += token_length(p, end);
        if (p == name || p == end || *p != ':')
            return head_scan::unusual; // also a line starting with SP or HTAB: folding
        const std::string_view name_string{name, static_cast<std::size_t>(p - name)};
        ++p;
        while (p < end && (*p == ' ' || *p == '\t'))
            ++p;
        const char* value = p;
        p += run_length<false>(p, end);
        const char* value_end = p;
        while (value_end > value && (value_end[-1] == ' ' || value_end[-1] == '\t'))
            --value_end;
        if (!crlf_at(p, end) || (p < end && (*p == ' ' || *p == '\t')))
            return head_scan::unusual;
        on_field(name_string, std::string_view{value, static_cast<std::size_t>(value_end - value)});
    }
}

// The fields Beast reads to frame a message's body and decide keep-alive:
// a parser given the start line and these lines of a head frames the body
// as it would with the whole head.
inline bool framing_field(boost::beast::http::field f)
{
    using boost::beast::http::field;
    return f == field::content_length || f == field::transfer_encoding || f == field::connection ||
           f == field::proxy_connection || f == field::upgrade;
}

// What a parser gives Beast after scanning a head: a start line that frames
// the body as the real one does ("GET / HTTP/1.1" for a request, whose
// method and target do not; "HTTP/1.1 200 " for a response, whose status
// does), the head's framing field lines (add), and the blank line. In a
// fixed array: a head whose framing lines do not fit is left to Beast.
class framing_summary {
public:
    // One of the head's lines for which framing_field() holds.
    void add(std::string_view name, std::string_view value)
    {
        fits_ = fits_ && append(name) && append(": ") && append(value) && append("\r\n");
    }
    bool fits() const { return fits_; }

    // Call one of these once, after the fields, and only for a complete scan.
    std::string_view request(unsigned version)
    {
        return finish(version == 11 ? "GET / HTTP/1.1\r\n" : "GET / HTTP/1.0\r\n");
    }
    // `status`: the three digits (scanned_start_line::first).
    std::string_view response(unsigned version, std::string_view status)
    {
        std::array<char, 15> line{};
        std::memcpy(line.data(), version == 11 ? "HTTP/1.1 " : "HTTP/1.0 ", 9);
        std::memcpy(line.data() + 9, status.data(), 3);
        std::memcpy(line.data() + 12, " \r\n", 3);
        return finish({line.data(), line.size()});
    }

private:
    static constexpr std::size_t start_room = 16; // the longest start line above

    bool append(std::string_view s)
    {
        if (s.size() > bytes_.size() - length_)
            return false;
        std::memcpy(bytes_.data() + length_, s.data(), s.size());
        length_ += s.size();
        return true;
    }
    // The start line goes in front of the fields, the blank line after them.
    std::string_view finish(std::string_view start_line)
    {
        fits_ = fits_ && append("\r\n");
        const std::size_t at = start_room - start_line.size();
        std::memcpy(bytes_.data() + at, start_line.data(), start_line.size());
        return {bytes_.data() + at, length_ - at};
    }

    std::array<char, 512> bytes_;
    std::size_t length_ = start_room;
    bool fits_ = true;
};

} // namespace gatehouse::gateway
