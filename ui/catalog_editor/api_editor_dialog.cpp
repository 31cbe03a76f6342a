// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog_editor/api_editor_dialog.h"

#include "app/catalog_service.h"
#include "app/domain/access_policy.h"
#include "app/domain/api_catalog.h"
#include "app/domain/base_path.h"
#include "ui/applications/form_error_label.h"
#include "ui/domain_message_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <optional>

namespace gatehouse::ui {

namespace {

struct SaveOutcome {
    std::optional<app::ApiDefinition> api;
    app::DomainErrorCode code = app::DomainErrorCode::None;
    app::DomainMessage error;
    QString field; // the field the refusal is about (ApiCatalog::lastErrorField())
    // When the base path was refused as taken: who holds it, for the
    // message next to the field in the console's language.
    std::optional<app::BasePathCheck> basePath;
};

SaveOutcome success(const std::optional<app::ApiDefinition>& api)
{
    return SaveOutcome{api, app::DomainErrorCode::None, {}, {}, std::nullopt};
}

SaveOutcome failure(const app::ApiCatalog& apis)
{
    return SaveOutcome{std::nullopt, apis.lastErrorCode(), apis.lastErrorMessage(),
                       apis.lastErrorField(), std::nullopt};
}

// Storage thread: failure(), asking the catalog about the base path when
// that is what it refused.
SaveOutcome failure(const app::ApiCatalog& apis, const app::Principal& actor,
                    const app::ApiDefinition& api, qint64 exceptId)
{
    SaveOutcome out = failure(apis);
    if (out.code == app::DomainErrorCode::Conflict && out.field == QLatin1String("basePath"))
        out.basePath = apis.checkBasePath(actor, api, exceptId);
    return out;
}

const QStringList& methods()
{
    static const QStringList list{QStringLiteral("GET"),     QStringLiteral("POST"),
                                  QStringLiteral("PUT"),     QStringLiteral("PATCH"),
                                  QStringLiteral("DELETE"),  QStringLiteral("HEAD"),
                                  QStringLiteral("OPTIONS"), QStringLiteral("*")};
    return list;
}

// "Billing API" -> "billing-api": a starting point the user may change.
QString slugFor(const QString& name)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    QString slug = name.toLower().replace(other, QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.left(63);
}

// "v1" -> "v2"; anything else has no obvious successor.
QString nextVersion(const QString& version)
{
    static const QRegularExpression numbered(QStringLiteral("^v(\\d+)$"));
    const auto m = numbered.match(version);
    return m.hasMatch() ? QStringLiteral("v%1").arg(m.captured(1).toInt() + 1) : QString();
}

constexpr qint64 MaxTimeoutMs = 3'600'000;

enum RouteColumn { MethodColumn, PathColumn };
enum UpstreamColumn { UrlColumn, WeightColumn };

} // namespace

ApiEditorDialog* ApiEditorDialog::createNew(app::CatalogService* catalog,
                                            const app::Principal& actor, QWidget* parent)
{
    auto* dialog = new ApiEditorDialog(catalog, actor, Mode::Create, {}, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ApiEditorDialog* ApiEditorDialog::editExisting(app::CatalogService* catalog,
                                               const app::Principal& actor,
                                               const app::ApiDefinition& api, QWidget* parent)
{
    auto* dialog = new ApiEditorDialog(catalog, actor, Mode::Edit, api, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ApiEditorDialog* ApiEditorDialog::newVersionOf(app::CatalogService* catalog,
                                               const app::Principal& actor,
                                               const app::ApiDefinition& api, QWidget* parent)
{
    auto* dialog = new ApiEditorDialog(catalog, actor, Mode::NewVersion, api, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ApiEditorDialog::ApiEditorDialog(app::CatalogService* catalog, const app::Principal& actor,
                                 Mode mode, const app::ApiDefinition& api, QWidget* parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_actor(actor)
    , m_mode(mode)
    , m_original(api)
{
    setObjectName(QStringLiteral("apiEditorDialog"));
    auto* layout = new QVBoxLayout(this);
    QString okText;
    if (mode == Mode::NewVersion) {
        setWindowTitle(tr("New Version of %1").arg(api.name));
        auto* intro = new QLabel(tr("Creates a draft copy of %1 %2 with its routes, targets and "
                                    "settings. The two versions are linked.")
                                     .arg(api.name, api.version),
                                 this);
        intro->setObjectName(QStringLiteral("newVersionIntro"));
        intro->setWordWrap(true);
        layout->addWidget(intro);
        auto* form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        m_version = new QLineEdit(nextVersion(api.version), this);
        m_version->setObjectName(QStringLiteral("apiVersion"));
        m_version->setPlaceholderText(tr("e.g. v2"));
        auto* field = new QVBoxLayout;
        field->setSpacing(2);
        field->addWidget(m_version);
        auto* error = new FormErrorLabel(QStringLiteral("versionError"), this);
        field->addWidget(error);
        m_errors.insert(QStringLiteral("version"), error);
        m_fields.insert(QStringLiteral("version"), m_version);
        form->addRow(tr("New &version:"), field);
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
            label->setBuddy(m_version);
        // Two live versions cannot share a base path: the new one's follows
        // the version ("/orders/v1" -> "/orders/v2") until edited.
        m_basePath = new QLineEdit(app::ApiCatalog::versionBasePath(api, m_version->text()), this);
        m_basePath->setObjectName(QStringLiteral("apiBasePath"));
        auto* pathField = new QVBoxLayout;
        pathField->setSpacing(2);
        pathField->addWidget(m_basePath);
        auto* pathError = new FormErrorLabel(QStringLiteral("basePathError"), this);
        pathField->addWidget(pathError);
        m_errors.insert(QStringLiteral("basePath"), pathError);
        m_fields.insert(QStringLiteral("basePath"), m_basePath);
        form->addRow(tr("&Base path:"), pathField);
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(pathField)))
            label->setBuddy(m_basePath);
        connect(m_version, &QLineEdit::textChanged, this, [this](const QString& version) {
            if (!m_basePath->isModified())
                m_basePath->setText(
                    app::ApiCatalog::versionBasePath(m_original, version.trimmed()));
        });
        layout->addLayout(form);
        okText = tr("Create Version");
        m_teamsLoaded = true;
    } else {
        setWindowTitle(mode == Mode::Create ? tr("New API") : tr("Edit %1").arg(api.name));
        m_tabs = new QTabWidget(this);
        m_tabs->setObjectName(QStringLiteral("apiEditorTabs"));
        m_tabs->addTab(buildGeneralTab(), tr("&General"));
        m_tabs->addTab(buildRoutingTab(), tr("&Routing"));
        layout->addWidget(m_tabs, 1);
        okText = mode == Mode::Create ? tr("Create") : tr("Save");
    }
    m_refusal = new FormErrorLabel(QStringLiteral("dialogError"), this);
    layout->addWidget(m_refusal);
    if (mode == Mode::NewVersion)
        layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ApiEditorDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (mode != Mode::NewVersion) {
        app::ApiDefinition initial = api;
        if (mode == Mode::Create && initial.upstreams.isEmpty())
            initial.upstreams = {{QString(), 1}};
        fill(initial);
        loadTeams();
        resize(680, 620);
    } else {
        resize(460, sizeHint().height());
    }
    updateOk();
}

QWidget* ApiEditorDialog::buildGeneralTab()
{
    auto* page = new QWidget(this);
    auto* outer = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    outer->addLayout(form);
    outer->addStretch(1); // spare height below the form, not inside a row
    const auto addField = [&](const QString& label, const QString& key, QWidget* widget) {
        auto* field = new QVBoxLayout;
        field->setSpacing(2);
        field->addWidget(widget);
        auto* error = new FormErrorLabel(key + QStringLiteral("Error"), page);
        field->addWidget(error);
        m_errors.insert(key, error);
        m_fields.insert(key, widget);
        form->addRow(label, field);
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(field)))
            l->setBuddy(widget);
    };

    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("apiName"));
    m_name->setPlaceholderText(tr("e.g. Billing"));
    addField(tr("&Name:"), QStringLiteral("name"), m_name);

    m_slug = new QLineEdit(page);
    m_slug->setObjectName(QStringLiteral("apiSlug"));
    m_slug->setPlaceholderText(tr("e.g. billing"));
    m_slug->setToolTip(tr("The API's short name in URLs: a-z, 0-9 and '-'. All versions of "
                          "an API share it."));
    addField(tr("&Slug:"), QStringLiteral("slug"), m_slug);
    if (m_mode == Mode::Create) {
        // Follow the name until the slug is edited by hand.
        connect(m_name, &QLineEdit::textEdited, this, [this](const QString& name) {
            if (!m_slug->isModified())
                m_slug->setText(slugFor(name));
        });
    }

    m_version = new QLineEdit(page);
    m_version->setObjectName(QStringLiteral("apiVersion"));
    m_version->setPlaceholderText(tr("e.g. v1"));
    addField(tr("&Version:"), QStringLiteral("version"), m_version);

    m_description = new QPlainTextEdit(page);
    m_description->setObjectName(QStringLiteral("apiDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 8 + 12);
    addField(tr("&Description:"), QStringLiteral("description"), m_description);

    m_tags = new QLineEdit(page);
    m_tags->setObjectName(QStringLiteral("apiTags"));
    m_tags->setPlaceholderText(tr("Comma separated, e.g. finance, invoices"));
    addField(tr("&Tags:"), QStringLiteral("tags"), m_tags);

    m_team = new QComboBox(page);
    m_team->setObjectName(QStringLiteral("apiTeam"));
    m_team->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_team->setToolTip(tr("The team that owns the API: its publishers edit it, its owners "
                          "approve subscriptions."));
    addField(tr("&Owning team:"), QStringLiteral("team"), m_team);

    m_visibility = new QComboBox(page);
    m_visibility->setObjectName(QStringLiteral("apiVisibility"));
    m_visibility->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_visibility->addItem(tr("Owning team only"), int(app::ApiVisibility::Team));
    m_visibility->addItem(tr("Whole organisation"), int(app::ApiVisibility::Organisation));
    addField(tr("V&isible to:"), QStringLiteral("visibility"), m_visibility);
    return page;
}

QWidget* ApiEditorDialog::buildRoutingTab()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto field = [&](const QString& key, QWidget* focus) {
        auto* box = new QVBoxLayout;
        box->setSpacing(2);
        auto* error = new FormErrorLabel(key + QStringLiteral("Error"), page);
        m_errors.insert(key, error);
        m_fields.insert(key, focus);
        return std::pair{box, error};
    };
    const auto buddy = [&](QLayout* box, QWidget* widget) {
        if (auto* l = qobject_cast<QLabel*>(form->labelForField(box)))
            l->setBuddy(widget);
    };

    m_basePath = new QLineEdit(page);
    m_basePath->setObjectName(QStringLiteral("apiBasePath"));
    m_basePath->setPlaceholderText(tr("e.g. /billing/v1"));
    m_stripBasePath = new QCheckBox(tr("Strip base path when forwarding"), page);
    m_stripBasePath->setObjectName(QStringLiteral("apiStripBasePath"));
    m_stripBasePath->setToolTip(tr("Forward /billing/v1/invoices to the target as /invoices."));
    {
        auto [box, error] = field(QStringLiteral("basePath"), m_basePath);
        box->addWidget(m_basePath);
        box->addWidget(error);
        box->addWidget(m_stripBasePath);
        form->addRow(tr("&Base path:"), box);
        buddy(box, m_basePath);
    }

    const auto tableWithButtons = [&](QTableWidget* table, const QString& addName,
                                      const QString& removeName, auto add) {
        auto* box = new QHBoxLayout;
        box->addWidget(table, 1);
        auto* buttons = new QVBoxLayout;
        auto* addButton = new QPushButton(tr("Add"), page);
        addButton->setObjectName(addName);
        auto* removeButton = new QPushButton(tr("Remove"), page);
        removeButton->setObjectName(removeName);
        buttons->addWidget(addButton);
        buttons->addWidget(removeButton);
        buttons->addStretch(1);
        box->addLayout(buttons);
        connect(addButton, &QPushButton::clicked, this, add);
        connect(removeButton, &QPushButton::clicked, this,
                [this, table] { removeSelectedRows(table); });
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setMinimumHeight(table->fontMetrics().lineSpacing() * 7);
        return box;
    };

    m_routes = new QTableWidget(0, 2, page);
    m_routes->setObjectName(QStringLiteral("apiRoutes"));
    m_routes->setHorizontalHeaderLabels({tr("Method"), tr("Path")});
    m_routes->verticalHeader()->setDefaultSectionSize(m_routes->fontMetrics().height() + 12);
    m_routes->setColumnWidth(MethodColumn, 110);
    {
        auto [box, error] = field(QStringLiteral("routes"), m_routes);
        box->addLayout(tableWithButtons(m_routes, QStringLiteral("addRouteButton"),
                                        QStringLiteral("removeRouteButton"),
                                        [this] { addRoute(); }));
        box->addWidget(error);
        form->addRow(tr("Ro&utes:"), box);
        buddy(box, m_routes);
    }

    m_upstreams = new QTableWidget(0, 2, page);
    m_upstreams->setObjectName(QStringLiteral("apiUpstreams"));
    m_upstreams->setHorizontalHeaderLabels({tr("URL"), tr("Weight")});
    m_upstreams->horizontalHeader()->setStretchLastSection(false);
    {
        auto [box, error] = field(QStringLiteral("upstreams"), m_upstreams);
        box->addLayout(tableWithButtons(m_upstreams, QStringLiteral("addUpstreamButton"),
                                        QStringLiteral("removeUpstreamButton"),
                                        [this] { addUpstream(); }));
        box->addWidget(error);
        form->addRow(tr("T&argets:"), box);
        buddy(box, m_upstreams);
    }
    // URL takes the room, weight what it needs.
    m_upstreams->horizontalHeader()->setStretchLastSection(false);
    m_upstreams->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_upstreams->horizontalHeader()->setSectionResizeMode(WeightColumn, QHeaderView::Fixed);
    m_upstreams->setColumnWidth(WeightColumn, 90);

    m_balancing = new QComboBox(page);
    m_balancing->setObjectName(QStringLiteral("apiBalancing"));
    m_balancing->addItem(tr("Round robin"), int(app::BalancingPolicy::RoundRobin));
    m_balancing->addItem(tr("Weighted"), int(app::BalancingPolicy::Weighted));
    m_balancing->addItem(tr("Least connections"), int(app::BalancingPolicy::LeastConnections));
    form->addRow(tr("Ba&lancing:"), m_balancing);

    m_authMode = new QComboBox(page);
    m_authMode->setObjectName(QStringLiteral("apiAuthMode"));
    m_authMode->addItem(tr("API key"), int(app::AuthMode::ApiKey));
    m_authMode->addItem(tr("Open (no key)"), int(app::AuthMode::Open));
    form->addRow(tr("Authenti&cation:"), m_authMode);

    m_keyQueryParameter = new QLineEdit(page);
    m_keyQueryParameter->setObjectName(QStringLiteral("apiKeyQueryParameter"));
    m_keyQueryParameter->setPlaceholderText(tr("e.g. api_key"));
    m_keyQueryParameter->setToolTip(
        tr("Also accept the API key in this query parameter, for clients that cannot send "
           "headers. Leave empty to accept keys only in headers, which is safer: keys in URLs "
           "end up in server logs, proxies and browser history."));
    {
        auto [box, error] = field(QStringLiteral("keyQueryParameter"), m_keyQueryParameter);
        box->addWidget(m_keyQueryParameter);
        box->addWidget(error);
        form->addRow(tr("&Key query parameter:"), box);
        buddy(box, m_keyQueryParameter);
    }

    const auto timeout = [&](const char* name) {
        auto* spin = new QSpinBox(page);
        spin->setObjectName(QLatin1String(name));
        spin->setRange(0, int(MaxTimeoutMs));
        spin->setSingleStep(500);
        spin->setSuffix(tr(" ms"));
        spin->setGroupSeparatorShown(true);
        return spin;
    };
    m_connectTimeout = timeout("apiConnectTimeout");
    m_requestTimeout = timeout("apiRequestTimeout");
    {
        auto [box, error] = field(QStringLiteral("timeouts"), m_connectTimeout);
        auto* row = new QHBoxLayout;
        auto* connectLabel = new QLabel(tr("C&onnect:"), page);
        connectLabel->setBuddy(m_connectTimeout);
        auto* requestLabel = new QLabel(tr("Re&quest:"), page);
        requestLabel->setBuddy(m_requestTimeout);
        row->addWidget(connectLabel);
        row->addWidget(m_connectTimeout);
        row->addSpacing(12);
        row->addWidget(requestLabel);
        row->addWidget(m_requestTimeout);
        row->addStretch(1);
        box->addLayout(row);
        box->addWidget(error);
        form->addRow(tr("Timeouts:"), box);
    }
    return page;
}

void ApiEditorDialog::fill(const app::ApiDefinition& api)
{
    m_name->setText(api.name);
    m_slug->setText(api.slug);
    m_version->setText(api.version);
    m_description->setPlainText(api.description);
    m_tags->setText(api.tags.join(QStringLiteral(", ")));
    m_visibility->setCurrentIndex(m_visibility->findData(int(api.visibility)));
    m_basePath->setText(api.basePath);
    m_stripBasePath->setChecked(api.stripBasePath);
    m_routes->setRowCount(0);
    for (const app::ApiRoute& route : api.routes)
        addRoute(route.method, route.path);
    m_upstreams->setRowCount(0);
    for (const app::ApiUpstream& upstream : api.upstreams)
        addUpstream(upstream.url, upstream.weight);
    m_balancing->setCurrentIndex(m_balancing->findData(int(api.balancing)));
    m_authMode->setCurrentIndex(m_authMode->findData(int(api.authMode)));
    m_keyQueryParameter->setText(api.keyQueryParameter);
    m_connectTimeout->setValue(int(qBound<qint64>(0, api.connectTimeoutMs, MaxTimeoutMs)));
    m_requestTimeout->setValue(int(qBound<qint64>(0, api.requestTimeoutMs, MaxTimeoutMs)));
}

void ApiEditorDialog::loadTeams()
{
    if (!m_catalog) {
        m_teamsLoaded = true;
        return;
    }
    const app::Principal actor = m_actor;
    const qint64 current = m_original.teamId;
    // Teams the actor may publish for, plus the API's own team when editing
    // (the catalog decides whether that edit is allowed).
    m_catalog->run(
        this,
        [actor, current](app::CatalogStore& store) {
            return publishableTeams(store, actor, current);
        },
        [this, current](const QList<app::Team>& teams) {
            m_team->clear();
            for (const app::Team& team : teams)
                m_team->addItem(team.name, team.id);
            const int index = m_team->findData(current);
            m_team->setCurrentIndex(index >= 0 ? index : 0);
            if (teams.isEmpty())
                m_errors.value(QStringLiteral("team"))
                    ->showError(tr("You may not publish APIs for any team."));
            m_teamsLoaded = true;
            updateOk();
        });
}

QList<app::Team> ApiEditorDialog::publishableTeams(app::CatalogStore& store,
                                                   const app::Principal& actor,
                                                   qint64 currentTeamId)
{
    const app::AccessPolicy policy(store.database());
    const QList<app::Team> all =
        actor.isAdmin() ? store.teams().teams() : store.teams().teamsOf(actor.userId);
    QList<app::Team> teams;
    bool haveCurrent = false;
    for (const app::Team& team : all) {
        if (team.id == currentTeamId || policy.canEditApi(actor, team.id)) {
            teams.append(team);
            haveCurrent = haveCurrent || team.id == currentTeamId;
        }
    }
    if (currentTeamId != 0 && !haveCurrent) {
        if (auto team = store.teams().team(currentTeamId))
            teams.prepend(*team);
    }
    return teams;
}

void ApiEditorDialog::addRoute(const QString& method, const QString& path)
{
    const int row = m_routes->rowCount();
    m_routes->insertRow(row);
    auto* combo = new QComboBox(m_routes);
    combo->setObjectName(QStringLiteral("routeMethod"));
    combo->addItems(methods());
    if (combo->findText(method) < 0)
        combo->addItem(method);
    combo->setCurrentText(method);
    m_routes->setCellWidget(row, MethodColumn, combo);
    m_routes->setItem(row, PathColumn, new QTableWidgetItem(path));
    if (path.isEmpty() && isVisible()) {
        m_routes->setCurrentCell(row, PathColumn);
        m_routes->editItem(m_routes->item(row, PathColumn));
    }
}

void ApiEditorDialog::addUpstream(const QString& url, int weight)
{
    const int row = m_upstreams->rowCount();
    m_upstreams->insertRow(row);
    m_upstreams->setItem(row, UrlColumn, new QTableWidgetItem(url));
    auto* spin = new QSpinBox(m_upstreams);
    spin->setObjectName(QStringLiteral("upstreamWeight"));
    spin->setRange(0, 1000);
    spin->setValue(weight);
    m_upstreams->setCellWidget(row, WeightColumn, spin);
    if (url.isEmpty() && isVisible()) {
        m_upstreams->setCurrentCell(row, UrlColumn);
        m_upstreams->editItem(m_upstreams->item(row, UrlColumn));
    }
}

void ApiEditorDialog::removeSelectedRows(QTableWidget* table)
{
    QList<int> rows;
    for (const QModelIndex& index : table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && table->currentRow() >= 0)
        rows.append(table->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        table->removeRow(row);
}

app::ApiDefinition ApiEditorDialog::definition() const
{
    app::ApiDefinition api = m_original;
    if (m_mode == Mode::NewVersion) {
        api.version = m_version->text().trimmed();
        api.basePath = m_basePath->text().trimmed();
        return api;
    }
    api.name = m_name->text().trimmed();
    api.slug = m_slug->text().trimmed();
    api.version = m_version->text().trimmed();
    api.description = m_description->toPlainText().trimmed();
    api.tags.clear();
    for (const QString& tag : m_tags->text().split(QLatin1Char(','))) {
        if (!tag.trimmed().isEmpty())
            api.tags.append(tag.trimmed());
    }
    api.teamId = m_team->count() > 0 ? m_team->currentData().toLongLong() : 0;
    api.visibility = app::ApiVisibility(m_visibility->currentData().toInt());
    api.basePath = m_basePath->text().trimmed();
    api.stripBasePath = m_stripBasePath->isChecked();
    api.routes.clear();
    for (int row = 0; row < m_routes->rowCount(); ++row) {
        const auto* combo = qobject_cast<QComboBox*>(m_routes->cellWidget(row, MethodColumn));
        const QTableWidgetItem* path = m_routes->item(row, PathColumn);
        api.routes.append({combo ? combo->currentText() : QStringLiteral("*"),
                           path ? path->text().trimmed() : QString()});
    }
    api.upstreams.clear();
    for (int row = 0; row < m_upstreams->rowCount(); ++row) {
        const QTableWidgetItem* url = m_upstreams->item(row, UrlColumn);
        const auto* weight = qobject_cast<QSpinBox*>(m_upstreams->cellWidget(row, WeightColumn));
        api.upstreams.append(
            {url ? url->text().trimmed() : QString(), weight ? weight->value() : 1});
    }
    api.balancing = app::BalancingPolicy(m_balancing->currentData().toInt());
    api.authMode = app::AuthMode(m_authMode->currentData().toInt());
    api.keyQueryParameter = m_keyQueryParameter->text().trimmed();
    api.connectTimeoutMs = m_connectTimeout->value();
    api.requestTimeoutMs = m_requestTimeout->value();
    return api;
}

QString ApiEditorDialog::fieldError(const QString& field) const
{
    const FormErrorLabel* label = field.isEmpty() ? m_refusal : m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString ApiEditorDialog::refusalText(app::DomainErrorCode code, const QString& message)
{
    QString why;
    switch (code) {
    case app::DomainErrorCode::Forbidden:
        why = tr("Permission denied");
        break;
    case app::DomainErrorCode::NotFound:
        why = tr("No longer exists or is not visible to you");
        break;
    case app::DomainErrorCode::Conflict:
        why = tr("Already exists or not possible now");
        break;
    case app::DomainErrorCode::Invalid:
        why = tr("Invalid API");
        break;
    case app::DomainErrorCode::Storage:
        why = tr("The catalog could not be read or written");
        break;
    case app::DomainErrorCode::None:
        why = tr("Failed");
        break;
    }
    return message.isEmpty() ? why : tr("%1: %2").arg(why, message);
}

QString ApiEditorDialog::conflictText(const QString& field, const QString& message)
{
    if (field == QLatin1String("version"))
        return tr("This version of the API already exists: choose another version.");
    if (field == QLatin1String("basePath"))
        return tr("This base path is already in use by another API.");
    return refusalText(app::DomainErrorCode::Conflict, message);
}

QString ApiEditorDialog::basePathConflictText(const QString& basePath,
                                              const app::BasePathCheck& check)
{
    if (check.otherName.isEmpty())
        return tr("%1 is already in use by another API.").arg(basePath);
    if (app::BasePath::normalized(basePath) == app::BasePath::normalized(check.otherBasePath))
        return tr("%1 is already the base path of %2 %3.")
            .arg(basePath, check.otherName, check.otherVersion);
    if (!check.route.isEmpty())
        return tr("%1 overlaps %2, the base path of %3 %4: the route %5 lies under both, so the "
                  "gateway would send one API's calls to the other.")
            .arg(basePath, check.otherBasePath, check.otherName, check.otherVersion, check.route);
    return tr("%1 overlaps %2, the base path of %3 %4: the gateway would send one API's calls "
              "to the other.")
        .arg(basePath, check.otherBasePath, check.otherName, check.otherVersion);
}

void ApiEditorDialog::showFieldError(const QString& field, const QString& text)
{
    FormErrorLabel* label = m_errors.value(field, m_refusal);
    label->showError(text);
    QWidget* widget = m_fields.value(field);
    if (!widget)
        return;
    if (m_tabs) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->widget(i)->isAncestorOf(widget))
                m_tabs->setCurrentIndex(i);
        }
    }
    widget->setFocus();
}

void ApiEditorDialog::clearErrors()
{
    for (FormErrorLabel* label : std::as_const(m_errors)) {
        if (label->objectName() != QLatin1String("teamError") || m_team->count() > 0)
            label->clearError();
    }
    m_refusal->clearError();
}

bool ApiEditorDialog::showValidation(
    const QString& why, const std::function<void(const QString&, const QString&)>& show)
{
    static const QRegularExpression indexed(
        QStringLiteral("^(routes|upstreams)\\[(\\d+)\\]\\.(\\w+):"));
    if (const auto m = indexed.match(why); m.hasMatch()) {
        const int n = m.captured(2).toInt() + 1;
        const QString part = m.captured(3);
        if (m.captured(1) == QLatin1String("routes")) {
            show(QStringLiteral("routes"),
                 part == QLatin1String("method")
                     ? ApiEditorDialog::tr("Route %1: not an HTTP method.").arg(n)
                     : ApiEditorDialog::tr("Route %1: the path must start with '/'.").arg(n));
        } else {
            show(QStringLiteral("upstreams"),
                 ApiEditorDialog::tr("Target %1: the weight must be at least 1.").arg(n));
        }
        return true;
    }
    const QString field = why.section(QLatin1Char(':'), 0, 0);
    if (field == QLatin1String("slug"))
        show(field, ApiEditorDialog::tr("Use 1-63 characters of a-z, 0-9 and '-', starting with "
                                        "a letter or digit."));
    else if (field == QLatin1String("version"))
        show(field, ApiEditorDialog::tr("Use 1-32 characters of A-Z, a-z, 0-9, '.', '_' and '-'."));
    else if (field == QLatin1String("name"))
        show(field, ApiEditorDialog::tr("Enter a name."));
    else if (field == QLatin1String("basePath") && why.contains(QLatin1String("start with")))
        show(field, ApiEditorDialog::tr("The base path must start with '/'."));
    else if (field == QLatin1String("basePath"))
        show(field, ApiEditorDialog::tr("Use a plain path: no empty, '.' or '..' segments, no "
                                        "'?' or '#'."));
    else if (field == QLatin1String("timeouts"))
        show(field, ApiEditorDialog::tr("Timeouts must be longer than 0 ms."));
    else if (field == QLatin1String("keyQueryParameter") && why.contains(QLatin1String("open")))
        show(field, ApiEditorDialog::tr("Only APIs that require an API key take one from the "
                                        "query. Clear this field or choose API key "
                                        "authentication."));
    else if (field == QLatin1String("keyQueryParameter"))
        show(field, ApiEditorDialog::tr("Use up to 64 characters of A-Z, a-z, 0-9, '.', '_', "
                                        "'~' and '-'."));
    else
        return false;
    return true;
}

bool ApiEditorDialog::check()
{
    clearErrors();
    const app::ApiDefinition api = definition();
    QString first;
    const auto require = [&](bool ok, const QString& field, const QString& text) {
        if (ok)
            return;
        m_errors.value(field)->showError(text);
        if (first.isEmpty())
            first = field;
    };
    if (m_mode == Mode::NewVersion) {
        require(!api.version.isEmpty(), QStringLiteral("version"), tr("Enter a version."));
        require(!api.basePath.isEmpty(), QStringLiteral("basePath"), tr("Enter a base path."));
    } else {
        require(!api.name.isEmpty(), QStringLiteral("name"), tr("Enter a name."));
        require(!api.slug.isEmpty(), QStringLiteral("slug"), tr("Enter a slug."));
        require(!api.version.isEmpty(), QStringLiteral("version"), tr("Enter a version."));
        require(!api.basePath.isEmpty(), QStringLiteral("basePath"), tr("Enter a base path."));
        bool urls = true;
        for (const app::ApiUpstream& upstream : api.upstreams)
            urls = urls && !upstream.url.isEmpty();
        require(urls, QStringLiteral("upstreams"), tr("Enter a URL for every target."));
    }
    if (!first.isEmpty()) {
        showFieldError(first, m_errors.value(first)->text());
        return false;
    }
    const app::DomainMessage why = app::ApiCatalog::validationMessage(api);
    if (why.isEmpty())
        return true;
    if (!showValidation(why.toString(),
                        [this](const QString& f, const QString& t) { showFieldError(f, t); }))
        m_refusal->showError(refusalText(app::DomainErrorCode::Invalid, domainMessageText(why)));
    return false;
}

void ApiEditorDialog::submit()
{
    if (m_busy || !check())
        return;
    if (!m_catalog) {
        m_refusal->showError(tr("The catalog is not available."));
        return;
    }
    setBusy(true);
    const app::Principal actor = m_actor;
    const app::ApiDefinition api = definition();
    const auto done = [this](const SaveOutcome& outcome) {
        finish(outcome.api, outcome.code, outcome.error, outcome.field, outcome.basePath);
    };
    switch (m_mode) {
    case Mode::Create:
        m_catalog->mutate(
            this,
            [actor, api](app::CatalogStore& store) {
                const auto created = store.apis().createApi(actor, api);
                return created ? success(created) : failure(store.apis(), actor, api, 0);
            },
            done);
        break;
    case Mode::Edit:
        m_catalog->mutate(
            this,
            [actor, api](app::CatalogStore& store) {
                if (!store.apis().updateApi(actor, api))
                    return failure(store.apis(), actor, api, api.id);
                const auto stored = store.apis().api(actor, api.id);
                return stored ? success(stored) : failure(store.apis());
            },
            done);
        break;
    case Mode::NewVersion:
        m_catalog->mutate(
            this,
            [actor, api](app::CatalogStore& store) {
                const auto created =
                    store.apis().createVersion(actor, api.id, api.version, api.basePath);
                return created ? success(created) : failure(store.apis(), actor, api, 0);
            },
            done);
        break;
    }
}

void ApiEditorDialog::finish(const std::optional<app::ApiDefinition>& api,
                             app::DomainErrorCode code, const app::DomainMessage& error,
                             const QString& field,
                             const std::optional<app::BasePathCheck>& basePath)
{
    setBusy(false);
    if (api) {
        m_saved = *api;
        emit saved(m_saved);
        accept();
        return;
    }
    if (basePath && basePath->taken) {
        QString text = basePathConflictText(definition().basePath, *basePath);
        if (!basePath->freeBasePath.isEmpty())
            text += QLatin1Char(' ') + tr("%1 is free.").arg(basePath->freeBasePath);
        showFieldError(QStringLiteral("basePath"), text);
        fitHeight();
        return;
    }
    if (code == app::DomainErrorCode::Invalid &&
        // The English message names the field it is about ("slug: ...").
        showValidation(error.toString(),
                       [this](const QString& f, const QString& t) { showFieldError(f, t); }))
        return;
    if (code == app::DomainErrorCode::Conflict && m_errors.contains(field)) {
        showFieldError(field, conflictText(field, domainMessageText(error)));
        fitHeight();
        return;
    }
    m_refusal->showError(refusalText(code, domainMessageText(error)));
    fitHeight();
}

// The small new-version dialog is sized to its form; a wrapped message
// below a field needs more height.
void ApiEditorDialog::fitHeight()
{
    if (m_mode != Mode::NewVersion)
        return;
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ApiEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (m_tabs)
        m_tabs->setEnabled(!busy);
    m_version->setEnabled(!busy);
    if (m_mode == Mode::NewVersion)
        m_basePath->setEnabled(!busy);
    updateOk();
}

void ApiEditorDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && m_teamsLoaded);
}

} // namespace gatehouse::ui
