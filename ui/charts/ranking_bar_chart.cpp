// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/charts/ranking_bar_chart.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gatehouse::ui {

namespace {

double niceCeiling(double value)
{
    if (value <= 1.0)
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace

RankingBarChart::RankingBarChart(QWidget* parent)
    // The chart goes to the constructor: QChartView(parent) makes a chart of
    // its own, which a later setChart() releases without deleting it.
    : QChartView(new QChart, parent)
    , m_chart(chart())
    , m_series(new QHorizontalBarSeries(m_chart))
    , m_set(new QBarSet(QString(), m_series))
    , m_categoryAxis(new QBarCategoryAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_series->append(m_set);
    m_series->setBarWidth(0.7);
    m_chart->addSeries(m_series);
    updateValueAxis(0.0);
    m_chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_chart->addAxis(m_categoryAxis, Qt::AlignLeft);
    m_series->attachAxis(m_valueAxis);
    m_series->attachAxis(m_categoryAxis);
    connect(m_set, &QBarSet::hovered, this, &RankingBarChart::showHoverTip);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);

    m_overlay = new QLabel(this);
    m_overlay->setObjectName(QStringLiteral("chartOverlay"));
    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setWordWrap(true); // a narrow chart wraps its note rather than cut it
    m_overlay->setForegroundRole(QPalette::PlaceholderText);
    m_overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_overlay->hide();

    m_exportAction = new QAction(tr("Export as PNG…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportPngAction"));
    connect(m_exportAction, &QAction::triggered, this, &RankingBarChart::exportPngInteractively);
    addAction(m_exportAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportPngButton"));
    m_exportButton->setAutoRaise(true);
    m_exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_exportButton->setToolTip(tr("Export as PNG…"));
    m_exportButton->setAccessibleName(tr("Export as PNG"));
    connect(m_exportButton, &QToolButton::clicked, this, &RankingBarChart::exportPngInteractively);
    applyPalette();
}

RankingBarChart::~RankingBarChart() = default;

void RankingBarChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}

QString RankingBarChart::title() const
{
    return m_chart->title();
}

void RankingBarChart::setValueAxisTitle(const QString& title)
{
    m_valueAxis->setTitleText(title);
}

void RankingBarChart::setSeriesName(const QString& name)
{
    m_set->setLabel(name);
}

void RankingBarChart::setColor(const QColor& color)
{
    m_set->setColor(color);
    m_set->setBorderColor(color);
}

void RankingBarChart::setValueSuffix(const QString& suffix)
{
    m_valueSuffix = suffix;
}

void RankingBarChart::setValueDecimals(int decimals)
{
    m_valueDecimals = decimals;
}

void RankingBarChart::setFixedMaximum(double maximum)
{
    m_fixedMaximum = maximum;
    updateValueAxis(0.0);
}

void RankingBarChart::updateValueAxis(double maximum)
{
    // Round steps, as on the time-series charts: 1 and 5 x 10^n split in
    // five, 2 x 10^n in four.
    const double top = m_fixedMaximum > 0.0 ? m_fixedMaximum : niceCeiling(maximum * 1.1);
    const double lead = top / std::pow(10.0, std::floor(std::log10(top)));
    const int intervals = std::abs(lead - 2.0) < 0.01 ? 4 : 5;
    const double step = top / intervals;
    const int decimals = step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    m_valueAxis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    m_valueAxis->setTickCount(intervals + 1);
    m_valueAxis->setRange(0.0, top);
}

void RankingBarChart::setData(const QStringList& names, const QList<double>& values)
{
    const qsizetype n = std::min(names.size(), values.size());
    // The category axis lists bottom-up: reverse, so rank 1 is on top.
    QStringList categories;
    QList<double> bars;
    for (qsizetype i = n - 1; i >= 0; --i) {
        // Category names must be unique; a suffix keeps equal names apart.
        QString name = names.at(i);
        while (categories.contains(name))
            name += QLatin1Char(' ');
        categories.append(name);
        bars.append(values.at(i));
    }
    if (categories == m_categoryAxis->categories() && m_values == values.mid(0, n)) {
        m_names = names.mid(0, n);
        return; // nothing changed: spare the repaint
    }
    m_names = names.mid(0, n);
    m_values = values.mid(0, n);
    m_set->remove(0, m_set->count());
    m_set->append(bars);
    m_categoryAxis->setCategories(categories);
    updateValueAxis(bars.isEmpty() ? 0.0 : *std::max_element(bars.begin(), bars.end()));
}

void RankingBarChart::setOverlayText(const QString& text)
{
    m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
    placeOverlays();
}

bool RankingBarChart::exportPng(const QString& path)
{
    const bool buttonVisible = m_exportButton->isVisible();
    m_exportButton->hide();
    const QPixmap image = grab();
    m_exportButton->setVisible(buttonVisible);
    return !image.isNull() && image.save(path, "PNG");
}

void RankingBarChart::exportPngInteractively()
{
    QString name = m_chart->title().isEmpty() ? QStringLiteral("chart") : m_chart->title();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), QDir(directory).filePath(name + QStringLiteral(".png")),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportPng(path))
        QMessageBox::warning(this, tr("Export Chart"),
                             tr("The chart could not be saved to %1.").arg(path));
}

void RankingBarChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    placeOverlays();
}

void RankingBarChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::LanguageChange)
        m_exportAction->setText(tr("Export as PNG…"));
}

void RankingBarChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setTitleBrush(text);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis :
         {static_cast<QAbstractAxis*>(m_categoryAxis), static_cast<QAbstractAxis*>(m_valueAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
    }
}

void RankingBarChart::placeOverlays()
{
    const QSize hint = m_exportButton->sizeHint();
    m_exportButton->setGeometry(width() - hint.width() - 4, 4, hint.width(), hint.height());
    m_overlay->setGeometry(rect());
    m_overlay->raise();
    m_exportButton->raise();
}

void RankingBarChart::showHoverTip(bool state, int index)
{
    // Bars run bottom-up; m_names is top-down.
    const qsizetype item = m_names.size() - 1 - index;
    if (!state || item < 0 || item >= m_names.size()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(),
                       m_names.at(item) + QStringLiteral(": ") +
                           QLocale().toString(m_values.at(item), 'f', m_valueDecimals) +
                           m_valueSuffix,
                       this);
}

} // namespace gatehouse::ui
