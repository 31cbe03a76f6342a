// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/telemetry_types.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

// The call log's filters: time range (presets or from-to), API,
// application (by name, or id), status class, cache status, path substring
// and request id.
// A choice in a list applies at once; text applies with Return or Apply.
class CallLogFilterBar : public QWidget {
    Q_OBJECT

public:
    enum Range { Last15Minutes, LastHour, Last24Hours, Last7Days, AnyTime, Custom };
    Q_ENUM(Range)

    explicit CallLogFilterBar(QWidget* parent = nullptr);
    ~CallLogFilterBar() override;

    void setApiNames(const QHash<quint64, QString>& names);
    // The applications offered by name in the application filter, which
    // also takes an id typed in (an application deleted since its calls).
    void setApplicationNames(const QHash<quint64, QString>& names);
    // The filter the fields describe, with preset ranges ending "now" and
    // open at the end (so live tail keeps adding), or nothing and *error
    // says what is wrong.
    std::optional<app::CallLogFilter> filter(qint64 nowUs, QString* error) const;
    // How far back a preset reaches from now, so its start can follow the
    // clock (CallLogModel::setFilter); 0 for any time and a custom range,
    // which stays put.
    qint64 slidingSpanUs() const { return presetSpanUs(range()); }

    void setRange(Range range);
    Range range() const;
    static qint64 presetSpanUs(Range range); // 0: not a preset with a span

    QComboBox* rangeBox() const { return m_range; }
    QDateTimeEdit* fromEdit() const { return m_from; }
    QDateTimeEdit* toEdit() const { return m_to; }
    QComboBox* apiBox() const { return m_api; }
    QComboBox* applicationBox() const { return m_application; } // editable
    QComboBox* statusBox() const { return m_status; }
    QComboBox* cacheBox() const { return m_cache; }
    QLineEdit* pathEdit() const { return m_path; }
    QLineEdit* requestIdEdit() const { return m_requestId; }

public slots:
    void clear(); // every filter off, the default range

signals:
    void applyRequested();

private:
    QComboBox* m_range = nullptr;
    QWidget* m_custom = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QComboBox* m_api = nullptr;
    QComboBox* m_application = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_cache = nullptr;
    QLineEdit* m_path = nullptr;
    QLineEdit* m_requestId = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_clear = nullptr;
    bool m_clearing = false;
    Range m_previousRange = Last24Hours; // the preset a custom range starts from
};

} // namespace gatehouse::ui
