// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/request_subscription_dialog.h"

#include "ui/applications/form_error_label.h"
#include "ui/domain_message_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

RequestSubscriptionDialog::RequestSubscriptionDialog(const QString& applicationName,
                                                     QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("requestSubscriptionDialog"));
    setWindowTitle(tr("Request Subscription"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Which API should %1 call, and on which plan?").arg(applicationName), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_api = new QComboBox(this);
    m_api->setObjectName(QStringLiteral("subscriptionApi"));
    m_api->addItem(tr("Loading…"));
    m_api->setEnabled(false);
    m_api->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    form->addRow(tr("&API:"), m_api);
    m_plan = new QComboBox(this);
    m_plan->setObjectName(QStringLiteral("subscriptionPlan"));
    m_plan->setEnabled(false);
    m_plan->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    form->addRow(tr("&Plan:"), m_plan);
    layout->addLayout(form);

    m_planNote = new QLabel(this);
    m_planNote->setObjectName(QStringLiteral("planNote"));
    m_planNote->setWordWrap(true);
    // Room for the approval, rate and quota lines, so the dialog does not
    // jump as plans are chosen.
    m_planNote->setMinimumHeight(m_planNote->fontMetrics().lineSpacing() * 3);
    m_planNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_planNote);
    m_refusal = new FormErrorLabel(QStringLiteral("dialogError"), this);
    layout->addWidget(m_refusal);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Request"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RequestSubscriptionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_api, &QComboBox::currentIndexChanged, this, &RequestSubscriptionDialog::fillPlans);
    connect(m_plan, &QComboBox::currentIndexChanged, this,
            &RequestSubscriptionDialog::describePlan);
    resize(480, sizeHint().height());
}

void RequestSubscriptionDialog::setApis(const app::SubscribableApis& apis)
{
    m_loaded = true;
    m_apis = apis.apis;
    const QSignalBlocker blocker(m_api);
    m_api->clear();
    for (const app::SubscribableApi& api : m_apis)
        m_api->addItem(tr("%1 %2").arg(api.name, api.version), api.apiId);
    fillPlans();
    if (!apis.error.isEmpty())
        m_refusal->showError(
            tr("Cannot read the catalog: %1").arg(domainMessageText(apis.errorMessage)));
    else if (m_apis.isEmpty())
        m_planNote->setText(tr("No published API with a plan is visible to you yet."));
}

void RequestSubscriptionDialog::fillPlans()
{
    const QSignalBlocker blocker(m_plan);
    m_plan->clear();
    const int index = m_api->currentIndex();
    if (index >= 0 && index < m_apis.size()) {
        for (const app::Plan& plan : m_apis.at(index).plans)
            m_plan->addItem(plan.name, plan.id);
    }
    setBusy(m_busy);
    describePlan();
}

void RequestSubscriptionDialog::describePlan()
{
    m_refusal->clearError();
    const int apiIndex = m_api->currentIndex();
    const int planIndex = m_plan->currentIndex();
    if (apiIndex < 0 || apiIndex >= m_apis.size() || planIndex < 0 ||
        planIndex >= m_apis.at(apiIndex).plans.size()) {
        if (!m_apis.isEmpty())
            m_planNote->clear();
        return;
    }
    const app::Plan& plan = m_apis.at(apiIndex).plans.at(planIndex);
    QStringList lines;
    lines << (plan.approvalMode == app::ApprovalMode::Automatic
                  ? tr("Approved at once: the application's keys work right away.")
                  : tr("Needs an approval: the subscription waits until an approver decides."));
    const QLocale locale;
    if (plan.rateLimitPerMinute > 0)
        lines << tr("Rate limit: %1 requests a minute.")
                     .arg(locale.toString(plan.rateLimitPerMinute));
    if (plan.quotaPerMonth > 0)
        lines << tr("Quota: %1 requests a month.").arg(locale.toString(plan.quotaPerMonth));
    m_planNote->setText(lines.join(QLatin1Char('\n')));
}

qint64 RequestSubscriptionDialog::planId() const
{
    return m_plan->currentIndex() >= 0 ? m_plan->currentData().toLongLong() : 0;
}

QString RequestSubscriptionDialog::apiText() const
{
    return m_api->currentText();
}

QString RequestSubscriptionDialog::planText() const
{
    return m_plan->currentText();
}

QString RequestSubscriptionDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

bool RequestSubscriptionDialog::choose(const QString& apiName, const QString& planName)
{
    for (int i = 0; i < m_apis.size(); ++i) {
        if (m_apis.at(i).name != apiName)
            continue;
        m_api->setCurrentIndex(i);
        const int plan = m_plan->findText(planName);
        if (plan < 0)
            return false;
        m_plan->setCurrentIndex(plan);
        return true;
    }
    return false;
}

void RequestSubscriptionDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_api->setEnabled(!busy && m_api->count() > 0 && !m_apis.isEmpty());
    m_plan->setEnabled(!busy && m_plan->count() > 0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && m_loaded && planId() > 0);
}

void RequestSubscriptionDialog::showRefusal(const QString& text)
{
    setBusy(false);
    m_refusal->showError(text);
}

void RequestSubscriptionDialog::submit()
{
    if (planId() <= 0)
        return;
    m_refusal->clearError();
    setBusy(true);
    emit submitted();
}

} // namespace gatehouse::ui
