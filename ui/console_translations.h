// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLocale>
#include <QTranslator>

namespace gatehouse::ui {

// The console's translations for one language: its own strings, and Qt's
// (the standard buttons of dialogs, the context menus of text fields, the
// file dialog), which Debian ships in qt6-translations-l10n. Installed into
// the application while this object lives, with the locale as QLocale's
// default, so that dates and numbers follow the language of the text
// (QLocale() in widgets; the previous default comes back at the end).
class ConsoleTranslations {
public:
    explicit ConsoleTranslations(const QLocale& locale);
    ~ConsoleTranslations();
    ConsoleTranslations(const ConsoleTranslations&) = delete;
    ConsoleTranslations& operator=(const ConsoleTranslations&) = delete;

    // Whether a translation of the console's own strings, and of Qt's, was
    // found for the locale (English needs none).
    bool hasConsoleTranslation() const { return m_consoleInstalled; }
    bool hasQtTranslation() const { return m_qtInstalled; }

private:
    QLocale m_previousDefault;
    QTranslator m_qt;
    QTranslator m_console;
    bool m_qtInstalled = false;
    bool m_consoleInstalled = false;
};

} // namespace gatehouse::ui
