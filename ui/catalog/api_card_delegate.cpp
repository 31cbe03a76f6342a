// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/api_card_delegate.h"

#include "ui/catalog/catalog_model.h"
#include "ui/catalog/state_badge_delegate.h"

#include <QPainter>
#include <QPainterPath>

namespace gatehouse::ui {

namespace {
constexpr int Margin = 6;   // around the card
constexpr int Padding = 10; // inside it

QModelIndex sibling(const QModelIndex& index, int column)
{
    return index.sibling(index.row(), column);
}
} // namespace

QSize ApiCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics fm(option.font);
    QFont title = option.font;
    title.setPointSizeF(title.pointSizeF() * 1.2);
    title.setBold(true);
    // Title, badge line, team and path, two lines of description.
    const int height = 2 * Padding + QFontMetrics(title).height() + 8 + fm.height() + 6 + 6 +
                       2 * fm.height() + 8 + 2 * fm.lineSpacing();
    return {CardWidth + 2 * Margin, height + 2 * Margin};
}

void ApiCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const QPalette& pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect card = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(path, pal.color(QPalette::Base));
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                         selected ? 2 : 1));
    painter->drawPath(path);
    // A strip in the state's colour on the left edge.
    const QColor color = index.data(CatalogModel::BadgeColorRole).value<QColor>();
    painter->setClipPath(path);
    painter->fillRect(QRect(card.left(), card.top(), 4, card.height()), color);
    painter->setClipping(false);

    const QRect inner = card.adjusted(Padding + 2, Padding, -Padding, -Padding);
    int y = inner.top();
    QFont title = option.font;
    title.setPointSizeF(title.pointSizeF() * 1.2);
    title.setBold(true);
    const QFontMetrics titleMetrics(title);
    const QString version = sibling(index, CatalogModel::Version).data().toString();
    painter->setFont(title);
    painter->setPen(pal.color(QPalette::Text));
    const QString heading = titleMetrics.elidedText(
        index.data().toString() + QLatin1Char(' ') + version, Qt::ElideRight, inner.width());
    painter->drawText(QRect(inner.left(), y, inner.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, heading);
    y += titleMetrics.height() + 8;

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    small.setBold(true);
    const QString state = index.data(CatalogModel::BadgeTextRole).toString();
    const QRect badge =
        StateBadgeDelegate::paintBadge(painter, QPoint(inner.left(), y - 4), state, color, small);
    const QFontMetrics fm(option.font);
    painter->setFont(option.font);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    // The sunset of a deprecated API, else its visibility.
    QString visibility = index.data(CatalogModel::BadgeNoteRole).toString();
    if (visibility.isEmpty())
        visibility = sibling(index, CatalogModel::Visibility).data().toString();
    const int afterBadge = badge.right() + 8;
    painter->drawText(QRect(afterBadge, badge.top(), inner.right() - afterBadge, badge.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(visibility, Qt::ElideRight, inner.right() - afterBadge));
    y = badge.bottom() + 6;

    painter->setPen(pal.color(QPalette::Text));
    const QString team = sibling(index, CatalogModel::Team).data().toString();
    const QString basePath = sibling(index, CatalogModel::BasePath).data().toString();
    painter->drawText(QRect(inner.left(), y, inner.width(), fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(team, Qt::ElideRight, inner.width()));
    y += fm.height();
    QFont mono = option.font;
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    painter->setFont(mono);
    painter->drawText(QRect(inner.left(), y, inner.width(), fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(mono).elidedText(basePath, Qt::ElideMiddle, inner.width()));
    y += fm.height() + 8;

    painter->setFont(option.font);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    const QString description = index.data(CatalogModel::DescriptionRole).toString();
    const QRect textRect(inner.left(), y, inner.width(), inner.bottom() - y);
    // Two lines at most, the second elided.
    QString first = description;
    QString rest;
    int cut = description.size();
    while (cut > 0 && fm.horizontalAdvance(description.left(cut)) > inner.width()) {
        cut = int(description.lastIndexOf(QLatin1Char(' '), cut - 1));
        if (cut < 0)
            cut = 0;
    }
    if (cut > 0 && cut < description.size()) {
        first = description.left(cut);
        rest = description.mid(cut + 1);
    } else if (cut == 0) {
        first = fm.elidedText(description, Qt::ElideRight, inner.width());
    }
    painter->drawText(QRect(textRect.left(), textRect.top(), textRect.width(), fm.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter, first);
    if (!rest.isEmpty())
        painter->drawText(QRect(textRect.left(), textRect.top() + fm.lineSpacing(),
                                textRect.width(), fm.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(rest, Qt::ElideRight, inner.width()));
    painter->restore();
}

} // namespace gatehouse::ui
