// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_http.h"

#include "app/domain/domain_message.h"
#include "app/domain/domain_messages.h"
#include "app/nul_text.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace gatehouse::app {

namespace {

Q_LOGGING_CATEGORY(adminLog, "gatehouse.admin")

QJsonObject fieldError(const QString& field, const QString& message)
{
    return {{QStringLiteral("field"), field}, {QStringLiteral("message"), message}};
}

QJsonObject problemObject(int status, const QString& type, const QString& title,
                          const QString& detail)
{
    QJsonObject p{
        {QStringLiteral("type"),
         QString(QStringLiteral("https://gatehouse.dev/problems/admin/") + type)},
        {QStringLiteral("title"), title},
        {QStringLiteral("status"), status},
    };
    if (!detail.isEmpty())
        p.insert(QStringLiteral("detail"), detail);
    return p;
}

AdminResponse problemResponse(int status, const QJsonObject& problem)
{
    AdminResponse r = AdminResponse::text(status, "application/problem+json",
                                          QJsonDocument(problem).toJson(QJsonDocument::Compact));
    r.addHeader("Cache-Control", "no-store");
    return r;
}

int queryInt(const AdminQuery& query, const QString& name, int fallback, bool* ok)
{
    if (!query.hasQueryItem(name))
        return fallback;
    return query.queryItemValue(name).toInt(ok);
}

// A 422 naming the field, in `error`, when a text of `document` holds
// U+0000.
bool refuseNulCharacters(const QJsonValue& document, AdminResponse* error)
{
    const QString at = firstNulText(document);
    if (at.isNull())
        return false;
    *error = AdminResponse::validation(QJsonArray{fieldError(
        at.isEmpty() ? QStringLiteral("body") : at, DomainMessage(msg::TextHoldsNul).toString())});
    return true;
}

} // namespace

AdminQuery::AdminQuery(const QString& encoded)
    : m_items(QUrlQuery(encoded).queryItems(QUrl::FullyDecoded))
{
}

bool AdminQuery::hasQueryItem(const QString& name) const
{
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [&](const auto& item) { return item.first == name; });
}

QString AdminQuery::parameterWithNul() const
{
    for (const auto& [key, value] : m_items) {
        if (key.contains(QChar(0)) || value.contains(QChar(0)))
            return key.isEmpty() ? QStringLiteral("?") : QString(key).remove(QChar(0));
    }
    return {};
}

QString AdminQuery::queryItemValue(const QString& name) const
{
    for (const auto& [key, value] : m_items) {
        if (key == name)
            return value;
    }
    return {};
}

AdminResponse AdminResponse::json(int status, const QJsonObject& object)
{
    return text(status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

AdminResponse AdminResponse::noContent()
{
    AdminResponse r;
    r.status = 204;
    return r;
}

AdminResponse AdminResponse::created(const QString& location, const QJsonObject& body)
{
    AdminResponse r = json(201, body);
    r.addHeader("Location", location.toUtf8());
    return r;
}

AdminResponse AdminResponse::text(int status, const QByteArray& contentType, const QByteArray& body)
{
    AdminResponse r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    return r;
}

AdminResponse AdminResponse::problem(int status, const QString& type, const QString& title,
                                     const QString& detail, const QJsonArray& errors)
{
    QJsonObject p = problemObject(status, type, title, detail);
    if (!errors.isEmpty())
        p.insert(QStringLiteral("errors"), errors);
    return problemResponse(status, p);
}

AdminResponse AdminResponse::domainError(DomainErrorCode code, const QString& message,
                                         const QString& field)
{
    switch (code) {
    case DomainErrorCode::Invalid: {
        // Domain validation messages read "field: what is wrong".
        static const QRegularExpression fieldRe(
            QStringLiteral("^([A-Za-z][A-Za-z0-9_.\\[\\]]*): (.+)$"));
        const auto m = fieldRe.match(message);
        const QJsonArray errors{m.hasMatch() ? fieldError(m.captured(1), m.captured(2))
                                             : fieldError(QString(), message)};
        return problem(422, QStringLiteral("validation"), QStringLiteral("Validation failed"),
                       message, errors);
    }
    case DomainErrorCode::Forbidden:
        return problem(403, QStringLiteral("forbidden"), QStringLiteral("Not permitted"), message);
    case DomainErrorCode::NotFound:
        return notFound(message);
    case DomainErrorCode::Conflict: {
        // The same shape as a validation error's, so a client shows both
        // next to the field: the message without its "field: " prefix.
        QJsonArray errors;
        if (!field.isEmpty()) {
            const QString prefix = field + QStringLiteral(": ");
            errors.append(fieldError(field, message.startsWith(prefix) ? message.mid(prefix.size())
                                                                       : message));
        }
        return problem(409, QStringLiteral("conflict"),
                       QStringLiteral("Conflicts with the current state"), message, errors);
    }
    case DomainErrorCode::Storage:
    case DomainErrorCode::None:
        break;
    }
    return serverFailure(QStringLiteral("storage"), QStringLiteral("Storage error"),
                         QStringLiteral("the catalog's database could not complete the request"),
                         message);
}

AdminResponse AdminResponse::serverFailure(const QString& type, const QString& title,
                                           const QString& summary, const QString& message)
{
    // 12 hex digits: unique enough to find one line in a log, short enough to read out.
    const QString incident =
        QString::number(QRandomGenerator::global()->generate64() & 0xffff'ffff'ffffULL, 16)
            .rightJustified(12, QLatin1Char('0'));
    qCWarning(adminLog).noquote()
        << QStringLiteral("admin API: %1, incident %2: %3").arg(title, incident, message);
    QJsonObject p =
        problemObject(500, type, title,
                      QStringLiteral("%1; the server's log has the details under incident %2")
                          .arg(summary, incident));
    // Also as an extension member (RFC 9457 §3.2), for tools.
    p.insert(QStringLiteral("incident"), incident);
    return problemResponse(500, p);
}

AdminResponse AdminResponse::notFound(const QString& detail)
{
    return problem(404, QStringLiteral("not-found"), QStringLiteral("Not found"), detail);
}

AdminResponse AdminResponse::badRequest(const QString& detail)
{
    return problem(400, QStringLiteral("bad-request"), QStringLiteral("Malformed request"), detail);
}

AdminResponse AdminResponse::validation(const QJsonArray& errors)
{
    return problem(422, QStringLiteral("validation"), QStringLiteral("Validation failed"),
                   QStringLiteral("%1 field(s) are invalid").arg(errors.size()), errors);
}

bool parseJsonBody(const AdminRequest& request, QJsonObject* object, AdminResponse* error)
{
    if (request.body.trimmed().isEmpty()) {
        *object = {};
        return true;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = AdminResponse::problem(
            400, QStringLiteral("malformed-json"), QStringLiteral("Malformed JSON"),
            QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
        return false;
    }
    if (!doc.isObject()) {
        *error = AdminResponse::problem(400, QStringLiteral("malformed-json"),
                                        QStringLiteral("Malformed JSON"),
                                        QStringLiteral("the body must be a JSON object"));
        return false;
    }
    // Valid JSON, but PostgreSQL cannot store the character (and SQLite
    // would keep what PostgreSQL refuses): refused alike for both.
    if (refuseNulCharacters(doc.object(), error))
        return false;
    *object = doc.object();
    return true;
}

std::optional<PageRequest> parsePage(const AdminQuery& query, AdminResponse* error)
{
    PageRequest page;
    QJsonArray errors;
    bool ok = true;
    page.limit = queryInt(query, QStringLiteral("limit"), PageRequest::DefaultLimit, &ok);
    if (!ok || page.limit < 1 || page.limit > PageRequest::MaxLimit)
        errors.append(
            fieldError(QStringLiteral("limit"),
                       QStringLiteral("must be a number from 1 to %1").arg(PageRequest::MaxLimit)));
    ok = true;
    page.offset = queryInt(query, QStringLiteral("offset"), 0, &ok);
    if (!ok || page.offset < 0)
        errors.append(
            fieldError(QStringLiteral("offset"), QStringLiteral("must be a number of at least 0")));
    if (!errors.isEmpty()) {
        *error =
            AdminResponse::problem(400, QStringLiteral("bad-query"),
                                   QStringLiteral("Invalid query parameters"), QString(), errors);
        return std::nullopt;
    }
    return page;
}

AdminResponse pageResponse(const QJsonArray& all, const PageRequest& page)
{
    QJsonArray items;
    const qsizetype end = std::min<qsizetype>(all.size(), qsizetype(page.offset) + page.limit);
    for (qsizetype i = page.offset; i < end; ++i)
        items.append(all.at(i));
    const bool more = end < all.size();
    return AdminResponse::json(
        200, {
                 {QStringLiteral("items"), items},
                 {QStringLiteral("total"), all.size()},
                 {QStringLiteral("limit"), page.limit},
                 {QStringLiteral("offset"), page.offset},
                 {QStringLiteral("nextOffset"), more ? QJsonValue(qint64(end)) : QJsonValue()},
             });
}

std::optional<qint64> idParameter(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

} // namespace gatehouse::app
