// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/approvals/reason_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace gatehouse::ui {

ReasonDialog::ReasonDialog(const QString& title, const QString& prompt, const QString& okText,
                           QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reasonDialog"));
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* question = new QLabel(prompt, this);
    question->setObjectName(QStringLiteral("reasonPrompt"));
    question->setWordWrap(true);
    layout->addWidget(question);
    // A label of its own: Alt+R leads back to the field from the buttons,
    // whatever the question's words.
    auto* label = new QLabel(tr("&Reason:"), this);
    layout->addWidget(label);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setTabChangesFocus(true);
    label->setBuddy(m_reason);
    layout->addWidget(m_reason);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ReasonDialog::updateOk);
    updateOk();
    resize(420, 220);
}

QString ReasonDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void ReasonDialog::setReason(const QString& reason)
{
    m_reason->setPlainText(reason);
}

void ReasonDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    // The narrower the dialog, the more lines the question needs; Qt does
    // not raise a window's minimum height for that, so a dialog made small
    // would cut it off (sooner in German and Chinese).
    setMinimumHeight(layout()->totalHeightForWidth(width()));
}

void ReasonDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!reason().isEmpty());
}

} // namespace gatehouse::ui
