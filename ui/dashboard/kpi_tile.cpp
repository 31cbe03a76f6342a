// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/dashboard/kpi_tile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

KpiTile::KpiTile(const QString& valueObjectName, QWidget* parent)
    : QFrame(parent)
    , m_caption(new QLabel(this))
    , m_value(new QLabel(notAvailable(), this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("kpiTile"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_caption->setObjectName(valueObjectName + QStringLiteral("Caption"));
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    m_value->setObjectName(valueObjectName);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    QFont detailFont = m_detail->font();
    detailFont.setPointSizeF(detailFont.pointSizeF() * 0.9);
    m_detail->setFont(detailFont);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
}

void KpiTile::setCaption(const QString& caption)
{
    m_caption->setText(caption);
}

QString KpiTile::caption() const
{
    return m_caption->text();
}

void KpiTile::setValue(const QString& value)
{
    if (m_value->text() != value)
        m_value->setText(value);
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::detail() const
{
    return m_detail->text();
}

void KpiTile::setDetail(const QString& detail)
{
    if (m_detail->text() != detail)
        m_detail->setText(detail);
}

void KpiTile::setAccent(const QColor& color)
{
    if (color == m_accent)
        return;
    m_accent = color;
    QPalette pal = m_value->palette();
    pal.setColor(QPalette::WindowText,
                 color.isValid() ? color : palette().color(QPalette::WindowText));
    m_value->setPalette(pal);
}

} // namespace gatehouse::ui
