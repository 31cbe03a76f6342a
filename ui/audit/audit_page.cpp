// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/audit/audit_page.h"

#include "app/catalog_service.h"
#include "ui/audit/audit_diff_view.h"
#include "ui/audit/audit_model.h"
#include "ui/domain_message_text.h"
#include "ui/teams/role_text.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
constexpr int ReloadDelayMs = 30;
// The actions and object types offered as filters come from this many of
// the newest entries.
constexpr int ChoicesSample = 1000;
} // namespace

struct AuditPage::Listing {
    bool ok = false;
    app::DomainErrorCode code = app::DomainErrorCode::None;
    app::DomainMessage error;
    QList<app::AuditEntry> entries;
    QList<QPair<qint64, QString>> actors; // everyone who may have acted
    QStringList actions;
    QStringList objectTypes;
};

AuditPage::AuditPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                     QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_principal(std::move(actor))
{
    setObjectName(QStringLiteral("auditPage"));
    m_model = new AuditModel(this);
    auto* layout = new QVBoxLayout(this);

    auto* filters = new QHBoxLayout;
    auto addFilter = [&](const QString& label, const QString& name) {
        auto* text = new QLabel(label, this);
        auto* combo = new QComboBox(this);
        combo->setObjectName(name);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        text->setBuddy(combo);
        filters->addWidget(text);
        filters->addWidget(combo);
        connect(combo, &QComboBox::activated, this, &AuditPage::scheduleReload);
        return combo;
    };
    m_actor = addFilter(tr("A&ctor:"), QStringLiteral("auditActorFilter"));
    m_action = addFilter(tr("&Action:"), QStringLiteral("auditActionFilter"));
    m_objectType = addFilter(tr("O&bject:"), QStringLiteral("auditObjectTypeFilter"));
    m_time = addFilter(tr("T&ime:"), QStringLiteral("auditTimeFilter"));
    // Find, as on the other pages with a list to search: the first filter,
    // from anywhere in the window while the log shows.
    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WindowShortcut);
    connect(find, &QShortcut::activated, this,
            [this] { m_actor->setFocus(Qt::ShortcutFocusReason); });
    m_actor->addItem(tr("Anyone"), 0);
    m_action->addItem(tr("Any action"), QString());
    m_objectType->addItem(tr("Any object"), QString());
    m_time->addItem(tr("Any time"), AnyTime);
    m_time->addItem(tr("Last hour"), LastHour);
    m_time->addItem(tr("Last 24 hours"), LastDay);
    m_time->addItem(tr("Last 7 days"), LastWeek);
    m_time->addItem(tr("Last 30 days"), LastMonth);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new QTableView(splitter);
    m_view->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setAccessibleName(tr("Audit log entries"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_details = new AuditDiffView(splitter);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AuditPage::updateDetails);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &AuditPage::reload);
    if (m_catalog) {
        connect(m_catalog, &app::CatalogService::catalogChanged, this, &AuditPage::scheduleReload);
        // Also announced when the catalog sync notices a change made elsewhere.
        connect(m_catalog, &app::CatalogService::pendingApprovalsChanged, this,
                &AuditPage::scheduleReload);
    }
    reload();
}

void AuditPage::setActor(std::optional<app::Principal> actor)
{
    m_principal = std::move(actor);
    m_model->setEntries({});
    updateDetails();
    reload();
}

QString AuditPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AuditPage::scheduleReload()
{
    m_reloadTimer->start();
}

void AuditPage::reload()
{
    if (!m_catalog || !m_principal) {
        showMessage(tr("The audit log is unavailable: the catalog is not open, or your account "
                       "has no access to it."),
                    true);
        return;
    }
    app::AuditFilter filter;
    filter.limit = Limit;
    filter.actorId = m_actor->currentData().toLongLong();
    filter.action = m_action->currentData().toString();
    filter.objectType = m_objectType->currentData().toString();
    static constexpr qint64 hourMs = 3600 * 1000;
    qint64 spanMs = 0;
    switch (TimeRange(m_time->currentData().toInt())) {
    case AnyTime:
        break;
    case LastHour:
        spanMs = hourMs;
        break;
    case LastDay:
        spanMs = 24 * hourMs;
        break;
    case LastWeek:
        spanMs = 7 * 24 * hourMs;
        break;
    case LastMonth:
        spanMs = 30 * 24 * hourMs;
        break;
    }
    if (spanMs)
        filter.fromMs = QDateTime::currentMSecsSinceEpoch() - spanMs;

    const quint64 generation = ++m_generation;
    const app::Principal actor = *m_principal;
    m_catalog->run(
        this,
        [actor, filter](app::CatalogStore& store) {
            Listing out;
            app::AuditLog& log = store.auditLog();
            out.ok = log.query(actor, filter, &out.entries);
            out.code = log.lastErrorCode();
            out.error = log.lastErrorMessage();
            if (!out.ok)
                return out;
            app::AuditFilter any;
            any.limit = ChoicesSample;
            QList<app::AuditEntry> sample;
            if (log.query(actor, any, &sample)) {
                QSet<QString> actions, types;
                for (const app::AuditEntry& e : std::as_const(sample)) {
                    actions.insert(e.action);
                    types.insert(e.objectType);
                }
                out.actions = QStringList(actions.cbegin(), actions.cend());
                out.objectTypes = QStringList(types.cbegin(), types.cend());
            }
            for (const app::User& u : store.users().users(actor))
                out.actors.append({u.id, u.name});
            return out;
        },
        [this, generation](const Listing& listing) {
            if (generation == m_generation)
                show(listing);
        });
}

void AuditPage::refill(QComboBox* combo, const QString& anyText, const QStringList& values)
{
    const QString current = combo->currentData().toString();
    QStringList all = values;
    if (!current.isEmpty() && !all.contains(current))
        all.append(current); // keep the filter in use, even with nothing left to match
    all.sort();
    combo->clear();
    combo->addItem(anyText, QString());
    for (const QString& value : std::as_const(all))
        combo->addItem(value, value);
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}

void AuditPage::show(const Listing& listing)
{
    ++m_loads;
    if (!listing.ok) {
        m_model->setEntries({});
        updateDetails();
        showMessage(RoleText::refusal(listing.code, domainMessageText(listing.error)), true);
        return;
    }
    const qint64 selected =
        m_view->selectionModel()->selectedRows().isEmpty()
            ? 0
            : m_view->selectionModel()->selectedRows().first().data(Qt::UserRole).toLongLong();
    m_model->setEntries(listing.entries);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->entry(row)->id == selected)
            m_view->selectRow(row);
    }
    updateDetails();

    const qint64 actorId = m_actor->currentData().toLongLong();
    m_actor->clear();
    m_actor->addItem(tr("Anyone"), 0);
    for (const auto& [id, name] : listing.actors)
        m_actor->addItem(name, id);
    m_actor->setCurrentIndex(qMax(0, m_actor->findData(actorId)));
    refill(m_action, tr("Any action"), listing.actions);
    refill(m_objectType, tr("Any object"), listing.objectTypes);

    if (listing.entries.size() >= Limit)
        showMessage(
            tr("Showing the newest %1 entries; narrow the filters to see older ones.").arg(Limit),
            false);
    else
        m_message->hide();
}

void AuditPage::updateDetails()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const app::AuditEntry* entry = rows.isEmpty() ? nullptr : m_model->entry(rows.first().row());
    if (entry)
        m_details->showEntry(*entry);
    else if (m_model->rowCount() == 0)
        m_details->showNote(tr("No entries match."));
    else
        m_details->showNote(tr("Select an entry to see the object before and after."));
}

void AuditPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: palette(bright-text);"
                                                    " background: #b3261e; padding: 6px; }")
                                   : QStringLiteral("QLabel { padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

} // namespace gatehouse::ui
