// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "app/admin_api/admin_dispatcher.h"
#include "app/catalog_service.h"
#include "app/catalog_store.h"

#include <QHostAddress>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>
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

// How long a gateway request waits for the storage thread's account check
// before the last known answer stands: the check is one indexed lookup, so
// only a storage thread busy with other work (an import, a slow shared
// database) takes longer, and the gateway's resources must not wait on it.
constexpr int AccountCheckGraceMs = 250;

// What the last account check found, for gateway requests that cannot wait
// for one (the catalog is busy, closed or reopened). Any thread.
struct AdminAccountStatus {
    std::mutex mutex;
    bool present = true; // start() has just found the account
    DomainErrorCode code = DomainErrorCode::None;
    QString refusal; // why not, when not present

    void set(bool isPresent, const UserService& users)
    {
        std::lock_guard lock(mutex);
        present = isPresent;
        code = users.lastErrorCode();
        refusal = users.lastError();
    }
    std::optional<AdminResponse> lastRefusal()
    {
        std::lock_guard lock(mutex);
        if (present)
            return std::nullopt;
        return AdminResponse::domainError(code, refusal);
    }
};

// One gateway request: answered once, by whichever comes first of the
// storage thread's account check and the grace timer.
struct AdminGatewayCall {
    std::atomic<bool> answered{false};
    AdminRequest request;
    AdminServer::Responder respond;
};

// The admin API's own thread, as reached from the storage thread once a
// gateway request has passed the account check.
struct AdminWorkerLane {
    std::mutex mutex;
    QObject* worker = nullptr; // null once stop() has begun

    template <typename Task>
    void post(Task task)
    {
        // Posting under the lock: stop() cannot delete the worker meanwhile.
        std::lock_guard lock(mutex);
        if (worker)
            QMetaObject::invokeMethod(worker, std::move(task), Qt::QueuedConnection);
    }
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
    m_catalogPart = part.dispatcher;
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_lane = std::make_shared<AdminWorkerLane>();
    m_lane->worker = m_worker;
    m_thread.start();

    // Runs on the listener's thread and never waits. Every request first
    // hops onto the storage thread, where the token's account is checked
    // (the only place that may read the users), then runs there (catalog)
    // or hops on to the admin API's own thread (gateway), which answers from
    // there (the responder posts back to the listener).
    //
    // A gateway request needs only the gateway: it does not wait for a
    // storage thread that is busy (longer than AccountCheckGraceMs), closed
    // or reopened; the last account check's answer stands instead.
    auto account = std::make_shared<AdminAccountStatus>();
    auto handler = [lane = m_lane, gatewayPart = m_gatewayPart, catalog = options.catalog,
                    catalogPart = part.dispatcher, store = part.store, actor = part.actor,
                    account](AdminRequest request, AdminServer::Responder respond) mutable {
        if (gatewayPart->serves(request.path)) {
            auto call = std::make_shared<AdminGatewayCall>();
            call->request = std::move(request);
            call->respond = std::move(respond);
            // On the admin API's own thread; the first answer wins.
            const auto answer = [lane, gatewayPart, call](std::optional<AdminResponse> refusal) {
                lane->post([gatewayPart, call, refusal = std::move(refusal)]() mutable {
                    if (call->answered.exchange(true))
                        return;
                    call->respond(refusal ? std::move(*refusal)
                                          : gatewayPart->handle(call->request));
                });
            };
            lane->post([answer, account] {
                QTimer::singleShot(AccountCheckGraceMs,
                                   [answer, account] { answer(account->lastRefusal()); });
            });
            catalog->enqueue([answer, account, store, actor](CatalogStore* current) {
                if (current != store) {
                    answer(account->lastRefusal());
                    return;
                }
                const UserService& users = current->users();
                const bool present = users.requireAccount(actor);
                account->set(present, users);
                answer(present ? std::nullopt
                               : std::optional<AdminResponse>(AdminResponse::failed(users)));
            });
            return;
        }
        catalog->enqueue([catalog, catalogPart, store, actor, account, request = std::move(request),
                          respond = std::move(respond)](CatalogStore* current) mutable {
            // The catalog was closed (or reopened) since start(): the
            // dispatcher's services are gone, and nobody can tell whether
            // the token's account still exists.
            if (current != store) {
                respond(AdminResponse::problem(
                    503, QStringLiteral("catalog-unavailable"),
                    QStringLiteral("Catalog unavailable"),
                    QStringLiteral("the catalog database is no longer open")));
                return;
            }
            // Once per request, whatever it asks for: reads that act as
            // nobody in particular (a team's members, one user, stats)
            // included.
            const UserService& users = store->users();
            const bool present = users.requireAccount(actor);
            account->set(present, users);
            if (!present) {
                respond(AdminResponse::failed(users));
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
    if (m_lane) {
        std::lock_guard lock(m_lane->mutex);
        m_lane->worker = nullptr; // work queued on the storage thread stays there
    }
    m_lane.reset();
    if (m_worker) {
        m_thread.quit();
        m_thread.wait();
        delete m_worker; // also drops requests still queued for it
        m_worker = nullptr;
    }
    m_gatewayPart.reset();
    m_catalogPart.reset();
}

QList<AdminRouter::Endpoint> AdminApi::endpoints() const
{
    QList<AdminRouter::Endpoint> all;
    for (const auto& part : {m_gatewayPart, m_catalogPart}) {
        if (part)
            all += part->endpoints();
    }
    return all;
}

} // namespace gatehouse::app
