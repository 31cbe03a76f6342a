// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace gatehouse::ui {

// Paints a lifecycle state as a rounded badge in the state's colour
// (CatalogModel::BadgeColorRole) with the display text on it.
class StateBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Shared with the card delegate: a badge of `text` at `topLeft`, in
    // `font`; returns the rectangle painted.
    static QRect paintBadge(QPainter* painter, const QPoint& topLeft, const QString& text,
                            const QColor& color, const QFont& font);
    static QSize badgeSize(const QString& text, const QFont& font);
};

} // namespace gatehouse::ui
