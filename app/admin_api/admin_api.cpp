// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "app/admin_api/admin_dispatcher.h"
#include "app/catalog_store.h"

#include <QAtomicInteger>
#include <QHostAddress>

#include <exception>
#include <memory>
#include <optional>

namespace gatehouse::app {

namespace {

QAtomicInteger<int> connectionCounter;

QString osUserName()
{
    for (const char* name : {"USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("admin");
}

std::optional<Principal> resolveActor(UserService& users, const Database& db, const QString& name,
                                      QString* error)
{
    if (!name.isEmpty()) {
        const auto user = users.userByName(name);
        if (!user) {
            *error = QStringLiteral("admin API: no user named '%1'").arg(name);
            return std::nullopt;
        }
        if (user->role != Role::Admin) {
            *error = QStringLiteral("admin API: '%1' is not an admin").arg(name);
            return std::nullopt;
        }
        return user->principal();
    }
    if (db.dialect() == SqlDialect::Sqlite) {
        const auto local = users.ensureLocalAdmin(osUserName());
        if (!local) {
            *error = QStringLiteral("admin API: ") + users.lastError();
            return std::nullopt;
        }
        // The OS account may exist with a lesser role; the token is an admin's.
        if (!local->isAdmin()) {
            *error = QStringLiteral("admin API: '%1' is not an admin").arg(local->name);
            return std::nullopt;
        }
        return local;
    }
    std::optional<Principal> oldest;
    qint64 oldestId = 0;
    for (const User& u : users.users()) {
        if (u.role == Role::Admin && (!oldest || u.id < oldestId)) {
            oldest = u.principal();
            oldestId = u.id;
        }
    }
    if (!oldest)
        *error = QStringLiteral("admin API: the shared catalog has no admin account yet");
    return oldest;
}

} // namespace

// Owns the database connection and the services; created on the GUI side,
// used only on the API's thread (open/handle/close run there).
class AdminApi::Worker : public QObject {
public:
    bool open(const AdminApi::Options& options, QString* actingUser, QString* error)
    {
        const QString name =
            QStringLiteral("gatehouse_admin_api_%1").arg(connectionCounter.fetchAndAddRelaxed(1));
        QString openError;
        m_store = CatalogStore::open(name, options.databaseSpec, &openError);
        if (!m_store) {
            *error = QStringLiteral("admin API: ") + openError;
            return false;
        }
        const auto actor =
            resolveActor(m_store->users(), m_store->database(), options.actingUser, error);
        if (!actor)
            return false;
        *actingUser = actor->name;
        AdminServices services;
        services.actor = *actor;
        services.store = m_store.get();
        services.catalog = &m_store->apis();
        services.plans = &m_store->plans();
        services.applications = &m_store->applications();
        services.subscriptions = &m_store->subscriptions();
        services.teams = &m_store->teams();
        services.users = &m_store->users();
        services.audit = &m_store->auditLog();
        services.control = options.control;
        services.metricsText = options.metricsText;
        m_dispatcher = std::make_unique<AdminDispatcher>(std::move(services));
        return true;
    }

    AdminResponse handle(const AdminRequest& request) const
    {
        try {
            return m_dispatcher->handle(request);
        } catch (const std::exception& e) {
            return AdminResponse::problem(500, QStringLiteral("internal-error"),
                                          QStringLiteral("Internal error"),
                                          QString::fromLocal8Bit(e.what()));
        }
    }

    // The dispatcher refers to the store's services: it goes first.
    void close()
    {
        m_dispatcher.reset();
        m_store.reset();
    }

private:
    std::unique_ptr<CatalogStore> m_store;
    std::unique_ptr<AdminDispatcher> m_dispatcher;
};

AdminApi::AdminApi(QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("gatehouse-admin-api"));
}

AdminApi::~AdminApi()
{
    stop();
}

bool AdminApi::fail(const QString& message)
{
    m_error = message;
    stop();
    return false;
}

bool AdminApi::start(const Options& options)
{
    stop();
    m_error.clear();
    // Plain HTTP carrying the admin token: never beyond this machine.
    if (!QHostAddress(options.address).isLoopback())
        return fail(QStringLiteral("admin API: %1 is not a loopback address").arg(options.address));
    const QString tokenPath =
        options.tokenFile.isEmpty() ? AdminToken::defaultPath() : options.tokenFile;
    if (!m_token.loadOrCreate(tokenPath))
        return fail(QStringLiteral("admin API: ") + m_token.lastError());

    m_worker = new Worker;
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    bool opened = false;
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(options, &m_actingUser, &error); },
        Qt::BlockingQueuedConnection);
    if (!opened)
        return fail(error);

    // Runs on the listener's thread: hop onto the database thread, answer
    // from there (the responder posts back to the listener).
    Worker* worker = m_worker;
    auto handler = [worker](AdminRequest request, AdminServer::Responder respond) {
        QMetaObject::invokeMethod(
            worker,
            [worker, request = std::move(request), respond = std::move(respond)] {
                respond(worker->handle(request));
            },
            Qt::QueuedConnection);
    };
    if (!m_server.start(options.address, options.port, &m_token, options.limits, std::move(handler),
                        &error))
        return fail(QStringLiteral("admin API: ") + error);
    return true;
}

void AdminApi::stop()
{
    // The listener first: no new work reaches the worker, and responders
    // still queued become no-ops.
    m_server.stop();
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_worker; // also drops requests still queued for it
        m_worker = nullptr;
    }
}

} // namespace gatehouse::app
