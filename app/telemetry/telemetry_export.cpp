// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_export.h"

#include "app/telemetry/telemetry_query.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::app {

namespace {

QString isoTime(qint64 timestampUs)
{
    // Millisecond ISO 8601 from Qt, then the microseconds spliced in.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(timestampUs / 1000, Qt::UTC);
    const int micros = static_cast<int>(((timestampUs % 1'000'000) + 1'000'000) % 1'000'000);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) +
           QStringLiteral("%1Z").arg(micros, 6, 10, QLatin1Char('0'));
}

QByteArray str(const QString& s)
{
    return s.toUtf8();
}

QByteArray num(qint64 v)
{
    return QByteArray::number(v);
}

QByteArray unum(quint64 v)
{
    return QByteArray::number(v);
}

} // namespace

QByteArray TelemetryExport::csvField(const QByteArray& value)
{
    const bool quote =
        value.contains(',') || value.contains('"') || value.contains('\r') || value.contains('\n');
    if (!quote)
        return value;
    QByteArray out = value;
    out.replace("\"", "\"\"");
    return '"' + out + '"';
}

QByteArray TelemetryExport::csvHeader()
{
    return QByteArrayLiteral("id,time,ts_us,request_id,api_id,route_id,application_id,method,"
                             "path,status,cache_status,upstream,bytes_in,bytes_out,total_us,"
                             "upstream_us,error,client\r\n");
}

QByteArray TelemetryExport::csvRow(const CallLogEntry& e)
{
    const QByteArray fields[] = {
        num(e.id),
        str(isoTime(e.timestampUs)),
        num(e.timestampUs),
        csvField(str(e.requestId)),
        unum(e.apiId),
        csvField(str(e.routeId)),
        unum(e.applicationId),
        csvField(str(e.method)),
        csvField(str(e.path)),
        num(e.status),
        QByteArray(gateway::to_string(e.cacheStatus).data(),
                   static_cast<qsizetype>(gateway::to_string(e.cacheStatus).size())),
        csvField(str(e.upstream)),
        unum(e.bytesIn),
        unum(e.bytesOut),
        unum(e.totalUs),
        unum(e.upstreamUs),
        QByteArray(gateway::to_string(e.error).data(),
                   static_cast<qsizetype>(gateway::to_string(e.error).size())),
        csvField(str(e.client)),
    };
    QByteArray row;
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        if (i)
            row += ',';
        row += fields[i];
    }
    return row + "\r\n";
}

QByteArray TelemetryExport::jsonLine(const CallLogEntry& e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("time"), isoTime(e.timestampUs));
    o.insert(QStringLiteral("ts_us"), e.timestampUs);
    o.insert(QStringLiteral("request_id"), e.requestId);
    o.insert(QStringLiteral("api_id"), static_cast<qint64>(e.apiId));
    o.insert(QStringLiteral("route_id"), e.routeId);
    o.insert(QStringLiteral("application_id"), static_cast<qint64>(e.applicationId));
    o.insert(QStringLiteral("method"), e.method);
    o.insert(QStringLiteral("path"), e.path);
    o.insert(QStringLiteral("status"), e.status);
    o.insert(QStringLiteral("cache_status"), QString::fromUtf8(gateway::to_string(e.cacheStatus)));
    o.insert(QStringLiteral("upstream"), e.upstream);
    o.insert(QStringLiteral("bytes_in"), static_cast<qint64>(e.bytesIn));
    o.insert(QStringLiteral("bytes_out"), static_cast<qint64>(e.bytesOut));
    o.insert(QStringLiteral("total_us"), static_cast<qint64>(e.totalUs));
    o.insert(QStringLiteral("upstream_us"), static_cast<qint64>(e.upstreamUs));
    o.insert(QStringLiteral("error"), QString::fromUtf8(gateway::to_string(e.error)));
    o.insert(QStringLiteral("client"), e.client);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

TelemetryExport::Result TelemetryExport::write(TelemetryQuery& query, const CallLogFilter& filter,
                                               Format format, QIODevice* device, int pageSize,
                                               const Progress& progress)
{
    Result result;
    const auto fail = [&](const QString& error) {
        result.ok = false;
        result.error = error;
        return result;
    };
    if (!device || !device->isWritable())
        return fail(QStringLiteral("the export device is not writable"));
    if (format == Format::Csv && device->write(csvHeader()) < 0)
        return fail(device->errorString());
    std::optional<SearchCursor> cursor;
    for (;;) {
        const SearchPage page = query.search(filter, cursor, pageSize);
        if (page.entries.empty() && !query.lastError().isEmpty())
            return fail(query.lastError());
        QByteArray chunk;
        for (const CallLogEntry& e : page.entries)
            chunk += format == Format::Csv ? csvRow(e) : jsonLine(e);
        if (!chunk.isEmpty() && device->write(chunk) != chunk.size())
            return fail(device->errorString());
        result.rows += static_cast<qint64>(page.entries.size());
        if (progress && !progress(result.rows)) {
            result.cancelled = true;
            return fail(QStringLiteral("cancelled"));
        }
        if (!page.next)
            return result;
        cursor = page.next;
    }
}

} // namespace gatehouse::app
