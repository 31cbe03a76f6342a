// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/console_translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace gatehouse::ui {

ConsoleTranslations::ConsoleTranslations(const QLocale& locale)
{
    QLocale::setDefault(locale);
    // "qtbase" covers Widgets as well; the console uses no other Qt module
    // with strings of its own.
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    if (m_console.load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")))
        m_consoleInstalled = QCoreApplication::installTranslator(&m_console);
}

ConsoleTranslations::~ConsoleTranslations()
{
    if (m_consoleInstalled)
        QCoreApplication::removeTranslator(&m_console);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    QLocale::setDefault(m_previousDefault);
}

} // namespace gatehouse::ui
