// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_snapshot.h"
#include "app/gateway_controller.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gatehouse::ui {

// The cache's settings (budget, eviction policy) and its purge actions: by
// the selected API, by path prefix, by tag, everything. Every action asks
// for confirmation, saying what will happen, then runs on the controller's
// cache worker (never on the GUI thread) and reports its result, e.g.
// "Purged 12 objects.". One action at a time.
class CacheActionsPanel : public QWidget {
    Q_OBJECT

public:
    // Returns true to go ahead. The default asks with a QMessageBox; tests
    // replace it.
    using Confirmation = std::function<bool(const QString& title, const QString& question)>;

    explicit CacheActionsPanel(app::GatewayController* controller, QWidget* parent = nullptr);
    ~CacheActionsPanel() override; // waits for an action under way

    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    // The latest snapshot: counts for the questions, and the settings shown
    // while the user has not edited them.
    void setSnapshot(const app::CacheSnapshot& snapshot);
    // The API the purge-API action applies to; empty key: none selected.
    void setSelectedApi(const QString& apiKey, const QString& displayName);

    // From the start of an action until its result is shown.
    bool busy() const { return m_action != Action::None; }
    QString resultText() const;

public slots:
    void purgeSelectedApi();
    void purgePrefix();
    void purgeTag();
    void purgeEverything();
    void applySettings();

signals:
    // An action finished (the cache changed): refresh now.
    void actionFinished(bool ok);

private:
    enum class Action { None, Purge, Settings };
    void buildUi();
    void run(Action action, QFuture<app::CachePurgeResult> job);
    void onJobFinished();
    void showResult(const QString& text, bool ok);
    void updateButtons();
    quint64 budgetFromFields() const;
    app::CacheEviction evictionFromFields() const;

    app::GatewayController* m_controller;
    Confirmation m_confirm;
    app::CacheSnapshot m_snapshot;
    bool m_haveSnapshot = false;
    QString m_selectedKey;
    QString m_selectedName;
    Action m_action = Action::None;
    QFutureWatcher<app::CachePurgeResult> m_job;

    QSpinBox* m_budget = nullptr;
    QComboBox* m_eviction = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_purgeApi = nullptr;
    QLineEdit* m_prefix = nullptr;
    QPushButton* m_purgePrefix = nullptr;
    QLineEdit* m_tag = nullptr;
    QPushButton* m_purgeTag = nullptr;
    QPushButton* m_purgeAll = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace gatehouse::ui
