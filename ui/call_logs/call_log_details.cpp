// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/call_logs/call_log_details.h"

#include "ui/call_logs/call_log_model.h"
#include "ui/wrap_anywhere_text.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace gatehouse::ui {

CallLogDetails::CallLogDetails(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("callLogDetails"));
    setMinimumHeight(120);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* inner = new QWidget(scroll);
    m_inner = inner;
    auto* layout = new QVBoxLayout(inner);
    // The method and path, which may be longer than the pane is wide.
    m_heading = new WrapAnywhereText(inner);
    m_heading->setObjectName(QStringLiteral("detailsHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_fields = new QWidget(inner);
    m_grid = new QGridLayout(m_fields);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    // Three groups side by side: the request, where it went, what it cost.
    m_requestId = addRow(0, tr("Request ID:"), "detailsRequestId");
    // An id has no place to wrap: room for the gateway's (32 hex digits)
    // and a client's UUID, rather than a clipped id.
    m_requestId->setMinimumWidth(m_requestId->fontMetrics().horizontalAdvance(
        QStringLiteral("01234567-89ab-cdef-0123-456789abcdef")));
    m_localTime = addRow(0, tr("Started:"), "detailsLocalTime");
    m_utcTime = addRow(0, tr("Started (UTC):"), "detailsUtcTime");
    m_method = addRow(0, tr("Method:"), "detailsMethod");
    m_path = addRow(0, tr("Path:"), "detailsPath");
    m_status = addRow(0, tr("Status:"), "detailsStatus");
    m_error = addRow(0, tr("Gateway error:"), "detailsError");
    m_cache = addRow(1, tr("Cache:"), "detailsCache");
    m_api = addRow(1, tr("API:"), "detailsApi");
    m_route = addRow(1, tr("Route:"), "detailsRoute");
    m_application = addRow(1, tr("Application:"), "detailsApplication");
    m_client = addRow(1, tr("Client:"), "detailsClient");
    m_upstream = addRow(1, tr("Upstream:"), "detailsUpstream");
    m_total = addRow(2, tr("Total latency:"), "detailsTotalLatency");
    m_upstreamLatency = addRow(2, tr("Upstream latency:"), "detailsUpstreamLatency");
    m_gatewayTime = addRow(2, tr("Gateway and transfer:"), "detailsGatewayTime");
    m_bytesIn = addRow(2, tr("Bytes in:"), "detailsBytesIn");
    m_bytesOut = addRow(2, tr("Bytes out:"), "detailsBytesOut");
    m_rowId = addRow(2, tr("Log entry:"), "detailsRowId");
    for (int group = 0; group < 3; ++group)
        m_grid->setColumnStretch(group * 2 + 1, group == 0 ? 3 : 2);
    m_grid->setRowStretch(7, 1);
    layout->addWidget(m_fields);
    layout->addStretch(1);
    scroll->setWidget(inner);
    outer->addWidget(scroll);
    showEntry(nullptr, nullptr);
}

int CallLogDetails::naturalHeight(int width) const
{
    // The heading and the longest group's rows, one line each at least and
    // as the values shown now wrap at `width`, with the layouts' spacing
    // and margins (the same whether the fields are shown now or not).
    const int rows = *std::max_element(std::begin(m_rows), std::end(m_rows));
    int lineHeight = 0;
    for (int row = 0; row < rows; ++row)
        if (QLayoutItem* name = m_grid->itemAtPosition(row, 0))
            lineHeight = std::max(lineHeight, name->sizeHint().height());
    const int spacing = std::max(0, m_grid->verticalSpacing());
    const QMargins margins = m_inner->layout()->contentsMargins();
    // Less a scroll bar's width: with one, the values wrap at that width.
    const int inside =
        width - margins.left() - margins.right() - style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    int fields = rows * lineHeight + (rows - 1) * spacing;
    if (!m_fields->isHidden() && inside > 0 && m_grid->hasHeightForWidth())
        fields = std::max(fields, m_grid->heightForWidth(inside));
    const int line = m_heading->fontMetrics().lineSpacing();
    const int heading = inside > 0 && m_heading->hasHeightForWidth()
                            ? std::max(line, m_heading->heightForWidth(inside))
                            : line;
    return margins.top() + heading + std::max(0, m_inner->layout()->spacing()) + fields +
           margins.bottom();
}

void CallLogDetails::showNote(const QString& note)
{
    m_fields->setVisible(false);
    m_shownId = 0;
    m_heading->setText(note);
}

WrapAnywhereText* CallLogDetails::addRow(int group, const QString& label, const char* objectName)
{
    auto* name = new QLabel(label, m_fields);
    name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Long values (a path, a URL, an API's name) wrap, anywhere if they
    // must, rather than widen the pane or be cut off at its edge.
    auto* value = new WrapAnywhereText(m_fields);
    value->setObjectName(QLatin1String(objectName));
    const int row = m_rows[group]++;
    m_grid->addWidget(name, row, group * 2);
    m_grid->addWidget(value, row, group * 2 + 1);
    return value;
}

QString CallLogDetails::errorText(gateway::call_error error)
{
    using E = gateway::call_error;
    switch (error) {
    case E::none:
        return tr("None: the upstream's response was relayed");
    case E::no_route:
        return tr("No route matches the path");
    case E::method_not_allowed:
        return tr("Method not allowed on the route");
    case E::bad_request:
        return tr("Malformed request");
    case E::header_too_large:
        return tr("Request header too large");
    case E::body_too_large:
        return tr("Request body too large");
    case E::request_timeout:
        return tr("The client was too slow to send the request");
    case E::upstream_unavailable:
        return tr("No upstream could be reached");
    case E::upstream_timeout:
        return tr("The upstream did not answer in time");
    case E::upstream_aborted:
        return tr("The upstream broke off its response");
    case E::client_aborted:
        return tr("The client went away");
    case E::unauthorized:
        return tr("Missing or unknown credentials");
    case E::forbidden:
        return tr("No approved subscription");
    case E::rate_limited:
        return tr("Rate limited");
    case E::gone:
        return tr("The API is retired");
    case E::shutting_down:
        return tr("The gateway was shutting down");
    case E::not_cached:
        return tr("Only-if-cached and nothing stored");
    }
    return {};
}

void CallLogDetails::showEntry(const app::CallLogEntry* e, const CallLogModel* model)
{
    m_fields->setVisible(e != nullptr);
    m_shownId = e ? e->id : 0;
    if (!e) {
        m_heading->setText(tr("Select a call to see all its fields."));
        return;
    }
    const QLocale locale;
    const QString none = tr("—");
    m_heading->setText(tr("%1 %2").arg(e->method, e->path));
    m_requestId->setText(e->requestId.isEmpty() ? none : e->requestId);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(e->timestampUs / 1000);
    m_localTime->setText(tr("%1 %2").arg(CallLogModel::timeText(e->timestampUs, true),
                                         local.timeZoneAbbreviation()));
    const qint64 us = ((e->timestampUs % 1'000'000) + 1'000'000) % 1'000'000;
    m_utcTime->setText(QDateTime::fromMSecsSinceEpoch(e->timestampUs / 1000, Qt::UTC)
                           .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) +
                       QStringLiteral("%1Z").arg(us, 6, 10, QLatin1Char('0')));
    m_method->setText(e->method.isEmpty() ? none : e->method);
    m_path->setText(e->path);
    m_status->setText(e->status == 0 ? tr("No response was sent") : QString::number(e->status));
    m_error->setText(errorText(e->error));
    m_cache->setText(CallLogModel::cacheStatusText(e->cacheStatus));
    m_api->setText(e->apiId == 0
                       ? tr("None (no API matched)")
                       : tr("%1 (id %2)")
                             .arg(model ? model->apiName(e->apiId) : QString::number(e->apiId))
                             .arg(e->apiId));
    m_route->setText(e->routeId.isEmpty() ? none : e->routeId);
    const QString appId = QString::number(e->applicationId);
    const QString appName = model ? model->applicationName(e->applicationId) : appId;
    m_application->setText(e->applicationId == 0 ? tr("None (anonymous call)")
                           : appName == appId    ? tr("id %1").arg(appId)
                                                 : tr("%1 (id %2)").arg(appName, appId));
    m_client->setText(e->client.isEmpty() ? none : e->client);
    m_upstream->setText(e->upstream.isEmpty() ? tr("None (answered by the gateway)") : e->upstream);
    m_total->setText(CallLogModel::latencyText(e->totalUs));
    m_upstreamLatency->setText(e->upstream.isEmpty() ? none
                                                     : CallLogModel::latencyText(e->upstreamUs));
    m_gatewayTime->setText(
        CallLogModel::latencyText(e->totalUs > e->upstreamUs ? e->totalUs - e->upstreamUs : 0));
    m_bytesIn->setText(locale.toString(e->bytesIn));
    m_bytesOut->setText(locale.toString(e->bytesOut));
    m_rowId->setText(tr("#%1").arg(e->id));
}

} // namespace gatehouse::ui
