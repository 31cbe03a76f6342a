// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"
#include "app/domain/subscription_service.h"

#include <QList>
#include <QString>

namespace gatehouse::app {

class CatalogStore;

// Which of the actor's applications may call one API, for Try It: the
// gateway lets a key through only with an approved subscription to the
// API, so only those applications are offered; the ones whose subscription
// waits or is suspended are named so the actor knows why they are missing.
struct TryItApplication {
    qint64 applicationId = 0;
    QString name;
    QString plan;
    SubscriptionState state = SubscriptionState::Approved;
};

struct TryItApplications {
    qint64 apiId = 0;
    QList<TryItApplication> offered;    // approved, by name
    QList<TryItApplication> notOffered; // pending or suspended, by name
    QString error;                      // non-empty: the catalog could not be read
};

// Storage thread (CatalogService::run). The domain services decide which
// applications and subscriptions the actor sees.
TryItApplications loadTryItApplications(CatalogStore& store, const Principal& actor, qint64 apiId);

} // namespace gatehouse::app
