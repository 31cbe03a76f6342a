// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/application_service.h"
#include "app/domain/plan_service.h"
#include "app/domain/subscription_service.h"
#include "app/domain/team_service.h"

#include <QList>
#include <QString>

namespace gatehouse::app {

class CatalogStore;

// The applications page's reads and changes, each run on the storage thread
// through CatalogService. The domain services decide what the actor may see
// and do; these only gather what one screen shows in one trip.

struct ApplicationSummary {
    Application application;
    QString owner;          // the owning user's display name, or the team's name
    bool teamOwned = false; // owner names a team
    int activeKeys = 0;
    int approvedSubscriptions = 0;
};

struct ApplicationListing {
    QList<ApplicationSummary> items; // the applications the actor manages, by name
    QList<Team> actorTeams;          // possible owners besides the actor
    QString error;                   // non-empty: the catalog could not be read
    DomainMessage errorMessage;      // the same, for the console to translate
};

ApplicationListing loadApplications(CatalogStore& store, const Principal& actor);

// A subscription with the names a person recognises.
struct SubscriptionEntry {
    Subscription subscription;
    QString api;
    QString apiVersion;
    QString plan;
    ApprovalMode approvalMode = ApprovalMode::Manual;
};

struct ApplicationDetail {
    qint64 applicationId = 0;
    QList<ApiKeyInfo> keys;                 // oldest first
    QList<SubscriptionEntry> subscriptions; // newest first
    DomainErrorCode errorCode = DomainErrorCode::None;
    QString error;              // non-empty: not readable (gone, not visible, storage)
    DomainMessage errorMessage; // the same, for the console to translate
};

ApplicationDetail loadApplicationDetail(CatalogStore& store, const Principal& actor,
                                        qint64 applicationId);

// A published API the actor sees, with its plans (APIs without a plan take
// no subscriptions and are left out).
struct SubscribableApi {
    qint64 apiId = 0;
    QString name;
    QString version;
    QList<Plan> plans;
};

struct SubscribableApis {
    QList<SubscribableApi> apis; // by name, then version
    QString error;
    DomainMessage errorMessage; // the same, for the console to translate
};

SubscribableApis loadSubscribableApis(CatalogStore& store, const Principal& actor);

// The outcome of one change: what was created, or why it was refused.
struct ApplicationChange {
    bool ok = false;
    DomainErrorCode errorCode = DomainErrorCode::None;
    QString error;              // the domain service's message when !ok
    DomainMessage errorMessage; // the same, for the console to translate
    qint64 id = 0;              // the application, key or subscription concerned
    QString key;                // issueKey only: the full key, shown once
    ApiKeyInfo keyInfo;         // issueKey only: what the catalog keeps about it
    SubscriptionState state = SubscriptionState::Pending; // requestSubscription only
};

ApplicationChange createApplication(CatalogStore& store, const Principal& actor,
                                    const QString& name, const QString& description,
                                    qint64 ownerTeamId);
ApplicationChange issueApplicationKey(CatalogStore& store, const Principal& actor,
                                      qint64 applicationId, const QString& label, qint64 expiresAt);
ApplicationChange revokeApplicationKey(CatalogStore& store, const Principal& actor, qint64 keyId);
ApplicationChange requestSubscription(CatalogStore& store, const Principal& actor,
                                      qint64 applicationId, qint64 planId);
// Ends an approved or suspended subscription (a revocation by the
// application's manager); `id` is the subscription.
ApplicationChange endSubscription(CatalogStore& store, const Principal& actor,
                                  qint64 subscriptionId);

} // namespace gatehouse::app
