// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "screenshot.h"
#include "ui/console_translations.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QRegion>
#include <QScrollBar>
#include <QString>
#include <QStringList>
#include <QTabBar>
#include <QWidget>
#include <QtTest/QTest>

// Layout checks shared by the console suites: the console's translations
// installed for a scope and a list of every text a user would see cut off.
namespace gatehouse::test {

// The console's translations for `language` ("de", "zh_CN") installed as
// the console installs them (its own strings and Qt's standard buttons and
// menus) for the object's lifetime; "en", the source language, needs none.
// Widgets built while it lives speak that language.
class ConsoleLanguage {
public:
    explicit ConsoleLanguage(const QString& language)
        : m_english(language == QLatin1String("en"))
        , m_translations(QLocale(language))
    {
    }

    bool isLoaded() const
    {
        return m_english ||
               (m_translations.hasConsoleTranslation() && m_translations.hasQtTranslation());
    }

private:
    bool m_english;
    ui::ConsoleTranslations m_translations;
};

namespace detail {

inline QString describe(const QWidget* w, const QString& kind, const QString& text, int has,
                        int needs)
{
    QString name = w->objectName();
    if (name.isEmpty())
        name = QString::fromLatin1(w->metaObject()->className());
    return QStringLiteral("%1 %2 \"%3\": %4 < %5 px")
        .arg(kind, name, QString(text).remove(QLatin1Char('&')).simplified())
        .arg(has)
        .arg(needs);
}

// Whether `w` is cut off sideways by an ancestor (a scroll area's viewport,
// a splitter pane) with no horizontal scroll bar to reach the rest.
inline bool cutOffSideways(const QWidget* w)
{
    const QRegion visible = w->visibleRegion();
    if (visible.isEmpty() || visible.boundingRect().width() >= w->width())
        return false;
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (auto* area = qobject_cast<const QAbstractScrollArea*>(p))
            if (area->horizontalScrollBar()->isVisible())
                return false;
    }
    return true;
}

} // namespace detail

// Every visible text under `root` (itself included) that does not get the
// room it needs: buttons, check boxes and radio buttons narrower than their
// size hint, single-line labels narrower than their text, word-wrapped
// labels shorter than their wrapped text, combo boxes narrower than their
// minimum, group box titles wider than the box, tabs outside their bar, and
// any of them cut off sideways by a container with no way to scroll there.
// Labels that elide on purpose (QSizePolicy::Ignored horizontally) and
// labels without text are left out.
inline QStringList clippedTexts(QWidget* root)
{
    QStringList clipped;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        const bool showsText = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLabel*>(w) ||
                               qobject_cast<QComboBox*>(w) || qobject_cast<QGroupBox*>(w);
        if (showsText && w != root && detail::cutOffSideways(w))
            clipped << detail::describe(w, QStringLiteral("cut off by its container"),
                                        w->property("text").toString(),
                                        w->visibleRegion().boundingRect().width(), w->width());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            if (!b->text().isEmpty() && b->width() < b->sizeHint().width())
                clipped << detail::describe(b, QStringLiteral("button"), b->text(), b->width(),
                                            b->sizeHint().width());
        } else if (auto* l = qobject_cast<QLabel*>(w)) {
            if (l->text().isEmpty() || l->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
                continue;
            if (l->wordWrap()) {
                const int needs = l->heightForWidth(l->width());
                if (needs > l->height())
                    clipped << detail::describe(l, QStringLiteral("wrapped label height"),
                                                l->text(), l->height(), needs);
            } else if (l->width() < l->minimumSizeHint().width()) {
                clipped << detail::describe(l, QStringLiteral("label"), l->text(), l->width(),
                                            l->minimumSizeHint().width());
            }
        } else if (auto* c = qobject_cast<QComboBox*>(w)) {
            if (c->width() < c->minimumSizeHint().width())
                clipped << detail::describe(c, QStringLiteral("combo box"), c->currentText(),
                                            c->width(), c->minimumSizeHint().width());
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            const int needs = g->fontMetrics().horizontalAdvance(g->title());
            if (!g->title().isEmpty() && g->width() < needs)
                clipped << detail::describe(g, QStringLiteral("group box"), g->title(), g->width(),
                                            needs);
        } else if (auto* bar = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->isTabVisible(i) && !bar->rect().contains(bar->tabRect(i)))
                    clipped << detail::describe(bar, QStringLiteral("tab"), bar->tabText(i),
                                                bar->width(), bar->tabRect(i).right() + 1);
            }
        }
    }
    return clipped;
}

// Fails the current test with every clipped text under `root`.
inline void verifyNothingClipped(QWidget* root, const QString& where)
{
    const QStringList clipped = clippedTexts(root);
    QVERIFY2(clipped.isEmpty(),
             qPrintable(QStringLiteral("%1: %2").arg(where, clipped.join(QStringLiteral("; ")))));
}

} // namespace gatehouse::test
