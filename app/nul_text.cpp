// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/nul_text.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::app {

QString firstNulText(const QJsonValue& value, const QString& where)
{
    if (value.isString())
        return value.toString().contains(QChar(0)) ? where : QString();
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (QString at = firstNulText(a.at(i), QStringLiteral("%1[%2]").arg(where).arg(i));
                !at.isNull())
                return at;
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            QString field = where.isEmpty() ? it.key() : where + QLatin1Char('.') + it.key();
            if (it.key().contains(QChar(0)))
                return field.remove(QChar(0));
            if (QString at = firstNulText(it.value(), field); !at.isNull())
                return at;
        }
    }
    return {};
}

} // namespace gatehouse::app
