// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/locale_format.h"

namespace gatehouse::ui {

QString timestampFormat(const QLocale& locale)
{
    QString date = locale.dateFormat(QLocale::ShortFormat);
    // A two-digit year ("dd.MM.yy", "M/d/yy") is ambiguous in an audit
    // trail or a call log kept for years.
    if (!date.contains(QLatin1String("yyyy")))
        date.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return date + QLatin1String(" HH:mm:ss");
}

QString timestampText(const QDateTime& when, const QLocale& locale)
{
    return locale.toString(when.toLocalTime(), timestampFormat(locale));
}

} // namespace gatehouse::ui
