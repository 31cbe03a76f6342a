// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QWidget>

class QCheckBox;
class QFileDialog;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;

namespace gatehouse::app {
class TelemetryService;
}

namespace gatehouse::ui {

class CallLogDetails;
class CallLogFilterBar;
class CallLogModel;

// Call Logs: every stored call, newest first, in a table that fetches a
// page at a time as it is scrolled (a million rows scroll like a hundred),
// filters, a live tail, the selected call in full, and export of the
// filtered calls to CSV. All reads go through TelemetryService's query
// thread and exports through a thread of their own; the page never waits.
class CallLogsPage : public QWidget {
    Q_OBJECT

public:
    // `service` is not owned and must outlive the page.
    explicit CallLogsPage(app::TelemetryService* service, QWidget* parent = nullptr);

    void setApiNames(const QHash<quint64, QString>& names);
    void setApplicationNames(const QHash<quint64, QString>& names);

    CallLogModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    CallLogFilterBar* filterBar() const { return m_filters; }
    CallLogDetails* details() const { return m_details; }
    QCheckBox* liveTailBox() const { return m_liveTail; }
    QPushButton* exportButton() const { return m_export; }
    QString message() const;
    // The time range in force: "Since 14:05:10, moving with the clock"...
    QString rangeText() const;
    bool messageIsError() const;
    bool isExporting() const { return m_exportId != 0; }

public slots:
    // Reads the filter bar; a valid filter reloads from the newest call.
    void applyFilter();
    void setLiveTail(bool on);
    // Asks where to save (a non-modal file dialog), then exportTo().
    void exportCsv();
    void exportTo(const QString& path);
    void cancelExport();

signals:
    void exportFinished(bool ok);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // The details get the height that shows all their fields, the table the
    // rest (at least a few rows), until the user moves the handle. With
    // `growOnly`, only ever more room for the details.
    void placeSplit(bool growOnly);
    void showMessage(const QString& text, bool error);
    void updateStatus();
    void updateRangeNote();
    void updateDetails();
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first, int last);
    void onExportProgress(quint64 id, qint64 rows);
    void onExportFinished(quint64 id, qint64 rows, const QString& error);

    app::TelemetryService* m_service;
    CallLogModel* m_model = nullptr;
    CallLogFilterBar* m_filters = nullptr;
    QTableView* m_view = nullptr;
    CallLogDetails* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
    bool m_splitMoved = false; // by the user
    QLabel* m_message = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_rangeNote = nullptr;
    QCheckBox* m_liveTail = nullptr;
    QPushButton* m_export = nullptr;
    QWidget* m_exportRow = nullptr;
    QProgressBar* m_exportProgress = nullptr;
    QLabel* m_exportLabel = nullptr;
    QPushButton* m_cancelExport = nullptr;
    quint64 m_exportId = 0;
    bool m_exportCancelled = false;
    QString m_exportPath;
    // Scroll anchoring across inserts above the viewport.
    bool m_insertAtTop = false;
    int m_scrollBefore = 0;
};

} // namespace gatehouse::ui
