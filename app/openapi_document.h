// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"

#include <QList>
#include <QString>

namespace gatehouse::app {

struct OpenApiParameter {
    QString name;
    QString location; // "path", "query", "header", "cookie"
    QString type;     // the schema's type, or the name of a referenced schema
    bool required = false;
    QString description;
};

struct OpenApiResponse {
    QString status; // "200", "4XX", "default"
    QString description;
};

struct OpenApiOperation {
    QString method; // upper case
    QString path;
    QString operationId;
    QString summary;
    QString description;
    bool deprecated = false;
    QList<OpenApiParameter> parameters; // path-level ones first, then the operation's
    bool hasRequestBody = false;
    QList<OpenApiResponse> responses;
};

// An API's stored OpenAPI document, read for people: its operations with
// parameters and responses, in document order. Parameters given as
// "#/components/parameters/..." references are followed; schemas are named,
// not expanded.
struct OpenApiSummary {
    QString title;
    QString version;
    QString description;
    QList<OpenApiOperation> operations;
    QString error;              // non-empty: the document could not be read
    DomainMessage errorMessage; // the same, for the console to translate

    void setError(const DomainMessage& message)
    {
        errorMessage = message;
        error = message.toString();
    }
};

OpenApiSummary summarizeOpenApi(const QString& document);

} // namespace gatehouse::app
