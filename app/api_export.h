// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"
#include "app/domain/roles.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gatehouse::app {

class CatalogStore;

// One API's definition as a file to keep or hand over: its OpenAPI document
// as JSON (with the catalog's changes since the import, openApiDocumentFor)
// when it has one that can be read, else a workspace file of just that API
// (WorkspaceFile::exportApi).
struct ApiExport {
    enum class Format { OpenApi, Workspace };

    Format format = Format::Workspace;
    QByteArray document;        // empty on error
    QString error;              // set when `document` is not
    DomainMessage errorMessage; // the same, for the console to translate
    bool ok() const { return error.isEmpty(); }
};

// Storage thread only (CatalogService::run); the actor must see the API.
ApiExport exportApi(CatalogStore& store, const Principal& actor, qint64 apiId);

// An OpenAPI document as stored (YAML or JSON) as indented JSON. Plain YAML
// scalars become booleans, null and numbers as YAML's core schema reads
// them; quoted ones stay strings. Empty and `error` set if it cannot be read.
std::optional<QByteArray> openApiAsJson(const QString& document, QString* error = nullptr);

} // namespace gatehouse::app
