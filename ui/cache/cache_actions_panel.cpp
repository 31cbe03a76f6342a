// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/cache/cache_actions_panel.h"

#include "ui/cache/budget_spin_box.h"
#include "ui/status_colors.h"
#include "ui/text_fit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

namespace gatehouse::ui {

namespace {

using Scope = app::GatewayController::CachePurgeScope;
constexpr quint64 kib = 1024;

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString evictionName(app::CacheEviction eviction)
{
    return eviction == app::CacheEviction::Lru
               ? CacheActionsPanel::tr("LRU (least recently used)")
               : CacheActionsPanel::tr("W-TinyLFU (frequency-aware)");
}

QString shortEvictionName(app::CacheEviction eviction)
{
    return eviction == app::CacheEviction::Lru ? CacheActionsPanel::tr("LRU")
                                               : CacheActionsPanel::tr("W-TinyLFU");
}

} // namespace

CacheActionsPanel::CacheActionsPanel(app::GatewayController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    m_confirm = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    buildUi();
    connect(&m_job, &QFutureWatcher<app::CachePurgeResult>::finished, this,
            &CacheActionsPanel::onJobFinished);
    updateButtons();
}

CacheActionsPanel::~CacheActionsPanel()
{
    // The job only touches the gateway, but its result slot would run on a
    // dead panel: let it end first (a purge is short).
    m_job.disconnect(this);
    m_job.waitForFinished();
}

void CacheActionsPanel::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* settings = new QGroupBox(tr("Settings"), this);
    auto* settingsForm = new QFormLayout(settings);
    m_budget = new BudgetSpinBox(settings);
    m_budget->setObjectName(QStringLiteral("budgetSpinBox"));
    static_assert(BudgetSpinBox::minimumKib * kib == app::GatewayController::minCacheBudget);
    m_budget->setToolTip(tr("From %1 to %2. Type a size such as 512 KiB, 64 MiB or 2 GiB; a "
                            "number alone is in MiB.")
                             .arg(dataSize(qint64(app::GatewayController::minCacheBudget)),
                                  dataSize(qint64(BudgetSpinBox::maximumKib) * qint64(kib))));
    m_eviction = new QComboBox(settings);
    m_eviction->setObjectName(QStringLiteral("evictionComboBox"));
    m_eviction->addItem(evictionName(app::CacheEviction::TinyLfu),
                        static_cast<int>(app::CacheEviction::TinyLfu));
    m_eviction->addItem(evictionName(app::CacheEviction::Lru),
                        static_cast<int>(app::CacheEviction::Lru));
    m_apply = new QPushButton(tr("&Apply"), settings);
    m_apply->setObjectName(QStringLiteral("applySettingsButton"));
    m_apply->setToolTip(tr("Replaces the cache with an empty one of this budget and policy."));
    settingsForm->addRow(tr("&Budget:"), m_budget);
    settingsForm->addRow(tr("Evi&ction:"), m_eviction);
    settingsForm->addRow(QString(), m_apply);
    layout->addWidget(settings);

    auto* purge = new QGroupBox(tr("Purge"), this);
    auto* grid = new QGridLayout(purge);
    m_purgeApi = new QPushButton(tr("Purge selected API"), purge);
    m_purgeApi->setObjectName(QStringLiteral("purgeApiButton"));
    m_prefix = new QLineEdit(purge);
    m_prefix->setObjectName(QStringLiteral("purgePrefixEdit"));
    m_prefix->setPlaceholderText(tr("Path prefix, e.g. /shop/"));
    m_purgePrefix = new QPushButton(tr("Purge prefix"), purge);
    m_purgePrefix->setObjectName(QStringLiteral("purgePrefixButton"));
    m_tag = new QLineEdit(purge);
    m_tag->setObjectName(QStringLiteral("purgeTagEdit"));
    m_tag->setPlaceholderText(tr("Tag (Cache-Tag or Surrogate-Key)"));
    for (QLineEdit* edit : {m_prefix, m_tag})
        fitPlaceholder(edit);
    m_purgeTag = new QPushButton(tr("Purge tag"), purge);
    m_purgeTag->setObjectName(QStringLiteral("purgeTagButton"));
    m_purgeAll = new QPushButton(tr("Purge everything"), purge);
    m_purgeAll->setObjectName(QStringLiteral("purgeAllButton"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("cacheResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_prefix, 0, 0);
    grid->addWidget(m_purgePrefix, 0, 1);
    grid->addWidget(m_tag, 1, 0);
    grid->addWidget(m_purgeTag, 1, 1);
    grid->addWidget(m_purgeApi, 2, 0);
    grid->addWidget(m_purgeAll, 2, 1);
    grid->setColumnStretch(0, 1);
    layout->addWidget(purge);
    m_result->setMinimumHeight(2 * m_result->fontMetrics().lineSpacing());
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_result);
    layout->addStretch(1);

    connect(m_apply, &QPushButton::clicked, this, &CacheActionsPanel::applySettings);
    connect(m_purgeApi, &QPushButton::clicked, this, &CacheActionsPanel::purgeSelectedApi);
    connect(m_purgePrefix, &QPushButton::clicked, this, &CacheActionsPanel::purgePrefix);
    connect(m_prefix, &QLineEdit::returnPressed, this, &CacheActionsPanel::purgePrefix);
    connect(m_purgeTag, &QPushButton::clicked, this, &CacheActionsPanel::purgeTag);
    connect(m_tag, &QLineEdit::returnPressed, this, &CacheActionsPanel::purgeTag);
    connect(m_purgeAll, &QPushButton::clicked, this, &CacheActionsPanel::purgeEverything);
    connect(m_budget, &QSpinBox::valueChanged, this, &CacheActionsPanel::updateButtons);
    connect(m_eviction, &QComboBox::currentIndexChanged, this, &CacheActionsPanel::updateButtons);
}

void CacheActionsPanel::setSnapshot(const app::CacheSnapshot& snapshot)
{
    const bool settingsChanged = !m_haveSnapshot ||
                                 snapshot.budgetBytes != m_snapshot.budgetBytes ||
                                 snapshot.eviction != m_snapshot.eviction;
    const bool edited =
        m_haveSnapshot && (budgetFromFields() / kib != m_snapshot.budgetBytes / kib ||
                           evictionFromFields() != m_snapshot.eviction);
    m_snapshot = snapshot;
    m_haveSnapshot = true;
    // Follow the gateway's settings unless the user is editing them.
    if (settingsChanged && !edited) {
        m_budget->setValue(static_cast<int>(qBound<quint64>(quint64(m_budget->minimum()),
                                                            snapshot.budgetBytes / kib,
                                                            quint64(m_budget->maximum()))));
        m_eviction->setCurrentIndex(m_eviction->findData(static_cast<int>(snapshot.eviction)));
    }
    updateButtons();
}

void CacheActionsPanel::setSelectedApi(const QString& apiKey, const QString& displayName)
{
    m_selectedKey = apiKey;
    m_selectedName = displayName;
    updateButtons();
}

QString CacheActionsPanel::resultText() const
{
    return m_result->text();
}

quint64 CacheActionsPanel::budgetFromFields() const
{
    return static_cast<quint64>(m_budget->value()) * kib;
}

app::CacheEviction CacheActionsPanel::evictionFromFields() const
{
    return static_cast<app::CacheEviction>(m_eviction->currentData().toInt());
}

void CacheActionsPanel::purgeSelectedApi()
{
    if (m_selectedKey.isEmpty() || busy())
        return;
    app::CacheCounters counters;
    for (const app::ApiCacheRow& row : m_snapshot.apis) {
        if (row.apiKey == m_selectedKey)
            counters = row.counters;
    }
    if (!m_confirm(tr("Purge API"),
                   tr("Remove every cached response of %1? It holds %2 objects (%3) now. "
                      "Its next requests go to the upstream.")
                       .arg(m_selectedName, QLocale().toString(counters.objects),
                            dataSize(counters.bytes))))
        return;
    run(Action::Purge, m_controller->purgeCacheAsync(Scope::Api, m_selectedKey));
}

void CacheActionsPanel::purgePrefix()
{
    if (busy())
        return;
    const QString prefix = m_prefix->text().trimmed();
    if (!prefix.startsWith(QLatin1Char('/')) || prefix.contains(QLatin1Char(' '))) {
        showResult(tr("A path prefix starts with '/' and has no spaces, for example /shop/."),
                   false);
        return;
    }
    if (!m_confirm(tr("Purge by path prefix"),
                   tr("Remove every cached response whose path starts with %1? The next "
                      "requests for those paths go to the upstream.")
                       .arg(prefix)))
        return;
    run(Action::Purge, m_controller->purgeCacheAsync(Scope::PathPrefix, prefix));
}

void CacheActionsPanel::purgeTag()
{
    if (busy())
        return;
    const QString tag = m_tag->text().trimmed();
    if (tag.isEmpty() || tag.contains(QLatin1Char(' ')) || tag.contains(QLatin1Char(','))) {
        showResult(tr("Enter one tag, as the upstream sends it in Cache-Tag or Surrogate-Key."),
                   false);
        return;
    }
    if (!m_confirm(tr("Purge by tag"),
                   tr("Remove every cached response tagged %1? The next requests for them go "
                      "to the upstream.")
                       .arg(tag)))
        return;
    run(Action::Purge, m_controller->purgeCacheAsync(Scope::Tag, tag));
}

void CacheActionsPanel::purgeEverything()
{
    if (busy())
        return;
    if (!m_confirm(tr("Purge everything"),
                   tr("Empty the whole cache? All %1 objects (%2) are removed and every next "
                      "request goes to the upstream.")
                       .arg(QLocale().toString(m_snapshot.total.objects),
                            dataSize(m_snapshot.total.bytes))))
        return;
    run(Action::Purge, m_controller->purgeCacheAsync(Scope::Everything));
}

void CacheActionsPanel::applySettings()
{
    if (busy())
        return;
    const quint64 budget = budgetFromFields();
    const app::CacheEviction eviction = evictionFromFields();
    if (!m_confirm(tr("Apply cache settings"),
                   tr("Use a budget of %1 with %2 eviction? The cache is replaced by an empty "
                      "one: its %3 objects are dropped and its counters start from zero.")
                       .arg(dataSize(static_cast<qint64>(budget)), evictionName(eviction),
                            QLocale().toString(m_snapshot.total.objects))))
        return;
    run(Action::Settings, m_controller->setCacheOptionsAsync(budget, eviction));
}

void CacheActionsPanel::run(Action action, QFuture<app::CachePurgeResult> job)
{
    m_action = action;
    m_result->setText(tr("Working…"));
    m_result->setStyleSheet(QString());
    m_job.setFuture(job);
    updateButtons();
}

void CacheActionsPanel::onJobFinished()
{
    const Action action = std::exchange(m_action, Action::None);
    const app::CachePurgeResult result =
        m_job.future().resultCount() > 0 ? m_job.result() : app::CachePurgeResult{};
    if (!result.ok) {
        showResult(tr("The cache refused: %1.").arg(result.error), false);
    } else if (action == Action::Settings) {
        showResult(tr("Applied: %1, %2. Objects dropped: %3.")
                       .arg(dataSize(static_cast<qint64>(budgetFromFields())),
                            shortEvictionName(evictionFromFields()),
                            QLocale().toString(result.purged)),
                   true);
    } else {
        showResult(result.purged == 1
                       ? tr("Purged 1 object.")
                       : tr("Purged %1 objects.").arg(QLocale().toString(result.purged)),
                   true);
    }
    updateButtons();
    emit actionFinished(result.ok);
}

void CacheActionsPanel::showResult(const QString& text, bool ok)
{
    m_result->setText(text);
    m_result->setStyleSheet(ok ? QString()
                               : QStringLiteral("color: %1;").arg(StatusColors::bad().name()));
}

void CacheActionsPanel::updateButtons()
{
    const bool idle = !busy();
    const bool settingsDiffer =
        m_haveSnapshot && (budgetFromFields() / kib != m_snapshot.budgetBytes / kib ||
                           evictionFromFields() != m_snapshot.eviction);
    m_apply->setEnabled(idle && settingsDiffer);
    m_purgeApi->setEnabled(idle && !m_selectedKey.isEmpty());
    m_purgePrefix->setEnabled(idle);
    m_purgeTag->setEnabled(idle);
    m_purgeAll->setEnabled(idle);
}

} // namespace gatehouse::ui
