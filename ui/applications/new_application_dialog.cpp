// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/new_application_dialog.h"

#include "ui/applications/form_error_label.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

NewApplicationDialog::NewApplicationDialog(const QString& actorName, const QList<app::Team>& teams,
                                           QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newApplicationDialog"));
    setWindowTitle(tr("New Application"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("An application calls APIs with its own keys and "
                                "subscriptions."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("applicationName"));
    m_name->setPlaceholderText(tr("e.g. Mobile shop"));
    m_nameError = new FormErrorLabel(QStringLiteral("nameError"), this);
    auto* nameField = new QVBoxLayout;
    nameField->setSpacing(2);
    nameField->addWidget(m_name);
    nameField->addWidget(m_nameError);
    form->addRow(tr("&Name:"), nameField);
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(nameField)))
        label->setBuddy(m_name);

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("applicationDescription"));
    m_description->setPlaceholderText(tr("Optional"));
    form->addRow(tr("&Description:"), m_description);

    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("applicationOwner"));
    m_owner->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_owner->addItem(tr("Me (%1)").arg(actorName), qint64(0));
    for (const app::Team& team : teams)
        m_owner->addItem(tr("Team %1").arg(team.name), team.id);
    m_owner->setToolTip(tr("A team's applications are managed by every member of the team."));
    form->addRow(tr("&Owner:"), m_owner);
    layout->addLayout(form);

    m_refusal = new FormErrorLabel(QStringLiteral("dialogError"), this);
    layout->addWidget(m_refusal);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewApplicationDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &FormErrorLabel::clearError);
    resize(440, sizeHint().height());
}

QString NewApplicationDialog::name() const
{
    return m_name->text().trimmed();
}

QString NewApplicationDialog::description() const
{
    return m_description->text().trimmed();
}

qint64 NewApplicationDialog::ownerTeamId() const
{
    return m_owner->currentData().toLongLong();
}

QString NewApplicationDialog::nameError() const
{
    return m_nameError->isHidden() ? QString() : m_nameError->text();
}

QString NewApplicationDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

void NewApplicationDialog::setName(const QString& name)
{
    m_name->setText(name);
}

void NewApplicationDialog::setBusy(bool busy)
{
    m_name->setEnabled(!busy);
    m_description->setEnabled(!busy);
    m_owner->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void NewApplicationDialog::showRefusal(const QString& text)
{
    setBusy(false);
    m_refusal->showError(text);
}

void NewApplicationDialog::submit()
{
    m_refusal->clearError();
    if (name().isEmpty()) {
        m_nameError->showError(tr("Enter a name for the application."));
        m_name->setFocus();
        return;
    }
    if (name().size() > MaxNameLength) {
        m_nameError->showError(tr("Use at most %1 characters.").arg(MaxNameLength));
        m_name->setFocus();
        return;
    }
    m_nameError->clearError();
    setBusy(true);
    emit submitted();
}

} // namespace gatehouse::ui
