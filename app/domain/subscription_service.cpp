// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/subscription_service.h"

#include "app/domain/api_store.h"
#include "app/domain/plan_service.h"
#include "app/storage/sql_query.h"

#include <array>
#include <utility>

namespace gatehouse::app {

namespace {

const QString subColumns =
    QStringLiteral("id, application_id, api_id, plan_id, state, reason, requested_by,"
                   " decided_by, created_at, updated_at");

constexpr std::array<std::pair<SubscriptionState, SubscriptionState>, 6> transitions{{
    {SubscriptionState::Pending, SubscriptionState::Approved},
    {SubscriptionState::Pending, SubscriptionState::Rejected},
    {SubscriptionState::Approved, SubscriptionState::Suspended},
    {SubscriptionState::Suspended, SubscriptionState::Approved},
    {SubscriptionState::Approved, SubscriptionState::Revoked},
    {SubscriptionState::Suspended, SubscriptionState::Revoked},
}};

Subscription readSub(const SqlResult& q)
{
    Subscription s;
    s.id = q.value(0).toLongLong();
    s.applicationId = q.value(1).toLongLong();
    s.apiId = q.value(2).toLongLong();
    s.planId = q.value(3).toLongLong();
    s.state =
        subscriptionStateFromString(q.value(4).toString()).value_or(SubscriptionState::Pending);
    s.reason = q.value(5).toString();
    s.requestedBy = q.value(6).toLongLong();
    s.decidedBy = q.value(7).toLongLong();
    s.createdAt = q.value(8).toLongLong();
    s.updatedAt = q.value(9).toLongLong();
    return s;
}

// One sentence per decision rather than a verb put into a sentence, so
// that each reads naturally once translated.
const char* decisionMessage(const QString& action, bool forbidden)
{
    static const std::array<std::array<const char*, 3>, 5> messages{{
        {"approve", msg::OnlyApproversApprove, msg::CannotApprove},
        {"reject", msg::OnlyApproversReject, msg::CannotReject},
        {"suspend", msg::OnlyApproversSuspend, msg::CannotSuspend},
        {"resume", msg::OnlyApproversResume, msg::CannotResume},
        {"revoke", msg::OnlyApproversRevoke, msg::CannotRevoke},
    }};
    for (const auto& m : messages) {
        if (action == QLatin1String(m[0]))
            return forbidden ? m[1] : m[2];
    }
    return forbidden ? msg::OnlyApproversRevoke : msg::CannotRevoke; // not reached
}

// "a pending subscription", "an approved subscription": the article goes
// with the state.
DomainMessage subscriptionInState(SubscriptionState state)
{
    switch (state) {
    case SubscriptionState::Pending:
        return msg::APendingSubscription;
    case SubscriptionState::Approved:
        return msg::AnApprovedSubscription;
    case SubscriptionState::Rejected:
        return msg::ARejectedSubscription;
    case SubscriptionState::Suspended:
        return msg::ASuspendedSubscription;
    case SubscriptionState::Revoked:
        break;
    }
    return msg::ARevokedSubscription;
}

} // namespace

QString toString(SubscriptionState state)
{
    switch (state) {
    case SubscriptionState::Pending:
        return QStringLiteral("pending");
    case SubscriptionState::Approved:
        return QStringLiteral("approved");
    case SubscriptionState::Rejected:
        return QStringLiteral("rejected");
    case SubscriptionState::Suspended:
        return QStringLiteral("suspended");
    case SubscriptionState::Revoked:
        break;
    }
    return QStringLiteral("revoked");
}

DomainMessage toMessage(SubscriptionState state)
{
    switch (state) {
    case SubscriptionState::Pending:
        return msg::SubscriptionPending;
    case SubscriptionState::Approved:
        return msg::SubscriptionApproved;
    case SubscriptionState::Rejected:
        return msg::SubscriptionRejected;
    case SubscriptionState::Suspended:
        return msg::SubscriptionSuspended;
    case SubscriptionState::Revoked:
        break;
    }
    return msg::SubscriptionRevoked;
}

std::optional<SubscriptionState> subscriptionStateFromString(const QString& text)
{
    for (auto s :
         {SubscriptionState::Pending, SubscriptionState::Approved, SubscriptionState::Rejected,
          SubscriptionState::Suspended, SubscriptionState::Revoked}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

QJsonObject Subscription::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("applicationId"), applicationId},
            {QStringLiteral("apiId"), apiId},
            {QStringLiteral("planId"), planId},
            {QStringLiteral("state"), toString(state)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("decidedBy"), decidedBy}};
}

SubscriptionService::SubscriptionService(const Database& database, QObject* parent)
    : QObject(parent)
    , DomainService(database)
    , m_database(database)
    , m_policy(database)
{
}

bool SubscriptionService::isLegal(SubscriptionState from, SubscriptionState to)
{
    for (const auto& [f, t] : transitions) {
        if (f == from && t == to)
            return true;
    }
    return false;
}

QList<Subscription> SubscriptionService::loadWhere(const QString& where,
                                                   const QVariantList& values) const
{
    QList<Subscription> result;
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + subColumns +
                        QStringLiteral(" FROM subscriptions WHERE ") + where +
                        QStringLiteral(" ORDER BY id"),
                    values, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next())
        result.append(readSub(*q));
    return result;
}

std::optional<Subscription> SubscriptionService::load(qint64 id) const
{
    const QList<Subscription> found = loadWhere(QStringLiteral("id = ?"), {id});
    if (found.isEmpty()) {
        if (lastErrorCode() == DomainErrorCode::None)
            notFound(msg::NoSuchSubscription);
        return std::nullopt;
    }
    return found.first();
}

bool SubscriptionService::canApprove(const Principal& actor, const Subscription& s) const
{
    QString err;
    const auto api = ApiStore::load(db(), s.apiId, &err);
    return api && m_policy.canApproveFor(actor, api->teamId);
}

bool SubscriptionService::canManageApp(const Principal& actor, qint64 applicationId) const
{
    auto q = runSql(db(),
                    QStringLiteral("SELECT owner_user_id, owner_team_id FROM applications"
                                   " WHERE id = ?"),
                    {applicationId});
    return q && q->next() &&
           m_policy.canManageApplication(actor, q->value(0).toLongLong(), q->value(1).toLongLong());
}

int SubscriptionService::pendingCount() const
{
    auto q = runSql(db(), QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE state = ?"),
                    {toString(SubscriptionState::Pending)});
    return q && q->next() ? q->value(0).toInt() : -1;
}

void SubscriptionService::notifyChanged(int pendingBefore)
{
    emit subscriptionsChanged();
    const int now = pendingCount();
    if (now != pendingBefore && now >= 0)
        emit pendingApprovalsChanged(now);
}

std::optional<Subscription> SubscriptionService::request(const Principal& actor,
                                                         qint64 applicationId, qint64 planId)
{
    clearError();
    if (!canManageApp(actor, applicationId)) {
        notFound(msg::NoSuchApplication);
        return std::nullopt;
    }
    PlanService plans(m_database);
    const auto plan = plans.plan(actor, planId);
    if (!plan) {
        failAs(plans);
        return std::nullopt;
    }
    QString err;
    const auto api = ApiStore::load(db(), plan->apiId, &err);
    if (!api) {
        storageError(err);
        return std::nullopt;
    }
    if (api->state != ApiState::Published) {
        invalid({msg::ApiTakesNoSubscriptions, {api->slug, api->version, toMessage(api->state)}});
        return std::nullopt;
    }
    const int pendingBefore = pendingCount();
    Transaction tx(db());
    const QList<Subscription> live =
        loadWhere(QStringLiteral("application_id = ? AND api_id = ? AND state IN (?, ?, ?)"),
                  {applicationId, api->id, toString(SubscriptionState::Pending),
                   toString(SubscriptionState::Approved), toString(SubscriptionState::Suspended)});
    if (lastErrorCode() != DomainErrorCode::None)
        return std::nullopt;
    if (!live.isEmpty()) {
        fail(DomainErrorCode::Conflict, {msg::AlreadySubscribed, {toMessage(live.first().state)}});
        return std::nullopt;
    }
    Subscription s;
    s.applicationId = applicationId;
    s.apiId = api->id;
    s.planId = planId;
    s.state = plan->approvalMode == ApprovalMode::Automatic ? SubscriptionState::Approved
                                                            : SubscriptionState::Pending;
    s.requestedBy = actor.userId;
    s.createdAt = s.updatedAt = nowMs();
    auto q = runSql(db(),
                    QStringLiteral("INSERT INTO subscriptions (application_id, api_id, plan_id,"
                                   " state, requested_by, created_at, updated_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                    {s.applicationId, s.apiId, s.planId, toString(s.state), s.requestedBy,
                     s.createdAt, s.updatedAt},
                    &err);
    if (!q || !q->next()) {
        storageError(err);
        return std::nullopt;
    }
    s.id = q->value(0).toLongLong();
    if (!audit(actor, QStringLiteral("subscription.request"), QStringLiteral("subscription"), s.id,
               {}, s.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    notifyChanged(pendingBefore);
    return s;
}

bool SubscriptionService::decide(const Principal& actor, qint64 id, SubscriptionState to,
                                 const QString& reason, const QString& action,
                                 std::optional<SubscriptionState> from)
{
    clearError();
    const int pendingBefore = pendingCount();
    Transaction tx(db());
    const auto before = load(id);
    if (!before)
        return false;
    const bool approver = canApprove(actor, *before);
    const bool owner = canManageApp(actor, before->applicationId);
    if (!approver && !owner)
        return notFound(msg::NoSuchSubscription);
    const bool ownerMayDo = to == SubscriptionState::Revoked;
    if (!approver && !ownerMayDo)
        return forbidden(decisionMessage(action, true));
    if (!isLegal(before->state, to) || (from && before->state != *from))
        return fail(DomainErrorCode::Conflict,
                    {decisionMessage(action, false), {subscriptionInState(before->state)}});
    Subscription after = *before;
    after.state = to;
    after.reason = reason.trimmed();
    after.decidedBy = actor.userId;
    after.updatedAt = nowMs();
    QString err;
    if (!runSql(db(),
                QStringLiteral("UPDATE subscriptions SET state = ?, reason = ?, decided_by = ?,"
                               " updated_at = ? WHERE id = ?"),
                {toString(to), after.reason, actor.userId, after.updatedAt, id}, &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("subscription.") + action, QStringLiteral("subscription"), id,
               before->toJson(), after.toJson()))
        return false;
    if (!tx.commit(&err))
        return storageError(err);
    notifyChanged(pendingBefore);
    return true;
}

bool SubscriptionService::approve(const Principal& actor, qint64 id)
{
    return decide(actor, id, SubscriptionState::Approved, {}, QStringLiteral("approve"),
                  SubscriptionState::Pending);
}

bool SubscriptionService::reject(const Principal& actor, qint64 id, const QString& reason)
{
    if (reason.trimmed().isEmpty()) {
        clearError();
        return invalid(msg::RejectionNeedsReason);
    }
    return decide(actor, id, SubscriptionState::Rejected, reason, QStringLiteral("reject"));
}

bool SubscriptionService::suspend(const Principal& actor, qint64 id, const QString& reason)
{
    return decide(actor, id, SubscriptionState::Suspended, reason, QStringLiteral("suspend"));
}

bool SubscriptionService::resume(const Principal& actor, qint64 id)
{
    return decide(actor, id, SubscriptionState::Approved, {}, QStringLiteral("resume"),
                  SubscriptionState::Suspended);
}

bool SubscriptionService::revoke(const Principal& actor, qint64 id, const QString& reason)
{
    return decide(actor, id, SubscriptionState::Revoked, reason, QStringLiteral("revoke"));
}

std::optional<Subscription> SubscriptionService::subscription(const Principal& actor,
                                                              qint64 id) const
{
    clearError();
    if (!requireAccount(actor))
        return std::nullopt;
    auto s = load(id);
    if (s && !canApprove(actor, *s) && !canManageApp(actor, s->applicationId)) {
        notFound(msg::NoSuchSubscription);
        return std::nullopt;
    }
    return s;
}

QList<Subscription> SubscriptionService::subscriptionsOf(const Principal& actor,
                                                         qint64 applicationId) const
{
    clearError();
    if (!requireAccount(actor))
        return {};
    if (!canManageApp(actor, applicationId)) {
        notFound(msg::NoSuchApplication);
        return {};
    }
    return loadWhere(QStringLiteral("application_id = ?"), {applicationId});
}

QList<Subscription> SubscriptionService::pendingApprovals(const Principal& actor) const
{
    clearError();
    QList<Subscription> result;
    if (!requireAccount(actor))
        return result;
    for (const Subscription& s :
         loadWhere(QStringLiteral("state = ?"), {toString(SubscriptionState::Pending)})) {
        if (canApprove(actor, s))
            result.append(s);
    }
    return result;
}

} // namespace gatehouse::app
