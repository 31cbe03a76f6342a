// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/catalog_page.h"

#include "app/api_export.h"
#include "app/catalog_service.h"
#include "ui/catalog/api_card_delegate.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/cache_policy_form.h"
#include "ui/catalog/catalog_filter_model.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/lifecycle_dialog.h"
#include "ui/catalog/state_badge_delegate.h"
#include "ui/catalog/try_it_key_chooser.h"
#include "ui/catalog/try_it_panel.h"
#include "ui/catalog_editor/api_editor_dialog.h"
#include "ui/catalog_editor/openapi_import_dialog.h"
#include "ui/domain_message_text.h"
#include "ui/editable_clear_button.h"
#include "ui/text_fit.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
// Bursts of changes become one reload.
constexpr int ReloadDelayMs = 30;

void setComboItems(QComboBox* box, const QString& all, const QStringList& items)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(all, QString());
    for (const QString& item : items)
        box->addItem(item, item);
    const int index = box->findData(current);
    box->setCurrentIndex(index < 0 ? 0 : index);
}
} // namespace

CatalogPage::CatalogPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                         app::GatewayController* gateway, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("catalogPage"));
    m_model = new CatalogModel(this);
    m_filter = new CatalogFilterModel(this);
    m_filter->setSourceCatalog(m_model);

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Catalog"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    m_newApi = new QPushButton(tr("&New API…"), this);
    m_newApi->setObjectName(QStringLiteral("newApiButton"));
    m_importApi = new QPushButton(tr("&Import OpenAPI…"), this);
    m_importApi->setObjectName(QStringLiteral("importApiButton"));
    m_importApi->setToolTip(tr("Create a draft API from an OpenAPI 3 document"));
    m_editApi = new QPushButton(tr("&Edit…"), this);
    m_editApi->setObjectName(QStringLiteral("editApiButton"));
    m_editApi->setToolTip(tr("Change the selected API's definition"));
    for (QPushButton* b : {m_newApi, m_importApi, m_editApi}) {
        b->setVisible(false); // until the catalog says what the actor may do
        header->addWidget(b);
    }
    // As on the Applications page; only while the button shows (the
    // actor may create APIs).
    m_newApi->setShortcut(QKeySequence::New);
    m_newApi->setToolTip(
        tr("Create a draft API from a form (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newApi, &QPushButton::clicked, this, &CatalogPage::newApi);
    connect(m_importApi, &QPushButton::clicked, this, &CatalogPage::importApi);
    connect(m_editApi, &QPushButton::clicked, this, &CatalogPage::editSelectedApi);
    layout->addLayout(header);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("catalogMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(buildFilters());

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_views = new QStackedWidget(splitter);
    m_table = new QTableView(m_views);
    m_table->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setAccessibleName(tr("APIs"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CatalogModel::Name, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(CatalogModel::State, new StateBadgeDelegate(m_table));
    // Every column fits its contents (a narrow page scrolls sideways rather
    // than cut names short); the last one takes what is left.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    keepLastSectionLabel(m_table->horizontalHeader());
    m_views->addWidget(m_table);

    m_cards = new QListView(m_views);
    m_cards->setObjectName(QStringLiteral("catalogCards"));
    m_cards->setAccessibleName(tr("APIs as cards"));
    m_cards->setModel(m_filter);
    m_cards->setModelColumn(CatalogModel::Name);
    m_cards->setViewMode(QListView::IconMode);
    m_cards->setResizeMode(QListView::Adjust);
    m_cards->setMovement(QListView::Static);
    m_cards->setUniformItemSizes(true);
    m_cards->setWrapping(true);
    m_cards->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cards->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cards->setItemDelegate(new ApiCardDelegate(m_cards));
    // One selection for both views: switching keeps the selected API.
    QItemSelectionModel* ownSelection = m_cards->selectionModel();
    m_cards->setSelectionModel(m_table->selectionModel());
    delete ownSelection;
    m_views->addWidget(m_cards);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogPage::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CatalogPage::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CatalogPage::updateEditButtons);

    m_detail = new ApiDetailPane(gateway, splitter);
    m_detail->setAccessibleName(tr("Details of the selected API"));
    m_detail->tryIt()->keyChooser()->setCatalog(m_catalog, m_actor);
    connect(m_detail, &ApiDetailPane::versionActivated, this, &CatalogPage::selectApi);
    connect(m_detail, &ApiDetailPane::actionRequested, this, &CatalogPage::requestAction);
    // Delete in the list deletes the selected draft, as its Delete button
    // does (with the same confirmation), and only where that button shows.
    for (QAbstractItemView* view :
         {static_cast<QAbstractItemView*>(m_table), static_cast<QAbstractItemView*>(m_cards)}) {
        auto* remove = new QShortcut(QKeySequence::Delete, view);
        remove->setContext(Qt::WidgetShortcut);
        connect(remove, &QShortcut::activated, this, [this] {
            QPushButton* button = m_detail->actionButton(app::ApiAction::DeleteDraft);
            if (button && button->isVisibleTo(m_detail) && button->isEnabled())
                requestAction(app::ApiAction::DeleteDraft);
        });
    }
    connect(m_detail, &ApiDetailPane::cachePolicySaveRequested, this,
            &CatalogPage::saveCachePolicy);
    connect(m_detail, &ApiDetailPane::exportRequested, this, &CatalogPage::exportSelectedApi);
    splitter->addWidget(m_views);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({840, 440}); // the pane keeps at least the width of its tabs
    layout->addWidget(splitter, 1);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &CatalogPage::reload);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &CatalogPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &CatalogPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CatalogPage::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &CatalogPage::updateCount);

    if (!m_catalog || !m_actor) {
        showMessage(tr("The catalog is unavailable: it is not open, or your account has no "
                       "access to it."),
                    true);
        m_detail->showNote(tr("No catalog."));
    } else {
        connectCatalog();
        reload();
    }
    updateCount();
}

void CatalogPage::setTelemetryService(app::TelemetryService* service)
{
    m_detail->setTelemetryService(service);
}

void CatalogPage::connectCatalog()
{
    connect(m_catalog, &app::CatalogService::catalogChanged, this, &CatalogPage::scheduleReload);
    // Changes made elsewhere (the admin API, another console on a shared
    // catalog) never pass through this service: the gateway sync notices
    // them and refreshes the pending count, which is the one signal they
    // cause.
    connect(m_catalog, &app::CatalogService::pendingApprovalsChanged, this,
            &CatalogPage::scheduleReload);
}

void CatalogPage::setActor(const app::Principal& actor)
{
    if (!m_catalog)
        return;
    const bool hadActor = m_actor.has_value();
    m_actor = actor;
    if (!hadActor)
        connectCatalog();
    m_detail->tryIt()->keyChooser()->setActor(actor);
    showMessage({}, false);
    reload(); // the listing, and with it the selected API's allowed actions
}

void CatalogPage::setKeyWallet(app::SessionKeyWallet* wallet)
{
    m_detail->tryIt()->keyChooser()->setWallet(wallet);
}

QWidget* CatalogPage::buildFilters()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("catalogSearch"));
    m_search->setPlaceholderText(tr("Search name, tag, description or path"));
    enableClearButtonWhileEditable(m_search);
    m_search->setMinimumWidth(220);
    fitPlaceholder(m_search);
    row->addWidget(m_search, 2);

    m_team = new QComboBox(bar);
    m_team->setObjectName(QStringLiteral("teamFilter"));
    m_team->setToolTip(tr("Owner team"));
    m_tag = new QComboBox(bar);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setToolTip(tr("Tag"));
    setComboItems(m_team, tr("All teams"), {});
    setComboItems(m_tag, tr("All tags"), {});
    m_state = new QComboBox(bar);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->setToolTip(tr("Lifecycle state"));
    m_state->addItem(tr("All states"), -1);
    for (const app::ApiState s : {app::ApiState::Draft, app::ApiState::Published,
                                  app::ApiState::Deprecated, app::ApiState::Retired})
        m_state->addItem(CatalogModel::stateName(s), int(s));
    m_visibility = new QComboBox(bar);
    m_visibility->setObjectName(QStringLiteral("visibilityFilter"));
    m_visibility->setToolTip(tr("Visibility"));
    m_visibility->addItem(tr("Any visibility"), -1);
    m_visibility->addItem(CatalogModel::visibilityText(app::ApiVisibility::Team),
                          int(app::ApiVisibility::Team));
    m_visibility->addItem(CatalogModel::visibilityText(app::ApiVisibility::Organisation),
                          int(app::ApiVisibility::Organisation));
    for (QComboBox* box : {m_team, m_tag, m_state, m_visibility}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        row->addWidget(box);
        connect(box, &QComboBox::currentIndexChanged, this, &CatalogPage::applyFilters);
    }
    connect(m_search, &QLineEdit::textChanged, this, &CatalogPage::applyFilters);
    // Anywhere in the window while the page shows (a hidden page's
    // shortcuts are off), e.g. straight from the sidebar.
    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WindowShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_search->setToolTip(
        tr("Search the catalog (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("catalogCount"));
    row->addWidget(m_count);
    row->addStretch(1);
    m_tableButton = new QToolButton(bar);
    m_tableButton->setObjectName(QStringLiteral("tableViewButton"));
    m_tableButton->setText(tr("Table"));
    m_tableButton->setToolTip(tr("Show the APIs as a table"));
    m_cardsButton = new QToolButton(bar);
    m_cardsButton->setObjectName(QStringLiteral("cardViewButton"));
    m_cardsButton->setText(tr("Cards"));
    m_cardsButton->setToolTip(tr("Show the APIs as cards"));
    auto* group = new QButtonGroup(bar);
    for (QToolButton* b : {m_tableButton, m_cardsButton}) {
        b->setCheckable(true);
        group->addButton(b);
        row->addWidget(b);
    }
    m_tableButton->setChecked(true);
    connect(m_tableButton, &QToolButton::clicked, this, &CatalogPage::showTable);
    connect(m_cardsButton, &QToolButton::clicked, this, &CatalogPage::showCards);
    return bar;
}

QString CatalogPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool CatalogPage::showsCards() const
{
    return m_views->currentWidget() == m_cards;
}

void CatalogPage::showTable()
{
    m_tableButton->setChecked(true);
    m_views->setCurrentWidget(m_table);
}

void CatalogPage::showCards()
{
    m_cardsButton->setChecked(true);
    m_views->setCurrentWidget(m_cards);
}

void CatalogPage::scheduleReload()
{
    m_reloadTimer->start();
}

void CatalogPage::reload()
{
    if (!m_catalog || !m_actor)
        return;
    const quint64 generation = ++m_listGeneration;
    const app::Principal actor = *m_actor;
    struct Loaded {
        app::CatalogListing listing;
        bool mayCreate = false;
    };
    m_catalog->run(
        this,
        [actor](app::CatalogStore& store) {
            return Loaded{app::loadCatalog(store, actor),
                          !ApiEditorDialog::publishableTeams(store, actor).isEmpty()};
        },
        [this, generation](const Loaded& loaded) {
            if (generation != m_listGeneration) // a newer load is on its way
                return;
            m_mayCreate = loaded.mayCreate;
            applyListing(loaded.listing);
            updateEditButtons();
        });
}

const app::CatalogEntry* CatalogPage::selectedEntry() const
{
    const int row = m_model->rowOf(selectedApiId());
    return row >= 0 ? m_model->entry(row) : nullptr;
}

void CatalogPage::updateEditButtons()
{
    const bool ready = m_catalog && m_actor;
    m_newApi->setVisible(ready && m_mayCreate);
    m_importApi->setVisible(ready && m_mayCreate);
    const app::CatalogEntry* entry = selectedEntry();
    m_editApi->setVisible(ready && (m_mayCreate || (entry && entry->editable)));
    m_editApi->setEnabled(entry && entry->editable);
}

void CatalogPage::newApi()
{
    if (!m_catalog || !m_actor)
        return;
    auto* dialog = ApiEditorDialog::createNew(m_catalog, *m_actor, this);
    connect(dialog, &ApiEditorDialog::saved, this, [this](const app::ApiDefinition& api) {
        onApiSaved(api, tr("%1 %2 is created as a draft.").arg(api.name, api.version));
    });
}

void CatalogPage::importApi()
{
    if (!m_catalog || !m_actor)
        return;
    auto* dialog = OpenApiImportDialog::importDocument(m_catalog, *m_actor, this);
    connect(dialog, &OpenApiImportDialog::imported, this, [this](const app::ApiDefinition& api) {
        onApiSaved(api, tr("%1 %2 is imported as a draft (routes: %3).")
                            .arg(api.name, api.version)
                            .arg(api.routes.size()));
    });
}

void CatalogPage::editSelectedApi()
{
    if (!m_catalog || !m_actor)
        return;
    const app::CatalogEntry* entry = selectedEntry();
    if (!entry || !entry->editable)
        return;
    auto* dialog = ApiEditorDialog::editExisting(m_catalog, *m_actor, entry->api, this);
    connect(dialog, &ApiEditorDialog::saved, this, [this](const app::ApiDefinition& api) {
        onApiSaved(api, tr("%1 %2 is saved.").arg(api.name, api.version));
    });
}

// The catalog announces the change and the page reloads; the saved API is
// selected once it is listed.
void CatalogPage::onApiSaved(const app::ApiDefinition& api, const QString& done)
{
    showMessage(done, false);
    selectApi(api.id);
    scheduleReload();
}

void CatalogPage::applyListing(const app::CatalogListing& listing)
{
    if (!listing.error.isEmpty()) {
        const QString text =
            tr("Cannot read the catalog: %1").arg(domainMessageText(listing.errorMessage));
        showMessage(text, true);
        // What the pane shows may no longer be allowed (e.g. the actor's
        // account is gone): the reason, not stale action buttons.
        m_shownId = 0;
        m_detail->showNote(text);
        return;
    }
    const qint64 keep = m_wanted != 0 ? m_wanted : selectedApiId();
    // The reset clears the selection for a moment: the details stay until
    // the selection is restored below.
    m_applying = true;
    m_model->setEntries(listing.entries);
    ++m_loads;
    fillFilterChoices();
    const bool listed = keep != 0 && m_model->rowOf(keep) >= 0;
    if (listed)
        selectApi(keep);
    m_applying = false;
    if (listed) {
        m_shownId = keep;
        loadDetails(keep); // the catalog changed: so may have the API
    } else if (m_filter->rowCount() > 0 && m_wanted == 0) {
        m_shownId = 0;
        m_detail->showNote(tr("Select an API to see its details."));
    } else if (m_filter->rowCount() == 0) {
        m_shownId = 0;
        m_detail->showNote(m_model->rowCount() == 0 ? tr("The catalog has no APIs you can see.")
                                                    : tr("No API matches the search."));
    }
    updateCount();
}

void CatalogPage::fillFilterChoices()
{
    QSet<QString> teams, tags;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const app::CatalogEntry* e = m_model->entry(row);
        if (!e->team.isEmpty())
            teams.insert(e->team);
        for (const QString& tag : e->api.tags)
            tags.insert(tag);
    }
    QStringList teamList(teams.cbegin(), teams.cend());
    QStringList tagList(tags.cbegin(), tags.cend());
    teamList.sort(Qt::CaseInsensitive);
    tagList.sort(Qt::CaseInsensitive);
    setComboItems(m_team, tr("All teams"), teamList);
    setComboItems(m_tag, tr("All tags"), tagList);
    applyFilters();
}

void CatalogPage::applyFilters()
{
    m_filter->setSearchText(m_search->text());
    m_filter->setTeam(m_team->currentData().toString());
    m_filter->setTag(m_tag->currentData().toString());
    const int state = m_state->currentData().toInt();
    m_filter->setState(state < 0 ? std::nullopt : std::optional(app::ApiState(state)));
    const int visibility = m_visibility->currentData().toInt();
    m_filter->setVisibility(visibility < 0 ? std::nullopt
                                           : std::optional(app::ApiVisibility(visibility)));
    updateCount();
}

void CatalogPage::updateCount()
{
    const int shown = m_filter->rowCount();
    const int all = m_model->rowCount();
    const QLocale locale;
    if (shown != all)
        m_count->setText(tr("%1 of %2 APIs").arg(locale.toString(shown), locale.toString(all)));
    else
        m_count->setText(all == 1 ? tr("1 API") : tr("%1 APIs").arg(locale.toString(all)));
}

qint64 CatalogPage::selectedApiId() const
{
    // The card view selects one cell of the row, the table the whole row.
    const QModelIndexList indexes = m_table->selectionModel()->selectedIndexes();
    if (indexes.isEmpty())
        return 0;
    return indexes.first().data(CatalogModel::ApiIdRole).toLongLong();
}

void CatalogPage::selectApi(qint64 apiId)
{
    const int sourceRow = m_model->rowOf(apiId);
    if (sourceRow < 0) {
        m_wanted = apiId; // selected once a reload lists it
        return;
    }
    m_wanted = 0;
    QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        // Hidden by the search or a filter: show everything rather than
        // select something invisible.
        const QSignalBlocker b1(m_search), b2(m_team), b3(m_tag), b4(m_state), b5(m_visibility);
        m_search->clear();
        for (QComboBox* box : {m_team, m_tag, m_state, m_visibility})
            box->setCurrentIndex(0);
        applyFilters();
        index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    }
    if (selectedApiId() != apiId)
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    m_cards->scrollTo(index);
}

void CatalogPage::onSelectionChanged()
{
    if (m_applying)
        return;
    QItemSelectionModel* selection = m_table->selectionModel();
    const QModelIndexList indexes = selection->selectedIndexes();
    if (indexes.isEmpty()) {
        if (m_model->rowCount() > 0)
            m_detail->showNote(tr("Select an API to see its details."));
        m_shownId = 0;
        return;
    }
    // A card selects one cell: select its whole row, so the table agrees.
    const QModelIndex index = indexes.first();
    if (!selection->isRowSelected(index.row(), index.parent())) {
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        return; // back here through selectionChanged
    }
    const qint64 id = index.data(CatalogModel::ApiIdRole).toLongLong();
    if (id == m_shownId)
        return;
    m_shownId = id;
    loadDetails(id);
}

void CatalogPage::loadDetails(qint64 apiId)
{
    if (!m_catalog || !m_actor)
        return;
    const quint64 generation = ++m_detailGeneration;
    const app::Principal actor = *m_actor;
    m_catalog->run(
        this,
        [actor, apiId](app::CatalogStore& store) {
            return app::loadApiDetails(store, actor, apiId);
        },
        [this, generation, apiId](const app::ApiDetails& details) {
            if (generation != m_detailGeneration)
                return;
            if (!details.entry) {
                m_detail->showNote(tr("Cannot show this API: %1 (%2)")
                                       .arg(errorText(details.errorCode),
                                            domainMessageText(details.errorMessage)));
                return;
            }
            m_detail->showDetails(details);
            for (auto action :
                 {app::ApiAction::Publish, app::ApiAction::Deprecate, app::ApiAction::Retire,
                  app::ApiAction::DeleteDraft, app::ApiAction::NewVersion})
                m_detail->actionButton(action)->setEnabled(m_busy == 0);
            emit detailsShown(apiId);
        });
}

void CatalogPage::requestAction(app::ApiAction action)
{
    if (!m_detail->hasApi() || m_busy > 0)
        return;
    const app::ApiDetails& details = m_detail->details();
    // open(), not exec(): no nested event loop while the dialog is up.
    auto* dialog = new LifecycleDialog(action, details.entry->api, details.versions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (action == app::ApiAction::NewVersion)
        // Stays open until the catalog answers: a refusal is shown next to
        // its field there, to be corrected.
        connect(dialog, &LifecycleDialog::confirmed, this,
                [this, dialog] { runAction(dialog->request(), dialog); });
    else
        connect(dialog, &QDialog::accepted, this, [this, dialog] { runAction(dialog->request()); });
    dialog->open();
}

void CatalogPage::runAction(const app::LifecycleRequest& request, LifecycleDialog* dialog)
{
    QPointer<LifecycleDialog> open(dialog);
    if (!m_catalog || !m_actor) {
        if (open)
            open->showRefusal(QString(), tr("The catalog is not available."));
        return;
    }
    ++m_busy;
    for (auto action : {app::ApiAction::Publish, app::ApiAction::Deprecate, app::ApiAction::Retire,
                        app::ApiAction::DeleteDraft, app::ApiAction::NewVersion})
        m_detail->actionButton(action)->setEnabled(false);
    const app::Principal actor = *m_actor;
    const QString name = m_detail->heading();
    m_catalog->mutate(
        this,
        [actor, request](app::CatalogStore& store) {
            return app::applyLifecycleAction(store, actor, request);
        },
        [this, request, name, open](const app::LifecycleOutcome& outcome) {
            --m_busy;
            if (open) {
                if (outcome.ok)
                    open->accept();
                else if (outcome.basePath && outcome.basePath->taken)
                    open->showRefusal(
                        QStringLiteral("basePath"),
                        ApiEditorDialog::basePathConflictText(request.basePath, *outcome.basePath) +
                            (outcome.basePath->freeBasePath.isEmpty()
                                 ? QString()
                                 : QLatin1Char(' ') + ApiEditorDialog::tr("%1 is free.")
                                                          .arg(outcome.basePath->freeBasePath)));
                else if (outcome.errorCode == app::DomainErrorCode::Conflict &&
                         !outcome.errorField.isEmpty())
                    open->showRefusal(
                        outcome.errorField,
                        ApiEditorDialog::conflictText(outcome.errorField,
                                                      domainMessageText(outcome.errorMessage)));
                else
                    open->showRefusal(
                        QString(), ApiEditorDialog::refusalText(
                                       outcome.errorCode, domainMessageText(outcome.errorMessage)));
            }
            if (outcome.ok) {
                QString done;
                switch (request.action) {
                case app::ApiAction::Publish:
                    done = tr("%1 is published: the gateway routes it now.").arg(name);
                    break;
                case app::ApiAction::Deprecate:
                    done = tr("%1 is deprecated: its responses carry Deprecation and Sunset "
                              "headers.")
                               .arg(name);
                    break;
                case app::ApiAction::Retire:
                    done = tr("%1 is retired: calls are answered with 410 Gone.").arg(name);
                    break;
                case app::ApiAction::DeleteDraft:
                    done = tr("The draft %1 is deleted.").arg(name);
                    break;
                case app::ApiAction::NewVersion:
                    done = tr("Version %1 was created as a draft.").arg(request.version);
                    break;
                }
                showMessage(done, false);
                if (outcome.apiId != 0)
                    m_wanted = outcome.apiId;
            } else {
                showMessage(tr("%1 was refused: %2 (%3)")
                                .arg(LifecycleDialog::title(request.action),
                                     errorText(outcome.errorCode),
                                     domainMessageText(outcome.errorMessage)),
                            true);
            }
            // The catalog announces the change; the reload follows it and
            // re-enables the buttons with the API's new state.
            scheduleReload();
            emit actionFinished(outcome.ok);
        });
}

void CatalogPage::saveCachePolicy(const QString& cachePolicy)
{
    if (!m_catalog || !m_actor || !m_detail->hasApi() || m_busy > 0)
        return;
    ++m_busy;
    const app::Principal actor = *m_actor;
    const qint64 apiId = m_detail->details().entry->api.id;
    const QString name = m_detail->heading();
    m_catalog->mutate(
        this,
        [actor, apiId, cachePolicy](app::CatalogStore& store) {
            return app::saveCachePolicy(store, actor, apiId, cachePolicy);
        },
        [this, name](const app::LifecycleOutcome& outcome) {
            --m_busy;
            if (outcome.ok) {
                // Saved: what is shown next is what is stored.
                m_detail->cachePolicyForm()->markSaved();
                showMessage(tr("The cache policy of %1 is saved; the gateway applies it with "
                               "its next configuration.")
                                .arg(name),
                            false);
            } else {
                // Invalid: the domain says what it could not read, and where.
                showMessage(outcome.errorCode == app::DomainErrorCode::Invalid
                                ? tr("The cache policy was refused: %1")
                                      .arg(domainMessageText(outcome.errorMessage))
                                : tr("The cache policy was refused: %1 (%2)")
                                      .arg(errorText(outcome.errorCode),
                                           domainMessageText(outcome.errorMessage)),
                            true);
            }
            scheduleReload();
            emit actionFinished(outcome.ok);
        });
}

void CatalogPage::exportSelectedApi()
{
    if (!m_detail->hasApi())
        return;
    const app::ApiDefinition& api = m_detail->details().entry->api;
    const bool openApi = !api.openApi.trimmed().isEmpty();
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("%1-%2%3").arg(api.slug, api.version,
                                                       openApi ? QStringLiteral(".openapi.json")
                                                               : QStringLiteral(".gatehouse.json"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(m_detail->heading()), QDir(directory).filePath(name),
        tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        exportSelectedApiTo(path);
}

void CatalogPage::exportSelectedApiTo(const QString& path)
{
    if (!m_catalog || !m_actor || !m_detail->hasApi())
        return;
    const app::Principal actor = *m_actor;
    const qint64 apiId = m_detail->details().entry->api.id;
    const QString name = m_detail->heading();
    ++m_busy;
    m_catalog->run(
        this,
        [actor, apiId](app::CatalogStore& store) { return app::exportApi(store, actor, apiId); },
        [this, path, name](const app::ApiExport& exported) {
            --m_busy;
            if (!exported.ok()) {
                showMessage(tr("%1 could not be exported: %2")
                                .arg(name, domainMessageText(exported.errorMessage)),
                            true);
                emit exportFinished(false);
                return;
            }
            // A few kilobytes: written here, all or nothing (QSaveFile).
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(exported.document) != exported.document.size() || !file.commit()) {
                showMessage(tr("%1 could not be saved to %2: %3")
                                .arg(name, QDir::toNativeSeparators(path), file.errorString()),
                            true);
                emit exportFinished(false);
                return;
            }
            showMessage(exported.format == app::ApiExport::Format::OpenApi
                            ? tr("%1 is exported as its OpenAPI document (JSON) to %2.")
                                  .arg(name, QDir::toNativeSeparators(path))
                            : tr("%1 is exported as a workspace file to %2; apply it with "
                                 "--apply-workspace.")
                                  .arg(name, QDir::toNativeSeparators(path)),
                        false);
            emit exportFinished(true);
        });
}

QString CatalogPage::errorText(app::DomainErrorCode code)
{
    switch (code) {
    case app::DomainErrorCode::Forbidden:
        return tr("permission denied");
    case app::DomainErrorCode::NotFound:
        return tr("no longer exists or is not visible to you");
    case app::DomainErrorCode::Conflict:
        return tr("not possible in its current state");
    case app::DomainErrorCode::Invalid:
        return tr("the API is not ready for it");
    case app::DomainErrorCode::Storage:
        return tr("the catalog could not be written");
    case app::DomainErrorCode::None:
        break;
    }
    return tr("failed");
}

void CatalogPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: palette(bright-text);"
                                                    " background: #b3261e; padding: 6px; }")
                                   : QStringLiteral("QLabel { padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

} // namespace gatehouse::ui
