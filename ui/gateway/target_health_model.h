// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/gateway_stats_sample.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The upstream targets of the running configuration and their health, one
// row per target, refreshed from each stats sample. Rows are matched by
// (upstream, target), so a refresh with the same targets only emits
// dataChanged and keeps the view's selection and scroll position. An
// upstream that serves one API alone (the catalog gives each API its own)
// shows as that API's name, as the dashboard and the cache page name APIs;
// one shared by several shows its own name.
class TargetHealthModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Target,
        Upstream,
        State,
        ConsecutiveFailures,
        ActiveConnections,
        LastLatency,
        Problem, // why its name does not resolve, or why its last refresh failed
        ColumnCount
    };

    explicit TargetHealthModel(QObject* parent = nullptr);

    void setTargets(const QList<app::TargetHealthRow>& targets);
    // API id -> name ("Products v2"), as GatewayConfigSync::apiNamesChanged
    // gives them.
    void setApiNames(const QHash<quint64, QString>& names);
    const QList<app::TargetHealthRow>& targets() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static bool sameTargets(const QList<app::TargetHealthRow>& a,
                            const QList<app::TargetHealthRow>& b);
    QVariant displayData(const app::TargetHealthRow& row, int column) const;
    static QString problemText(const app::TargetHealthRow& row);
    QString upstreamLabel(const app::TargetHealthRow& row) const;

    QList<app::TargetHealthRow> m_rows;
    QHash<quint64, QString> m_apiNames;
};

} // namespace gatehouse::ui
