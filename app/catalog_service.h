// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_store.h"
#include "app/config_compiler.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <memory>
#include <type_traits>
#include <utility>

namespace gatehouse::app {

// The catalog as the GUI and the admin API see it: one storage thread owns
// the database connection (a QSqlDatabase belongs to the thread that opened
// it), and every call is a task queued onto that thread whose result comes
// back later as a queued call on the thread that owns this service (the GUI
// thread). Nothing here blocks its caller except open() and the destructor,
// which belong to start-up and shut-down.
class CatalogService : public QObject {
    Q_OBJECT
public:
    explicit CatalogService(QObject* parent = nullptr);
    ~CatalogService() override; // closes the database on its thread, joins it

    // Start-up: opens and migrates `spec` (a SQLite path, a postgresql://
    // URL, or empty for the default file) on the storage thread and waits.
    // Returns an empty string on success, otherwise why not; a database that
    // cannot be used is never modified.
    QString open(const QString& spec);
    bool isOpen() const { return m_open; }
    QString location() const { return m_location; }

    // Queues `work(CatalogStore&)` on the storage thread, then `done(result)`
    // on this object's thread, unless `context` has gone away by then.
    // The result must be copyable or movable; no blocking anywhere.
    template <typename Work, typename Done>
    void run(QObject* context, Work work, Done done)
    {
        post(context, std::move(work), std::move(done), false);
    }
    // As run(), for work that may change the catalog: announces
    // catalogChanged() once it has finished.
    template <typename Work, typename Done>
    void mutate(QObject* context, Work work, Done done)
    {
        post(context, std::move(work), std::move(done), true);
    }

    // For callers on other threads that answer by themselves (the admin API,
    // whose responder posts back to its listener): queues `work(store)` on
    // the storage thread with no reply. `store` is null when the catalog is
    // not open, so the caller can still answer. Thread-safe; never blocks.
    template <typename Work>
    void enqueue(Work work)
    {
        QMetaObject::invokeMethod(
            m_worker, [this, work = std::move(work)]() mutable { work(m_store.get()); },
            Qt::QueuedConnection);
    }
    // Thread-safe: emits catalogChanged() on this object's thread, for work
    // queued with enqueue() that changed the catalog.
    void announceChange();

    // Start-up only: runs `work` on the storage thread and waits for it.
    template <typename Work>
    auto runAndWait(Work work) -> std::invoke_result_t<Work&, CatalogStore&>
    {
        using Result = std::invoke_result_t<Work&, CatalogStore&>;
        Result result{};
        QMetaObject::invokeMethod(
            m_worker,
            [&] {
                if (m_store)
                    result = work(*m_store);
            },
            Qt::BlockingQueuedConnection);
        return result;
    }

    // Reads the catalog and compiles the gateway configuration (on top of
    // `base`) on the storage thread.
    template <typename Done>
    void compile(QObject* context, const gateway::config_snapshot& base, Done done)
    {
        run(
            context, [base](CatalogStore& store) { return compileFrom(store, base); },
            std::move(done));
    }
    // Emits pendingApprovalsChanged() with the current count (for a badge
    // that has to start somewhere; later changes are announced anyway).
    void refreshPendingApprovals();

    static CompiledConfig compileFrom(CatalogStore& store,
                                      const gateway::config_snapshot& base = {});

signals:
    void catalogChanged();
    void pendingApprovalsChanged(int count);

private:
    template <typename Work, typename Done>
    void post(QObject* context, Work work, Done done, bool changes)
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            m_worker,
            [this, guard, changes, work = std::move(work), done = std::move(done)]() mutable {
                using Result = std::invoke_result_t<Work&, CatalogStore&>;
                static_assert(!std::is_void_v<Result>, "work must return a result");
                if (!m_store)
                    return; // not open (or already closed): nothing to run on
                Result result = work(*m_store);
                // Back on this object's thread: its queued calls are dropped
                // when it is destroyed, so the lambda never outlives `this`.
                QMetaObject::invokeMethod(
                    this,
                    [this, guard, changes, done = std::move(done),
                     result = std::move(result)]() mutable {
                        if (guard)
                            done(std::move(result));
                        if (changes)
                            emit catalogChanged();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    QThread m_thread;
    QObject* m_worker = nullptr;           // lives on m_thread: the target of queued tasks
    std::unique_ptr<CatalogStore> m_store; // created, used and destroyed on m_thread only
    bool m_open = false;
    QString m_location;
};

} // namespace gatehouse::app
