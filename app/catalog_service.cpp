// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_service.h"

#include "app/catalog_state_loader.h"

#include <QAtomicInt>

namespace gatehouse::app {

namespace {
// Each service's storage thread has its own connection name.
QAtomicInt connectionCounter;
} // namespace

CatalogService::CatalogService(QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("catalog-storage"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CatalogService::~CatalogService()
{
    // The connection must be closed on the thread that opened it.
    QMetaObject::invokeMethod(
        m_worker, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString CatalogService::open(const QString& spec)
{
    QString error;
    const QString name =
        QStringLiteral("catalog-storage-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            m_store.reset();
            m_store = CatalogStore::open(name, spec, &error);
            if (!m_store)
                return;
            m_location = m_store->database().location();
            // Emitted on the storage thread, delivered queued to this one.
            connect(&m_store->subscriptions(), &SubscriptionService::pendingApprovalsChanged, this,
                    &CatalogService::pendingApprovalsChanged);
            connect(&m_store->subscriptions(), &SubscriptionService::subscriptionsChanged, this,
                    &CatalogService::catalogChanged);
        },
        Qt::BlockingQueuedConnection);
    m_open = error.isEmpty();
    return error;
}

void CatalogService::announceChange()
{
    QMetaObject::invokeMethod(
        this, [this] { emit catalogChanged(); }, Qt::QueuedConnection);
}

void CatalogService::refreshPendingApprovals()
{
    run(
        this, [](CatalogStore& store) { return store.subscriptions().pendingCount(); },
        [this](int count) {
            if (count >= 0)
                emit pendingApprovalsChanged(count);
        });
}

CompiledConfig CatalogService::compileFrom(CatalogStore& store,
                                           const gateway::config_snapshot& base)
{
    QString error;
    const auto state = loadCatalogState(store.database().connection(), &error);
    if (!state) {
        CompiledConfig failed;
        failed.error = QStringLiteral("cannot read the catalog: ") + error;
        return failed;
    }
    return ConfigCompiler::compile(*state, base);
}

} // namespace gatehouse::app
