// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/approval_inbox.h"

#include "app/catalog_store.h"
#include "app/domain/access_policy.h"
#include "app/storage/sql_query.h"

#include <QSet>

namespace gatehouse::app {

namespace {

const QString selectItems =
    QStringLiteral("SELECT s.id, s.state, s.reason, s.created_at, s.updated_at,"
                   " COALESCE(ru.display_name, ru.name), COALESCE(du.display_name, du.name, ''),"
                   " a.id, a.name, COALESCE(at.name, ''),"
                   " api.id, api.name, api.version, COALESCE(apit.name, ''), api.team_id,"
                   " p.id, p.name, p.approval_mode, p.rate_limit_per_minute, p.quota_per_month"
                   " FROM subscriptions s"
                   " JOIN applications a ON a.id = s.application_id"
                   " LEFT JOIN teams at ON at.id = a.owner_team_id"
                   " JOIN apis api ON api.id = s.api_id"
                   " LEFT JOIN teams apit ON apit.id = api.team_id"
                   " JOIN plans p ON p.id = s.plan_id"
                   " JOIN users ru ON ru.id = s.requested_by"
                   " LEFT JOIN users du ON du.id = s.decided_by");

ApprovalItem readItem(const SqlResult& q)
{
    ApprovalItem item;
    item.subscriptionId = q.value(0).toLongLong();
    item.state =
        subscriptionStateFromString(q.value(1).toString()).value_or(SubscriptionState::Pending);
    item.reason = q.value(2).toString();
    item.requestedAt = q.value(3).toLongLong();
    if (item.state != SubscriptionState::Pending)
        item.decidedAt = q.value(4).toLongLong();
    item.requestedBy = q.value(5).toString();
    item.decidedBy = q.value(6).toString();
    item.applicationId = q.value(7).toLongLong();
    item.application = q.value(8).toString();
    item.applicationTeam = q.value(9).toString();
    item.apiId = q.value(10).toLongLong();
    item.api = q.value(11).toString();
    item.apiVersion = q.value(12).toString();
    item.apiTeam = q.value(13).toString();
    item.planId = q.value(15).toLongLong();
    item.plan = q.value(16).toString();
    item.approvalMode =
        approvalModeFromString(q.value(17).toString()).value_or(ApprovalMode::Manual);
    item.rateLimitPerMinute = q.value(18).toLongLong();
    item.quotaPerMonth = q.value(19).toLongLong();
    return item;
}

} // namespace

ApprovalListing loadApprovals(CatalogStore& store, const Principal& actor, ApprovalList list)
{
    ApprovalListing out;
    // The history is read here, not through the service: it refuses an
    // actor without an account the same way.
    if (!store.subscriptions().requireAccount(actor)) {
        out.error = store.subscriptions().lastError();
        out.errorMessage = store.subscriptions().lastErrorMessage();
        return out;
    }
    AccessPolicy policy(store.database());
    out.mayDecide = policy.canApproveForAnyTeam(actor);
    QSet<qint64> allowed;
    if (list == ApprovalList::Pending) {
        // The service decides who may approve what; this only adds the names.
        const auto pending = store.subscriptions().pendingApprovals(actor);
        if (store.subscriptions().lastErrorCode() != DomainErrorCode::None) {
            out.error = store.subscriptions().lastError();
            out.errorMessage = store.subscriptions().lastErrorMessage();
            return out;
        }
        for (const auto& s : pending)
            allowed.insert(s.id);
        if (allowed.isEmpty())
            return out;
    }
    const QString sql =
        selectItems + (list == ApprovalList::Pending
                           ? QStringLiteral(" WHERE s.state = ? ORDER BY s.created_at, s.id")
                           : QStringLiteral(" WHERE s.state <> ? AND s.decided_by IS NOT NULL"
                                            " ORDER BY s.updated_at DESC, s.id DESC"));
    QString error;
    auto q =
        runSql(store.database().connection(), sql, {toString(SubscriptionState::Pending)}, &error);
    if (!q) {
        out.error = error;
        out.errorMessage = error;
        return out;
    }
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        if (list == ApprovalList::Pending ? !allowed.contains(id)
                                          : !policy.canApproveFor(actor, q->value(14).toLongLong()))
            continue;
        out.items.append(readItem(*q));
    }
    return out;
}

QList<DecisionOutcome> decideSubscriptions(CatalogStore& store, const Principal& actor,
                                           const QList<qint64>& ids, ApprovalDecision decision,
                                           const QString& reason)
{
    QList<DecisionOutcome> outcomes;
    SubscriptionService& subscriptions = store.subscriptions();
    for (const qint64 id : ids) {
        bool ok = false;
        switch (decision) {
        case ApprovalDecision::Approve:
            ok = subscriptions.approve(actor, id);
            break;
        case ApprovalDecision::Reject:
            ok = subscriptions.reject(actor, id, reason);
            break;
        case ApprovalDecision::Suspend:
            ok = subscriptions.suspend(actor, id, reason);
            break;
        case ApprovalDecision::Resume:
            ok = subscriptions.resume(actor, id);
            break;
        case ApprovalDecision::Revoke:
            ok = subscriptions.revoke(actor, id, reason);
            break;
        }
        outcomes.append({id, ok, ok ? DomainErrorCode::None : subscriptions.lastErrorCode(),
                         ok ? QString() : subscriptions.lastError(),
                         ok ? DomainMessage() : subscriptions.lastErrorMessage()});
    }
    return outcomes;
}

} // namespace gatehouse::app
