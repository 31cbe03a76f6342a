// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/approval_inbox.h"
#include "app/domain/roles.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;
class QTimer;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

class ApprovalDetails;
class ApprovalsModel;
class ReasonDialog;

// The approvals inbox: pending subscription requests the acting user may
// decide (approve, or reject with a reason, one or several at once), and the
// history of decided ones (suspend, resume, revoke). Everything is read and
// changed through CatalogService on its storage thread; the page only shows
// results as they come back and reloads when the catalog announces a change.
class ApprovalsPage : public QWidget {
    Q_OBJECT

public:
    // `catalog` is not owned and must outlive the page. Without an actor
    // (a catalog in which the OS user has no account) the page stays empty
    // and says why.
    ApprovalsPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                  QWidget* parent = nullptr);

    QTableView* inboxView() const { return m_inboxView; }
    QTableView* historyView() const { return m_historyView; }
    ApprovalsModel* inboxModel() const { return m_inbox; }
    ApprovalsModel* historyModel() const { return m_history; }
    QTabWidget* tabs() const { return m_tabs; }
    QString message() const;
    bool isBusy() const { return m_busy > 0; }
    int loadCount() const { return m_loads; } // listings read so far (inbox and history)
    // Whether the actor decides requests at all (an admin or a team owner),
    // as the last listing said; true until one has said otherwise. When not,
    // the page says who decides and shows no decision buttons.
    bool mayDecide() const { return m_mayDecide; }

public slots:
    // Acts as someone else from now on (the console's "view as" demo).
    void setActor(const gatehouse::app::Principal& actor);
    void reload();
    void approveSelected();
    void rejectSelected();  // asks for a reason first
    void suspendSelected(); // history; asks for a reason
    void resumeSelected();  // history
    void revokeSelected();  // history; asks for a reason

signals:
    // After each decision round trip, with how many succeeded and failed.
    void decided(int succeeded, int failed);
    // The number of requests in the inbox: what this actor may decide.
    void inboxCountChanged(int count);
    // The actor's right to decide requests changed (see mayDecide()).
    void mayDecideChanged(bool mayDecide);

private:
    QWidget* buildInboxTab();
    QWidget* buildHistoryTab();
    QTableView* createView(ApprovalsModel* model, const QString& name);
    void scheduleReload();
    void connectCatalog();
    void load(app::ApprovalList list);
    void applyListing(ApprovalsModel* model, QTableView* view, const app::ApprovalListing& listing);
    QList<qint64> selectedIds(QTableView* view) const;
    void askReason(QTableView* view, app::ApprovalDecision decision, const QString& title,
                   const QString& prompt, const QString& okText);
    void decide(const QList<qint64>& ids, app::ApprovalDecision decision, const QString& reason);
    void showOutcomes(const QList<app::DecisionOutcome>& outcomes);
    static QString errorText(app::DomainErrorCode code);
    void showMessage(const QString& text, bool error);
    void updateActions();
    void updateDetails();
    void setMayDecide(bool mayDecide);

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_actor;
    ApprovalsModel* m_inbox = nullptr;
    ApprovalsModel* m_history = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_inboxView = nullptr;
    QTableView* m_historyView = nullptr;
    ApprovalDetails* m_details = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_roleNote = nullptr; // who decides, for those who do not
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_suspend = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_revoke = nullptr;
    QTimer* m_reloadTimer = nullptr;
    int m_busy = 0;               // decisions in flight
    quint64 m_generation[2] = {}; // per list: only the newest load is shown
    int m_loads = 0;
    bool m_mayDecide = true;
};

} // namespace gatehouse::ui
