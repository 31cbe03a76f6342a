// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/telemetry_types.h"

#include <QWidget>

class QGridLayout;

namespace gatehouse::ui {

class CallLogModel;
class WrapAnywhereText;

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
    WrapAnywhereText* addRow(int group, const QString& label, const char* objectName);

    QWidget* m_inner = nullptr; // scrolled: the heading and the fields
    WrapAnywhereText* m_heading = nullptr;
    QWidget* m_fields = nullptr;
    QGridLayout* m_grid = nullptr;
    int m_rows[3] = {};
    WrapAnywhereText* m_requestId = nullptr;
    WrapAnywhereText* m_localTime = nullptr;
    WrapAnywhereText* m_utcTime = nullptr;
    WrapAnywhereText* m_method = nullptr;
    WrapAnywhereText* m_path = nullptr;
    WrapAnywhereText* m_status = nullptr;
    WrapAnywhereText* m_error = nullptr;
    WrapAnywhereText* m_cache = nullptr;
    WrapAnywhereText* m_api = nullptr;
    WrapAnywhereText* m_route = nullptr;
    WrapAnywhereText* m_application = nullptr;
    WrapAnywhereText* m_client = nullptr;
    WrapAnywhereText* m_upstream = nullptr;
    WrapAnywhereText* m_total = nullptr;
    WrapAnywhereText* m_upstreamLatency = nullptr;
    WrapAnywhereText* m_gatewayTime = nullptr;
    WrapAnywhereText* m_bytesIn = nullptr;
    WrapAnywhereText* m_bytesOut = nullptr;
    WrapAnywhereText* m_rowId = nullptr;
    qint64 m_shownId = 0;
};

} // namespace gatehouse::ui
