// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/approvals/approvals_page.h"

#include "app/catalog_service.h"
#include "ui/approvals/approval_details.h"
#include "ui/approvals/approvals_model.h"
#include "ui/approvals/reason_dialog.h"
#include "ui/domain_message_text.h"
#include "ui/text_fit.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
// Bursts of changes (a bulk decision announces one change per subscription)
// become one reload.
constexpr int ReloadDelayMs = 30;
} // namespace

ApprovalsPage::ApprovalsPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                             QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("approvalsPage"));
    m_inbox = new ApprovalsModel(app::ApprovalList::Pending, this);
    m_history = new ApprovalsModel(app::ApprovalList::History, this);

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Approvals"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);

    // For whoever may not decide: who does, and where their own requests are.
    m_roleNote = new QLabel(
        tr("Only admins and the owners of an API's team decide requests to subscribe to it. "
           "The requests of your applications, and their state, are on the Applications page."),
        this);
    m_roleNote->setObjectName(QStringLiteral("approvalsRoleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_roleNote->setStyleSheet(QStringLiteral("QLabel { padding: 6px; }"));
    m_roleNote->hide();
    layout->addWidget(m_roleNote);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("approvalsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_tabs = new QTabWidget(splitter);
    m_tabs->addTab(buildInboxTab(), tr("&Inbox"));
    m_tabs->addTab(buildHistoryTab(), tr("His&tory"));
    m_details = new ApprovalDetails(splitter);
    m_details->setAccessibleName(tr("Details of the selected subscription"));
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({900, 340});
    layout->addWidget(splitter, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateActions();
        updateDetails();
    });

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &ApprovalsPage::reload);

    if (!m_catalog || !m_actor) {
        showMessage(tr("Approvals are unavailable: the catalog is not open, or your account "
                       "has no access to it."),
                    true);
    } else {
        connectCatalog();
        reload();
    }
    updateActions();
}

void ApprovalsPage::setActor(const app::Principal& actor)
{
    if (!m_catalog)
        return;
    const bool hadActor = m_actor.has_value();
    m_actor = actor;
    if (!hadActor)
        connectCatalog();
    showMessage({}, false);
    reload();
    updateActions();
}

void ApprovalsPage::connectCatalog()
{
    connect(m_catalog, &app::CatalogService::catalogChanged, this, &ApprovalsPage::scheduleReload);
    connect(m_catalog, &app::CatalogService::pendingApprovalsChanged, this,
            &ApprovalsPage::scheduleReload);
}

QWidget* ApprovalsPage::buildInboxTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    m_inboxView = createView(m_inbox, QStringLiteral("inboxView"));
    m_inboxView->setAccessibleName(tr("Pending subscription requests"));
    layout->addWidget(m_inboxView, 1);
    auto* buttons = new QHBoxLayout;
    m_approve = new QPushButton(tr("&Approve"), tab);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setToolTip(tr("Approve the selected requests (Ctrl+Return)"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_reject = new QPushButton(tr("&Reject…"), tab);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setToolTip(tr("Reject the selected requests with a reason"));
    buttons->addStretch(1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    layout->addLayout(buttons);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPage::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsPage::rejectSelected);
    return tab;
}

QWidget* ApprovalsPage::buildHistoryTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    m_historyView = createView(m_history, QStringLiteral("historyView"));
    m_historyView->setAccessibleName(tr("Decided subscriptions"));
    // When it was requested is in the details; the list is about decisions.
    m_historyView->setColumnHidden(ApprovalsModel::RequestedAt, true);
    layout->addWidget(m_historyView, 1);
    auto* buttons = new QHBoxLayout;
    m_suspend = new QPushButton(tr("&Suspend…"), tab);
    m_suspend->setObjectName(QStringLiteral("suspendButton"));
    m_resume = new QPushButton(tr("Res&ume"), tab);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_revoke = new QPushButton(tr("Rev&oke…"), tab);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    buttons->addStretch(1);
    buttons->addWidget(m_suspend);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_revoke);
    layout->addLayout(buttons);
    connect(m_suspend, &QPushButton::clicked, this, &ApprovalsPage::suspendSelected);
    connect(m_resume, &QPushButton::clicked, this, &ApprovalsPage::resumeSelected);
    connect(m_revoke, &QPushButton::clicked, this, &ApprovalsPage::revokeSelected);
    // Delete in the history: the destructive action of the tab, Revoke, as
    // its button (with the same reason asked first), and only where that
    // button may act; on a selection nothing can revoke, it does nothing.
    auto* remove = new QShortcut(QKeySequence::Delete, m_historyView);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (m_revoke->isVisible() && m_revoke->isEnabled())
            revokeSelected();
    });
    return tab;
}

QTableView* ApprovalsPage::createView(ApprovalsModel* model, const QString& name)
{
    auto* view = new QTableView;
    view->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    // Columns fit their contents; the last one (the approval mode, or the
    // reason) takes the rest and elides, its full text in the tool tip.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A narrow page scrolls sideways rather than squeeze the last label.
    keepLastSectionLabel(view->horizontalHeader());
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    return view;
}

QString ApprovalsPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ApprovalsPage::scheduleReload()
{
    m_reloadTimer->start();
}

void ApprovalsPage::reload()
{
    if (!m_catalog || !m_actor)
        return;
    load(app::ApprovalList::Pending);
    load(app::ApprovalList::History);
}

void ApprovalsPage::load(app::ApprovalList list)
{
    const int slot = list == app::ApprovalList::Pending ? 0 : 1;
    const quint64 generation = ++m_generation[slot];
    const app::Principal actor = *m_actor;
    m_catalog->run(
        this,
        [actor, list](app::CatalogStore& store) { return app::loadApprovals(store, actor, list); },
        [this, slot, generation, list](const app::ApprovalListing& listing) {
            if (generation != m_generation[slot])
                return; // a newer load is on its way
            ++m_loads;
            if (list == app::ApprovalList::Pending)
                applyListing(m_inbox, m_inboxView, listing);
            else
                applyListing(m_history, m_historyView, listing);
        });
}

void ApprovalsPage::applyListing(ApprovalsModel* model, QTableView* view,
                                 const app::ApprovalListing& listing)
{
    if (!listing.error.isEmpty()) {
        showMessage(
            tr("Cannot read the approvals: %1").arg(domainMessageText(listing.errorMessage)), true);
        return;
    }
    setMayDecide(listing.mayDecide);
    const QList<qint64> selected = selectedIds(view);
    const QSet<qint64> keep(selected.cbegin(), selected.cend());
    model->setItems(listing.items);
    QItemSelection selection;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (keep.contains(model->item(row)->subscriptionId))
            selection.select(model->index(row, 0), model->index(row, model->columnCount() - 1));
    }
    view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (model == m_inbox) {
        m_tabs->setTabText(0, listing.items.isEmpty()
                                  ? tr("&Inbox")
                                  : tr("&Inbox (%1)").arg(listing.items.size()));
        emit inboxCountChanged(static_cast<int>(listing.items.size()));
    }
    updateActions();
    updateDetails();
}

QList<qint64> ApprovalsPage::selectedIds(QTableView* view) const
{
    QList<qint64> ids;
    const auto* model = static_cast<const ApprovalsModel*>(view->model());
    for (const QModelIndex& index : view->selectionModel()->selectedRows()) {
        if (const auto* it = model->item(index.row()))
            ids.append(it->subscriptionId);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void ApprovalsPage::approveSelected()
{
    const QList<qint64> ids = selectedIds(m_inboxView);
    if (!ids.isEmpty())
        decide(ids, app::ApprovalDecision::Approve, {});
}

void ApprovalsPage::rejectSelected()
{
    askReason(m_inboxView, app::ApprovalDecision::Reject, tr("Reject Requests"),
              tr("Why are the selected requests rejected? The requester sees the reason."),
              tr("Reject"));
}

void ApprovalsPage::suspendSelected()
{
    askReason(m_historyView, app::ApprovalDecision::Suspend, tr("Suspend Subscriptions"),
              tr("Why are the selected subscriptions suspended? Their calls are refused until "
                 "they are resumed."),
              tr("Suspend"));
}

void ApprovalsPage::resumeSelected()
{
    const QList<qint64> ids = selectedIds(m_historyView);
    if (!ids.isEmpty())
        decide(ids, app::ApprovalDecision::Resume, {});
}

void ApprovalsPage::revokeSelected()
{
    askReason(m_historyView, app::ApprovalDecision::Revoke, tr("Revoke Subscriptions"),
              tr("Why are the selected subscriptions revoked? This cannot be undone."),
              tr("Revoke"));
}

void ApprovalsPage::askReason(QTableView* view, app::ApprovalDecision decision,
                              const QString& title, const QString& prompt, const QString& okText)
{
    const QList<qint64> ids = selectedIds(view);
    if (ids.isEmpty())
        return;
    // open(), not exec(): no nested event loop while the dialog is up.
    auto* dialog = new ReasonDialog(title, prompt, okText, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, ids, decision] { decide(ids, decision, dialog->reason()); });
    dialog->open();
}

void ApprovalsPage::decide(const QList<qint64>& ids, app::ApprovalDecision decision,
                           const QString& reason)
{
    if (!m_catalog || !m_actor)
        return;
    ++m_busy;
    updateActions();
    const app::Principal actor = *m_actor;
    m_catalog->mutate(
        this,
        [actor, ids, decision, reason](app::CatalogStore& store) {
            return app::decideSubscriptions(store, actor, ids, decision, reason);
        },
        [this](const QList<app::DecisionOutcome>& outcomes) {
            --m_busy;
            showOutcomes(outcomes);
            updateActions();
            scheduleReload();
        });
}

QString ApprovalsPage::errorText(app::DomainErrorCode code)
{
    switch (code) {
    case app::DomainErrorCode::Forbidden:
        return tr("permission denied");
    case app::DomainErrorCode::NotFound:
        return tr("no longer exists or is not visible to you");
    case app::DomainErrorCode::Conflict:
        return tr("not possible in its current state");
    case app::DomainErrorCode::Invalid:
        return tr("invalid request");
    case app::DomainErrorCode::Storage:
        return tr("the catalog could not be written");
    case app::DomainErrorCode::None:
        break;
    }
    return tr("failed");
}

void ApprovalsPage::showOutcomes(const QList<app::DecisionOutcome>& outcomes)
{
    QStringList failures;
    int succeeded = 0;
    for (const auto& outcome : outcomes) {
        if (outcome.ok)
            ++succeeded;
        else
            failures.append(
                tr("#%1: %2 (%3)")
                    .arg(outcome.subscriptionId)
                    .arg(errorText(outcome.errorCode), domainMessageText(outcome.errorMessage)));
    }
    if (failures.isEmpty())
        showMessage(tr("Subscriptions updated: %1.").arg(succeeded), false);
    else
        showMessage(
            tr("Updated: %1. Refused: %2.").arg(succeeded).arg(failures.join(QStringLiteral("; "))),
            true);
    emit decided(succeeded, int(failures.size()));
}

void ApprovalsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: palette(bright-text);"
                                                    " background: #b3261e; padding: 6px; }")
                                   : QStringLiteral("QLabel { padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

void ApprovalsPage::setMayDecide(bool mayDecide)
{
    if (mayDecide == m_mayDecide)
        return;
    m_mayDecide = mayDecide;
    m_roleNote->setVisible(!mayDecide);
    updateActions();
    emit mayDecideChanged(mayDecide);
}

void ApprovalsPage::updateActions()
{
    // No buttons that could never act: whoever may not decide sees none.
    for (QPushButton* button : {m_approve, m_reject, m_suspend, m_resume, m_revoke})
        button->setVisible(m_mayDecide);
    const bool ready = m_catalog && m_actor && m_busy == 0;
    const bool inboxSelection = !m_inboxView->selectionModel()->selectedRows().isEmpty();
    m_approve->setEnabled(ready && inboxSelection);
    m_reject->setEnabled(ready && inboxSelection);

    bool canSuspend = false, canResume = false, canRevoke = false;
    for (const QModelIndex& index : m_historyView->selectionModel()->selectedRows()) {
        const auto* it = m_history->item(index.row());
        if (!it)
            continue;
        using S = app::SubscriptionState;
        canSuspend |= app::SubscriptionService::isLegal(it->state, S::Suspended);
        canResume |= it->state == S::Suspended;
        canRevoke |= app::SubscriptionService::isLegal(it->state, S::Revoked);
    }
    m_suspend->setEnabled(ready && canSuspend);
    m_resume->setEnabled(ready && canResume);
    m_revoke->setEnabled(ready && canRevoke);
}

void ApprovalsPage::updateDetails()
{
    QTableView* view = m_tabs->currentIndex() == 0 ? m_inboxView : m_historyView;
    const auto* model = static_cast<const ApprovalsModel*>(view->model());
    if (model->rowCount() == 0) {
        m_details->showNote(model == m_inbox ? tr("No requests are waiting for a decision.")
                                             : tr("Nothing has been decided yet."));
        return;
    }
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    m_details->showItem(rows.size() == 1 ? model->item(rows.first().row()) : nullptr,
                        int(rows.size()));
}

} // namespace gatehouse::ui
