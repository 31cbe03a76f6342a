// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/issue_key_dialog.h"

#include "ui/applications/form_error_label.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
constexpr int DefaultLifetimeDays = 90;
}

IssueKeyDialog::IssueKeyDialog(const QString& applicationName, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("issueKeyDialog"));
    setWindowTitle(tr("Issue API Key"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("A new key for %1. It is shown once, right after it is issued.").arg(applicationName),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("keyLabel"));
    m_label->setPlaceholderText(tr("Optional, e.g. CI or production"));
    form->addRow(tr("&Label:"), m_label);

    m_expires = new QCheckBox(tr("&Expires at the end of"), this);
    m_expires->setObjectName(QStringLiteral("keyExpires"));
    m_date = new QDateEdit(QDate::currentDate().addDays(DefaultLifetimeDays), this);
    m_date->setObjectName(QStringLiteral("keyExpiryDate"));
    m_date->setCalendarPopup(true);
    m_date->setEnabled(false);
    m_expiryError = new FormErrorLabel(QStringLiteral("expiryError"), this);
    auto* expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_date, 1);
    auto* expiryField = new QVBoxLayout;
    expiryField->setSpacing(2);
    expiryField->addLayout(expiryRow);
    expiryField->addWidget(m_expiryError);
    form->addRow(tr("Expiry:"), expiryField);
    layout->addLayout(form);

    m_refusal = new FormErrorLabel(QStringLiteral("dialogError"), this);
    layout->addWidget(m_refusal);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Issue Key"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IssueKeyDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_expires, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    connect(m_expires, &QCheckBox::toggled, m_expiryError, &FormErrorLabel::clearError);
    connect(m_date, &QDateEdit::dateChanged, m_expiryError, &FormErrorLabel::clearError);
    resize(460, sizeHint().height());
}

QString IssueKeyDialog::label() const
{
    return m_label->text().trimmed();
}

bool IssueKeyDialog::expires() const
{
    return m_expires->isChecked();
}

QDate IssueKeyDialog::expiryDate() const
{
    return m_date->date();
}

qint64 IssueKeyDialog::expiresAt() const
{
    if (!expires())
        return 0;
    return expiryDate().addDays(1).startOfDay().toMSecsSinceEpoch();
}

QString IssueKeyDialog::expiryError() const
{
    return m_expiryError->isHidden() ? QString() : m_expiryError->text();
}

QString IssueKeyDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

void IssueKeyDialog::setExpiry(const QDate& date)
{
    m_expires->setChecked(date.isValid());
    if (date.isValid())
        m_date->setDate(date);
}

void IssueKeyDialog::setBusy(bool busy)
{
    m_label->setEnabled(!busy);
    m_expires->setEnabled(!busy);
    m_date->setEnabled(!busy && expires());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void IssueKeyDialog::showRefusal(const QString& text)
{
    setBusy(false);
    m_refusal->showError(text);
}

void IssueKeyDialog::submit()
{
    m_refusal->clearError();
    if (expires() && expiryDate() < QDate::currentDate()) {
        m_expiryError->showError(tr("Choose today or a later date."));
        m_date->setFocus();
        return;
    }
    m_expiryError->clearError();
    setBusy(true);
    emit submitted();
}

} // namespace gatehouse::ui
