// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/approvals/approval_details.h"

#include "ui/approvals/approvals_model.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace gatehouse::ui {

ApprovalDetails::ApprovalDetails(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("approvalDetails"));
    setMinimumWidth(300);
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("detailsHeading"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_fields = new QWidget(this);
    m_form = new QFormLayout(m_fields);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_requestedBy = addRow(tr("Requested by:"));
    m_application = addRow(tr("Application:"));
    m_api = addRow(tr("API:"));
    m_plan = addRow(tr("Plan:"));
    m_limits = addRow(tr("Limits:"));
    m_requestedAt = addRow(tr("Requested:"));
    m_state = addRow(tr("State:"));
    m_decided = addRow(tr("Decided:"));
    m_reason = addRow(tr("Reason:"));
    m_reason->setObjectName(QStringLiteral("detailsReason"));
    layout->addWidget(m_fields);
    layout->addStretch(1);
    showItem(nullptr, 0);
}

void ApprovalDetails::showNote(const QString& note)
{
    m_fields->setVisible(false);
    m_heading->setText(note);
}

QLabel* ApprovalDetails::addRow(const QString& label)
{
    auto* value = new QLabel(m_fields);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void ApprovalDetails::showItem(const app::ApprovalItem* item, int selectedCount)
{
    m_fields->setVisible(item && selectedCount == 1);
    if (!item || selectedCount != 1) {
        m_heading->setText(selectedCount > 1 ? tr("%1 requests selected.").arg(selectedCount)
                                             : tr("Select a request to see its details."));
        return;
    }
    m_heading->setText(tr("Subscription #%1").arg(item->subscriptionId));
    m_requestedBy->setText(ApprovalsModel::requesterText(*item));
    m_application->setText(item->application);
    m_api->setText(item->apiTeam.isEmpty()
                       ? tr("%1 %2").arg(item->api, item->apiVersion)
                       : tr("%1 %2 (team %3)").arg(item->api, item->apiVersion, item->apiTeam));
    m_plan->setText(
        tr("%1, %2 approval").arg(item->plan, ApprovalsModel::modeText(item->approvalMode)));
    const QLocale locale;
    const QString rate =
        item->rateLimitPerMinute > 0
            ? tr("%1 requests per minute").arg(locale.toString(item->rateLimitPerMinute))
            : tr("no rate limit");
    const QString quota =
        item->quotaPerMonth > 0
            ? tr("%1 requests per month").arg(locale.toString(item->quotaPerMonth))
            : tr("no monthly quota");
    m_limits->setText(tr("%1; %2").arg(rate, quota));
    m_requestedAt->setText(ApprovalsModel::dateTimeText(item->requestedAt));
    m_state->setText(ApprovalsModel::stateText(item->state));
    const bool decided = item->state != app::SubscriptionState::Pending;
    m_decided->setText(
        decided ? tr("%1 by %2").arg(ApprovalsModel::dateTimeText(item->decidedAt), item->decidedBy)
                : QString());
    m_reason->setText(item->reason);
    m_form->setRowVisible(m_decided, decided);
    m_form->setRowVisible(m_reason, !item->reason.isEmpty());
}

} // namespace gatehouse::ui
