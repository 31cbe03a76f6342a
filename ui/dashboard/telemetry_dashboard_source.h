// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/live_summary.h"
#include "app/telemetry/telemetry_types.h"
#include "ui/dashboard/trend_source.h"

#include <QHash>
#include <QPointer>

#include <optional>
#include <vector>

namespace gatehouse::app {
class TelemetryService;
}

namespace gatehouse::ui {

// The dashboard's TrendSource and LiveMetricsSource over the telemetry
// pipeline: trends from the persisted rollups (1 h and 24 h in minute
// buckets, 7 d and 30 d in hour buckets), live figures from the service's
// once-a-second summary. Never waits: trends arrive by the service's
// asynchronous queries; live figures are the latest cached summary.
class TelemetryDashboardSource : public TrendSource, public LiveMetricsSource {
    Q_OBJECT

public:
    explicit TelemetryDashboardSource(app::TelemetryService* service, QObject* parent = nullptr);

    // Display names of API ids ("API 7" otherwise).
    void setApiNames(const QHash<quint64, QString>& names) { m_apiNames = names; }
    QString apiName(quint64 apiId) const;

    void requestTrends(gatehouse::ui::TrendRange range) override;

    double hitRatio() const override { return m_summary.hitRatio; }
    double p99LatencyMs() const override { return m_summary.p99Ms; }
    const TrendData* liveTrend() const override { return m_haveLive ? &m_live : nullptr; }

    // Converters, public for tests.
    static TrendData fromBuckets(TrendRange range, qint64 fromMs, qint64 toMs,
                                 const std::vector<app::RollupBucket>& buckets, qint64 bucketMs);
    QList<ApiRanking> rankings(const std::vector<app::ApiTotals>& totals) const;

signals:
    // After each live summary has been taken over.
    void liveUpdated();

private:
    void onSummary(const app::LiveSummary& summary);
    void onTrends(quint64 requestId, const std::vector<app::RollupBucket>& buckets);
    void onApiTotals(quint64 requestId, const std::vector<app::ApiTotals>& totals);
    void onFailed(quint64 requestId, const QString& message);
    void finishIfComplete();

    QPointer<app::TelemetryService> m_service;
    QHash<quint64, QString> m_apiNames;
    app::LiveSummary m_summary;
    TrendData m_live;
    bool m_haveLive = false;

    // The one request in flight (a newer one for another range supersedes it).
    struct Pending {
        TrendRange range = TrendRange::LastHour;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        qint64 bucketMs = 0;
        qint64 askedMs = 0;
        quint64 trendsId = 0;
        quint64 totalsId = 0;
        std::optional<std::vector<app::RollupBucket>> buckets;
        std::optional<std::vector<app::ApiTotals>> totals;
    };
    std::optional<Pending> m_pending;
};

} // namespace gatehouse::ui
