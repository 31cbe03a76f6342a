// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_server.h"
#include "app/admin_api/admin_token.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace gatehouse::app {

class AdminControl;

// The admin REST API: an HTTP listener on 127.0.0.1 (gateway::admin_listener),
// bearer-token authentication (AdminToken) and a dispatcher that runs every
// request on one thread owning its own database connection.
//
// Request path: listener thread (parse, authenticate) -> queued call onto
// the database thread (AdminDispatcher -> domain services) -> response
// posted back to the listener thread. The listener thread never waits on
// the database.
//
// Acting user: the token stands for one admin account; every domain call is
// made as that user (permissions and audit entries included). By default
// that is the workspace's local admin (SQLite: the OS account, created on a
// first start) or, on a shared PostgreSQL catalog, the oldest admin account;
// Options::actingUser names another admin.
class AdminApi : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString databaseSpec; // as Database::open(): SQLite path, postgresql:// URL, or default
        QString actingUser;   // an admin's user name; empty: see above
        QString address = QStringLiteral("127.0.0.1");
        quint16 port = 9080; // 0: any free port (see port())
        QString tokenFile;   // empty: AdminToken::defaultPath()
        AdminServer::Limits limits;
        // Optional hooks; the routes that need them answer 503 while unset.
        // Called on the admin API's database thread: must be thread-safe.
        AdminControl* control = nullptr;
        std::function<QByteArray()> metricsText;
    };

    explicit AdminApi(QObject* parent = nullptr);
    ~AdminApi() override; // stop()

    // Loads or creates the token, opens the database on the API's thread,
    // resolves the acting admin and starts listening. False with lastError().
    bool start(const Options& options);
    // Stops listening, then closes the database on its thread and joins it.
    void stop();

    bool isRunning() const { return m_worker != nullptr; }
    quint16 port() const { return m_server.port(); }
    QString tokenFile() const { return m_token.path(); }
    QString actingUserName() const { return m_actingUser; }
    QString lastError() const { return m_error; }

private:
    class Worker;
    bool fail(const QString& message);

    AdminToken m_token;
    AdminServer m_server;
    QThread m_thread;
    Worker* m_worker = nullptr; // lives on m_thread
    QString m_actingUser;
    QString m_error;
};

} // namespace gatehouse::app
