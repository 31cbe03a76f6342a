// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"

#include <QByteArray>

#include <functional>

namespace gatehouse::app {

class AdminControl;
class ApiCatalog;
class ApplicationService;
class AuditLog;
class CatalogStore;
class PlanService;
class SubscriptionService;
class TeamService;
class UserService;

// Everything the admin API's handlers reach, and who they act as. The
// catalog's handlers run on CatalogService's storage thread, which owns the
// services below; the gateway's (control, metricsText) on the admin API's
// own thread, where the services are unset.
struct AdminServices {
    // The admin token stands for this user: every domain call is made as
    // them, so the domain's permission checks and audit entries apply.
    Principal actor;
    CatalogStore* store = nullptr; // the services below are its own
    ApiCatalog* catalog = nullptr;
    PlanService* plans = nullptr;
    ApplicationService* applications = nullptr;
    SubscriptionService* subscriptions = nullptr;
    TeamService* teams = nullptr;
    UserService* users = nullptr;
    AuditLog* audit = nullptr;
    // Optional: 503 while unset.
    AdminControl* control = nullptr;
    std::function<QByteArray()> metricsText; // Prometheus text exposition
};

} // namespace gatehouse::app
