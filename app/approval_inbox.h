// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/plan_service.h"
#include "app/domain/roles.h"
#include "app/domain/subscription_service.h"

#include <QList>
#include <QString>

namespace gatehouse::app {

class CatalogStore;

// One subscription as the approvals inbox shows it: the subscription joined
// with its application, API, plan and the people involved.
struct ApprovalItem {
    qint64 subscriptionId = 0;
    SubscriptionState state = SubscriptionState::Pending;
    QString reason;
    qint64 requestedAt = 0; // ms since the epoch
    qint64 decidedAt = 0;   // the last change; 0 while pending
    QString requestedBy;    // display name
    QString decidedBy;      // display name; empty while pending
    qint64 applicationId = 0;
    QString application;
    QString applicationTeam; // empty for an application owned by one user
    qint64 apiId = 0;
    QString api;
    QString apiVersion;
    QString apiTeam;
    qint64 planId = 0;
    QString plan;
    ApprovalMode approvalMode = ApprovalMode::Manual;
    qint64 rateLimitPerMinute = 0; // 0 = unlimited
    qint64 quotaPerMonth = 0;      // 0 = unlimited
};

struct ApprovalListing {
    QList<ApprovalItem> items;
    QString error;              // non-empty: the catalog could not be read
    DomainMessage errorMessage; // the same, for the console to translate
    // Whether the actor decides requests at all (an admin or a team owner);
    // anyone else only ever sees an empty inbox and history.
    bool mayDecide = false;
};

enum class ApprovalList {
    Pending, // what `actor` may decide, oldest first
    History, // decided subscriptions of APIs `actor` may approve for, newest first
};

// Runs on the storage thread (through CatalogService::run).
ApprovalListing loadApprovals(CatalogStore& store, const Principal& actor, ApprovalList list);

enum class ApprovalDecision { Approve, Reject, Suspend, Resume, Revoke };

struct DecisionOutcome {
    qint64 subscriptionId = 0;
    bool ok = false;
    DomainErrorCode errorCode = DomainErrorCode::None;
    QString error;              // the domain service's message when !ok
    DomainMessage errorMessage; // the same, for the console to translate
};

// Applies one decision to each subscription, each in its own transaction:
// one refused subscription does not hold back the others.
QList<DecisionOutcome> decideSubscriptions(CatalogStore& store, const Principal& actor,
                                           const QList<qint64>& ids, ApprovalDecision decision,
                                           const QString& reason = {});

} // namespace gatehouse::app
