// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/placeholder_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description,
                                 const QString& status, QWidget* parent)
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

    // Why the page is not there: the service's own error once it is known.
    m_status = new QLabel(status, this);
    m_status->setObjectName(QStringLiteral("placeholderStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setFixedWidth(560);

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
    auto* statusRow = new QHBoxLayout;
    statusRow->addStretch(1);
    statusRow->addWidget(m_status);
    statusRow->addStretch(1);
    layout->addLayout(statusRow);
    layout->addStretch(2);
}

QString PlaceholderPage::status() const
{
    return m_status->text();
}

void PlaceholderPage::setStatus(const QString& status)
{
    m_status->setText(status);
}

} // namespace gatehouse::ui
