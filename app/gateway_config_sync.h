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
    // Changes made by another process (a second console, the command-line
    // catalog commands, another instance's admin API) are looked for this
    // often: with the compile right after, they reach the gateway within a
    // second. Each look is one tiny query on the storage thread.
    static constexpr int CatalogPollMs = 500;

    GatewayConfigSync(CatalogService& catalog, GatewayController& gateway,
                      QObject* parent = nullptr);

    void setDebounce(int ms) { m_debounce.setInterval(ms); }
    // Routes that are not in the catalog (the demo workspace, a --config
    // file): compiled in first, unguarded. Takes effect with the next
    // compile; each one gets the next revision number (returned), which
    // baseSettled() reports once a compile with it has been applied or
    // refused.
    quint64 setBaseSnapshot(const gateway::config_snapshot& base)
    {
        m_base = base;
        return ++m_baseRevision;
    }
    // Other processes change the catalog behind this one's back, a local
    // SQLite file as much as a shared PostgreSQL catalog: every `ms` (0: off)
    // the catalog's change mark is read on the storage thread (SQLite: PRAGMA
    // data_version, which moves when another connection commits; PostgreSQL:
    // the newest audit entry, which every change writes in its own
    // transaction) and a new one recompiles at once (the interval already
    // batches what came in since the last look).
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
    // A compile with base revision `revision` ended: applied, or refused
    // for `error` (the running configuration stays).
    void baseSettled(quint64 revision, bool applied, const QString& error);
    // After an apply that changed them: the names of the routed APIs.
    void apiNamesChanged(const QHash<quint64, QString>& names);
    void applicationNamesChanged(const QHash<quint64, QString>& names);

private:
    void onCompiled(CompiledConfig compiled, quint64 baseRevision);
    void poll();
    QHash<quint64, QString> m_apiNames;
    QHash<quint64, QString> m_applicationNames;

    CatalogService& m_catalog;
    GatewayController& m_gateway;
    gateway::config_snapshot m_base;
    quint64 m_baseRevision = 0;
    QTimer m_debounce;
    QTimer m_poll;
    qint64 m_lastMark = -1;
    bool m_polling = false;
    bool m_inFlight = false;
    bool m_again = false;
    QString m_lastError;
    QStringList m_lastWarnings;
    QStringList m_compileWarnings; // of the last applied compile
    int m_applied = 0;
};

} // namespace gatehouse::app
