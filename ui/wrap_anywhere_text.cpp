// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/wrap_anywhere_text.h"

#include <QEvent>
#include <QFontMetrics>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextOption>

#include <cmath>

namespace gatehouse::ui {

namespace {

QTextOption wrapAnywhere()
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

} // namespace

WrapAnywhereText::WrapAnywhereText(QWidget* parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::ClickFocus); // as a selectable label: not a tab stop
    setAcceptRichText(false);
    setUndoRedoEnabled(false);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // The window's background shows through, as behind a label.
    setAutoFillBackground(false);
    viewport()->setAutoFillBackground(false);
    document()->setDocumentMargin(0);
    m_measure.setDocumentMargin(0);
    m_measure.setDefaultTextOption(wrapAnywhere());
    setContentsMargins(0, 0, 0, 0);
    setViewportMargins(0, 0, 0, 0);
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    syncMeasure();
}

void WrapAnywhereText::setText(const QString& text)
{
    if (text == toPlainText())
        return;
    setPlainText(text);
    syncMeasure();
    updateGeometry();
}

void WrapAnywhereText::syncMeasure()
{
    m_measure.setDefaultFont(font());
    m_measure.setPlainText(toPlainText());
}

int WrapAnywhereText::heightForWidth(int width) const
{
    const int frame = 2 * frameWidth();
    m_measure.setTextWidth(std::max(1, width - frame));
    const int lines = static_cast<int>(std::ceil(m_measure.size().height()));
    return std::max(lines, fontMetrics().height()) + frame;
}

QSize WrapAnywhereText::sizeHint() const
{
    // As wide as the text on one line; a layout narrows it (the horizontal
    // policy is Ignored) and asks heightForWidth.
    m_measure.setTextWidth(-1);
    const int width = static_cast<int>(std::ceil(m_measure.idealWidth())) + 2 * frameWidth();
    return {width, heightForWidth(width)};
}

QSize WrapAnywhereText::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 4, fontMetrics().height() + 2 * frameWidth()};
}

void WrapAnywhereText::resizeEvent(QResizeEvent* event)
{
    QTextEdit::resizeEvent(event);
    // A new width can mean more or fewer lines: ask the layout again.
    const int needs = heightForWidth(event->size().width());
    if (needs != m_shownHeight) {
        m_shownHeight = needs;
        updateGeometry();
    }
    verticalScrollBar()->setValue(0); // never scrolled: the layout gives it its lines
}

void WrapAnywhereText::changeEvent(QEvent* event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        syncMeasure();
        updateGeometry();
    }
}

} // namespace gatehouse::ui
