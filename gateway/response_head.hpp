// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/scanning_parser.hpp"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>

#include <cstdint>
#include <forward_list>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

// An upstream response's status line and fields as they arrived, viewed
// where they arrived: in the read buffer the head was parsed from.
//
// Beast's http::fields allocates a node per field and keeps it in a tree
// ordered by case-insensitive name: on the proxy path, storing the seven or
// so fields of a typical response that way cost more of the gateway's time
// than parsing them. Even copying the fields' bytes into one reused string
// cost a proxied request 0.3 us at saturation (that string, one per
// connection, is rarely still in the cache when its connection's turn comes
// again). A relayed response only needs its fields in order, to be written
// on with the gateway's changes (serialize_forwarded_response), so it gets
// them here as an array of views into the bytes received, reused from
// response to response. Only what Beast rewrote while parsing (a value
// unfolded from obsolete line folding, which lives in the parser's stack)
// and what it handed on before the head was complete (see put_received)
// is copied.
//
// So the head is valid only while the buffer it was parsed from is
// unchanged: write it on, or take Beast's header (to_header), before reading
// more into that buffer.
//
// The fields stay in the order they arrived (Beast's header moves a repeated field
// up next to the first of its name; both keep the order among one name's
// lines, which is all RFC 9110 §5.3 asks).
// The code that edits a head (the cache, deprecation notices) asks for a
// Beast header (to_header) and pays for the tree only then.
class response_head {
public:
    class field_view {
    public:
        boost::beast::http::field name() const { return code_; }
        std::string_view name_string() const { return name_; }
        std::string_view value() const { return value_; }

    private:
        friend class response_head;
        field_view(boost::beast::http::field code, std::string_view name, std::string_view value)
            : code_(code)
            , name_(name)
            , value_(value)
        {
        }
        boost::beast::http::field code_;
        std::string_view name_;
        std::string_view value_;
    };

    class const_iterator {
    public:
        using value_type = field_view;
        using difference_type = std::ptrdiff_t;
        field_view operator*() const { return head_->at(index_); }
        const_iterator& operator++()
        {
            ++index_;
            return *this;
        }
        bool operator==(const const_iterator& other) const { return index_ == other.index_; }

    private:
        friend class response_head;
        const_iterator(const response_head* head, std::size_t index)
            : head_(head)
            , index_(index)
        {
        }
        const response_head* head_;
        std::size_t index_;
    };

    // Empties it, keeping the storage.
    void clear();

    unsigned result_int() const { return status_; }
    // As Beast's header::reason(): the reason phrase sent, or the standard
    // one for the status when none was.
    std::string_view reason() const;
    unsigned version() const { return version_; }

    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, fields_.size()}; }
    std::size_t size() const { return fields_.size(); }
    field_view at(std::size_t i) const
    {
        const entry& e = fields_[i];
        return {e.code, e.name, e.value};
    }

    // `received` is the buffer the head is parsed from: what lies outside
    // it is copied.
    void set_status_line(unsigned status, std::string_view reason, unsigned version,
                         std::string_view received);
    void add(boost::beast::http::field code, std::string_view name, std::string_view value,
             std::string_view received);
    // A field whose name and value are known to lie in the received bytes.
    void add_received(boost::beast::http::field code, std::string_view name, std::string_view value)
    {
        fields_.push_back({code, name, value});
    }

    // Copies what the head views so far into its own storage.
    void copy_views();

    // The same head as Beast's header (`out` is overwritten).
    void to_header(boost::beast::http::response_header<>& out) const;

private:
    struct entry {
        boost::beast::http::field code;
        std::string_view name;
        std::string_view value;
    };

    // `s` itself when it lies in `received`, else a copy that lives as long
    // as the head's content.
    std::string_view keep(std::string_view s, std::string_view received);

    unsigned status_ = 0;
    unsigned version_ = 11;
    std::string_view reason_;
    std::vector<entry> fields_;
    // Copies, rare (line folding, heads arriving in pieces); a list, so
    // that adding one moves none.
    std::forward_list<std::string> copies_;
    bool reason_copied_ = false;    // by copy_views()
    std::size_t fields_copied_ = 0; // the first so many, by copy_views()
};

// Parses an upstream response into a response_head, the body into the
// window of get().body() as http::parser<false, buffer_body> does, so the
// relay can read either. Like every Beast parser it reads one message; the
// head it fills is cleared when it is made.
//
// put_received() names the buffer the bytes are in, so that the head can
// view them there.
class response_head_parser : public scanning_parser<false> {
public:
    explicit response_head_parser(response_head& head)
        : head_(head)
    {
        head_.clear();
    }

    // put() of the bytes in `received`, which the head may view.
    std::size_t put_received(boost::asio::const_buffer received, error_code& ec)
    {
        received_ = {static_cast<const char*>(received.data()), received.size()};
        std::size_t used = 0;
        if (!may_scan() || !put_scanned(used, ec))
            used = put(received, ec);
        received_ = {};
        // Beast hands on the status line, and every complete field line,
        // as soon as it has them, and they leave the buffer (used); a head
        // still incomplete has its bytes moved or overwritten by the next
        // read, so what it views so far is copied now. (A head that arrives
        // whole, nearly every one, is viewed.)
        if (!is_header_done())
            head_.copy_views();
        return used;
    }

    // What http::parser::get() offers the relay: the body's window.
    struct message_view {
        boost::beast::http::buffer_body::value_type& body_;
        boost::beast::http::buffer_body::value_type& body() { return body_; }
    };
    message_view get() { return {body_}; }

private:
    using string_view = boost::beast::string_view;

    void on_request_impl(boost::beast::http::verb, string_view, string_view, int,
                         error_code&) override
    {
    }
    void on_response_impl(int code, string_view reason, int version, error_code& ec) override;
    void on_field_impl(boost::beast::http::field name, string_view name_string, string_view value,
                       error_code& ec) override;
    void on_header_impl(error_code& ec) override { ec = {}; }
    void on_body_init_impl(const boost::optional<std::uint64_t>&, error_code& ec) override
    {
        ec = {};
    }
    std::size_t on_body_impl(string_view body, error_code& ec) override
    {
        if (auto* views = body_view_sink())
            return views->put({body.data(), body.size()}, ec);
        return put_body(body, ec);
    }
    void on_chunk_header_impl(std::uint64_t, string_view, error_code& ec) override { ec = {}; }
    std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code& ec) override
    {
        return on_body_impl(body, ec);
    }
    void on_finish_impl(error_code& ec) override { ec = {}; }

    // buffer_body's reader: into the window, need_buffer when it is full.
    std::size_t put_body(string_view body, error_code& ec);

    // The head in received_ read by scan_head, Beast given only its status
    // line and framing fields; false (and nothing read) when the scan
    // leaves the head to Beast.
    bool put_scanned(std::size_t& used, error_code& ec);

    response_head& head_;
    std::string_view received_; // during put_received()
    boost::beast::http::buffer_body::value_type body_;
};

} // namespace gatehouse::gateway
