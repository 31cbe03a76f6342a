// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Checks of a client request's head that Beast's parser leaves to the
// server: RFC 9112's rules for the body's framing and for Host. A request
// that breaks them is how a message gets smuggled past a proxy (the proxy
// and its upstream reading the bytes after the head differently), or reaches
// an upstream with a host it builds links and redirects from.

#include <boost/beast/http/field.hpp>

#include <string_view>

namespace gatehouse::gateway {

// What a request's Transfer-Encoding says about reading its body.
enum class transfer_coding_verdict {
    none,    // no Transfer-Encoding
    chunked, // exactly "chunked": the one transfer coding the gateway reads
    // chunked is not the final coding, comes twice, or there is no coding:
    // the body's length cannot be determined (RFC 9112 §6.3, §7): 400, and
    // close.
    unreadable,
    // chunked last, other codings before it: codings the gateway does not
    // decode (RFC 9112 §6.1: 501), and close.
    unsupported,
};

// The codings of every Transfer-Encoding line of a request, taken as one
// list (RFC 9110 §5.3), in the order the lines came.
class transfer_codings {
public:
    void add(std::string_view field_value);
    transfer_coding_verdict verdict() const;
    bool mentions_chunked() const { return chunked_ > 0; }

private:
    bool present_ = false;
    int codings_ = 0;
    int chunked_ = 0;
    bool last_chunked_ = false;
};

// Why a request's framing fields rule out reading its body, or nullptr:
// Transfer-Encoding other than plain chunked (see transfer_coding_verdict;
// 501 for `unsupported`, else 400), Transfer-Encoding in an HTTP/1.0
// request (RFC 9112 §6.1: faulty framing), or more than one Content-Length
// line (RFC 9110 §8.6 lets a recipient reject even equal values, as nginx
// does; forwarding them would leave the upstream to choose).
const char* framing_problem(transfer_coding_verdict codings, int content_length_lines,
                            unsigned version);

// framing_problem() for a whole request head, with its Transfer-Encoding
// verdict in `codings` (unsupported: 501). For a head read in full first;
// the proxy path gathers the same fields in its own single pass.
template <class Head>
const char* request_framing_problem(const Head& head, transfer_coding_verdict& codings)
{
    transfer_codings seen;
    int content_lengths = 0;
    for (const auto& field : head) {
        if (field.name() == boost::beast::http::field::transfer_encoding)
            seen.add(field.value());
        else if (field.name() == boost::beast::http::field::content_length)
            ++content_lengths;
    }
    codings = seen.verdict();
    return framing_problem(codings, content_lengths, head.version());
}

// Why an upstream response's Transfer-Encoding makes its body unreadable,
// or nullptr: chunked present but not the final coding, or twice (RFC 9112
// §7). Codings without chunked are fine: the body then ends with the
// connection (§6.3).
template <class Head>
const char* upstream_framing_problem(const Head& head)
{
    transfer_codings codings; // verdict none without the field
    for (const auto& field : head)
        if (field.name() == boost::beast::http::field::transfer_encoding)
            codings.add(field.value());
    if (codings.verdict() != transfer_coding_verdict::unreadable || !codings.mentions_chunked())
        return nullptr;
    return "its Transfer-Encoding has chunked before another coding, or twice";
}

// A Host field value (or an absolute-form target's authority) as RFC 9112
// §3.2 and RFC 3986 §3.2.2 allow it: uri-host [ ":" port ], or empty. No
// userinfo, no spaces, no characters outside the URI grammar.
bool valid_host_value(std::string_view host);

} // namespace gatehouse::gateway
