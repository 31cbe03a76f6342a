// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_service.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace gatehouse::app {

// Query parameters, fully percent-decoded ("a%20b" -> "a b"); the first
// value wins when a name repeats.
class AdminQuery {
public:
    AdminQuery() = default;
    explicit AdminQuery(const QString& encoded);

    bool hasQueryItem(const QString& name) const;
    QString queryItemValue(const QString& name) const;
    // The first parameter whose name or decoded value holds U+0000 ("%00"),
    // or a null string.
    QString parameterWithNul() const;

private:
    QList<QPair<QString, QString>> m_items;
};

// One admin API request, already authenticated, in Qt types (no Beast
// outside app/admin_api/admin_server.cpp).
struct AdminRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // percent-decoded, without the query
    AdminQuery query;
    QByteArray contentType;
    QByteArray body;
};

struct AdminResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers

    static AdminResponse json(int status, const QJsonObject& object);
    static AdminResponse noContent();
    // 201 with a Location header.
    static AdminResponse created(const QString& location, const QJsonObject& body);
    static AdminResponse text(int status, const QByteArray& contentType, const QByteArray& body);
    // application/problem+json (RFC 9457). `type` is a short stable name,
    // expanded to https://gatehouse.dev/problems/admin/<type>. `errors`
    // lists field-level validation messages: [{"field": ..., "message": ...}].
    static AdminResponse problem(int status, const QString& type, const QString& title,
                                 const QString& detail, const QJsonArray& errors = {});
    // The status and problem for a failed domain call (lastErrorCode()):
    // Invalid 422 (with the field, when the message names one), Forbidden
    // 403, NotFound 404, Conflict 409 (with the conflicting field in
    // "errors" when `field` names one, as lastErrorField() does), Storage 500.
    static AdminResponse domainError(DomainErrorCode code, const QString& message,
                                     const QString& field = {});
    static AdminResponse notFound(const QString& detail);
    // A 500 for a failure on the server's side (a storage error, an
    // exception). Its message -- a database driver's, often quoting the SQL
    // statement and so the schema -- is for whoever runs the server, not for
    // the client: it goes to the log (category gatehouse.admin) under an
    // incident id, and the problem gives the client `summary` and that id
    // ("incident") to quote, as Kong answers "An unexpected error occurred".
    static AdminResponse serverFailure(const QString& type, const QString& title,
                                       const QString& summary, const QString& message);
    // The last error of a domain service (anything with lastErrorCode()/lastError()).
    template <typename Service>
    static AdminResponse failed(const Service& service)
    {
        return domainError(service.lastErrorCode(), service.lastError(), service.lastErrorField());
    }
    static AdminResponse badRequest(const QString& detail);
    static AdminResponse validation(const QJsonArray& errors);

    void addHeader(const QByteArray& name, const QByteArray& value)
    {
        headers.append({name, value});
    }
};

// Parses the body as a JSON object; an empty body is an empty object.
// On failure `error` holds a 400 problem naming the parse error, or a 422
// naming the field whose text holds U+0000 (app/nul_text.h).
bool parseJsonBody(const AdminRequest& request, QJsonObject* object, AdminResponse* error);

// ?limit=&offset= (limit 1..500, default 50).
struct PageRequest {
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 500;
    int limit = DefaultLimit;
    int offset = 0;
};
std::optional<PageRequest> parsePage(const AdminQuery& query, AdminResponse* error);
// {"items": [...page...], "total": n, "limit": l, "offset": o, "nextOffset": o+l | null}
AdminResponse pageResponse(const QJsonArray& all, const PageRequest& page);

// A positive integer path parameter; nullopt for anything else.
std::optional<qint64> idParameter(const QString& text);

} // namespace gatehouse::app
