// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"

#include <QJsonObject>

namespace gatehouse::app {

// The OpenAPI document of an API as it stands now, for exporting it "back":
// the document it was imported from (as JSON), with what the catalog has
// changed since written over it -- title, version, description, servers
// (its upstream targets and base path), the routes (operations of removed
// routes dropped, new routes added with a default response) and how keys
// are sent. An API without a readable document gets a new OpenAPI 3.1
// document. Importing the result gives the same name, version, routes,
// upstream and base path.
QJsonObject openApiDocumentFor(const ApiDefinition& api);

} // namespace gatehouse::app
