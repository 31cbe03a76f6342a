// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/telemetry_types.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace gatehouse::app {

class TelemetryQuery;

// Streams a filtered call log to a device, page by page (keyset pagination,
// newest first), so an export of millions of rows holds one page in memory.
class TelemetryExport {
public:
    enum class Format { Csv, Ndjson };

    struct Result {
        bool ok = true;
        qint64 rows = 0;
        QString error;
        bool cancelled = false;
    };
    // Called after each page with the rows written so far; false stops the
    // export (cancelled, and not ok).
    using Progress = std::function<bool(qint64 rows)>;

    static Result write(TelemetryQuery& query, const CallLogFilter& filter, Format format,
                        QIODevice* device, int pageSize = 2000, const Progress& progress = {});

    // RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote,
    // CR or LF is quoted and its quotes doubled.
    static QByteArray csvHeader();
    static QByteArray csvRow(const CallLogEntry& entry);
    // One compact JSON object and "\n".
    static QByteArray jsonLine(const CallLogEntry& entry);
    static QByteArray csvField(const QByteArray& value);
};

} // namespace gatehouse::app
