// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gatehouse::ui {

// Interface language and gateway defaults, saved with QSettings as they are
// edited. The language is applied at the next start: a live switch would
// have to re-translate every page, chart title and legend, and a half
// re-translated console is worse than one restart.
class SettingsPage : public QWidget {
    Q_OBJECT

public:
    explicit SettingsPage(QWidget* parent = nullptr);
    ~SettingsPage() override;

    // Re-reads what is stored (e.g. after the gateway page changed nothing).
    void load();

private:
    void saveLanguage();
    void saveGatewayDefaults();

    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QLineEdit* m_address = nullptr;
    QSpinBox* m_port = nullptr;
    QSpinBox* m_threads = nullptr;
    QString m_startLanguage;
    bool m_loading = false;
};

} // namespace gatehouse::ui
