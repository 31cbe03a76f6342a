// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/admin_api/admin_http.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace gatehouse::app {

class AdminToken;

// The admin API's HTTP side: gateway::admin_listener (Beast, kept out of this
// header), bearer-token checks and the conversion between Beast messages
// and AdminRequest / AdminResponse. Unauthenticated requests are answered
// on the listener's thread (401) and never reach the handler.
class AdminServer {
public:
    using Responder = std::function<void(AdminResponse)>; // any thread, once
    // Called on the listener's thread; must not block.
    using Handler = std::function<void(AdminRequest, Responder)>;

    struct Limits {
        std::size_t headerLimit = 16 * 1024;
        std::uint64_t bodyLimit = 1024 * 1024;
        std::chrono::milliseconds handlerTimeout{30000};
    };

    AdminServer();
    ~AdminServer(); // stop()
    AdminServer(const AdminServer&) = delete;
    AdminServer& operator=(const AdminServer&) = delete;

    // `token` must outlive the server.
    bool start(const QString& address, quint16 port, const AdminToken* token, const Limits& limits,
               Handler handler, QString* error);
    void stop();
    quint16 port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace gatehouse::app
