// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "screenshot.h"
#include "ui/console_translations.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegion>
#include <QScrollBar>
#include <QString>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTextDocument>
#include <QTextEdit>
#include <QWidget>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtTest/QTest>

#include <algorithm>
#include <cmath>

// Layout checks shared by the console suites: the console's translations
// installed for a scope and a list of every text a user would see cut off.
namespace gatehouse::test {

// The console's translations for `language` ("en", "de", "zh_CN") installed
// as the console installs them (its own strings and Qt's standard buttons and
// menus, and the language's locale as QLocale's default, for dates and
// numbers) for the object's lifetime; "en", the source language, needs no
// translation. Widgets built while it lives speak and write that language.
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

// The languages the console ships, as rows of a data-driven test with one
// column, "language": every layout check runs in each of them.
inline void addConsoleLanguageRows()
{
    QTest::addColumn<QString>("language");
    for (const char* language : {"en", "de", "zh_CN"})
        QTest::newRow(language) << QString::fromLatin1(language);
}

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

// The room a line edit leaves for its text: its width less the frame, the
// margins and the clear button or actions beside the text (what its size
// hint adds to the 17 'x' it is built around).
inline int lineEditTextRoom(const QLineEdit* e)
{
    const int chrome = e->sizeHint().width() - e->fontMetrics().horizontalAdvance(u'x') * 17;
    return e->width() - chrome;
}

// The width a combo box needs to show `text` whole: the text and the frame,
// arrow and margins the style puts around it.
inline int comboBoxWidthFor(const QComboBox* c, const QString& text)
{
    QStyleOptionComboBox opt;
    opt.initFrom(c);
    opt.editable = c->isEditable();
    opt.frame = c->hasFrame();
    opt.currentText = text;
    const QSize contents(c->fontMetrics().horizontalAdvance(text), c->fontMetrics().height());
    return c->style()->sizeFromContents(QStyle::CT_ComboBox, &opt, contents, c).width();
}

// Header sections (of a visible header) whose label does not get the width
// it needs with the sort indicator and the style's margins
// (QHeaderView::sectionSizeHint). When the view cannot scroll sideways, only
// the part of a section inside the viewport counts.
inline void clippedSections(const QHeaderView* header, QStringList& clipped)
{
    if (header->orientation() != Qt::Horizontal || !header->model())
        return;
    bool canScroll = false;
    for (const QWidget* p = header->parentWidget(); p && !canScroll; p = p->parentWidget()) {
        if (auto* area = qobject_cast<const QAbstractScrollArea*>(p))
            canScroll = area->horizontalScrollBar()->isVisible();
    }
    int lastVisible = -1;
    for (int v = header->count() - 1; v >= 0 && lastVisible < 0; --v) {
        if (!header->isSectionHidden(header->logicalIndex(v)))
            lastVisible = header->logicalIndex(v);
    }
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical))
            continue;
        const QString text =
            header->model()->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString();
        if (text.isEmpty())
            continue;
        // Without a way to scroll there, only the part inside the viewport
        // counts; a stretched last section gets the room left for it there.
        const int room = header->viewport()->width() - header->sectionViewportPosition(logical);
        int has = header->sectionSize(logical);
        if (!canScroll && logical == lastVisible && header->stretchLastSection())
            has = room;
        else if (!canScroll)
            has = std::min(has, room);
        const int needs = header->sectionSizeHint(logical);
        if (has < needs)
            clipped << describe(header, QStringLiteral("header section"), text, has, needs);
    }
}

} // namespace detail

// Every visible text under `root` (itself included) that does not get the
// room it needs: buttons, check boxes and radio buttons narrower than their
// size hint, single-line labels narrower than their text, word-wrapped
// labels shorter than their wrapped text, combo boxes narrower than their
// minimum, group box titles wider than the box, tabs outside their bar, and
// any of them cut off sideways by a container with no way to scroll there;
// placeholder texts wider than their line edit or combo box, column
// header labels squeezed or elided by their section, and charts too narrow
// for their title.
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
        // A read-only text edit without scroll bars stands for a label
        // (ui/wrap_anywhere_text.h): it must get the height of its lines.
        auto* shownText = qobject_cast<QTextEdit*>(w);
        if (shownText && !(shownText->isReadOnly() &&
                           shownText->verticalScrollBarPolicy() == Qt::ScrollBarAlwaysOff))
            shownText = nullptr;
        const bool showsText = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLabel*>(w) ||
                               qobject_cast<QComboBox*>(w) || qobject_cast<QGroupBox*>(w) ||
                               shownText;
        if (showsText && w != root && detail::cutOffSideways(w))
            clipped << detail::describe(w, QStringLiteral("cut off by its container"),
                                        shownText ? shownText->toPlainText()
                                                  : w->property("text").toString(),
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
            // An editable box shows its placeholder in its line edit, checked below.
            if (!c->isEditable() && !c->placeholderText().isEmpty()) {
                const int needs = detail::comboBoxWidthFor(c, c->placeholderText());
                if (c->width() < needs)
                    clipped << detail::describe(c, QStringLiteral("combo box placeholder"),
                                                c->placeholderText(), c->width(), needs);
            }
        } else if (shownText) {
            const int needs = static_cast<int>(std::ceil(shownText->document()->size().height()));
            if (!shownText->toPlainText().isEmpty() && shownText->viewport()->height() < needs)
                clipped << detail::describe(shownText, QStringLiteral("text height"),
                                            shownText->toPlainText(),
                                            shownText->viewport()->height(), needs);
        } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
            const int needs = e->fontMetrics().horizontalAdvance(e->placeholderText());
            if (!e->placeholderText().isEmpty() && detail::lineEditTextRoom(e) < needs)
                clipped << detail::describe(e, QStringLiteral("placeholder"), e->placeholderText(),
                                            detail::lineEditTextRoom(e), needs);
        } else if (auto* header = qobject_cast<QHeaderView*>(w)) {
            detail::clippedSections(header, clipped);
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            const int needs = g->fontMetrics().horizontalAdvance(g->title());
            if (!g->title().isEmpty() && g->width() < needs)
                clipped << detail::describe(g, QStringLiteral("group box"), g->title(), g->width(),
                                            needs);
        } else if (auto* view = qobject_cast<QChartView*>(w); view && view->chart()) {
            // A chart squeezed until Qt elides its title (and its axis
            // labels to "..."): it says nothing any more.
            const QChart* chart = view->chart();
            const int needs = QFontMetrics(chart->titleFont()).horizontalAdvance(chart->title()) +
                              2 * chart->margins().left() + 8;
            if (!chart->title().isEmpty() && view->width() < needs)
                clipped << detail::describe(view, QStringLiteral("chart title"), chart->title(),
                                            view->width(), needs);
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
