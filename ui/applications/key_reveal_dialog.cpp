// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/key_reveal_dialog.h"

#include "ui/status_colors.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

KeyRevealDialog::KeyRevealDialog(const QString& applicationName, const QString& key,
                                 QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("keyRevealDialog"));
    setWindowTitle(tr("New API Key"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(tr("The new key of %1:").arg(applicationName), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto* keyRow = new QHBoxLayout;
    m_key = new QLineEdit(key, this);
    m_key->setObjectName(QStringLiteral("revealedKey"));
    m_key->setReadOnly(true);
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setAccessibleName(tr("API key"));
    m_key->setMinimumWidth(m_key->fontMetrics().horizontalAdvance(key) + 24);
    m_key->setCursorPosition(0);
    heading->setBuddy(m_key);
    keyRow->addWidget(m_key, 1);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyKeyButton"));
    m_copy->setToolTip(tr("Copy the key to the clipboard"));
    keyRow->addWidget(m_copy);
    layout->addLayout(keyRow);

    m_copyState = new QLabel(this);
    m_copyState->setObjectName(QStringLiteral("copyState"));
    layout->addWidget(m_copyState);

    auto* warningRow = new QHBoxLayout;
    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()
                        ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    warningRow->addWidget(icon);
    auto* warning = new QLabel(tr("<b>Copy the key now: it will not be shown again.</b> "
                                  "Gatehouse keeps only a fingerprint of it. If the key is "
                                  "lost, issue a new one and revoke this one."),
                               this);
    warning->setObjectName(QStringLiteral("keyWarning"));
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::RichText);
    warningRow->addWidget(warning, 1);
    layout->addLayout(warningRow);

    auto* usage = new QLabel(tr("Clients send it in the <code>X-API-Key</code> header."), this);
    usage->setTextFormat(Qt::RichText);
    layout->addWidget(usage);
    // The console keeps it in memory for Try It (SessionKeyWallet).
    auto* tryIt = new QLabel(tr("Until you quit the console, Try It in the Catalog can send "
                                "requests with this key."),
                             this);
    tryIt->setObjectName(QStringLiteral("keyTryItNote"));
    tryIt->setWordWrap(true);
    layout->addWidget(tryIt);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Done"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_copy, &QPushButton::clicked, this, &KeyRevealDialog::copyKey);
    m_copy->setDefault(true);
    m_copy->setFocus();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

QString KeyRevealDialog::key() const
{
    return m_key->text();
}

void KeyRevealDialog::copyKey()
{
    if (m_key->text().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_key->text());
    m_copied = true;
    QPalette p = m_copyState->palette();
    p.setColor(QPalette::WindowText, StatusColors::good());
    m_copyState->setPalette(p);
    m_copyState->setText(tr("Copied to the clipboard."));
}

void KeyRevealDialog::done(int result)
{
    // The key leaves the console with the dialog.
    m_key->clear();
    QDialog::done(result);
}

void KeyRevealDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    // The narrower the dialog, the more lines its wrapped text needs; Qt
    // does not raise a window's minimum height for that, so a dialog made
    // small would cut the warning off (sooner in German).
    setMinimumHeight(layout()->totalHeightForWidth(width()));
}

} // namespace gatehouse::ui
