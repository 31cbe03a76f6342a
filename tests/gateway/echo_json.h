// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading JSON answers in gateway tests: a response body as a JSON object
// (problem+json, the demo origin's answers), and the request fields the
// demo origin's /echo reports having received.

#include "tests/support/test_http.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>

namespace gatehouse::test {

inline QJsonObject json_body(const http_response& r)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
}

// `name` in lower case, as /echo reports names; "" when it was not received.
inline QString echoed_header(const http_response& r, const char* name)
{
    return json_body(r)
        .value(QStringLiteral("headers"))
        .toObject()
        .value(QLatin1String(name))
        .toString();
}

} // namespace gatehouse::test
