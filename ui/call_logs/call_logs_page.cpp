// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/call_logs/call_logs_page.h"

#include "app/telemetry/telemetry_service.h"
#include "ui/call_logs/call_log_details.h"
#include "ui/call_logs/call_log_filter_bar.h"
#include "ui/call_logs/call_log_model.h"
#include "ui/locale_format.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace gatehouse::ui {

CallLogsPage::CallLogsPage(app::TelemetryService* service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("callLogsPage"));
    m_model = new CallLogModel(service, this);

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Call Logs"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    header->addWidget(title);
    header->addStretch(1);
    m_liveTail = new QCheckBox(tr("&Live tail"), this);
    m_liveTail->setObjectName(QStringLiteral("liveTailBox"));
    m_liveTail->setToolTip(tr("Add new calls at the top as they are logged, every second"));
    header->addWidget(m_liveTail);
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setToolTip(tr("Save every call that matches the filters to a CSV file"));
    header->addWidget(m_export);
    layout->addLayout(header);

    m_filters = new CallLogFilterBar(this);
    layout->addWidget(m_filters);
    // Find: the path filter, the one searched most (any window focus while
    // the page shows).
    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WindowShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filters->pathEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->pathEdit()->selectAll();
    });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("callLogsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_exportRow = new QWidget(this);
    auto* exportLayout = new QHBoxLayout(m_exportRow);
    exportLayout->setContentsMargins(0, 0, 0, 0);
    m_exportLabel = new QLabel(m_exportRow);
    m_exportLabel->setObjectName(QStringLiteral("exportLabel"));
    m_exportProgress = new QProgressBar(m_exportRow);
    m_exportProgress->setRange(0, 0); // the total is not known up front
    m_exportProgress->setMaximumWidth(200);
    m_cancelExport = new QPushButton(tr("Cancel Export"), m_exportRow);
    m_cancelExport->setObjectName(QStringLiteral("cancelExportButton"));
    exportLayout->addWidget(m_exportLabel);
    exportLayout->addWidget(m_exportProgress);
    exportLayout->addWidget(m_cancelExport);
    exportLayout->addStretch(1);
    m_exportRow->hide();
    layout->addWidget(m_exportRow);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_splitter = splitter;
    m_view = new QTableView(splitter);
    m_view->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_view->setObjectName(QStringLiteral("callLogView"));
    m_view->setAccessibleName(tr("Logged calls, newest first"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights and column widths: nothing is measured per row, so
    // a million rows cost what the visible ones cost.
    QHeaderView* rows = m_view->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setHighlightSections(false);
    const QFontMetrics fm = fontMetrics();
    // Room for a typical value, and never less than the header needs for its
    // label with the sort indicator ("Anwendung" is wider than any id).
    const auto width = [&](const QString& sample, int column) {
        return std::max(fm.horizontalAdvance(sample) + 20, columns->sectionSizeHint(column));
    };
    const qint64 lateInTheYear =
        QDateTime(QDate(2026, 12, 28), QTime(23, 59, 59, 999)).toMSecsSinceEpoch() * 1000;
    m_view->setColumnWidth(CallLogModel::Time,
                           width(CallLogModel::timeText(lateInTheYear, false), CallLogModel::Time));
    m_view->setColumnWidth(CallLogModel::Method,
                           width(QStringLiteral("OPTIONS"), CallLogModel::Method));
    m_view->setColumnWidth(CallLogModel::Status,
                           width(QStringLiteral("504"), CallLogModel::Status));
    m_view->setColumnWidth(CallLogModel::Cache,
                           width(CallLogModel::cacheStatusText(gateway::cache_status::revalidated),
                                 CallLogModel::Cache));
    m_view->setColumnWidth(CallLogModel::Latency,
                           width(CallLogModel::latencyText(1'234'567), CallLogModel::Latency));
    m_view->setColumnWidth(CallLogModel::Api,
                           width(QStringLiteral("catalog-service"), CallLogModel::Api));
    m_view->setColumnWidth(CallLogModel::Application,
                           width(QStringLiteral("123456"), CallLogModel::Application));
    m_view->setColumnWidth(CallLogModel::Bytes,
                           width(QLocale().toString(12345678), CallLogModel::Bytes));
    columns->setSectionResizeMode(CallLogModel::Path, QHeaderView::Stretch);
    columns->setMinimumSectionSize(40);

    m_details = new CallLogDetails(splitter);
    m_details->setAccessibleName(tr("All fields of the selected call"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_splitMoved = true; });
    layout->addWidget(splitter, 1);

    auto* statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("callLogsStatus"));
    statusRow->addWidget(m_status);
    statusRow->addStretch(1);
    m_rangeNote = new QLabel(this);
    m_rangeNote->setObjectName(QStringLiteral("callLogsRange"));
    m_rangeNote->setToolTip(tr("A preset range ends now: Refresh and live tail move it "
                               "along. A custom range stays where it was set."));
    statusRow->addWidget(m_rangeNote);
    layout->addLayout(statusRow);

    connect(m_filters, &CallLogFilterBar::applyRequested, this, &CallLogsPage::applyFilter);
    connect(m_liveTail, &QCheckBox::toggled, this, &CallLogsPage::setLiveTail);
    connect(m_export, &QPushButton::clicked, this, &CallLogsPage::exportCsv);
    connect(m_cancelExport, &QPushButton::clicked, this, &CallLogsPage::cancelExport);
    connect(m_model, &CallLogModel::queryFailed, this, [this](const QString& message) {
        showMessage(tr("Cannot read the call log: %1").arg(message), true);
        updateStatus();
    });
    connect(m_model, &CallLogModel::loadingChanged, this, &CallLogsPage::updateStatus);
    connect(m_model, &CallLogModel::modelReset, this, [this] {
        updateStatus();
        updateRangeNote();
        updateDetails();
    });
    connect(m_model, &CallLogModel::rangeSlid, this, [this] {
        updateStatus();
        updateRangeNote();
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int) { onRowsAboutToBeInserted(first); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { onRowsInserted(first, last); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CallLogsPage::updateDetails);
    // A selected row read again (after eviction) fills the pane.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CallLogsPage::updateDetails);
    if (m_service) {
        connect(m_service, &app::TelemetryService::exportProgress, this,
                &CallLogsPage::onExportProgress);
        connect(m_service, &app::TelemetryService::exportFinished, this,
                &CallLogsPage::onExportFinished);
    }
    applyFilter();
}

void CallLogsPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeSplit(false); // the page's layout has sized the splitter already
}

void CallLogsPage::placeSplit(bool growOnly)
{
    if (m_splitMoved)
        return;
    const int total = m_splitter->height() - m_splitter->handleWidth();
    const int tableAtLeast = m_view->horizontalHeader()->sizeHint().height() +
                             6 * m_view->verticalHeader()->defaultSectionSize();
    const int wanted =
        std::max(m_details->minimumHeight(),
                 std::min(m_details->naturalHeight(m_splitter->width()), total - tableAtLeast));
    if (total <= wanted || (growOnly && wanted <= m_details->height()))
        return;
    m_splitter->setSizes({total - wanted, wanted});
}

void CallLogsPage::setApiNames(const QHash<quint64, QString>& names)
{
    m_model->setApiNames(names);
    m_filters->setApiNames(names);
    updateDetails();
}

void CallLogsPage::setApplicationNames(const QHash<quint64, QString>& names)
{
    m_model->setApplicationNames(names);
    m_filters->setApplicationNames(names);
    updateDetails();
}

QString CallLogsPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool CallLogsPage::messageIsError() const
{
    return m_message->property("error").toBool();
}

void CallLogsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: palette(bright-text);"
                                                    " background: #b3261e; padding: 6px; }")
                                   : QStringLiteral("QLabel { padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

void CallLogsPage::applyFilter()
{
    QString error;
    const auto filter = m_filters->filter(QDateTime::currentMSecsSinceEpoch() * 1000, &error);
    if (!filter) {
        showMessage(error, true);
        return;
    }
    showMessage({}, false);
    m_model->setFilter(*filter, m_filters->slidingSpanUs());
    updateStatus();
}

void CallLogsPage::setLiveTail(bool on)
{
    if (m_liveTail->isChecked() != on)
        m_liveTail->setChecked(on); // comes back here through toggled()
    else
        m_model->setLiveTail(on);
}

void CallLogsPage::updateStatus()
{
    const QLocale locale;
    QString text;
    if (!m_model->isLoaded())
        text = m_model->isLoading() ? tr("Loading…") : QString();
    else if (m_model->rowCount() == 0)
        text = tr("No calls match the filters.");
    else if (m_model->hasMore())
        text = tr("Calls loaded: %1 (scroll for more)").arg(locale.toString(m_model->rowCount()));
    else
        text = tr("Calls: %1").arg(locale.toString(m_model->rowCount()));
    m_status->setText(text);
}

QString CallLogsPage::rangeText() const
{
    return m_rangeNote->text();
}

void CallLogsPage::updateRangeNote()
{
    const app::CallLogFilter& f = m_model->filter();
    const auto time = [](qint64 us) {
        return timestampText(QDateTime::fromMSecsSinceEpoch(us / 1000));
    };
    QString text;
    if (m_model->slidingSpanUs() > 0)
        text = tr("Since %1, moving with the clock").arg(time(f.fromUs));
    else if (f.fromUs <= 0 && f.toUs == std::numeric_limits<qint64>::max())
        text = tr("Any time");
    else if (f.toUs == std::numeric_limits<qint64>::max())
        text = tr("Since %1").arg(time(f.fromUs));
    else // the "to" second is included
        text = tr("From %1 to %2").arg(time(f.fromUs), time(f.toUs - 1'000'000));
    m_rangeNote->setText(text);
}

void CallLogsPage::updateDetails()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    const int row = selected.size() == 1 ? selected.first().row() : -1;
    const app::CallLogEntry* entry = m_model->entry(row);
    if (row >= 0 && !entry)
        m_details->showNote(m_model->isGone(row)
                                ? tr("This call is no longer stored: retention deleted it.")
                                : tr("Loading…"));
    else
        m_details->showEntry(entry, m_model);
    // A value that wraps (a long path or URL) makes room for itself, once:
    // the split does not shrink back from call to call.
    placeSplit(true);
}

void CallLogsPage::onRowsAboutToBeInserted(int first)
{
    m_insertAtTop = first < m_model->rowCount(); // not an append
    m_scrollBefore = m_view->verticalScrollBar()->value();
}

void CallLogsPage::onRowsInserted(int first, int last)
{
    updateStatus();
    if (!m_insertAtTop)
        return;
    m_insertAtTop = false;
    // At the very top the view follows the newest calls. Scrolled away, the
    // rows in view stay in view: the scroll position moves by the height of
    // what was inserted above them.
    const int rowHeight = m_view->verticalHeader()->defaultSectionSize();
    if (m_scrollBefore == 0 || first * rowHeight > m_scrollBefore)
        return;
    // The view lays itself out later; its scroll range must grow first.
    m_view->doItemsLayout();
    m_view->verticalScrollBar()->setValue(m_scrollBefore + (last - first + 1) * rowHeight);
}

void CallLogsPage::exportCsv()
{
    if (isExporting())
        return;
    // open(), not exec(): no nested event loop while the dialog is up.
    auto* dialog = new QFileDialog(this, tr("Export Call Log"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(
        QStringLiteral("call-log-%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    connect(dialog, &QFileDialog::fileSelected, this, &CallLogsPage::exportTo);
    dialog->open();
}

void CallLogsPage::exportTo(const QString& path)
{
    if (isExporting() || path.isEmpty() || !m_service)
        return;
    m_exportPath = path;
    m_exportCancelled = false;
    m_exportId = m_service->requestExport(m_model->currentFilter(), path);
    m_exportLabel->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_exportRow->show();
    m_export->setEnabled(false);
}

void CallLogsPage::cancelExport()
{
    if (!isExporting())
        return;
    m_exportCancelled = true;
    m_service->cancelExport(m_exportId);
}

void CallLogsPage::onExportProgress(quint64 id, qint64 rows)
{
    if (id != m_exportId)
        return;
    m_exportLabel->setText(
        tr("Exporting to %1: %2 calls written…")
            .arg(QDir::toNativeSeparators(m_exportPath), QLocale().toString(rows)));
}

void CallLogsPage::onExportFinished(quint64 id, qint64 rows, const QString& error)
{
    if (id != m_exportId)
        return;
    m_exportId = 0;
    m_exportRow->hide();
    m_export->setEnabled(true);
    const QString path = QDir::toNativeSeparators(m_exportPath);
    if (error.isEmpty())
        showMessage(tr("Exported %1 calls to %2.").arg(QLocale().toString(rows), path), false);
    else if (m_exportCancelled)
        showMessage(tr("Export cancelled; no file was written."), false);
    else
        showMessage(tr("Export to %1 failed: %2").arg(path, error), true);
    emit exportFinished(error.isEmpty());
}

} // namespace gatehouse::ui
