// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/application_overview.h"
#include "app/domain/roles.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace gatehouse::app {
class CatalogService;
class SessionKeyWallet;
} // namespace gatehouse::app

namespace gatehouse::ui {

class ApiKeysModel;
class IssueKeyDialog;
class KeyRevealDialog;
class RequestSubscriptionDialog;
class SubscriptionsModel;

// One application in detail: its keys (issue, revoke) and its subscriptions
// (request, see their state and why, end). Reads and changes go through
// CatalogService; results are announced with message().
class ApplicationPanel : public QWidget {
    Q_OBJECT

public:
    ApplicationPanel(app::CatalogService* catalog, std::optional<app::Principal> actor,
                     QWidget* parent = nullptr);

    // Shows `summary` and reads its keys and subscriptions again; null
    // shows `note` instead.
    void showApplication(const app::ApplicationSummary* summary, const QString& note = {});
    qint64 applicationId() const { return m_app ? m_app->application.id : 0; }

    QTableView* keysView() const { return m_keysView; }
    QTableView* subscriptionsView() const { return m_subscriptionsView; }
    ApiKeysModel* keysModel() const { return m_keys; }
    SubscriptionsModel* subscriptionsModel() const { return m_subscriptions; }
    bool isBusy() const { return m_busy > 0; }
    // The dialogs while they are open (for the page's callers and tests).
    IssueKeyDialog* issueKeyDialog() const;
    KeyRevealDialog* keyRevealDialog() const;
    RequestSubscriptionDialog* requestDialog() const;

    static QString refusalText(app::DomainErrorCode code, const QString& message);

    // Acts as someone else from now on; shows nothing until the next
    // showApplication().
    void setActor(const app::Principal& actor);
    // Keys issued here are also kept in `wallet` (memory only), so Try It
    // can use them; not owned, may be null.
    void setKeyWallet(app::SessionKeyWallet* wallet);

public slots:
    void issueKey();          // asks for a label and an expiry
    void revokeSelectedKey(); // asks for confirmation
    void requestSubscription();
    void endSelectedSubscription(); // asks for confirmation

signals:
    void message(const QString& text, bool error);

private:
    QGroupBox* buildKeys();
    QGroupBox* buildSubscriptions();
    void loadDetail();
    void applyDetail(const app::ApplicationDetail& detail);
    void submitKey();
    void revokeKey(qint64 keyId, const QString& shownAs);
    void submitRequest();
    void endSubscription(qint64 subscriptionId, const QString& api);
    void runChange(std::function<app::ApplicationChange(app::CatalogStore&)> work,
                   const QString& subject, const QString& done, const QString& failed);
    void updateActions();

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_actor;
    std::optional<app::ApplicationSummary> m_app;
    QPointer<app::SessionKeyWallet> m_wallet;
    ApiKeysModel* m_keys = nullptr;
    SubscriptionsModel* m_subscriptions = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_facts = nullptr;
    QWidget* m_body = nullptr;
    QTableView* m_keysView = nullptr;
    QTableView* m_subscriptionsView = nullptr;
    QPushButton* m_issue = nullptr;
    QPushButton* m_revoke = nullptr;
    QPushButton* m_request = nullptr;
    QPushButton* m_end = nullptr;
    QPointer<IssueKeyDialog> m_issueDialog;
    QPointer<KeyRevealDialog> m_revealDialog;
    QPointer<RequestSubscriptionDialog> m_requestDialog;
    int m_busy = 0;
    quint64 m_generation = 0; // only the newest detail read is shown
};

} // namespace gatehouse::ui
