// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/placeholder_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
{
    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("placeholderTitle"));
    heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto* text = new QLabel(description, this);
    text->setObjectName(QStringLiteral("placeholderText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    // A fixed width gives the wrapped text its height; an aligned, merely
    // width-limited label would be clipped to one line's height.
    text->setFixedWidth(560);

    auto* coming = new QLabel(tr("Coming in a future release."), this);
    coming->setObjectName(QStringLiteral("placeholderComing"));
    coming->setAlignment(Qt::AlignCenter);
    coming->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(12);
    layout->addStretch(1);
    layout->addWidget(heading);
    auto* centered = new QHBoxLayout;
    centered->addStretch(1);
    centered->addWidget(text);
    centered->addStretch(1);
    layout->addLayout(centered);
    layout->addWidget(coming);
    layout->addStretch(2);
}

} // namespace gatehouse::ui
