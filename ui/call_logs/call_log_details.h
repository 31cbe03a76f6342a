// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/telemetry_types.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace gatehouse::ui {

class CallLogModel;

// Every stored field of one call, in three groups side by side (below the
// table, which keeps the page's full width): ids and times in local time
// and UTC to the microsecond; API, application, client and upstream;
// latency split into upstream and the rest, and bytes both ways.
class CallLogDetails : public QWidget {
    Q_OBJECT

public:
    explicit CallLogDetails(QWidget* parent = nullptr);

    // `model` names the API; null entry: nothing selected.
    void showEntry(const app::CallLogEntry* entry, const CallLogModel* model);
    void showNote(const QString& note); // a row without its fields: says why
    qint64 shownId() const { return m_shownId; }
    // The height that shows every field of the call shown, at `width`,
    // without scrolling; for any call, when each value takes one line.
    int naturalHeight(int width) const;

    static QString errorText(gateway::call_error error);

private:
    QLabel* addRow(int group, const QString& label, const char* objectName);

    QWidget* m_inner = nullptr; // scrolled: the heading and the fields
    QLabel* m_heading = nullptr;
    QWidget* m_fields = nullptr;
    QGridLayout* m_grid = nullptr;
    int m_rows[3] = {};
    QLabel* m_requestId = nullptr;
    QLabel* m_localTime = nullptr;
    QLabel* m_utcTime = nullptr;
    QLabel* m_method = nullptr;
    QLabel* m_path = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_cache = nullptr;
    QLabel* m_api = nullptr;
    QLabel* m_route = nullptr;
    QLabel* m_application = nullptr;
    QLabel* m_client = nullptr;
    QLabel* m_upstream = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_upstreamLatency = nullptr;
    QLabel* m_gatewayTime = nullptr;
    QLabel* m_bytesIn = nullptr;
    QLabel* m_bytesOut = nullptr;
    QLabel* m_rowId = nullptr;
    qint64 m_shownId = 0;
};

} // namespace gatehouse::ui
