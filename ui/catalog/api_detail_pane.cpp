// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/api_detail_pane.h"

#include "app/cache_policy_fields.h"
#include "ui/domain_message_text.h"

#include "ui/catalog/api_analytics_panel.h"
#include "ui/catalog/cache_policy_form.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/try_it_panel.h"
#include "ui/status_colors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProxyStyle>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

QTableWidget* makeTable(const QStringList& headers, const char* name, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    table->setObjectName(QLatin1String(name));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto* item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(cells.at(column));
        table->setItem(row, column, item);
    }
}

// Seven tabs must fit the pane beside a table that keeps all its columns:
// half the style's horizontal padding per tab leaves the text whole.
class CompactTabStyle : public QProxyStyle {
public:
    int pixelMetric(PixelMetric metric, const QStyleOption* option,
                    const QWidget* widget) const override
    {
        const int value = QProxyStyle::pixelMetric(metric, option, widget);
        return metric == PM_TabBarTabHSpace ? value / 2 : value;
    }
};

QString badgeStyle(const QColor& color)
{
    return QStringLiteral("QLabel { background: %1; color: white; border-radius: 9px;"
                          " padding: 2px 9px; font-weight: bold; }")
        .arg(color.name());
}

} // namespace

QString ApiDetailPane::actionText(app::ApiAction action)
{
    switch (action) {
    case app::ApiAction::Publish:
        return tr("&Publish…");
    case app::ApiAction::Deprecate:
        return tr("&Deprecate…");
    case app::ApiAction::Retire:
        return tr("Re&tire…");
    case app::ApiAction::DeleteDraft:
        return tr("Delete &Draft…");
    case app::ApiAction::NewVersion:
        break;
    }
    // O: the one letter of it that no other control of the page takes, on
    // any tab and in any state (the cache tab takes most).
    return tr("New Versi&on…");
}

ApiDetailPane::ApiDetailPane(app::GatewayController* gateway, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("apiDetailPane"));
    setMinimumWidth(360);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_note = new QLabel(m_stack);
    m_note->setObjectName(QStringLiteral("detailNote"));
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_stack->addWidget(m_note);

    auto* content = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 0, 0, 0); // the page around it has margins already
    auto* headingRow = new QHBoxLayout;
    m_heading = new QLabel(content);
    m_heading->setObjectName(QStringLiteral("detailHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_badge = new QLabel(content);
    m_badge->setObjectName(QStringLiteral("detailBadge"));
    headingRow->addWidget(m_heading);
    headingRow->addWidget(m_badge);
    headingRow->addStretch(1);
    // Beside the name, not among the lifecycle actions: every reader may
    // export what they see, and that row is full in some languages.
    m_export = new QPushButton(tr("E&xport…"), content);
    m_export->setObjectName(QStringLiteral("exportApiButton"));
    m_export->setToolTip(tr("Save this API's definition to a file: its OpenAPI document as "
                            "JSON, or a workspace file when it has none"));
    connect(m_export, &QPushButton::clicked, this, &ApiDetailPane::exportRequested);
    headingRow->addWidget(m_export);
    layout->addLayout(headingRow);

    auto* actions = new QHBoxLayout;
    const struct {
        app::ApiAction action;
        const char* name;
    } buttons[] = {
        {app::ApiAction::Publish, "publishButton"},
        {app::ApiAction::Deprecate, "deprecateButton"},
        {app::ApiAction::Retire, "retireButton"},
        {app::ApiAction::NewVersion, "newVersionButton"},
        {app::ApiAction::DeleteDraft, "deleteDraftButton"},
    };
    for (const auto& b : buttons) {
        auto* button = new QPushButton(actionText(b.action), content);
        button->setObjectName(QLatin1String(b.name));
        button->hide();
        const app::ApiAction action = b.action;
        connect(button, &QPushButton::clicked, this,
                [this, action] { emit actionRequested(action); });
        m_actions.insert(action, button);
        actions->addWidget(button);
    }
    actions->addStretch(1);
    layout->addLayout(actions);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    // Every tab stays in sight: the pane is at least as wide as its tabs.
    m_tabs->setUsesScrollButtons(false);
    auto* tabStyle = new CompactTabStyle;
    tabStyle->setParent(m_tabs);
    m_tabs->tabBar()->setStyle(tabStyle);
    m_tabs->addTab(buildOverview(), tr("Overview"));
    m_tabs->addTab(buildRoutes(), tr("Routes"));
    m_tabs->addTab(buildDocumentation(), tr("Docs"));
    m_tabs->addTab(buildSubscribers(), tr("Subscribers"));
    m_tabs->addTab(buildCache(), tr("Cache"));
    m_tryIt = new TryItPanel(gateway, m_tabs);
    m_tabs->addTab(m_tryIt, tr("Try It"));
    m_analytics = new ApiAnalyticsPanel(gateway, m_tabs);
    m_tabs->addTab(m_analytics, tr("Analytics"));
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);
    // The splitter may not squeeze the tabs: whatever the language, every
    // one stays readable.
    const QMargins margins = layout->contentsMargins();
    setMinimumWidth(std::max(minimumWidth(),
                             m_tabs->minimumSizeHint().width() + margins.left() + margins.right()));
    showNote(tr("Select an API to see its details."));
}

void ApiDetailPane::setTelemetryService(app::TelemetryService* service)
{
    m_analytics->setTelemetryService(service);
}

QLabel* ApiDetailPane::addRow(QFormLayout* form, const QString& label, const char* name)
{
    auto* value = new QLabel;
    value->setObjectName(QLatin1String(name));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    return value;
}

QWidget* ApiDetailPane::buildOverview()
{
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget;
    m_overviewForm = new QFormLayout(page);
    m_overviewForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_overviewForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_description = addRow(m_overviewForm, tr("Description:"), "detailDescription");
    m_team = addRow(m_overviewForm, tr("Owner team:"), "detailTeam");
    m_visibility = addRow(m_overviewForm, tr("Visibility:"), "detailVisibility");
    m_auth = addRow(m_overviewForm, tr("Access:"), "detailAuth");
    m_keyQuery = addRow(m_overviewForm, tr("Key query parameter:"), "detailKeyQueryParameter");
    m_basePath = addRow(m_overviewForm, tr("Base path:"), "detailBasePath");
    m_versions = addRow(m_overviewForm, tr("Versions:"), "detailVersions");
    m_versions->setTextFormat(Qt::RichText);
    m_versions->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_versions->setOpenExternalLinks(false);
    connect(m_versions, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(QLatin1String("api:")))
            emit versionActivated(link.mid(4).toLongLong());
    });
    m_lifecycle = addRow(m_overviewForm, tr("Lifecycle:"), "detailLifecycle");
    m_lifecycle->setTextFormat(Qt::RichText);
    m_lifecycle->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_lifecycle, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(QLatin1String("api:")))
            emit versionActivated(link.mid(4).toLongLong());
    });
    m_upstreams = addRow(m_overviewForm, tr("Upstream targets:"), "detailUpstreams");
    m_tags = addRow(m_overviewForm, tr("Tags:"), "detailTags");
    m_plans = addRow(m_overviewForm, tr("Plans:"), "detailPlans");
    m_updated = addRow(m_overviewForm, tr("Updated:"), "detailUpdated");
    scroll->setWidget(page);
    return scroll;
}

QWidget* ApiDetailPane::buildRoutes()
{
    m_routes = makeTable({tr("Method"), tr("Route"), tr("Gateway path")}, "routesTable", nullptr);
    return m_routes;
}

QWidget* ApiDetailPane::buildDocumentation()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_docNote = new QLabel(page);
    m_docNote->setObjectName(QStringLiteral("documentationNote"));
    m_docNote->setWordWrap(true);
    layout->addWidget(m_docNote);
    m_operations = new QTreeWidget(page);
    m_operations->setObjectName(QStringLiteral("operationsTree"));
    m_operations->setColumnCount(2);
    m_operations->setHeaderLabels({tr("Operation"), tr("Details")});
    m_operations->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_operations->setAlternatingRowColors(true);
    m_operations->setWordWrap(false);
    layout->addWidget(m_operations, 1);
    return page;
}

QWidget* ApiDetailPane::buildSubscribers()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_subscribersNote = new QLabel(page);
    m_subscribersNote->setObjectName(QStringLiteral("subscribersNote"));
    m_subscribersNote->setWordWrap(true);
    // At the top, also when it is all the tab shows (no table: not allowed
    // to see the subscribers, or they could not be read).
    m_subscribersNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_subscribersNote);
    m_subscribers = makeTable({tr("Application"), tr("Plan"), tr("State"), tr("Since")},
                              "subscribersTable", page);
    layout->addWidget(m_subscribers, 1);
    return page;
}

QWidget* ApiDetailPane::buildCache()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_cacheSummary = new QLabel(page);
    m_cacheSummary->setObjectName(QStringLiteral("cacheSummary"));
    m_cacheSummary->setWordWrap(true);
    layout->addWidget(m_cacheSummary);
    m_cacheForm = new CachePolicyForm(page);
    layout->addWidget(m_cacheForm, 1);
    connect(m_cacheForm, &CachePolicyForm::saveRequested, this,
            &ApiDetailPane::cachePolicySaveRequested);
    return page;
}

QString ApiDetailPane::heading() const
{
    return m_stack->currentIndex() == 0 ? m_note->text() : m_heading->text();
}

void ApiDetailPane::showNote(const QString& note)
{
    m_details = {};
    m_note->setText(note);
    m_stack->setCurrentIndex(0);
    for (QPushButton* button : std::as_const(m_actions))
        button->hide();
    m_export->hide();
    m_analytics->setApi(0);
}

void ApiDetailPane::showDetails(const app::ApiDetails& details)
{
    if (!details.entry) {
        showNote(domainMessageText(details.errorMessage));
        return;
    }
    const bool sameApi = m_details.entry && m_details.entry->api.id == details.entry->api.id;
    m_details = details;
    const app::CatalogEntry& entry = *details.entry;
    const app::ApiDefinition& api = entry.api;
    m_heading->setText(tr("%1 %2").arg(api.name, api.version));
    // The state alone: a narrow pane has no room for a date beside the name,
    // and the overview's Lifecycle row gives the sunset date. Pointing at the
    // badge shows it too.
    m_badge->setText(CatalogModel::stateName(api.state));
    m_badge->setToolTip(CatalogModel::stateText(api));
    m_badge->setStyleSheet(badgeStyle(CatalogModel::stateColor(api.state)));
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        it.value()->setVisible(entry.actions.contains(it.key()));
    fillOverview(entry);
    fillRoutes(api);
    fillDocumentation();
    fillSubscribers();
    fillCache(entry, sameApi);
    // A reload of the same API keeps what was typed into the Try-it panel.
    if (!sameApi)
        m_tryIt->setApi(api);
    m_export->show();
    m_analytics->setApi(static_cast<quint64>(api.id));
    m_stack->setCurrentIndex(1);
}

void ApiDetailPane::fillOverview(const app::CatalogEntry& entry)
{
    const app::ApiDefinition& api = entry.api;
    m_description->setText(api.description.isEmpty() ? tr("(no description)") : api.description);
    m_team->setText(entry.team);
    m_visibility->setText(api.visibility == app::ApiVisibility::Organisation
                              ? tr("Organisation: everyone sees it once published")
                              : tr("Team: only the owning team sees it"));
    m_auth->setText(api.authMode == app::AuthMode::Open
                        ? tr("Open: no key needed")
                        : tr("API key with an approved subscription"));
    // Shown only for an API that opted in to keys in the URL.
    const bool queryKey = api.authMode == app::AuthMode::ApiKey && !api.keyQueryParameter.isEmpty();
    m_keyQuery->setText(
        queryKey
            ? tr("%1: the key is also accepted in the URL, as ?%1=…").arg(api.keyQueryParameter)
            : QString());
    m_overviewForm->setRowVisible(m_keyQuery, queryKey);
    m_basePath->setText(api.basePath);

    QStringList links;
    for (const app::ApiVersionLink& v : m_details.versions) {
        const QString label =
            tr("%1 (%2)").arg(v.version.toHtmlEscaped(), CatalogModel::stateName(v.state));
        links << (v.id == api.id
                      ? QStringLiteral("<b>%1</b>").arg(label)
                      : QStringLiteral("<a href=\"api:%1\">%2</a>").arg(v.id).arg(label));
    }
    m_versions->setText(links.join(QStringLiteral(" · ")));
    // Not an empty list: unknown. Say so, in the error colour.
    m_versions->setToolTip(QString());
    if (!m_details.versionsError.isEmpty()) {
        const QString text =
            m_details.versionsErrorCode == app::DomainErrorCode::Storage
                ? tr("The versions could not be loaded: the catalog database reported an "
                     "error. Point at this text for the details.")
                : tr("The versions could not be loaded: %1")
                      .arg(domainMessageText(m_details.versionsErrorMessage));
        m_versions->setText(QStringLiteral("<span style=\"color: %1\">%2</span>")
                                .arg(StatusColors::bad().name(), text.toHtmlEscaped()));
        m_versions->setToolTip(
            storageDetails(m_details.versionsErrorCode, m_details.versionsErrorMessage));
    }

    const auto versionName = [this](qint64 id) {
        for (const auto& v : m_details.versions) {
            if (v.id == id)
                return QStringLiteral("<a href=\"api:%1\">%2</a>")
                    .arg(id)
                    .arg(v.version.toHtmlEscaped());
        }
        return tr("#%1").arg(id);
    };
    QStringList lifecycle;
    lifecycle << CatalogModel::stateName(api.state).toHtmlEscaped();
    if (api.state == app::ApiState::Deprecated && api.sunsetAt > 0)
        lifecycle << tr("sunset on %1").arg(CatalogModel::dateText(api.sunsetAt)).toHtmlEscaped();
    qint64 previous = api.previousId;
    for (const auto& v : m_details.versions) {
        if (previous == 0 && v.successorId == api.id)
            previous = v.id; // linked by deprecating it with this successor
    }
    if (previous != 0)
        lifecycle << tr("follows %1").arg(versionName(previous));
    if (api.successorId != 0)
        lifecycle << tr("succeeded by %1").arg(versionName(api.successorId));
    m_lifecycle->setText(lifecycle.join(QStringLiteral("; ")));

    QStringList targets;
    for (const app::ApiUpstream& u : api.upstreams)
        targets << (u.weight == 1 ? u.url : tr("%1 (weight %2)").arg(u.url).arg(u.weight));
    m_upstreams->setText(targets.isEmpty() ? tr("(none)") : targets.join(QLatin1Char('\n')));
    m_tags->setText(api.tags.isEmpty() ? tr("(none)") : api.tags.join(QStringLiteral(", ")));
    QStringList plans;
    const QLocale locale;
    for (const app::Plan& p : m_details.plans) {
        const QString approval = p.approvalMode == app::ApprovalMode::Automatic
                                     ? tr("automatic approval")
                                     : tr("manual approval");
        plans << (p.rateLimitPerMinute > 0
                      ? tr("%1: %2, %3/min")
                            .arg(p.name, approval, locale.toString(p.rateLimitPerMinute))
                      : tr("%1: %2").arg(p.name, approval));
    }
    m_plans->setText(plans.isEmpty() ? tr("(none)") : plans.join(QLatin1Char('\n')));
    // Not an empty list: unknown. Say so, in the error colour.
    m_plans->setPalette(QPalette()); // inherited again
    m_plans->setToolTip(QString());
    if (!m_details.plansError.isEmpty()) {
        QPalette bad = m_plans->palette();
        bad.setColor(QPalette::WindowText, StatusColors::bad());
        m_plans->setPalette(bad);
        m_plans->setText(m_details.plansErrorCode == app::DomainErrorCode::Storage
                             ? tr("The plans could not be loaded: the catalog database "
                                  "reported an error. Point at this text for the details.")
                             : tr("The plans could not be loaded: %1")
                                   .arg(domainMessageText(m_details.plansErrorMessage)));
        m_plans->setToolTip(storageDetails(m_details.plansErrorCode, m_details.plansErrorMessage));
    }
    m_updated->setText(CatalogModel::dateTimeText(api.updatedAt));
}

void ApiDetailPane::fillRoutes(const app::ApiDefinition& api)
{
    m_routes->setRowCount(int(api.routes.size()));
    QString base = api.basePath;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    for (int row = 0; row < api.routes.size(); ++row) {
        const app::ApiRoute& r = api.routes.at(row);
        setRow(m_routes, row,
               {r.method == QLatin1String("*") ? tr("any") : r.method, r.path, base + r.path});
    }
}

void ApiDetailPane::fillDocumentation()
{
    m_operations->clear();
    const app::OpenApiSummary& doc = m_details.openApi;
    const bool hasDocument = m_details.entry && !m_details.entry->api.openApi.trimmed().isEmpty();
    if (!hasDocument) {
        m_docNote->setText(tr("This API has no OpenAPI document. Import one when editing the "
                              "API to list its operations here."));
    } else if (!doc.error.isEmpty()) {
        m_docNote->setText(
            tr("The OpenAPI document cannot be read: %1").arg(domainMessageText(doc.errorMessage)));
    } else {
        const QString operations =
            doc.operations.size() == 1
                ? tr("1 operation")
                : tr("%1 operations").arg(QLocale().toString(doc.operations.size()));
        const QString title = tr("%1 %2: %3.").arg(doc.title, doc.version, operations);
        m_docNote->setText(doc.description.isEmpty() ? title
                                                     : tr("%1 %2").arg(title, doc.description));
    }
    m_operations->setVisible(hasDocument && doc.error.isEmpty());
    QFont bold = m_operations->font();
    bold.setBold(true);
    for (const app::OpenApiOperation& op : doc.operations) {
        auto* item = new QTreeWidgetItem(m_operations);
        item->setText(0, QStringLiteral("%1 %2").arg(op.method, op.path));
        item->setFont(0, bold);
        QString summary = op.summary.isEmpty() ? op.operationId : op.summary;
        if (op.deprecated)
            summary = tr("%1 (deprecated)").arg(summary);
        item->setText(1, summary);
        item->setToolTip(1, op.description.isEmpty() ? summary : op.description);
        if (!op.parameters.isEmpty()) {
            auto* params = new QTreeWidgetItem(item, {tr("Parameters")});
            for (const app::OpenApiParameter& p : op.parameters) {
                QStringList traits{p.location};
                if (!p.type.isEmpty())
                    traits << p.type;
                if (p.required)
                    traits << tr("required");
                auto* param = new QTreeWidgetItem(
                    params,
                    {tr("%1 (%2)").arg(p.name, traits.join(QStringLiteral(", "))), p.description});
                param->setToolTip(1, p.description);
            }
        }
        if (op.hasRequestBody)
            new QTreeWidgetItem(item, {tr("Request body")});
        if (!op.responses.isEmpty()) {
            auto* responses = new QTreeWidgetItem(item, {tr("Responses")});
            for (const app::OpenApiResponse& r : op.responses)
                new QTreeWidgetItem(responses, {r.status, r.description});
        }
    }
    m_operations->expandAll();
}

QString ApiDetailPane::storageDetails(app::DomainErrorCode code, const app::DomainMessage& error)
{
    // The database's own words are for whoever looks after it: technical,
    // in English, not the message itself.
    if (code != app::DomainErrorCode::Storage)
        return {};
    return tr("Details from the catalog database: %1").arg(domainMessageText(error));
}

void ApiDetailPane::fillSubscribers()
{
    m_subscribers->setRowCount(0);
    if (!m_details.subscribersVisible) {
        m_subscribersNote->setText(tr("Subscribers are shown to the API's team owners, its "
                                      "publishers and admins."));
        m_subscribers->hide();
        return;
    }
    m_subscribersNote->setPalette(QPalette()); // inherited again
    m_subscribersNote->setToolTip(QString());
    // Not an empty list: unknown. Say so, in the error colour.
    if (!m_details.subscribersError.isEmpty()) {
        QPalette bad = m_subscribersNote->palette();
        bad.setColor(QPalette::WindowText, StatusColors::bad());
        m_subscribersNote->setPalette(bad);
        m_subscribersNote->setText(
            m_details.subscribersErrorCode == app::DomainErrorCode::Storage
                ? tr("The subscribers could not be loaded: the catalog database reported an "
                     "error. Try again later; point at this text for the details.")
                : tr("The subscribers could not be loaded: %1")
                      .arg(domainMessageText(m_details.subscribersErrorMessage)));
        m_subscribersNote->setToolTip(
            storageDetails(m_details.subscribersErrorCode, m_details.subscribersErrorMessage));
        m_subscribers->hide();
        return;
    }
    m_subscribers->show();
    const auto count = m_details.subscribers.size();
    m_subscribersNote->setText(count == 0 ? tr("No application has subscribed yet.")
                               : count == 1
                                   ? tr("1 subscription.")
                                   : tr("%1 subscriptions.").arg(QLocale().toString(count)));
    m_subscribers->setRowCount(int(count));
    for (int row = 0; row < count; ++row) {
        const app::ApiSubscriber& s = m_details.subscribers.at(row);
        const QString application = s.applicationTeam.isEmpty()
                                        ? s.application
                                        : tr("%1 (team %2)").arg(s.application, s.applicationTeam);
        QString state;
        switch (s.state) {
        case app::SubscriptionState::Pending:
            state = tr("Pending");
            break;
        case app::SubscriptionState::Approved:
            state = tr("Approved");
            break;
        case app::SubscriptionState::Rejected:
            state = tr("Rejected");
            break;
        case app::SubscriptionState::Suspended:
            state = tr("Suspended");
            break;
        case app::SubscriptionState::Revoked:
            state = tr("Revoked");
            break;
        }
        setRow(m_subscribers, row, {application, s.plan, state, CatalogModel::dateText(s.since)});
    }
}

void ApiDetailPane::fillCache(const app::CatalogEntry& entry, bool sameApi)
{
    const app::ApiDefinition& api = entry.api;
    QString error;
    const auto policy = app::CachePolicyFields::fromJson(api.cachePolicy, &error);
    const bool enabled = policy && policy->enabled;
    QString summary = enabled ? tr("Cached by the gateway. Authorization is checked before "
                                   "every cache lookup; responses are shared between keys "
                                   "unless they say private.")
                              : tr("Not cached: every call goes to the upstream.");
    if (!entry.editable)
        summary += QLatin1Char(' ') + tr("Only the API's publishers and admins may change it.");
    m_cacheSummary->setText(summary);
    // Edits in progress survive a reload of the same API.
    m_cacheForm->setPolicy(api.cachePolicy, entry.editable, sameApi);
}

} // namespace gatehouse::ui
