// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/telemetry_types.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <algorithm>

#include <deque>
#include <optional>
#include <vector>

class QTimer;

namespace gatehouse::app {
class TelemetryService;
}

namespace gatehouse::ui {

// The stored calls matching a filter, newest first, read page by page from
// TelemetryService's keyset search. Nothing here waits on the database:
// fetchMore() asks for the next page and returns, the rows arrive with
// searchReady(). Only the newest request of each kind counts; a reply to a
// request made before the last reset is dropped.
//
// Memory stays bounded however far the table is scrolled: every loaded row
// keeps only its key (time and id, 16 bytes); the full rows live in a cache
// of blocks, the least recently shown evicted past maxCachedRows(). A row
// asked for after its block went shows a placeholder while the block is
// read again by its key range (a call deleted meanwhile by retention says
// so instead).
//
// Live tail: every interval the model asks for the calls of the last few
// seconds (a call is stored under its start time, so a slow call can land
// behind newer ones) and inserts those it does not have, each at its place
// in the order -- usually at the top.
class CallLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Time,
        Method,
        Path,
        Status,
        Cache,
        Latency,
        Api,
        Application,
        Bytes,
        ColumnCount
    };
    Q_ENUM(Column)
    // Qt::UserRole: the row's CallLogEntry id.
    static constexpr int IdRole = Qt::UserRole;

    explicit CallLogModel(app::TelemetryService* service, QObject* parent = nullptr);
    ~CallLogModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;

    // Empties the model and asks for the first page under `filter`. With a
    // sliding span ("the last 15 minutes"), the range starts that long
    // before now at every reload and every live-tail round, and rows that
    // fall out of it leave the table; 0 keeps filter.fromUs as given (an
    // absolute range stays put).
    void setFilter(const app::CallLogFilter& filter, qint64 slidingSpanUs = 0);
    // As last applied (the start of a sliding range as of the last round).
    const app::CallLogFilter& filter() const { return m_filter; }
    // As it stands now: a sliding range starts `slidingSpanUs()` before now.
    app::CallLogFilter currentFilter() const;
    qint64 slidingSpanUs() const { return m_slidingSpanUs; }
    void reload() { setFilter(m_filter, m_slidingSpanUs); }

    void setApiNames(const QHash<quint64, QString>& names);
    QString apiName(quint64 apiId) const;
    // Names of the applications behind API keys (from the compiled catalog);
    // unknown ones show as their id.
    void setApplicationNames(const QHash<quint64, QString>& names);
    QString applicationName(quint64 applicationId) const;

    // Rows per page (the first page and each fetchMore()). The first page
    // is read in two requests: a screenful (firstRows), shown as soon as it
    // is there, then the rest of the page. A rare match (a path substring
    // in one call of thousands) would otherwise keep the table empty until
    // the search had walked far enough for a whole page, often the whole
    // range; isLoading() stays true until the page is complete.
    static constexpr int firstRows = 64;
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 10000); }
    int pageSize() const { return m_pageSize; }

    // Null while the row's block is not in memory (it is then on its way).
    const app::CallLogEntry* entry(int row) const;
    int rowOfId(qint64 id) const; // -1 when not loaded
    // The row's call was deleted (by retention) after the row was loaded.
    bool isGone(int row) const;

    // True while the first page or a further page is on its way.
    bool isLoading() const { return m_fetch != 0; }
    // More pages are stored than are loaded.
    bool hasMore() const { return m_next.has_value(); }
    // The first page of the current filter has arrived (at least its
    // first screenful; isLoading() until the rest of it is there too).
    bool isLoaded() const { return m_loaded; }

    void setMaxCachedRows(int rows) { m_maxCached = std::max(rows, 2 * m_pageSize); }
    int maxCachedRows() const { return m_maxCached; }
    int cachedRows() const { return int(m_cache.size()); }

    void setLiveTail(bool on);
    bool liveTail() const { return m_liveTail; }
    void setLiveTailInterval(int ms);
    // One live-tail round now (the timer calls it).
    void fetchNewer();

    static QString cacheStatusText(gateway::cache_status status);
    static QString timeText(qint64 timestampUs, bool micros);
    static QString latencyText(quint64 us);

signals:
    void loadingChanged(bool loading);
    // A page arrived: its rows and how long the request took, request to rows.
    void pageLoaded(int rows, qint64 elapsedUs);
    // A live-tail round inserted `count` newer rows.
    void newerRowsInserted(int count);
    // A sliding range moved on: its start is now `fromUs`, and `dropped`
    // rows older than that left the table.
    void rangeSlid(qint64 fromUs, int dropped);
    void queryFailed(const QString& message);

private:
    void onSearchReady(quint64 requestId, const app::SearchPage& page);
    void onQueryFailed(quint64 requestId, const QString& message);
    void append(const app::SearchPage& page);
    void requestTail(std::optional<app::SearchCursor> after);
    void mergeTail();
    void setFetch(quint64 id);
    void slide();

    struct Key {
        qint64 timestampUs = 0;
        qint64 id = 0;
    };
    struct Slot {
        app::CallLogEntry entry;
        quint64 block = 0;
    };
    struct Block {
        std::vector<qint64> ids;
        quint64 lastUse = 0;
    };
    // A block read again: rows from `first` down to `last`, both included.
    struct Refetch {
        Key first;
        Key last;
        std::vector<app::CallLogEntry> rows;
    };
    void cache(const std::vector<app::CallLogEntry>& entries);
    void evict();
    const Slot* slot(int row) const;
    void requestBlock(int row) const;
    void requestRefetch(quint64 previous, Refetch refetch, std::optional<app::SearchCursor> after);
    void finishRefetch(const Refetch& refetch);
    int rowOfKey(const Key& key) const; // -1: not loaded

    app::TelemetryService* m_service;
    app::CallLogFilter m_filter;
    qint64 m_slidingSpanUs = 0;
    QHash<quint64, QString> m_apiNames;
    QHash<quint64, QString> m_applicationNames;
    // Every loaded row's key, newest first. A deque: live tail inserts at
    // the front, fetchMore() appends, both without moving the rest.
    std::deque<Key> m_keys;
    QHash<qint64, Slot> m_cache;            // by id
    mutable QHash<quint64, Block> m_blocks; // lastUse changes as rows are shown
    QHash<qint64, bool> m_gone;             // ids no longer stored (retention)
    quint64 m_nextBlock = 0;
    mutable quint64 m_useClock = 0;
    int m_maxCached = 50'000;
    // Reads of evicted blocks in flight, by request id; the first row of
    // each, so a block is asked for once.
    mutable QHash<quint64, Refetch> m_refetches;
    mutable QHash<qint64, bool> m_refetching;
    std::optional<app::SearchCursor> m_next;
    bool m_loaded = false;
    int m_pageSize = 500;
    quint64 m_fetch = 0;      // the page request in flight, 0: none
    bool m_firstPart = false; // m_fetch asks for the first page's screenful
    QElapsedTimer m_fetchClock;

    bool m_liveTail = false;
    QTimer* m_tailTimer = nullptr;
    quint64 m_tail = 0; // the live-tail request in flight, 0: none
    std::vector<app::CallLogEntry> m_tailRows;
    // The head of the log is complete up to here: every matching call stored
    // by m_headTimeUs (wall clock) and newer than the last loaded row is
    // loaded, and m_headId is the largest id seen by those reads.
    qint64 m_headTimeUs = 0;
    qint64 m_headId = 0;
    qint64 m_tailStartedUs = 0;
};

} // namespace gatehouse::ui
