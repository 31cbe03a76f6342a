// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/plan_service.h"

#include "app/domain/api_store.h"
#include "app/storage/sql_query.h"

namespace gatehouse::app {

namespace {

const QString planColumns = QStringLiteral(
    "id, api_id, name, approval_mode, rate_limit_per_minute, quota_per_month, created_at");

Plan readPlan(const SqlResult& q)
{
    return {q.value(0).toLongLong(),
            q.value(1).toLongLong(),
            q.value(2).toString(),
            approvalModeFromString(q.value(3).toString()).value_or(ApprovalMode::Manual),
            q.value(4).toLongLong(),
            q.value(5).toLongLong(),
            q.value(6).toLongLong()};
}

} // namespace

QString toString(ApprovalMode mode)
{
    return mode == ApprovalMode::Automatic ? QStringLiteral("automatic") : QStringLiteral("manual");
}

std::optional<ApprovalMode> approvalModeFromString(const QString& text)
{
    if (text == QLatin1String("automatic"))
        return ApprovalMode::Automatic;
    if (text == QLatin1String("manual"))
        return ApprovalMode::Manual;
    return std::nullopt;
}

QJsonObject Plan::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("apiId"), apiId},
            {QStringLiteral("name"), name},
            {QStringLiteral("approvalMode"), toString(approvalMode)},
            {QStringLiteral("rateLimitPerMinute"), rateLimitPerMinute},
            {QStringLiteral("quotaPerMonth"), quotaPerMonth}};
}

PlanService::PlanService(const Database& database)
    : DomainService(database)
    , m_policy(database)
{
}

bool PlanService::checkApi(const Principal& actor, qint64 apiId, bool edit) const
{
    QString err;
    const auto api = ApiStore::load(db(), apiId, &err);
    if (!api || !m_policy.canViewApi(actor, *api))
        return err.isEmpty() ? notFound(msg::NoSuchApi) : storageError(err);
    if (edit && !m_policy.canEditApi(actor, api->teamId))
        return forbidden(msg::OnlyPublishersChangePlans);
    if (edit && api->state == ApiState::Retired)
        return invalid(msg::RetiredApiFinal);
    return true;
}

std::optional<Plan> PlanService::load(qint64 planId) const
{
    QString err;
    auto q = runSql(
        db(), QStringLiteral("SELECT ") + planColumns + QStringLiteral(" FROM plans WHERE id = ?"),
        {planId}, &err);
    if (!q || !q->next()) {
        q ? notFound(msg::NoSuchPlan) : storageError(err);
        return std::nullopt;
    }
    return readPlan(*q);
}

std::optional<Plan> PlanService::createPlan(const Principal& actor, const Plan& input)
{
    clearError();
    if (input.name.trimmed().isEmpty() || input.rateLimitPerMinute < 0 || input.quotaPerMonth < 0) {
        invalid(msg::PlanRule);
        return std::nullopt;
    }
    Transaction tx(db());
    if (!checkApi(actor, input.apiId, true))
        return std::nullopt;
    Plan plan = input;
    plan.name = plan.name.trimmed();
    plan.createdAt = nowMs();
    QString err;
    auto dup = runSql(db(), QStringLiteral("SELECT 1 FROM plans WHERE api_id = ? AND name = ?"),
                      {plan.apiId, plan.name}, &err);
    if (!dup) {
        storageError(err);
        return std::nullopt;
    }
    if (dup->next()) {
        fail(DomainErrorCode::Conflict, DomainMessage(msg::PlanExists, {plan.name}),
             QStringLiteral("name"));
        return std::nullopt;
    }
    auto q = runSql(db(),
                    QStringLiteral("INSERT INTO plans (api_id, name, approval_mode,"
                                   " rate_limit_per_minute, quota_per_month, created_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                    {plan.apiId, plan.name, toString(plan.approvalMode), plan.rateLimitPerMinute,
                     plan.quotaPerMonth, plan.createdAt},
                    &err);
    if (!q || !q->next()) {
        storageError(err);
        return std::nullopt;
    }
    plan.id = q->value(0).toLongLong();
    if (!audit(actor, QStringLiteral("plan.create"), QStringLiteral("plan"), plan.id, {},
               plan.toJson()))
        return std::nullopt;
    if (!tx.commit(&err)) {
        storageError(err);
        return std::nullopt;
    }
    return plan;
}

bool PlanService::updatePlan(const Principal& actor, const Plan& input)
{
    clearError();
    if (input.name.trimmed().isEmpty() || input.rateLimitPerMinute < 0 || input.quotaPerMonth < 0)
        return invalid(msg::PlanRule);
    Transaction tx(db());
    const auto before = load(input.id);
    if (!before || !checkApi(actor, before->apiId, true))
        return false;
    Plan after = input;
    after.apiId = before->apiId;
    after.createdAt = before->createdAt;
    after.name = after.name.trimmed();
    QString err;
    // A name another plan of the API has: the conflict, not the storage's
    // UNIQUE (api_id, name) error.
    auto dup = runSql(
        db(), QStringLiteral("SELECT 1 FROM plans WHERE api_id = ? AND name = ? AND id <> ?"),
        {after.apiId, after.name, after.id}, &err);
    if (!dup)
        return storageError(err);
    if (dup->next())
        return fail(DomainErrorCode::Conflict, DomainMessage(msg::PlanExists, {after.name}),
                    QStringLiteral("name"));
    if (!runSql(db(),
                QStringLiteral("UPDATE plans SET name = ?, approval_mode = ?,"
                               " rate_limit_per_minute = ?, quota_per_month = ? WHERE id = ?"),
                {after.name, toString(after.approvalMode), after.rateLimitPerMinute,
                 after.quotaPerMonth, after.id},
                &err))
        return storageError(err);
    if (!audit(actor, QStringLiteral("plan.update"), QStringLiteral("plan"), after.id,
               before->toJson(), after.toJson()))
        return false;
    return tx.commit(&err) || storageError(err);
}

std::optional<Plan> PlanService::plan(const Principal& actor, qint64 planId) const
{
    clearError();
    if (!requireAccount(actor))
        return std::nullopt;
    auto found = load(planId);
    if (!found)
        return std::nullopt;
    if (!checkApi(actor, found->apiId, false)) {
        notFound(msg::NoSuchPlan);
        return std::nullopt;
    }
    return found;
}

QList<Plan> PlanService::plans(const Principal& actor, qint64 apiId) const
{
    clearError();
    QList<Plan> result;
    if (!requireAccount(actor))
        return result;
    if (!checkApi(actor, apiId, false))
        return result;
    QString err;
    auto q = runSql(db(),
                    QStringLiteral("SELECT ") + planColumns +
                        QStringLiteral(" FROM plans WHERE api_id = ? ORDER BY name"),
                    {apiId}, &err);
    if (!q) {
        storageError(err);
        return result;
    }
    while (q->next())
        result.append(readPlan(*q));
    return result;
}

} // namespace gatehouse::app
