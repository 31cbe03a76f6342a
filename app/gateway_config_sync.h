// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace gatehouse::app {

class CatalogService;
class GatewayController;
struct CompiledConfig;

// Keeps the gateway's configuration in step with the catalog: every
// catalogChanged() starts a short debounce, then the catalog is compiled on
// the storage thread and the result applied to the gateway. A burst of
// changes costs one compile; a change during a compile triggers one more
// afterwards. A failed compile or apply keeps the running configuration and
// reports why (compileFailed()).
class GatewayConfigSync : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultDebounceMs = 200;
    static constexpr int SharedCatalogPollMs = 2000;

    GatewayConfigSync(CatalogService& catalog, GatewayController& gateway,
                      QObject* parent = nullptr);

    void setDebounce(int ms) { m_debounce.setInterval(ms); }
    // Routes that are not in the catalog (the demo workspace, a --config
    // file): compiled in first, unguarded. Takes effect with the next compile.
    void setBaseSnapshot(const gateway::config_snapshot& base) { m_base = base; }
    // A catalog shared with other consoles (PostgreSQL) changes behind this
    // process's back: every `ms` (0: off) the newest audit entry is checked
    // (every change writes one in its own transaction) and a new one
    // schedules a recompile.
    void setPollInterval(int ms);
    QString lastError() const { return m_lastError; }
    QStringList lastWarnings() const { return m_lastWarnings; }
    int appliedCount() const { return m_applied; }

public slots:
    void scheduleRecompile(); // debounced
    void recompileNow();

signals:
    // `warnings`: APIs or routes the compiler left out, and why, and upstream
    // host names the gateway cannot resolve yet (it keeps trying).
    void configApplied(const QStringList& warnings);
    // The warnings changed without an apply: the gateway's lookups of
    // upstream host names came in after the last one.
    void warningsChanged(const QStringList& warnings);
    void compileFailed(const QString& reason);
    // After an apply that changed them: the names of the routed APIs.
    void apiNamesChanged(const QHash<quint64, QString>& names);
    void applicationNamesChanged(const QHash<quint64, QString>& names);

private:
    void onCompiled(CompiledConfig compiled);
    void poll();
    QHash<quint64, QString> m_apiNames;
    QHash<quint64, QString> m_applicationNames;

    CatalogService& m_catalog;
    GatewayController& m_gateway;
    gateway::config_snapshot m_base;
    QTimer m_debounce;
    QTimer m_poll;
    qint64 m_lastAuditId = -1;
    bool m_polling = false;
    bool m_inFlight = false;
    bool m_again = false;
    QString m_lastError;
    QStringList m_lastWarnings;
    QStringList m_compileWarnings; // of the last applied compile
    int m_applied = 0;
};

} // namespace gatehouse::app
