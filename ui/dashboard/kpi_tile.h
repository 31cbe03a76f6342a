// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QLabel;

namespace gatehouse::ui {

// One headline number on the dashboard: a caption, a large value and a
// smaller detail line. Colours come from the palette, so it reads in light
// and dark themes; an optional accent marks a value that needs attention.
class KpiTile : public QFrame {
    Q_OBJECT

public:
    explicit KpiTile(const QString& valueObjectName, QWidget* parent = nullptr);

    void setCaption(const QString& caption);
    QString caption() const;
    void setValue(const QString& value);
    QString value() const;
    void setDetail(const QString& detail);
    QString detail() const;
    void setAccent(const QColor& color); // invalid colour: the palette's text colour

    static QString notAvailable() { return QStringLiteral("–"); }

private:
    QLabel* m_caption;
    QLabel* m_value;
    QLabel* m_detail;
    QColor m_accent;
};

} // namespace gatehouse::ui
