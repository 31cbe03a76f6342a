// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QString>

namespace gatehouse::app {

// Where in a JSON document a key or a string first holds U+0000 (JSON's
// "\u0000"), as a field path after `where` ("apis[1].routes[0].path"; the
// character itself left out of a key), or a null string when none does.
// No text of the catalog can hold the character: PostgreSQL refuses it
// (and SQLite would keep what PostgreSQL refuses), so the admin API and
// workspace files refuse it up front, naming the field.
QString firstNulText(const QJsonValue& value, const QString& where = {});

} // namespace gatehouse::app
