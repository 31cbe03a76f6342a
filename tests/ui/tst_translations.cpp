// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// Translation completeness: every .ts message finished and non-empty, every
// tr() string in ui/ present, placeholders kept, and the embedded .qm files
// answer for each message at run time.
#include "ui/console_translations.h"
#include "ui/main_window.h"

#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations; // one, or several for numerus forms
    QString type;             // "", "unfinished", "vanished", "obsolete"
};

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SOURCE_DIR");
    return dir.isEmpty() ? QStringLiteral(GATEHOUSE_SOURCE_DIR_FALLBACK) : dir;
}

QList<Message> readTs(const QString& path, QString* language)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plain text, or one <numerusform> per plural form (%n).
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (current.translations.isEmpty())
                current.translations.append(text);
            messages.append(current);
        }
    }
    if (xml.hasError())
        qWarning() << path << xml.errorString();
    return messages;
}

QString unescape(const QString& literal)
{
    QString out;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        const QChar c = literal.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= literal.size()) {
            out.append(c);
            continue;
        }
        const QChar next = literal.at(++i);
        out.append(next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next);
    }
    return out;
}

// tr("a" "b") with adjacent literals concatenated, as the compiler does.
QSet<QString> trStringsInUi()
{
    static const QRegularExpression call(QStringLiteral(
        "(?<![\\w:])tr\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\"(?:[^\"\\\\]|\\\\.)*\")*)"));
    static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QSet<QString> strings;
    QDirIterator it(sourceDir() + QStringLiteral("/ui"),
                    {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        auto calls = call.globalMatch(text);
        while (calls.hasNext()) {
            const QString literals = calls.next().captured(1);
            QString joined;
            auto parts = literal.globalMatch(literals);
            while (parts.hasNext())
                joined += parts.next().captured(1);
            strings.insert(unescape(joined));
        }
    }
    return strings;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression arg(QStringLiteral("%L?\\d"));
    QSet<QString> out;
    auto it = arg.globalMatch(text);
    while (it.hasNext())
        out.insert(it.next().captured(0));
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void runtimeLookup();
    void consoleTranslationsCoverQt_data();
    void consoleTranslationsCoverQt();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestTranslations::complete()
{
    QFETCH(QString, code);
    const QString path = sourceDir() + QStringLiteral("/translations/gatehouse_%1.ts").arg(code);
    QString language;
    const QList<Message> messages = readTs(path, &language);
    QVERIFY2(!messages.isEmpty(), qPrintable(path));
    QVERIFY2(language.startsWith(code.left(2)), qPrintable(language));

    QSet<QString> sources;
    QStringList problems;
    for (const Message& m : messages) {
        sources.insert(m.source);
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (!m.type.isEmpty())
            problems << QStringLiteral("%1 is %2").arg(where, m.type);
        for (const QString& t : m.translations) {
            if (t.trimmed().isEmpty())
                problems << where + QStringLiteral(" has an empty translation");
            else if (placeholders(t) != placeholders(m.source))
                problems << where + QStringLiteral(" changes the placeholders: ") + t;
        }
    }
    const QSet<QString> used = trStringsInUi();
    QVERIFY(used.size() > 50); // the scan found the sources
    for (const QString& s : used) {
        if (!sources.contains(s))
            problems
                << QStringLiteral("tr(\"%1\") in ui/ is missing (run update_translations)").arg(s);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::runtimeLookup()
{
    for (const QString& code : {QStringLiteral("de"), QStringLiteral("zh_CN")}) {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/gatehouse_%1.qm").arg(code)),
                 qPrintable(code));
        QString language;
        const QList<Message> messages = readTs(
            sourceDir() + QStringLiteral("/translations/gatehouse_%1.ts").arg(code), &language);
        for (const Message& m : messages) {
            const QString found =
                translator.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData());
            QVERIFY2(found == m.translations.value(0),
                     qPrintable(m.context + QLatin1Char(' ') + m.source));
        }
        // The contexts match the classes' own (namespaced) tr() contexts.
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString settings = gatehouse::ui::MainWindow::tr("Settings");
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(settings != QStringLiteral("Settings"), qPrintable(settings));
    }
}

void TestTranslations::consoleTranslationsCoverQt_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany)
                        << QStringLiteral("Abbrechen");
    QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China)
                           << QStringLiteral("\u53d6\u6d88");
}

// What a person sees in a dialog: Qt's standard buttons in the console's
// language too, not English next to translated text.
void TestTranslations::consoleTranslationsCoverQt()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, cancel);
    {
        const gatehouse::ui::ConsoleTranslations translations(locale);
        QVERIFY(translations.hasConsoleTranslation());
        QVERIFY2(translations.hasQtTranslation(), "qtbase translations missing: install "
                                                  "qt6-translations-l10n");
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), cancel);
        QVERIFY(gatehouse::ui::MainWindow::tr("Settings") != QStringLiteral("Settings"));
    }
    // Gone with the object.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
