// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"
#include "app/domain/domain_message.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::app {

struct OpenApiImport {
    // The API described by the document (no id, team or state): name, slug,
    // version, description, tags, base path and upstream from the first
    // server, one route per operation, the document itself. Set only when
    // `errors` is empty.
    std::optional<ApiDefinition> api;
    // "source:line:column: location: message", e.g.
    // "petstore.yaml:41:7: paths./pets/{id}.get.responses: is required".
    QStringList errors;
    QStringList warnings; // imported anyway, e.g. an unsupported $ref
    // The same errors and warnings, one message each, for the console to
    // show in its language (ui/domain_message_text.h); toString() is the
    // line above.
    QList<DomainMessage> errorMessages;
    QList<DomainMessage> warningMessages;
    int operationCount = 0;
};

// Reads an OpenAPI 3.0 or 3.1 document, YAML or JSON (yaml-cpp reads both).
// Only what the gateway needs is interpreted; schemas are kept as text in
// the imported API's documentation.
class OpenApiImporter {
public:
    static OpenApiImport import(const QByteArray& document, const QString& source = {});
    // The API version an `info.version` gives: "1.0.0" and "v1" -> "v1".
    static QString apiVersionOf(const QString& infoVersion);
};

} // namespace gatehouse::app
