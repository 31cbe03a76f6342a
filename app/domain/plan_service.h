// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/access_policy.h"
#include "app/domain/domain_service.h"

#include <QList>

#include <optional>

namespace gatehouse::app {

enum class ApprovalMode { Automatic, Manual };
QString toString(ApprovalMode mode);
std::optional<ApprovalMode> approvalModeFromString(const QString& text);

// A plan of one API: how subscriptions to it are approved, and the limits a
// later issue enforces in the gateway (0 = unlimited).
struct Plan {
    qint64 id = 0;
    qint64 apiId = 0;
    QString name;
    ApprovalMode approvalMode = ApprovalMode::Manual;
    qint64 rateLimitPerMinute = 0;
    qint64 quotaPerMonth = 0;
    qint64 createdAt = 0;
    QJsonObject toJson() const;
};

// Plans are edited by whoever may edit their API; seen by whoever sees it.
class PlanService : public DomainService {
public:
    explicit PlanService(const Database& database);

    std::optional<Plan> createPlan(const Principal& actor, const Plan& plan);
    bool updatePlan(const Principal& actor, const Plan& plan);
    std::optional<Plan> plan(const Principal& actor, qint64 planId) const;
    QList<Plan> plans(const Principal& actor, qint64 apiId) const;

private:
    bool checkApi(const Principal& actor, qint64 apiId, bool edit) const;
    std::optional<Plan> load(qint64 planId) const;

    AccessPolicy m_policy;
};

} // namespace gatehouse::app
