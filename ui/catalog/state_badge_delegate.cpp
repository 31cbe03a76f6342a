// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/state_badge_delegate.h"

#include "ui/catalog/catalog_model.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace gatehouse::ui {

namespace {
constexpr int PadX = 7;
constexpr int PadY = 2;
} // namespace

QSize StateBadgeDelegate::badgeSize(const QString& text, const QFont& font)
{
    const QFontMetrics fm(font);
    return {fm.horizontalAdvance(text) + 2 * PadX, fm.height() + 2 * PadY};
}

QRect StateBadgeDelegate::paintBadge(QPainter* painter, const QPoint& topLeft, const QString& text,
                                     const QColor& color, const QFont& font)
{
    const QRect rect(topLeft, badgeSize(text, font));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), rect.height() / 2.0,
                        rect.height() / 2.0);
    painter->fillPath(path, color);
    painter->setFont(font);
    // The accents are mid-tones: white reads on all of them.
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
    return rect;
}

void StateBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The badge carries the state's name; a note (the sunset) follows it in
    // plain text, which keeps the column narrow.
    const QString text = index.data(CatalogModel::BadgeTextRole).toString();
    const QString note = index.data(CatalogModel::BadgeNoteRole).toString();
    opt.text.clear();
    // Background, selection and focus as the style draws them.
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QColor color = index.data(CatalogModel::BadgeColorRole).value<QColor>();
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setBold(true);
    const QSize size = badgeSize(text, font);
    const QPoint topLeft(option.rect.left() + 4,
                         option.rect.top() + (option.rect.height() - size.height()) / 2);
    painter->save();
    painter->setClipRect(option.rect);
    const QRect badge = paintBadge(painter, topLeft, text, color, font);
    if (!note.isEmpty()) {
        const bool selected = option.state & QStyle::State_Selected;
        painter->setFont(option.font);
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect rest(badge.right() + 6, option.rect.top(),
                         option.rect.right() - badge.right() - 6, option.rect.height());
        painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(option.font).elidedText(note, Qt::ElideRight, rest.width()));
    }
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setBold(true);
    QSize badge = badgeSize(index.data(CatalogModel::BadgeTextRole).toString(), font);
    if (const QString note = index.data(CatalogModel::BadgeNoteRole).toString(); !note.isEmpty())
        badge.rwidth() += 6 + QFontMetrics(option.font).horizontalAdvance(note);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {badge.width() + 8, std::max(base.height(), badge.height() + 4)};
}

} // namespace gatehouse::ui
