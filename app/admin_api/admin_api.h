// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_router.h"
#include "app/admin_api/admin_server.h"
#include "app/admin_api/admin_token.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace gatehouse::app {

class AdminControl;
class AdminDispatcher;
struct AdminWorkerLane;
class CatalogService;

// The admin REST API: an HTTP listener on 127.0.0.1 (gateway::admin_listener),
// bearer-token authentication (AdminToken) and two dispatchers.
//
// Catalog requests go through the console's CatalogService: listener thread
// (parse, authenticate) -> task queued onto the storage thread, which owns
// the one database connection (AdminDispatcher -> domain services) ->
// response posted back to the listener thread. So there is one connection
// and one writer, and a change made here announces catalogChanged() like
// any other (the console's views and the gateway's configuration follow).
// Gateway requests (health, stats, cache purge, metrics) never touch the
// database and run on the admin API's own thread, so a slow gateway call
// never holds up the catalog, and a busy or closed catalog does not hold up
// (or refuse with 503) the gateway's resources. The listener thread never
// waits on either.
//
// Acting user: the token stands for one admin account; every domain call is
// made as that user (permissions and audit entries included), and every
// request, gateway ones included, is refused (403, as the domain refuses an
// unknown user) once that account is gone. The check is made per request,
// on the storage thread. Catalog requests run there anyway; a gateway
// request needs only the gateway, so it waits for the check at most
// 250 ms, and not at all when the catalog is closed or was reopened: then
// the last check's answer stands (the account as start() found it, until a
// later request finds it gone). By default the acting user is the
// workspace's local admin (SQLite: the OS account, created on a
// first start) or, on a shared PostgreSQL catalog, the oldest admin account;
// Options::actingUser names another admin.
class AdminApi : public QObject {
    Q_OBJECT

public:
    struct Options {
        CatalogService* catalog = nullptr; // open; must outlive the admin API
        QString actingUser;                // an admin's user name; empty: see above
        QString address = QStringLiteral("127.0.0.1");
        quint16 port = 9080; // 0: any free port (see port())
        QString tokenFile;   // empty: AdminToken::defaultPath()
        AdminServer::Limits limits;
        // Optional hooks; the routes that need them answer 503 while unset.
        // Called on the admin API's own thread: must be thread-safe.
        AdminControl* control = nullptr;
        std::function<QByteArray()> metricsText;
    };

    explicit AdminApi(QObject* parent = nullptr);
    ~AdminApi() override; // stop()

    // Loads or creates the token, resolves the acting admin (on the storage
    // thread, waiting for it: start-up only) and starts listening. False
    // with lastError().
    bool start(const Options& options);
    // Stops listening and joins the API's own thread. Catalog requests
    // already queued on the storage thread still run there; their answers
    // go nowhere.
    void stop();

    bool isRunning() const { return m_worker != nullptr; }
    quint16 port() const { return m_server.port(); }
    QString tokenFile() const { return m_token.path(); }
    QString actingUserName() const { return m_actingUser; }
    QString lastError() const { return m_error; }
    // Every method and path pattern served while running ("{}" stands for
    // one path segment); empty when stopped.
    QList<AdminRouter::Endpoint> endpoints() const;

private:
    bool fail(const QString& message);

    AdminToken m_token;
    AdminServer m_server;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread: the target of gateway requests
    // How work queued on the storage thread reaches m_worker: cleared by
    // stop() before the worker goes.
    std::shared_ptr<AdminWorkerLane> m_lane;
    std::shared_ptr<const AdminDispatcher> m_gatewayPart;
    std::shared_ptr<const AdminDispatcher> m_catalogPart;
    QString m_actingUser;
    QString m_error;
};

} // namespace gatehouse::app
