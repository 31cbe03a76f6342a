// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QStringList>

class QAbstractSeries;
class QAction;
class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QToolButton;
class QValueAxis;

namespace gatehouse::ui {

// A live time chart with any number of named series: lines, or areas stacked
// on top of each other (for "requests by cache status" and the like). X is
// wall-clock time (ms since the epoch), Y a value with a unit in its title.
//
// Data arrives whole on each refresh and goes in with QXYSeries::replace();
// animations are off, so a refresh is one repaint without stutter. Hovering
// a series shows its value in a tooltip; the corner button and the context
// menu export the chart as PNG. All Qt Charts use in the console lives in
// ui/charts/, so the plotting back end can change without touching pages.
class TimeSeriesChart : public QChartView {
    Q_OBJECT

public:
    enum class Style { Lines, StackedAreas };

    explicit TimeSeriesChart(QWidget* parent = nullptr);
    ~TimeSeriesChart() override;

    void setTitle(const QString& title);
    QString title() const;
    void setValueAxisTitle(const QString& title);
    void setTimeAxisTitle(const QString& title);
    void setValueSuffix(const QString& suffix); // appended to tooltip values, e.g. " req/s"
    void setValueDecimals(int decimals);
    // 0: the value axis follows the data; otherwise it is fixed at [0, maximum]
    // (e.g. 100 for a percentage).
    void setFixedValueMaximum(double maximum);

    // false: the legend lists only series with a non-zero value in the data
    // shown, so a narrow chart with many possible series (cache statuses)
    // names what is there instead of eliding every name. Default true.
    void setLegendShowsEmptySeries(bool show);
    QStringList legendNames() const; // the series the legend lists now

    // Stacked areas of bucketed counts: each point holds its value over
    // [x, x + ms), drawn as a step, so a lone busy minute is a visible block
    // rather than a sliver. 0 (the default): straight lines between points.
    void setStackedBucketMs(qint64 ms);

    // Replaces the series; colours are optional (the chart theme picks otherwise).
    void setSeries(const QStringList& names, const QList<QColor>& colors = {},
                   Style style = Style::Lines);
    int seriesCount() const { return static_cast<int>(m_names.size()); }
    QStringList seriesNames() const { return m_names; }

    // New data for every series (missing ones are cleared) over [fromMs, toMs].
    void setData(const QList<QList<QPointF>>& data, qint64 fromMs, qint64 toMs);
    // The points last given for one series (before stacking).
    QList<QPointF> points(int series) const;

    // Shown over the plot area while set, e.g. "No history yet".
    void setOverlayText(const QString& text);
    QString overlayText() const;

    // Where the legend sits: below the plot while its labels fit side by side
    // there, else beside it (a narrow chart, or long labels in another
    // language), so no label is ever cut short.
    Qt::Alignment legendAlignment() const;

    // Writes the chart as it looks now; false if the file could not be written.
    bool exportPng(const QString& path);

public slots:
    void exportPngInteractively();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    void placeOverlays();
    void showHoverTip(int series, const QPointF& point, bool state);
    void updateValueAxis(double maximum);
    void updateLegend();
    void fitLegend();
    QList<QPointF> drawn(const QList<QPointF>& points) const;

    QChart* m_chart = nullptr;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QStringList m_names;
    QList<QColor> m_colors;
    Style m_style = Style::Lines;
    QList<QLineSeries*> m_lines; // the upper lines (areas keep them as upperSeries)
    QList<QLineSeries*> m_lowerLines;
    QList<QAbstractSeries*> m_series;
    QList<QList<QPointF>> m_data;
    QString m_valueSuffix;
    int m_valueDecimals = 1;
    double m_fixedMaximum = 0.0;
    bool m_legendShowsEmpty = true;
    qint64 m_bucketMs = 0;
    QLabel* m_overlay = nullptr;
    QToolButton* m_exportButton = nullptr;
    QAction* m_exportAction = nullptr;
};

} // namespace gatehouse::ui
