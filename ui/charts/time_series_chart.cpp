// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/charts/time_series_chart.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
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

// 1, 2, 5 x 10^n at or above `value`, so the axis does not jitter every second.
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

constexpr qsizetype sparsePoints = 60;

QString timeFormat(qint64 spanMs)
{
    constexpr qint64 hourMs = 3600 * 1000;
    if (spanMs > 48 * hourMs)
        return QStringLiteral("dd MMM");
    if (spanMs > 2 * hourMs)
        return QStringLiteral("HH:mm");
    return QStringLiteral("HH:mm:ss");
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget* parent)
    // The chart goes to the constructor: QChartView(parent) makes a chart of
    // its own, which a later setChart() releases without deleting it.
    : QChartView(new QChart, parent)
    , m_chart(chart())
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_timeAxis->setFormat(timeFormat(0));
    m_timeAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setRange(0.0, 1.0);
    m_valueAxis->setTickCount(5);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);

    m_overlay = new QLabel(this);
    m_overlay->setObjectName(QStringLiteral("chartOverlay"));
    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setWordWrap(true); // a narrow chart wraps its note rather than cut it
    m_overlay->setForegroundRole(QPalette::PlaceholderText);
    m_overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_overlay->hide();
    connect(m_chart, &QChart::plotAreaChanged, this, &TimeSeriesChart::placeOverlays);

    m_exportAction = new QAction(tr("Export as PNG…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportPngAction"));
    connect(m_exportAction, &QAction::triggered, this, &TimeSeriesChart::exportPngInteractively);
    addAction(m_exportAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportPngButton"));
    m_exportButton->setAutoRaise(true);
    m_exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_exportButton->setToolTip(tr("Export as PNG…"));
    m_exportButton->setAccessibleName(tr("Export as PNG"));
    connect(m_exportButton, &QToolButton::clicked, this, &TimeSeriesChart::exportPngInteractively);

    applyPalette();
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}

QString TimeSeriesChart::title() const
{
    return m_chart->title();
}

void TimeSeriesChart::setValueAxisTitle(const QString& title)
{
    m_valueAxis->setTitleText(title);
}

void TimeSeriesChart::setTimeAxisTitle(const QString& title)
{
    m_timeAxis->setTitleText(title);
}

void TimeSeriesChart::setValueSuffix(const QString& suffix)
{
    m_valueSuffix = suffix;
}

void TimeSeriesChart::setValueDecimals(int decimals)
{
    m_valueDecimals = qMax(0, decimals);
}

void TimeSeriesChart::setLegendShowsEmptySeries(bool show)
{
    m_legendShowsEmpty = show;
    updateLegend();
}

QStringList TimeSeriesChart::legendNames() const
{
    QStringList names;
    for (QLegendMarker* marker : m_chart->legend()->markers()) {
        if (marker->isVisible())
            names << marker->label();
    }
    return names;
}

void TimeSeriesChart::updateLegend()
{
    for (int i = 0; i < m_series.size(); ++i) {
        const QList<QPointF>& data = m_data.at(i);
        const bool shown =
            m_legendShowsEmpty ||
            std::any_of(data.begin(), data.end(), [](const QPointF& p) { return p.y() != 0.0; });
        for (QLegendMarker* marker : m_chart->legend()->markers(m_series.at(i)))
            marker->setVisible(shown);
    }
    fitLegend();
}

Qt::Alignment TimeSeriesChart::legendAlignment() const
{
    return m_chart->legend()->alignment();
}

void TimeSeriesChart::fitLegend()
{
    // Qt Charts lays a bottom legend out in one row and elides what does not
    // fit. Each entry takes its label, a marker about a line high and the
    // spacing around both (about another line and a half).
    QLegend* legend = m_chart->legend();
    const QFontMetrics metrics(legend->font());
    int needed = 0;
    for (QLegendMarker* marker : legend->markers()) {
        if (marker->isVisible())
            needed += metrics.horizontalAdvance(marker->label()) + 5 * metrics.height() / 2;
    }
    const int available = width() - 2 * metrics.height();
    const Qt::Alignment wanted = needed <= available ? Qt::AlignBottom : Qt::AlignRight;
    if (legend->alignment() != wanted)
        legend->setAlignment(wanted);
}

void TimeSeriesChart::setStackedBucketMs(qint64 ms)
{
    m_bucketMs = std::max<qint64>(0, ms);
}

QList<QPointF> TimeSeriesChart::drawn(const QList<QPointF>& points) const
{
    if (m_bucketMs <= 0)
        return points;
    QList<QPointF> steps;
    steps.reserve(points.size() * 2);
    for (const QPointF& p : points)
        steps << p << QPointF(p.x() + static_cast<double>(m_bucketMs), p.y());
    return steps;
}

void TimeSeriesChart::setSeries(const QStringList& names, const QList<QColor>& colors, Style style)
{
    for (QAbstractSeries* series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series; // an area series takes its line series along (below)
    }
    m_series.clear();
    m_lines.clear();
    m_lowerLines.clear();
    m_names = names;
    m_colors = colors;
    m_style = style;
    m_data = QList<QList<QPointF>>(names.size());

    for (int i = 0; i < names.size(); ++i) {
        auto* line = new QLineSeries;
        line->setName(names.at(i));
        QAbstractSeries* series = line;
        if (style == Style::StackedAreas) {
            auto* lower = i > 0 ? new QLineSeries : nullptr;
            auto* area = new QAreaSeries(line, lower);
            area->setName(names.at(i));
            if (i < colors.size()) {
                QColor fill = colors.at(i);
                fill.setAlpha(190);
                area->setBrush(fill);
                // No outline: an empty series on top would otherwise paint its
                // colour along the whole stack's edge.
                area->setPen(Qt::NoPen);
            }
            connect(area, &QAreaSeries::hovered, this,
                    [this, i](const QPointF& point, bool state) { showHoverTip(i, point, state); });
            m_lowerLines.append(lower);
            series = area;
        } else {
            if (i < colors.size())
                line->setPen(QPen(colors.at(i), 2.0));
            connect(line, &QLineSeries::hovered, this,
                    [this, i](const QPointF& point, bool state) { showHoverTip(i, point, state); });
        }
        m_chart->addSeries(series);
        if (series != line) {
            // An area series is made a child of its upper line and leaves its
            // lines to the caller; once the chart has it, it owns them, so
            // that they go with it (here, or with the chart).
            line->setParent(series);
            if (m_lowerLines.constLast())
                m_lowerLines.constLast()->setParent(series);
        }
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        m_lines.append(line);
        m_series.append(series);
    }
    updateLegend();
    applyPalette();
}

void TimeSeriesChart::setData(const QList<QList<QPointF>>& data, qint64 fromMs, qint64 toMs)
{
    double maximum = 0.0;
    QList<QPointF> below; // running sum of the series underneath, when stacked
    for (int i = 0; i < m_lines.size(); ++i) {
        m_data[i] = i < data.size() ? data.at(i) : QList<QPointF>();
        if (m_style == Style::StackedAreas) {
            QList<QPointF> upper = m_data.at(i);
            // Series of one refresh share their timestamps; index-wise sums suffice.
            for (qsizetype p = 0; p < upper.size() && p < below.size(); ++p)
                upper[p].setY(upper[p].y() + below[p].y());
            if (m_lowerLines.at(i))
                m_lowerLines.at(i)->replace(drawn(below.mid(0, upper.size())));
            m_lines.at(i)->replace(drawn(upper));
            below = upper;
            for (const QPointF& point : std::as_const(upper))
                maximum = std::max(maximum, point.y());
        } else {
            // A line needs two points: mark sparse data (a single busy
            // minute in a quiet hour) so it does not vanish.
            m_lines.at(i)->setPointsVisible(m_data.at(i).size() <= sparsePoints);
            m_lines.at(i)->replace(m_data.at(i));
            for (const QPointF& point : std::as_const(m_data.at(i)))
                maximum = std::max(maximum, point.y());
        }
    }
    if (toMs <= fromMs)
        toMs = fromMs + 1000;
    m_timeAxis->setFormat(timeFormat(toMs - fromMs));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
    updateValueAxis(maximum);
    updateLegend();
}

QList<QPointF> TimeSeriesChart::points(int series) const
{
    return series >= 0 && series < m_data.size() ? m_data.at(series) : QList<QPointF>();
}

void TimeSeriesChart::setOverlayText(const QString& text)
{
    m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
    placeOverlays();
}

QString TimeSeriesChart::overlayText() const
{
    return m_overlay->text();
}

bool TimeSeriesChart::exportPng(const QString& path)
{
    // The export button is chrome, not part of the picture.
    const bool buttonVisible = m_exportButton->isVisible();
    m_exportButton->hide();
    const QPixmap image = grab();
    m_exportButton->setVisible(buttonVisible);
    return !image.isNull() && image.save(path, "PNG");
}

void TimeSeriesChart::exportPngInteractively()
{
    QString name = m_chart->title().isEmpty() ? QStringLiteral("chart") : m_chart->title();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), QDir(directory).filePath(name + QStringLiteral(".png")),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportPng(path)) {
        QMessageBox::warning(this, tr("Export Chart"),
                             tr("The chart could not be saved to %1.").arg(path));
    }
}

void TimeSeriesChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    // About one time label per 150 px, so labels never get elided.
    m_timeAxis->setTickCount(qBound(3, width() / 150, 8));
    fitLegend();
    placeOverlays();
}

void TimeSeriesChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::LanguageChange)
        m_exportAction->setText(tr("Export as PNG…"));
}

void TimeSeriesChart::applyPalette()
{
    // Follow the system palette (light or dark) instead of a chart theme.
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis :
         {static_cast<QAbstractAxis*>(m_timeAxis), static_cast<QAbstractAxis*>(m_valueAxis)}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
}

void TimeSeriesChart::placeOverlays()
{
    const QSize hint = m_exportButton->sizeHint();
    m_exportButton->setGeometry(width() - hint.width() - 4, 4, hint.width(), hint.height());
    // Over the plot area, so that a note wraps inside the axes instead of
    // running over their labels; the whole view until the chart has laid
    // out its plot area.
    const QRect plot = mapFromScene(m_chart->plotArea()).boundingRect().intersected(rect());
    m_overlay->setGeometry(plot.width() > 40 && plot.height() > 20 ? plot : rect());
    m_overlay->raise();
    m_exportButton->raise();
}

void TimeSeriesChart::showHoverTip(int series, const QPointF& point, bool state)
{
    if (!state || series < 0 || series >= m_data.size() || m_data.at(series).isEmpty()) {
        QToolTip::hideText();
        return;
    }
    // The nearest sample in time, with its own (unstacked) value; drawn as
    // steps, the one whose bucket holds the pointer.
    const QList<QPointF>& data = m_data.at(series);
    const bool steps = m_style == Style::StackedAreas && m_bucketMs > 0;
    const double x = steps ? point.x() - static_cast<double>(m_bucketMs) / 2.0 : point.x();
    const auto nearest = std::min_element(data.begin(), data.end(), [&](auto a, auto b) {
        return std::abs(a.x() - x) < std::abs(b.x() - x);
    });
    const QLocale locale;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(nearest->x()));
    const QString text =
        tr("%1\n%2: %3%4")
            .arg(locale.toString(when, QLocale::ShortFormat), m_names.value(series),
                 locale.toString(nearest->y(), 'f', m_valueDecimals), m_valueSuffix);
    QToolTip::showText(QCursor::pos(), text, this);
}

void TimeSeriesChart::setFixedValueMaximum(double maximum)
{
    m_fixedMaximum = maximum;
    updateValueAxis(0.0);
}

void TimeSeriesChart::updateValueAxis(double maximum)
{
    const double top = m_fixedMaximum > 0.0 ? m_fixedMaximum : niceCeiling(maximum * 1.1);
    // Round steps: 1 and 5 x 10^n split in five, 2 x 10^n in four; as many
    // decimals as the step needs. The format goes in before the range: labels
    // are laid out when the range changes.
    const double lead = top / std::pow(10.0, std::floor(std::log10(top)));
    const int intervals = std::abs(lead - 2.0) < 0.01 ? 4 : 5;
    const double step = top / intervals;
    const int decimals = step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    const QString format = QStringLiteral("%.%1f").arg(decimals);
    if (m_valueAxis->labelFormat() != format)
        m_valueAxis->setLabelFormat(format);
    if (m_valueAxis->tickCount() != intervals + 1)
        m_valueAxis->setTickCount(intervals + 1);
    m_valueAxis->setRange(0.0, top);
}

} // namespace gatehouse::ui
