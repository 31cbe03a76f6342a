// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/settings_page.h"

#include "ui/console_settings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace gatehouse::ui {

SettingsPage::SettingsPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);

    auto* languageBox = new QGroupBox(tr("Interface"), this);
    auto* languageForm = new QFormLayout(languageBox);
    m_language = new QComboBox(languageBox);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const auto& choice : ConsoleSettings::languages())
        m_language->addItem(choice.displayName, choice.code);
    m_languageNote = new QLabel(languageBox);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);
    languageForm->addRow(tr("&Language:"), m_language);
    languageForm->addRow(QString(), m_languageNote);
    languageBox->setMaximumWidth(760);
    layout->addWidget(languageBox);

    auto* gateway = new QGroupBox(tr("Gateway defaults"), this);
    auto* gatewayForm = new QFormLayout(gateway);
    m_address = new QLineEdit(gateway);
    m_address->setObjectName(QStringLiteral("defaultAddressEdit"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_port = new QSpinBox(gateway);
    m_port->setObjectName(QStringLiteral("defaultPortSpinBox"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_threads = new QSpinBox(gateway);
    m_threads->setObjectName(QStringLiteral("defaultThreadsSpinBox"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(
        tr("One per core (%1)").arg(qMax(1, QThread::idealThreadCount())));
    auto* gatewayNote = new QLabel(
        tr("Used when Gatehouse starts, unless a configuration file or the command line says "
           "otherwise. To change the running gateway, use the Gateway page."),
        gateway);
    gatewayNote->setWordWrap(true);
    gatewayNote->setForegroundRole(QPalette::PlaceholderText);
    gatewayForm->addRow(tr("Listen &address:"), m_address);
    gatewayForm->addRow(tr("&Port:"), m_port);
    gatewayForm->addRow(tr("&Worker threads:"), m_threads);
    gatewayForm->addRow(QString(), gatewayNote);
    gateway->setMaximumWidth(760);
    layout->addWidget(gateway);
    layout->addStretch(1);

    load();
    m_startLanguage = ConsoleSettings::language();
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::saveLanguage);
    connect(m_address, &QLineEdit::editingFinished, this, &SettingsPage::saveGatewayDefaults);
    connect(m_port, &QSpinBox::valueChanged, this, &SettingsPage::saveGatewayDefaults);
    connect(m_threads, &QSpinBox::valueChanged, this, &SettingsPage::saveGatewayDefaults);
}

SettingsPage::~SettingsPage()
{
    // A field that loses the focus while the window goes away (QWidget's
    // destructor closes it) finishes its edit, and would call into a page
    // whose members are gone.
    for (QWidget* field : {static_cast<QWidget*>(m_address), static_cast<QWidget*>(m_port),
                           static_cast<QWidget*>(m_threads), static_cast<QWidget*>(m_language)})
        disconnect(field, nullptr, this, nullptr);
}

void SettingsPage::load()
{
    m_loading = true;
    const int index = m_language->findData(ConsoleSettings::language());
    m_language->setCurrentIndex(qMax(0, index));
    gateway::gateway_options options;
    ConsoleSettings::applyGatewayDefaults(options);
    m_address->setText(QString::fromStdString(options.listen_address));
    m_port->setValue(options.port);
    m_threads->setValue(static_cast<int>(options.threads));
    m_languageNote->setText(tr("The interface language changes the next time Gatehouse starts."));
    m_loading = false;
}

void SettingsPage::saveLanguage()
{
    if (m_loading)
        return;
    const QString code = m_language->currentData().toString();
    ConsoleSettings::setLanguage(code);
    m_languageNote->setText(code == m_startLanguage
                                ? tr("The interface language changes the next time Gatehouse "
                                     "starts.")
                                : tr("Restart Gatehouse to use the new language."));
}

void SettingsPage::saveGatewayDefaults()
{
    if (m_loading)
        return;
    ConsoleSettings::setGatewayDefaults(m_address->text(), static_cast<quint16>(m_port->value()),
                                        static_cast<unsigned>(m_threads->value()));
}

} // namespace gatehouse::ui
