// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/cache/cache_page.h"

#include "ui/cache/cache_actions_panel.h"
#include "ui/cache/cache_api_model.h"
#include "ui/cache/cache_event_model.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/status_colors.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QResizeEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace gatehouse::ui {

namespace {

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QTableView* tableView(const QString& objectName, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

CachePage::CachePage(app::GatewayController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_apiModel(new CacheApiModel(this))
    , m_eventModel(new CacheEventModel(this))
    , m_apiProxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("cachePage"));
    m_apiProxy->setSourceModel(m_apiModel);
    m_apiProxy->setSortRole(Qt::UserRole);
    buildUi();
    m_timer.setTimerType(Qt::CoarseTimer);
    m_timer.setInterval(refreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &CachePage::refresh);
    connect(m_actions, &CacheActionsPanel::actionFinished, this, &CachePage::refresh);
    refresh();
}

CachePage::~CachePage() = default;

void CachePage::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);

    auto* top = new QHBoxLayout;
    auto* usage = new QGroupBox(tr("Usage"), this);
    m_usageGroup = usage;
    auto* usageColumns = new QHBoxLayout(usage);
    auto* usageForm = new QFormLayout;
    m_usageForm = usageForm;
    usageColumns->addLayout(usageForm, 0); // the chart takes the room beyond the figures
    m_objects = valueLabel(QStringLiteral("objectsLabel"), usage);
    m_budgetBar = new QProgressBar(usage);
    m_budgetBar->setObjectName(QStringLiteral("budgetBar"));
    m_budgetBar->setRange(0, 1000); // per mille: a byte count overflows int
    m_budgetBar->setTextVisible(false);
    m_usage = valueLabel(QStringLiteral("usageLabel"), usage);
    m_bodyFiles = valueLabel(QStringLiteral("bodyFilesLabel"), usage);
    m_bodyFiles->setWordWrap(true); // a warning takes a second line rather than being cut
    m_hitRatio = valueLabel(QStringLiteral("hitRatioLabel"), usage);
    m_activity = valueLabel(QStringLiteral("activityLabel"), usage);
    m_eviction = valueLabel(QStringLiteral("evictionLabel"), usage);
    usageForm->addRow(tr("Objects:"), m_objects);
    usageForm->addRow(tr("Memory:"), m_usage);
    usageForm->addRow(QString(), m_budgetBar);
    usageForm->addRow(tr("Bodies in files:"), m_bodyFiles);
    const QString bodyFilesTip =
        tr("Stored responses of %1 or more are kept in memory files and sent with sendfile, "
           "without copying them. Each holds one file descriptor, and the gateway allows "
           "only so many. While all of them are in use, further large responses are kept in "
           "memory instead and copied on every hit.")
            .arg(QLocale().formattedDataSize(bodyFileMinBytes));
    m_bodyFiles->setToolTip(bodyFilesTip);
    usageForm->labelForField(m_bodyFiles)->setToolTip(bodyFilesTip);
    usageForm->addRow(tr("Hit ratio:"), m_hitRatio);
    usageForm->addRow(tr("Activity:"), m_activity);
    usageForm->addRow(tr("Eviction:"), m_eviction);
    m_hitRatioChart = new RankingBarChart(usage);
    m_hitRatioChart->setObjectName(QStringLiteral("cacheHitRatioChart"));
    m_hitRatioChart->setTitle(tr("Hit ratio by API"));
    m_hitRatioChart->setValueAxisTitle(tr("Hit ratio (%)"));
    m_hitRatioChart->setSeriesName(tr("Hit ratio"));
    m_hitRatioChart->setValueSuffix(tr(" %"));
    m_hitRatioChart->setValueDecimals(1);
    m_hitRatioChart->setFixedMaximum(100.0);
    m_hitRatioChart->setColor(StatusColors::good());
    usageColumns->addWidget(m_hitRatioChart, 1);
    top->addWidget(usage, 3);

    m_actions = new CacheActionsPanel(m_controller, this);
    m_actions->setObjectName(QStringLiteral("cacheActions"));
    top->addWidget(m_actions, 2);
    layout->addLayout(top);

    auto* perApi = new QGroupBox(tr("Per API"), this);
    auto* perApiLayout = new QVBoxLayout(perApi);
    m_apiTable = tableView(QStringLiteral("cacheApiTable"), perApi);
    m_apiTable->setModel(m_apiProxy);
    m_apiTable->setSortingEnabled(true);
    m_apiTable->sortByColumn(CacheApiModel::Requests, Qt::DescendingOrder);
    // Numbers as wide as they need; the API name takes the rest.
    m_apiTable->horizontalHeader()->setStretchLastSection(false);
    m_apiTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_apiTable->horizontalHeader()->setSectionResizeMode(CacheApiModel::Api, QHeaderView::Stretch);
    perApiLayout->addWidget(m_apiTable);
    layout->addWidget(perApi, 1);

    auto* recent = new QGroupBox(tr("Recently stored and evicted"), this);
    auto* recentLayout = new QVBoxLayout(recent);
    m_eventTable = tableView(QStringLiteral("recentEventsTable"), recent);
    m_eventTable->setModel(m_eventModel);
    m_eventTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_eventTable->setWordWrap(false);
    auto* header = m_eventTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(CacheEventModel::Key, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(CacheEventModel::Time, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CacheEventModel::Event, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CacheEventModel::Size, QHeaderView::ResizeToContents);
    recentLayout->addWidget(m_eventTable);
    layout->addWidget(recent, 1);

    connect(m_apiTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CachePage::onSelectionChanged);
    connect(m_apiProxy, &QAbstractItemModel::modelReset, this, &CachePage::onSelectionChanged);
}

void CachePage::setApiNames(const QHash<quint64, QString>& names)
{
    QHash<QString, QString> byKey;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        byKey.insert(QString::number(it.key()), it.value());
    m_apiModel->setApiNames(byKey);
    onSelectionChanged();
}

void CachePage::refresh()
{
    showSnapshot(m_controller->cacheSnapshot(recentEventCount));
}

void CachePage::showSnapshot(const app::CacheSnapshot& snapshot)
{
    m_snapshot = snapshot;
    const QLocale locale;
    const app::CacheCounters& t = snapshot.total;
    m_objects->setText(locale.toString(t.objects));
    const double used = snapshot.budgetBytes
                            ? double(qMax<qint64>(t.bytes, 0)) / double(snapshot.budgetBytes)
                            : 0.0;
    m_budgetBar->setValue(qBound(0, qRound(used * 1000.0), 1000));
    m_usage->setText(tr("%1 of %2 (%3 %)")
                         .arg(locale.formattedDataSize(t.bytes),
                              locale.formattedDataSize(static_cast<qint64>(snapshot.budgetBytes)),
                              locale.toString(used * 100.0, 'f', 1)));
    showBodyFiles(snapshot);
    m_hitRatio->setText(t.lookups() ? tr("%1 % of %2 lookups")
                                          .arg(locale.toString(t.hitRatio() * 100.0, 'f', 1),
                                               locale.toString(t.lookups()))
                                    : tr("No lookups yet"));
    m_activity->setText(tr("%1 stored, %2 evicted, %3 purged")
                            .arg(locale.toString(t.stores), locale.toString(t.evictions),
                                 locale.toString(t.purges)));
    m_eviction->setText(snapshot.eviction == app::CacheEviction::Lru
                            ? tr("LRU (least recently used)")
                            : tr("W-TinyLFU (frequency-aware)"));
    m_apiModel->setRows(snapshot.apis);
    updateHitRatioChart();
    m_eventModel->setEvents(snapshot.recentEvents);
    m_actions->setSnapshot(snapshot);
}

void CachePage::showBodyFiles(const app::CacheSnapshot& snapshot)
{
    const QLocale locale;
    const quint64 used = snapshot.bodyFiles;
    const quint64 limit = snapshot.bodyFilesLimit;
    const QString count =
        tr("%1 of %2 descriptors").arg(locale.toString(used), locale.toString(limit));
    QColor color;
    if (limit > 0 && used >= limit) {
        m_bodyFiles->setText(tr("%1: all in use").arg(count));
        color = StatusColors::bad();
    } else if (limit > 0 && used * 100 >= limit * quint64(bodyFilesWarningPercent)) {
        m_bodyFiles->setText(tr("%1: nearly all in use").arg(count));
        color = StatusColors::warning();
    } else {
        m_bodyFiles->setText(count);
    }
    m_bodyFiles->setStyleSheet(
        color.isValid() ? QStringLiteral("color: %1; font-weight: bold;").arg(color.name())
                        : QString());
}

void CachePage::updateHitRatioChart()
{
    // Best first; APIs without lookups have no ratio and are left out.
    QList<std::pair<double, QString>> ranked;
    for (const app::ApiCacheRow& row : m_snapshot.apis) {
        if (row.counters.lookups() > 0)
            ranked.append({row.counters.hitRatio() * 100.0, m_apiModel->displayName(row.apiKey)});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList names;
    QList<double> values;
    for (const auto& [value, name] : ranked) {
        names.append(name);
        values.append(value);
    }
    if (names != m_hitRatioChart->names() || values != m_hitRatioChart->values())
        m_hitRatioChart->setData(names, values);
    m_hitRatioChart->setOverlayText(names.isEmpty() ? tr("No cache lookups yet") : QString());
}

void CachePage::onSelectionChanged()
{
    const QModelIndexList rows = m_apiTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_actions->setSelectedApi({}, {});
        return;
    }
    const QString key = rows.first().data(CacheApiModel::ApiKeyRole).toString();
    m_actions->setSelectedApi(key, m_apiModel->displayName(key));
}

void CachePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void CachePage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The room the chart would have: the usage group's share of the page
    // (set by the stretch factors, the same with the chart or without) less
    // what the figures beside it ask for. Measured, not a page width, as
    // the figures' width depends on the language.
    const QMargins margins = m_usageGroup->layout()->contentsMargins();
    const int room = m_usageGroup->contentsRect().width() - margins.left() - margins.right() -
                     m_usageForm->sizeHint().width() - m_usageGroup->layout()->spacing();
    m_hitRatioChart->setVisible(room >= chartMinimumWidth);
}

void CachePage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

} // namespace gatehouse::ui
