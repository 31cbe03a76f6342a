// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QStringList>

class QAction;
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QHorizontalBarSeries;
class QLabel;
class QToolButton;
class QValueAxis;

namespace gatehouse::ui {

// Horizontal bars ranking a few named items (e.g. "top APIs by requests"),
// the first item on top. Hovering a bar shows its value; the corner button
// and the context menu export the chart as PNG. Data is replaced whole on
// each refresh; the bar set is reused, so refreshing allocates no series.
class RankingBarChart : public QChartView {
    Q_OBJECT

public:
    explicit RankingBarChart(QWidget* parent = nullptr);
    ~RankingBarChart() override;

    void setTitle(const QString& title);
    QString title() const;
    void setValueAxisTitle(const QString& title);
    void setSeriesName(const QString& name); // the legend entry
    void setColor(const QColor& color);
    void setValueSuffix(const QString& suffix);
    void setValueDecimals(int decimals);
    // 0: the axis follows the data; otherwise a fixed maximum (e.g. 100 %).
    void setFixedMaximum(double maximum);

    // Items in rank order, best first; `values` parallel to `names`.
    void setData(const QStringList& names, const QList<double>& values);
    QStringList names() const { return m_names; }
    QList<double> values() const { return m_values; }

    void setOverlayText(const QString& text);
    bool exportPng(const QString& path);

public slots:
    void exportPngInteractively();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    void placeOverlays();
    void updateValueAxis(double maximum);
    void showHoverTip(bool state, int index);

    QChart* m_chart = nullptr;
    QHorizontalBarSeries* m_series = nullptr;
    QBarSet* m_set = nullptr;
    QBarCategoryAxis* m_categoryAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QStringList m_names;
    QList<double> m_values;
    QString m_valueSuffix;
    int m_valueDecimals = 0;
    double m_fixedMaximum = 0.0;
    QLabel* m_overlay = nullptr;
    QToolButton* m_exportButton = nullptr;
    QAction* m_exportAction = nullptr;
};

} // namespace gatehouse::ui
