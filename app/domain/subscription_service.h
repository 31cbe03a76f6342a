// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/domain_service.h"

#include <QList>
#include <QObject>

#include <optional>

namespace gatehouse::app {

// pending --approve--> approved --suspend--> suspended --resume--> approved
//    \--reject--> rejected      \--revoke--> revoked <--revoke--/
enum class SubscriptionState { Pending, Approved, Rejected, Suspended, Revoked };
QString toString(SubscriptionState state);
// The state as a word of a domain message, which the console translates.
DomainMessage toMessage(SubscriptionState state);
std::optional<SubscriptionState> subscriptionStateFromString(const QString& text);

struct Subscription {
    qint64 id = 0;
    qint64 applicationId = 0;
    qint64 apiId = 0;
    qint64 planId = 0;
    SubscriptionState state = SubscriptionState::Pending;
    QString reason; // of the last reject / suspend / revoke
    qint64 requestedBy = 0;
    qint64 decidedBy = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QJsonObject toJson() const;
};

// Applications subscribe to plans of published APIs. A plan with automatic
// approval approves at once; otherwise the subscription waits for an admin or
// an owner of the API's team. Emits pendingApprovalsChanged(count) whenever the
// number of pending subscriptions changes (the console's badge), and
// subscriptionsChanged() on every change (the config compiler).
class SubscriptionService : public QObject, public DomainService {
    Q_OBJECT

public:
    explicit SubscriptionService(const Database& database, QObject* parent = nullptr);

    // The actor must manage the application and see the API, which must be
    // published; one live (pending/approved/suspended) subscription per
    // application and API.
    std::optional<Subscription> request(const Principal& actor, qint64 applicationId,
                                        qint64 planId);
    bool approve(const Principal& actor, qint64 subscriptionId);
    bool reject(const Principal& actor, qint64 subscriptionId, const QString& reason);
    bool suspend(const Principal& actor, qint64 subscriptionId, const QString& reason);
    bool resume(const Principal& actor, qint64 subscriptionId);
    // Approvers, or the application's managers (cancelling their own).
    bool revoke(const Principal& actor, qint64 subscriptionId, const QString& reason = {});

    std::optional<Subscription> subscription(const Principal& actor, qint64 id) const;
    QList<Subscription> subscriptionsOf(const Principal& actor, qint64 applicationId) const;
    // Pending subscriptions the actor may decide.
    QList<Subscription> pendingApprovals(const Principal& actor) const;
    int pendingCount() const; // all of them, -1 on a storage error

    static bool isLegal(SubscriptionState from, SubscriptionState to);

signals:
    void pendingApprovalsChanged(int count);
    void subscriptionsChanged();

private:
    // `from`: the one state the action applies to (approve: pending,
    // resume: suspended); otherwise any state the table allows.
    bool decide(const Principal& actor, qint64 id, SubscriptionState to, const QString& reason,
                const QString& action, std::optional<SubscriptionState> from = std::nullopt);
    std::optional<Subscription> load(qint64 id) const;
    QList<Subscription> loadWhere(const QString& where, const QVariantList& values) const;
    bool canApprove(const Principal& actor, const Subscription& s) const;
    bool canManageApp(const Principal& actor, qint64 applicationId) const;
    void notifyChanged(int pendingBefore);

    const Database& m_database;
    AccessPolicy m_policy;
};

} // namespace gatehouse::app
