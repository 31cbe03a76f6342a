// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringList>
#include <QTabBar>
#include <QTextEdit>
#include <QtTest/QTest>

// Keyboard checks of a window as it is shown: what Tab reaches, which
// mnemonics are active at once, and whether form labels lead to their
// fields. Shared by the GUI suites.
namespace gatehouse::test::keyboard {

inline QString describe(const QWidget* w)
{
    if (!w)
        return QStringLiteral("(none)");
    QString text;
    if (const auto* b = qobject_cast<const QAbstractButton*>(w))
        text = b->text();
    return QStringLiteral("%1 \"%2\"%3")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
             text.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(text));
}

// A widget inside another control (a line edit's clear button, a spin box's
// editor, a tab bar's scroll buttons, a dock's title buttons, a view's
// cell editors): reached through that control, not on its own.
inline bool isInternal(const QWidget* w)
{
    for (const QWidget* p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget()) {
        if (qobject_cast<const QLineEdit*>(p) || qobject_cast<const QAbstractSpinBox*>(p) ||
            qobject_cast<const QComboBox*>(p) || qobject_cast<const QTabBar*>(p) ||
            qobject_cast<const QAbstractItemView*>(p))
            return true;
    }
    return w->inherits("QDockWidgetTitleButton");
}

// Something a person operates: a button, a field, a list or table, a slider,
// a tab bar, a label with links.
inline bool isInput(const QWidget* w)
{
    if (qobject_cast<const QScrollBar*>(w) || qobject_cast<const QHeaderView*>(w))
        return false;
    if (const auto* label = qobject_cast<const QLabel*>(w))
        return label->textInteractionFlags().testFlag(Qt::LinksAccessibleByKeyboard) &&
               label->text().contains(QLatin1String("<a "));
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(w))
        return !text->isReadOnly();
    if (const auto* text = qobject_cast<const QTextEdit*>(w))
        return !text->isReadOnly();
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w) ||
           qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w) ||
           qobject_cast<const QAbstractItemView*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
           qobject_cast<const QTabBar*>(w);
}

// Every enabled input shown in `window` now.
inline QList<QWidget*> shownInputs(QWidget* window)
{
    QList<QWidget*> out;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->window() != window || !w->isVisible() || !w->isEnabled() || !isInput(w) ||
            isInternal(w))
            continue;
        if (w->visibleRegion().isEmpty() && w->width() > 0)
            continue; // scrolled or laid out of sight
        out << w;
    }
    return out;
}

struct TabWalk {
    QList<QWidget*> order; // each widget once, in the order Tab first reached it
    QString problem;       // empty when Tab came round to the start
};

// Tabs from `start` until the focus comes round to it again.
inline TabWalk walkTabs(QWidget* start, int limit = 400)
{
    TabWalk walk;
    start->setFocus(Qt::TabFocusReason);
    QWidget* first = QApplication::focusWidget();
    if (!first) {
        walk.problem = QStringLiteral("%1 takes no focus").arg(describe(start));
        return walk;
    }
    walk.order << first;
    QWidget* last = first;
    int stuck = 0;
    for (int i = 0; i < limit; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* now = QApplication::focusWidget();
        if (!now) {
            walk.problem = QStringLiteral("Tab left the window after %1").arg(describe(last));
            return walk;
        }
        if (now == first && walk.order.size() > 1 && last != first)
            return walk;
        if (now == last) {
            if (++stuck >= 3) {
                walk.problem = QStringLiteral("Tab is caught in %1").arg(describe(now));
                return walk;
            }
            continue;
        }
        stuck = 0;
        last = now;
        if (!walk.order.contains(now))
            walk.order << now;
    }
    walk.problem = QStringLiteral("Tab did not come round in %1 presses").arg(limit);
    return walk;
}

// The buttons that Tab treats as one stop (an exclusive group: Tab reaches
// the checked one, the arrow keys the others), `b` included.
inline QList<QWidget*> exclusiveGroupOf(QAbstractButton* b)
{
    QList<QWidget*> out;
    if (QButtonGroup* group = b->group(); group && group->exclusive()) {
        for (QAbstractButton* other : group->buttons())
            out << other;
    } else if (b->autoExclusive() && b->isCheckable() && b->parentWidget()) {
        for (QAbstractButton* other :
             b->parentWidget()->findChildren<QAbstractButton*>(Qt::FindDirectChildrenOnly))
            if (other->autoExclusive() && other->isCheckable())
                out << other;
    }
    if (out.isEmpty())
        out << b;
    return out;
}

inline bool reached(const TabWalk& walk, QWidget* w)
{
    QList<QWidget*> stops{w};
    if (auto* b = qobject_cast<QAbstractButton*>(w))
        stops = exclusiveGroupOf(b);
    for (QWidget* v : walk.order) {
        for (QWidget* s : stops)
            if (v == s || s->isAncestorOf(v) || v->focusProxy() == s || s->focusProxy() == v)
                return true;
    }
    return false;
}

inline QString describeOrder(const TabWalk& walk)
{
    QStringList out;
    for (const QWidget* w : walk.order)
        out << describe(w);
    return out.join(QLatin1String(" -> "));
}

// The inputs of `expected` that the walk never reached.
inline QStringList unreached(const TabWalk& walk, const QList<QWidget*>& expected)
{
    QStringList out;
    for (QWidget* w : expected)
        if (!reached(walk, w))
            out << describe(w);
    return out;
}

inline QChar mnemonicOf(const QString& text)
{
    const QKeySequence key = QKeySequence::mnemonic(text);
    if (key.isEmpty())
        return {};
    return QKeySequence(key[0].key()).toString().at(0).toUpper();
}

// Who answers Alt+<letter> in `window` now: the menu bar's titles, the
// shown buttons, group boxes and tab titles, and labels with a buddy.
// Labels with a mnemonic but no buddy (Alt does nothing) are returned in
// `dead`.
inline QHash<QChar, QStringList> activeMnemonics(QWidget* window, QStringList* dead = nullptr)
{
    QHash<QChar, QStringList> out;
    const auto add = [&out](const QString& text, const QString& who) {
        const QChar c = mnemonicOf(text);
        if (!c.isNull())
            out[c] << who;
    };
    if (auto* main = qobject_cast<QMainWindow*>(window); main && main->menuWidget())
        for (QAction* a : main->menuBar()->actions())
            if (a->isVisible())
                add(a->text(), QStringLiteral("menu \"%1\"").arg(a->text()));
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->window() != window || !w->isVisible() || isInternal(w))
            continue;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            add(b->text(), describe(w));
        else if (auto* g = qobject_cast<QGroupBox*>(w))
            add(g->title(), describe(w) + QStringLiteral(" [%1]").arg(g->title()));
        else if (auto* bar = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < bar->count(); ++i)
                if (bar->isTabVisible(i))
                    add(bar->tabText(i), QStringLiteral("tab \"%1\"").arg(bar->tabText(i)));
        } else if (auto* l = qobject_cast<QLabel*>(w)) {
            if (l->textFormat() == Qt::RichText || mnemonicOf(l->text()).isNull())
                continue;
            if (!l->buddy()) {
                if (dead)
                    *dead << QStringLiteral("label \"%1\"").arg(l->text());
                continue;
            }
            add(l->text(), QStringLiteral("label \"%1\"").arg(l->text()));
        }
    }
    return out;
}

inline QStringList duplicateMnemonics(QWidget* window, QStringList* dead = nullptr)
{
    QStringList out;
    const auto all = activeMnemonics(window, dead);
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        if (it.value().size() > 1)
            out << QStringLiteral("Alt+%1: %2")
                       .arg(it.key())
                       .arg(it.value().join(QLatin1String(", ")));
    out.sort();
    return out;
}

// The first enabled input in `w` (itself included), in child order; labels
// (with links or not) show a value and are not what a form label names.
inline QWidget* firstInput(QWidget* w)
{
    const auto editable = [](QWidget* c) {
        return isInput(c) && !qobject_cast<QLabel*>(c);
    };
    if (editable(w))
        return w;
    for (QWidget* c : w->findChildren<QWidget*>())
        if (c->isVisible() && c->isEnabled() && editable(c) && !isInternal(c))
            return c;
    return nullptr;
}

// Rows of the shown form layouts whose field takes input but whose label
// has no mnemonic leading to it (the demo traffic dock's included).
inline QStringList formLabelsWithoutBuddies(QWidget* window)
{
    QStringList out;
    for (QFormLayout* form : window->findChildren<QFormLayout*>()) {
        QWidget* owner = form->parentWidget();
        if (!owner || owner->window() != window || !owner->isVisible())
            continue;
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* labelItem = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem* fieldItem = form->itemAt(row, QFormLayout::FieldRole);
            auto* label = labelItem ? qobject_cast<QLabel*>(labelItem->widget()) : nullptr;
            QWidget* field = fieldItem ? fieldItem->widget() : nullptr;
            if (!label || !field || label->text().isEmpty() || !field->isVisible())
                continue;
            QWidget* input = firstInput(field);
            if (!input || !input->isEnabled())
                continue;
            QWidget* buddy = label->buddy();
            const bool leads =
                buddy && (buddy == input || buddy == field || field->isAncestorOf(buddy));
            if (mnemonicOf(label->text()).isNull() || !leads)
                out << QStringLiteral("\"%1\" -> %2").arg(label->text(), describe(input));
        }
    }
    return out;
}

// Shown labels that lead to a field taking input (a buddy) but have no
// Alt+letter to take the user there, in or out of a form layout. A label
// naming a value shown (a read-out, a read-only line) is not one.
inline QStringList buddiesWithoutMnemonics(QWidget* window)
{
    QStringList out;
    for (QLabel* label : window->findChildren<QLabel*>()) {
        if (label->window() != window || !label->isVisible() || isInternal(label) ||
            !label->buddy() || label->textFormat() == Qt::RichText)
            continue;
        QWidget* input = firstInput(label->buddy());
        if (!input || !input->isVisible() || !input->isEnabled())
            continue;
        if (const auto* line = qobject_cast<const QLineEdit*>(input); line && line->isReadOnly())
            continue;
        if (mnemonicOf(label->text()).isNull())
            out << QStringLiteral("\"%1\" -> %2").arg(label->text(), describe(label->buddy()));
    }
    return out;
}

inline qsizetype walkIndex(const TabWalk& walk, QWidget* w)
{
    for (qsizetype i = 0; i < walk.order.size(); ++i) {
        QWidget* v = walk.order.at(i);
        if (v == w || w->isAncestorOf(v) || v->focusProxy() == w || w->focusProxy() == v)
            return i;
    }
    return -1;
}

// Shown forms whose fields Tab does not visit top to bottom (a widget
// created out of layout order, without setTabOrder()).
inline QStringList formsOutOfOrder(const TabWalk& walk, QWidget* window)
{
    QStringList out;
    for (QFormLayout* form : window->findChildren<QFormLayout*>()) {
        QWidget* owner = form->parentWidget();
        if (!owner || owner->window() != window || !owner->isVisible())
            continue;
        qsizetype previous = -1;
        QWidget* previousInput = nullptr;
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* item = form->itemAt(row, QFormLayout::FieldRole);
            if (!item)
                item = form->itemAt(row, QFormLayout::SpanningRole);
            QWidget* field = item ? item->widget() : nullptr;
            if (!field || !field->isVisible())
                continue;
            QWidget* input = firstInput(field);
            if (!input || !input->isEnabled())
                continue;
            const qsizetype at = walkIndex(walk, input);
            if (at < 0)
                continue; // reported as not reached
            if (at < previous)
                out << QStringLiteral("%1 before %2").arg(describe(input), describe(previousInput));
            previous = at;
            previousInput = input;
        }
    }
    return out;
}

} // namespace gatehouse::test::keyboard
