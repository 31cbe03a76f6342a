// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::app {

// Reads typed fields out of a request body, collecting one error per bad
// field ({"field", "message"}) instead of stopping at the first.
class JsonFields {
public:
    explicit JsonFields(const QJsonObject& object)
        : m_object(object)
    {
    }

    bool has(const QString& name) const { return m_object.contains(name); }
    std::optional<QString> string(const QString& name, bool required = false);
    std::optional<qint64> integer(const QString& name, bool required = false, qint64 min = 0);
    std::optional<QStringList> stringList(const QString& name);

    void addError(const QString& field, const QString& message);
    bool ok() const { return m_errors.isEmpty(); }
    const QJsonArray& errors() const { return m_errors; }

private:
    bool present(const QString& name, bool required);

    QJsonObject m_object;
    QJsonArray m_errors;
};

// Applies the fields present in `object` onto `api` (so one function serves
// create and partial update). Unknown fields are ignored; state and links
// are not editable here. On create the caller checks the required ones.
void applyApiFields(JsonFields& fields, const QJsonObject& object, ApiDefinition* api);

} // namespace gatehouse::app
