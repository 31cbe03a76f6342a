// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/try_it_access.h"

#include "app/catalog_store.h"

#include <QHash>

#include <algorithm>

namespace gatehouse::app {

TryItApplications loadTryItApplications(CatalogStore& store, const Principal& actor, qint64 apiId)
{
    TryItApplications out;
    out.apiId = apiId;
    ApplicationService& apps = store.applications();
    const QList<Application> list = apps.applications(actor);
    if (apps.lastErrorCode() != DomainErrorCode::None) {
        out.error = apps.lastError();
        return out;
    }
    QHash<qint64, QString> planNames;
    for (const Plan& plan : store.plans().plans(actor, apiId))
        planNames.insert(plan.id, plan.name);
    SubscriptionService& subscriptions = store.subscriptions();
    for (const Application& app : list) {
        const QList<Subscription> subs = subscriptions.subscriptionsOf(actor, app.id);
        if (subscriptions.lastErrorCode() == DomainErrorCode::Storage) {
            out.error = subscriptions.lastError();
            return out;
        }
        // One live subscription per application and API; an approved one wins
        // over anything left from before.
        const Subscription* best = nullptr;
        for (const Subscription& s : subs) {
            if (s.apiId != apiId)
                continue;
            if (s.state == SubscriptionState::Approved) {
                best = &s;
                break;
            }
            if (s.state == SubscriptionState::Pending || s.state == SubscriptionState::Suspended)
                best = &s;
        }
        if (!best)
            continue;
        TryItApplication entry{app.id, app.name, planNames.value(best->planId), best->state};
        (best->state == SubscriptionState::Approved ? out.offered : out.notOffered).append(entry);
    }
    const auto byName = [](const TryItApplication& a, const TryItApplication& b) {
        const int c = QString::localeAwareCompare(a.name, b.name);
        return c != 0 ? c < 0 : a.applicationId < b.applicationId;
    };
    std::sort(out.offered.begin(), out.offered.end(), byName);
    std::sort(out.notOffered.begin(), out.notOffered.end(), byName);
    return out;
}

} // namespace gatehouse::app
