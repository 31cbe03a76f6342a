// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_server.h"

#include "app/admin_api/admin_token.h"
#include "gateway/admin_listener.hpp"

#include <QUrl>

namespace gatehouse::app {

namespace http = boost::beast::http;

namespace {

QByteArray toBytes(boost::beast::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

AdminRequest toAdminRequest(const gateway::admin_request& req)
{
    AdminRequest out;
    out.method = toBytes(req.method_string());
    const QByteArray target = toBytes(req.target());
    const qsizetype question = target.indexOf('?');
    out.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    if (question >= 0)
        out.query = AdminQuery(QString::fromUtf8(target.mid(question + 1)));
    out.contentType = toBytes(req[http::field::content_type]);
    out.body = QByteArray::fromStdString(req.body());
    return out;
}

gateway::admin_response toBeast(const AdminResponse& response)
{
    gateway::admin_response res{static_cast<http::status>(response.status), 11};
    if (!response.contentType.isEmpty())
        res.set(http::field::content_type, response.contentType.toStdString());
    for (const auto& [name, value] : response.headers)
        res.set(name.toStdString(), value.toStdString());
    res.body() = response.body.toStdString();
    return res;
}

gateway::admin_response unauthorized(bool tokenPresented)
{
    AdminResponse problem = AdminResponse::problem(
        401, QStringLiteral("unauthorized"), QStringLiteral("Authentication required"),
        tokenPresented ? QStringLiteral("the bearer token is not valid")
                       : QStringLiteral("send the admin token as 'Authorization: Bearer <token>'"));
    // RFC 6750: the scheme, and invalid_token when one was presented.
    problem.addHeader("WWW-Authenticate",
                      tokenPresented ? "Bearer realm=\"gatehouse-admin\", error=\"invalid_token\""
                                     : "Bearer realm=\"gatehouse-admin\"");
    return toBeast(problem);
}

} // namespace

struct AdminServer::Impl {
    std::unique_ptr<gateway::admin_listener> listener;
};

AdminServer::AdminServer()
    : m_impl(std::make_unique<Impl>())
{
}

AdminServer::~AdminServer()
{
    stop();
}

bool AdminServer::start(const QString& address, quint16 port, const AdminToken* token,
                        const Limits& limits, Handler handler, QString* error)
{
    stop();
    gateway::admin_listener_options options;
    options.address = address.toStdString();
    options.port = port;
    options.header_limit = limits.headerLimit;
    options.body_limit = limits.bodyLimit;
    options.handler_timeout = limits.handlerTimeout;
    // The token is checked on the head: a request without it is answered
    // before its body is read, so no one without the token can make the
    // admin API take in a body. Only requests that pass reach `handler`.
    auto screen =
        [token](const gateway::admin_request& head) -> std::optional<gateway::admin_response> {
        const QByteArray presented =
            AdminToken::bearerToken(toBytes(head[http::field::authorization]));
        if (token->matches(presented))
            return std::nullopt;
        return unauthorized(!presented.isEmpty());
    };
    auto onRequest = [handler = std::move(handler)](gateway::admin_request req,
                                                    gateway::admin_completion complete) {
        handler(toAdminRequest(req), [complete = std::move(complete)](AdminResponse response) {
            complete(toBeast(response));
        });
    };
    m_impl->listener =
        std::make_unique<gateway::admin_listener>(options, std::move(onRequest), std::move(screen));
    std::string why;
    if (!m_impl->listener->start(&why)) {
        m_impl->listener.reset();
        *error = QString::fromStdString(why);
        return false;
    }
    return true;
}

void AdminServer::stop()
{
    if (m_impl->listener)
        m_impl->listener->stop();
    m_impl->listener.reset();
}

quint16 AdminServer::port() const
{
    return m_impl->listener ? m_impl->listener->port() : 0;
}

} // namespace gatehouse::app
