// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "app/admin_api/admin_dispatcher.h"
#include "app/catalog_service.h"
#include "app/catalog_store.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace gatehouse::app {

namespace {

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
    const auto oldest = users.oldestAdmin();
    if (!oldest)
        *error = users.lastErrorCode() == DomainErrorCode::NotFound
                     ? QStringLiteral("admin API: the shared catalog has no admin account yet")
                     : QStringLiteral("admin API: ") + users.lastError();
    return oldest;
}

struct CatalogPart {
    std::shared_ptr<const AdminDispatcher> dispatcher; // null: see error
    CatalogStore* store = nullptr;
    Principal actor;
    QString error;
};

// On the storage thread.
CatalogPart makeCatalogPart(CatalogStore& store, const QString& actingUser)
{
    CatalogPart part;
    const auto actor = resolveActor(store.users(), store.database(), actingUser, &part.error);
    if (!actor)
        return part;
    AdminServices services;
    services.actor = *actor;
    services.store = &store;
    services.catalog = &store.apis();
    services.plans = &store.plans();
    services.applications = &store.applications();
    services.subscriptions = &store.subscriptions();
    services.teams = &store.teams();
    services.users = &store.users();
    services.audit = &store.auditLog();
    part.dispatcher = std::make_shared<const AdminDispatcher>(std::move(services),
                                                              AdminDispatcher::Part::Catalog);
    part.store = &store;
    part.actor = *actor;
    return part;
}

// Whether a catalog request may have changed something: not a read, and not
// refused (a 4xx is decided before anything is written; after a 5xx the
// console had better look again).
bool mayChangeCatalog(const QByteArray& method, int status)
{
    const bool read = method == "GET" || method == "HEAD" || method == "OPTIONS";
    return !read && !(status >= 400 && status < 500);
}

} // namespace

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
    if (!options.catalog || !options.catalog->isOpen())
        return fail(QStringLiteral("admin API: the catalog database is not open"));
    const QString tokenPath =
        options.tokenFile.isEmpty() ? AdminToken::defaultPath() : options.tokenFile;
    if (!m_token.loadOrCreate(tokenPath))
        return fail(QStringLiteral("admin API: ") + m_token.lastError());

    // The acting admin and the catalog's dispatcher, made on the storage
    // thread: the services it refers to belong to that thread.
    const CatalogPart part = options.catalog->runAndWait(
        [&options](CatalogStore& store) { return makeCatalogPart(store, options.actingUser); });
    if (!part.dispatcher)
        return fail(part.error.isEmpty()
                        ? QStringLiteral("admin API: the catalog database is not open")
                        : part.error);
    m_actingUser = part.actor.name;

    AdminServices gatewayServices;
    gatewayServices.actor = part.actor;
    gatewayServices.control = options.control;
    gatewayServices.metricsText = options.metricsText;
    m_gatewayPart = std::make_shared<const AdminDispatcher>(std::move(gatewayServices),
                                                            AdminDispatcher::Part::Gateway);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.start();

    // Runs on the listener's thread and never waits: each request hops onto
    // the thread that serves it, which answers from there (the responder
    // posts back to the listener).
    auto handler = [worker = m_worker, gatewayPart = m_gatewayPart, catalog = options.catalog,
                    catalogPart = part.dispatcher,
                    store = part.store](AdminRequest request, AdminServer::Responder respond) {
        if (gatewayPart->serves(request.path)) {
            QMetaObject::invokeMethod(
                worker,
                [gatewayPart, request = std::move(request), respond = std::move(respond)] {
                    respond(gatewayPart->handle(request));
                },
                Qt::QueuedConnection);
            return;
        }
        catalog->enqueue([catalog, catalogPart, store, request = std::move(request),
                          respond = std::move(respond)](CatalogStore* current) {
            // The catalog was closed (or reopened) since start(): the
            // dispatcher's services are gone.
            if (current != store) {
                respond(AdminResponse::problem(
                    503, QStringLiteral("catalog-unavailable"),
                    QStringLiteral("Catalog unavailable"),
                    QStringLiteral("the catalog database is no longer open")));
                return;
            }
            AdminResponse response = catalogPart->handle(request);
            const bool changed = mayChangeCatalog(request.method, response.status);
            respond(std::move(response));
            if (changed)
                catalog->announceChange();
        });
    };
    QString error;
    if (!m_server.start(options.address, options.port, &m_token, options.limits, std::move(handler),
                        &error))
        return fail(QStringLiteral("admin API: ") + error);
    return true;
}

void AdminApi::stop()
{
    // The listener first: no new work reaches either thread, and responders
    // still queued become no-ops.
    m_server.stop();
    if (m_worker) {
        m_thread.quit();
        m_thread.wait();
        delete m_worker; // also drops requests still queued for it
        m_worker = nullptr;
    }
    m_gatewayPart.reset();
}

} // namespace gatehouse::app
