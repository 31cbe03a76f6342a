// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_config_sync.h"

#include "app/catalog_service.h"
#include "app/gateway_controller.h"
#include "app/storage/sql_query.h"

namespace gatehouse::app {

namespace {

// A number that changes when another connection has committed a change to
// the catalog; -1 when it cannot be read (the next poll asks again).
qint64 changeMark(const QSqlDatabase& db)
{
    // SQLite: moves with every commit of another connection, this
    // process's second connections and other processes alike; not with
    // this connection's own (CatalogService announces those itself).
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    auto q = runSql(db, sqlite ? QStringLiteral("PRAGMA data_version")
                               : QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_log"));
    return q && q->next() ? q->value(0).toLongLong() : qint64(-1);
}

} // namespace

GatewayConfigSync::GatewayConfigSync(CatalogService& catalog, GatewayController& gateway,
                                     QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_gateway(gateway)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &GatewayConfigSync::recompileNow);
    connect(&m_catalog, &CatalogService::catalogChanged, this,
            &GatewayConfigSync::scheduleRecompile);
    connect(&m_poll, &QTimer::timeout, this, &GatewayConfigSync::poll);
    connect(&m_gateway, &GatewayController::applyWarningsChanged, this,
            [this](const QStringList& warnings) {
                const QStringList all = m_compileWarnings + warnings;
                if (all == m_lastWarnings)
                    return;
                m_lastWarnings = all;
                emit warningsChanged(m_lastWarnings);
            });
}

void GatewayConfigSync::setPollInterval(int ms)
{
    m_poll.stop();
    if (ms > 0)
        m_poll.start(ms);
}

void GatewayConfigSync::poll()
{
    if (m_polling)
        return; // the storage thread is busy; the next tick asks again
    m_polling = true;
    m_catalog.run(
        this, [](CatalogStore& store) { return changeMark(store.database().connection()); },
        [this](qint64 mark) {
            m_polling = false;
            if (mark < 0 || mark == m_lastMark)
                return;
            // The first answer recompiles too: a change may have landed
            // between the start-up compile and this poll.
            m_lastMark = mark;
            recompileNow();
            // Requests and decisions from elsewhere change the inbox too;
            // the count's signal is what the console's approvals listen to.
            m_catalog.refreshPendingApprovals();
        });
}

void GatewayConfigSync::scheduleRecompile()
{
    // Not restarted by further changes: a steady stream of edits must not
    // postpone revocations indefinitely.
    if (!m_debounce.isActive())
        m_debounce.start();
}

void GatewayConfigSync::recompileNow()
{
    m_debounce.stop();
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    m_catalog.compile(this, m_base, [this, revision = m_baseRevision](CompiledConfig compiled) {
        onCompiled(std::move(compiled), revision);
    });
}

void GatewayConfigSync::onCompiled(CompiledConfig compiled, quint64 baseRevision)
{
    m_inFlight = false;
    if (!compiled.ok()) {
        m_lastError = compiled.error;
        emit compileFailed(m_lastError);
        emit baseSettled(baseRevision, false, m_lastError);
    } else if (!m_gateway.applyConfig(compiled.snapshot)) {
        m_lastError = m_gateway.lastError();
        emit compileFailed(m_lastError);
        emit baseSettled(baseRevision, false, m_lastError);
    } else {
        m_lastError.clear();
        m_compileWarnings = compiled.warnings;
        m_lastWarnings = compiled.warnings + m_gateway.applyWarnings();
        ++m_applied;
        emit configApplied(m_lastWarnings);
        emit baseSettled(baseRevision, true, {});
        if (compiled.applicationNames != m_applicationNames) {
            m_applicationNames = compiled.applicationNames;
            emit applicationNamesChanged(m_applicationNames);
        }
        if (compiled.apiNames != m_apiNames) {
            m_apiNames = compiled.apiNames;
            emit apiNamesChanged(m_apiNames);
        }
    }
    if (m_again) {
        m_again = false;
        recompileNow();
    }
}

} // namespace gatehouse::app
