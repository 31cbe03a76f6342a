// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace gatehouse::ui {

// Moments as the console shows them in logs and lists: the UI language's
// short date with the whole year ("02.12.2026", "12/2/2026", "2026/12/2")
// and a 24-hour time to the second, so rows line up and sort by eye.
// QLocale() is the UI language (ConsoleTranslations makes it the default).
QString timestampFormat(const QLocale& locale = QLocale());
// `when` in timestampFormat(), in local time.
QString timestampText(const QDateTime& when, const QLocale& locale = QLocale());

} // namespace gatehouse::ui
