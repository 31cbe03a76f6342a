// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/call_logs/call_log_model.h"

#include "app/telemetry/telemetry_service.h"
#include "ui/locale_format.h"
#include "ui/status_colors.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace gatehouse::ui {

namespace {

// A call is stored under its start time but only once it has ended, so a
// round of live tail looks this far behind the last complete view of the
// newest calls. Calls slower than this show up only after a reload.
constexpr qint64 tailLookbackUs = 30'000'000;
// Rows per live-tail request, and the most one round collects before it
// gives up on merging and reloads the first page instead.
constexpr int tailPageRows = 1000;
constexpr std::size_t tailMaxRows = 20'000;

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// Newest first: (ts, id) descending.
template <typename A, typename B>
bool newer(const A& a, const B& b)
{
    return a.timestampUs != b.timestampUs ? a.timestampUs > b.timestampUs : a.id > b.id;
}

} // namespace

CallLogModel::CallLogModel(app::TelemetryService* service, QObject* parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    m_tailTimer = new QTimer(this);
    m_tailTimer->setInterval(1000);
    connect(m_tailTimer, &QTimer::timeout, this, &CallLogModel::fetchNewer);
    if (m_service) {
        connect(m_service, &app::TelemetryService::searchReady, this, &CallLogModel::onSearchReady);
        connect(m_service, &app::TelemetryService::queryFailed, this, &CallLogModel::onQueryFailed);
    }
}

CallLogModel::~CallLogModel() = default;

int CallLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int CallLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallLogModel::cacheStatusText(gateway::cache_status status)
{
    switch (status) {
    case gateway::cache_status::none:
        return tr("—");
    case gateway::cache_status::hit:
        return tr("Hit");
    case gateway::cache_status::miss:
        return tr("Miss");
    case gateway::cache_status::stale:
        return tr("Stale");
    case gateway::cache_status::revalidated:
        return tr("Revalidated");
    case gateway::cache_status::bypass:
        return tr("Bypass");
    }
    return {};
}

QString CallLogModel::timeText(qint64 timestampUs, bool micros)
{
    const qint64 ms = timestampUs >= 0 ? timestampUs / 1000 : (timestampUs - 999) / 1000;
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    if (!micros)
        return locale.toString(t, timestampFormat(locale) + QLatin1String(".zzz"));
    const int us = static_cast<int>(((timestampUs % 1'000'000) + 1'000'000) % 1'000'000);
    return locale.toString(t, timestampFormat(locale)) +
           QStringLiteral(".%1").arg(us, 6, 10, QLatin1Char('0'));
}

QString CallLogModel::latencyText(quint64 us)
{
    const QLocale locale;
    if (us < 10'000)
        return tr("%1 ms").arg(locale.toString(double(us) / 1000.0, 'f', 2));
    return tr("%1 ms").arg(locale.toString(double(us) / 1000.0, 'f', 1));
}

QString CallLogModel::apiName(quint64 apiId) const
{
    if (apiId == 0)
        return tr("—");
    const auto it = m_apiNames.constFind(apiId);
    return it != m_apiNames.cend() ? *it : tr("#%1").arg(apiId);
}

QString CallLogModel::applicationName(quint64 applicationId) const
{
    if (applicationId == 0)
        return tr("—");
    const auto it = m_applicationNames.constFind(applicationId);
    return it != m_applicationNames.cend() && !it->isEmpty() ? *it : QString::number(applicationId);
}

QVariant CallLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    if (role == IdRole)
        return m_keys[std::size_t(index.row())].id;
    const Slot* s = slot(index.row());
    if (!s) {
        // Evicted: read again (once), shown when it comes back.
        const Key& key = m_keys[std::size_t(index.row())];
        const bool gone = m_gone.contains(key.id);
        if (!gone)
            requestBlock(index.row());
        if (role == Qt::DisplayRole && index.column() == Time)
            return timeText(key.timestampUs, false);
        if (role == Qt::DisplayRole && index.column() == Path && gone)
            return tr("(no longer stored)");
        return {};
    }
    const app::CallLogEntry& e = s->entry;
    const auto column = static_cast<Column>(index.column());
    if (role == IdRole)
        return e.id;
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (column) {
        case Time:
            return timeText(e.timestampUs, false);
        case Method:
            return e.method;
        case Path:
            return e.path;
        case Status:
            return e.status == 0 ? tr("—") : QString::number(e.status);
        case Cache:
            return cacheStatusText(e.cacheStatus);
        case Latency:
            return latencyText(e.totalUs);
        case Api:
            return apiName(e.apiId);
        case Application:
            return applicationName(e.applicationId);
        case Bytes:
            return locale.toString(e.bytesOut);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Time:
            return timeText(e.timestampUs, true);
        case Path:
            return e.path;
        case Bytes:
            return tr("%1 bytes in, %2 bytes out")
                .arg(QLocale().toString(e.bytesIn), QLocale().toString(e.bytesOut));
        case Application:
            return e.applicationId == 0 ? tr("No application (anonymous call)")
                                        : tr("Application id %1").arg(e.applicationId);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case Status:
        case Latency:
        case Bytes:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ForegroundRole && column == Status && e.status >= 200)
        return StatusColors::statusClass(e.status / 100);
    return {};
}

QVariant CallLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Cache:
        return tr("Cache");
    case Latency:
        return tr("Latency");
    case Api:
        return tr("API");
    case Application:
        return tr("Application");
    case Bytes:
        return tr("Bytes");
    case ColumnCount:
        break;
    }
    return {};
}

bool CallLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded && m_next && m_fetch == 0;
}

void CallLogModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || !m_service)
        return;
    setFetch(m_service->requestSearch(m_filter, m_next, m_pageSize));
}

void CallLogModel::setFilter(const app::CallLogFilter& filter, qint64 slidingSpanUs)
{
    beginResetModel();
    m_filter = filter;
    m_slidingSpanUs = std::max<qint64>(0, slidingSpanUs);
    if (m_slidingSpanUs > 0)
        m_filter.fromUs = nowUs() - m_slidingSpanUs;
    m_keys.clear();
    m_cache.clear();
    m_blocks.clear();
    m_gone.clear();
    m_refetches.clear();
    m_refetching.clear();
    m_next.reset();
    m_loaded = false;
    m_firstPart = false;
    m_tail = 0;
    m_tailRows.clear();
    m_headId = 0;
    endResetModel();
    m_headTimeUs = nowUs();
    if (m_service) {
        m_firstPart = m_pageSize > firstRows;
        setFetch(m_service->requestSearch(m_filter, std::nullopt, std::min(m_pageSize, firstRows)));
    }
}

app::CallLogFilter CallLogModel::currentFilter() const
{
    app::CallLogFilter f = m_filter;
    if (m_slidingSpanUs > 0)
        f.fromUs = nowUs() - m_slidingSpanUs;
    return f;
}

void CallLogModel::slide()
{
    if (m_slidingSpanUs <= 0)
        return;
    const qint64 from = nowUs() - m_slidingSpanUs;
    if (from <= m_filter.fromUs)
        return;
    m_filter.fromUs = from;
    // Newest first: the rows that fell out are the last ones.
    const auto first = std::partition_point(m_keys.begin(), m_keys.end(),
                                            [from](const Key& k) { return k.timestampUs >= from; });
    const int at = int(first - m_keys.begin());
    const int dropped = rowCount() - at;
    if (dropped > 0) {
        beginRemoveRows({}, at, rowCount() - 1);
        for (auto it = first; it != m_keys.end(); ++it) {
            if (const auto slot = m_cache.constFind(it->id); slot != m_cache.cend()) {
                if (auto block = m_blocks.find(slot->block); block != m_blocks.end())
                    std::erase(block->ids, it->id);
                m_cache.erase(slot);
            }
            m_gone.remove(it->id);
        }
        m_keys.erase(first, m_keys.end());
        endRemoveRows();
        // Whatever further pages hold is older still.
        m_next.reset();
    }
    emit rangeSlid(from, dropped);
}

void CallLogModel::setApplicationNames(const QHash<quint64, QString>& names)
{
    m_applicationNames = names;
    if (!m_keys.empty())
        emit dataChanged(index(0, Application), index(rowCount() - 1, Application),
                         {Qt::DisplayRole});
}

void CallLogModel::setApiNames(const QHash<quint64, QString>& names)
{
    m_apiNames = names;
    if (!m_keys.empty())
        emit dataChanged(index(0, Api), index(rowCount() - 1, Api), {Qt::DisplayRole});
}

const app::CallLogEntry* CallLogModel::entry(int row) const
{
    const Slot* s = row >= 0 && row < rowCount() ? slot(row) : nullptr;
    return s ? &s->entry : nullptr;
}

const CallLogModel::Slot* CallLogModel::slot(int row) const
{
    const auto it = m_cache.constFind(m_keys[std::size_t(row)].id);
    if (it == m_cache.cend())
        return nullptr;
    auto block = m_blocks.find(it->block);
    if (block != m_blocks.end())
        block->lastUse = ++m_useClock;
    return &*it;
}

int CallLogModel::rowOfId(qint64 id) const
{
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

bool CallLogModel::isGone(int row) const
{
    return row >= 0 && row < rowCount() && m_gone.contains(m_keys[std::size_t(row)].id);
}

int CallLogModel::rowOfKey(const Key& key) const
{
    const auto it = std::lower_bound(m_keys.begin(), m_keys.end(), key, newer<Key, Key>);
    return it != m_keys.end() && it->id == key.id ? int(it - m_keys.begin()) : -1;
}

void CallLogModel::cache(const std::vector<app::CallLogEntry>& entries)
{
    if (entries.empty())
        return;
    const quint64 id = ++m_nextBlock;
    Block& block = m_blocks[id];
    block.lastUse = ++m_useClock;
    block.ids.reserve(entries.size());
    for (const app::CallLogEntry& e : entries) {
        auto it = m_cache.find(e.id);
        if (it != m_cache.end()) { // in another block already: move it here
            auto old = m_blocks.find(it->block);
            if (old != m_blocks.end())
                std::erase(old->ids, e.id);
            it->block = id;
            it->entry = e;
        } else {
            m_cache.insert(e.id, Slot{e, id});
        }
        block.ids.push_back(e.id);
    }
    evict();
}

void CallLogModel::evict()
{
    // The least recently shown blocks go; the one just cached stays.
    while (m_cache.size() > m_maxCached && m_blocks.size() > 1) {
        auto oldest = m_blocks.begin();
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        for (const qint64 id : oldest->ids)
            m_cache.remove(id);
        m_blocks.erase(oldest);
    }
}

void CallLogModel::requestBlock(int row) const
{
    if (!m_service)
        return;
    // The page-sized block around the row, from its first row down.
    const int first = row - row % m_pageSize;
    const int last = std::min(first + m_pageSize, rowCount()) - 1;
    const Key from = m_keys[std::size_t(first)];
    if (m_refetching.contains(from.id))
        return;
    m_refetching.insert(from.id, true);
    Refetch refetch{from, m_keys[std::size_t(last)], {}};
    const_cast<CallLogModel*>(this)->requestRefetch(
        0, std::move(refetch), app::SearchCursor{from.timestampUs, from.id + 1});
}

void CallLogModel::requestRefetch(quint64 previous, Refetch refetch,
                                  std::optional<app::SearchCursor> after)
{
    m_refetches.remove(previous);
    const quint64 id = m_service->requestSearch(m_filter, after, m_pageSize);
    m_refetches.insert(id, std::move(refetch));
}

void CallLogModel::finishRefetch(const Refetch& refetch)
{
    m_refetching.remove(refetch.first.id);
    // Only rows this model has (a call stored late into the range is not
    // one of them); a row that did not come back was deleted meanwhile.
    std::vector<app::CallLogEntry> keep;
    QHash<qint64, bool> back;
    for (const app::CallLogEntry& e : refetch.rows) {
        if (!newer(refetch.last, e) && rowOfKey(Key{e.timestampUs, e.id}) >= 0) {
            keep.push_back(e);
            back.insert(e.id, true);
        }
    }
    const int first = rowOfKey(refetch.first);
    const int last = rowOfKey(refetch.last);
    if (first < 0 || last < first)
        return;
    for (int row = first; row <= last; ++row) {
        if (!back.contains(m_keys[std::size_t(row)].id))
            m_gone.insert(m_keys[std::size_t(row)].id, true);
    }
    cache(keep);
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void CallLogModel::setFetch(quint64 id)
{
    const bool was = m_fetch != 0;
    m_fetch = id;
    if (id != 0)
        m_fetchClock.start();
    if (was != (id != 0))
        emit loadingChanged(id != 0);
}

void CallLogModel::onSearchReady(quint64 requestId, const app::SearchPage& page)
{
    if (requestId == 0)
        return;
    if (requestId == m_fetch) {
        append(page);
    } else if (requestId == m_tail) {
        m_tailRows.insert(m_tailRows.end(), page.entries.begin(), page.entries.end());
        if (page.next && m_tailRows.size() < tailMaxRows)
            requestTail(page.next);
        else if (page.next)
            reload(); // too much to merge: start over from the newest
        else
            mergeTail();
    } else if (auto it = m_refetches.find(requestId); it != m_refetches.end()) {
        Refetch& refetch = *it;
        refetch.rows.insert(refetch.rows.end(), page.entries.begin(), page.entries.end());
        const bool past = !page.entries.empty() && !newer(page.entries.back(), refetch.last);
        if (page.next && !past) {
            requestRefetch(requestId, std::move(refetch), page.next);
        } else {
            const Refetch done = std::move(refetch);
            m_refetches.erase(it);
            finishRefetch(done);
        }
    }
}

void CallLogModel::onQueryFailed(quint64 requestId, const QString& message)
{
    if (requestId == 0)
        return;
    if (requestId == m_fetch) {
        m_firstPart = false;
        setFetch(0);
        emit queryFailed(message);
    } else if (requestId == m_tail) {
        m_tail = 0;
        m_tailRows.clear();
        emit queryFailed(message);
    } else if (auto it = m_refetches.find(requestId); it != m_refetches.end()) {
        m_refetching.remove(it->first.id); // asked for again when next shown
        m_refetches.erase(it);
        emit queryFailed(message);
    }
}

void CallLogModel::append(const app::SearchPage& page)
{
    const qint64 elapsed = m_fetchClock.nsecsElapsed() / 1000;
    const bool first = !m_loaded;
    m_loaded = true;
    m_next = page.next;
    // A page asked for before the range slid on may reach below its start.
    std::vector<app::CallLogEntry> entries;
    for (const app::CallLogEntry& e : page.entries) {
        if (e.timestampUs >= m_filter.fromUs)
            entries.push_back(e);
    }
    if (entries.size() < page.entries.size())
        m_next.reset();
    if (!entries.empty()) {
        const int at = rowCount();
        beginInsertRows({}, at, at + int(entries.size()) - 1);
        for (const app::CallLogEntry& e : entries)
            m_keys.push_back(Key{e.timestampUs, e.id});
        cache(entries);
        endInsertRows();
    }
    if (first) {
        // Every row stored before the first page was read, newer than its
        // last row, is in it; live tail asks only for larger ids.
        for (const app::CallLogEntry& e : page.entries)
            m_headId = std::max(m_headId, e.id);
    }
    const bool firstPart = std::exchange(m_firstPart, false);
    if (firstPart && m_next && m_service) // the rest of the first page
        setFetch(m_service->requestSearch(m_filter, m_next, m_pageSize - rowCount()));
    else
        setFetch(0);
    emit pageLoaded(int(page.entries.size()), elapsed);
}

void CallLogModel::setLiveTail(bool on)
{
    if (m_liveTail == on)
        return;
    m_liveTail = on;
    if (on) {
        m_tailTimer->start();
        fetchNewer();
    } else {
        m_tailTimer->stop();
        m_tail = 0;
        m_tailRows.clear();
    }
}

void CallLogModel::setLiveTailInterval(int ms)
{
    m_tailTimer->setInterval(std::max(50, ms));
}

void CallLogModel::fetchNewer()
{
    if (!m_service || !m_loaded || m_tail != 0)
        return;
    slide();
    m_tailRows.clear();
    m_tailStartedUs = nowUs();
    requestTail(std::nullopt);
}

void CallLogModel::requestTail(std::optional<app::SearchCursor> after)
{
    app::CallLogFilter f = m_filter;
    f.fromUs = std::max(f.fromUs, m_headTimeUs - tailLookbackUs);
    f.idAbove = m_headId;
    m_tail = m_service->requestSearch(f, after, tailPageRows);
}

void CallLogModel::mergeTail()
{
    m_tail = 0;
    m_headTimeUs = m_tailStartedUs;
    std::vector<app::CallLogEntry> rows = std::move(m_tailRows);
    m_tailRows.clear();
    for (const app::CallLogEntry& e : rows)
        m_headId = std::max(m_headId, e.id);
    std::sort(rows.begin(), rows.end(), newer<app::CallLogEntry, app::CallLogEntry>);

    // Where each new row goes. Below the last loaded row, while more pages
    // are stored, a row is left for fetchMore(); one that fetchMore()
    // already brought is not inserted twice.
    std::vector<std::pair<std::size_t, std::size_t>> runs; // (position, index in rows)
    std::vector<app::CallLogEntry> keep;
    for (app::CallLogEntry& e : rows) {
        const Key key{e.timestampUs, e.id};
        const auto it = std::lower_bound(m_keys.begin(), m_keys.end(), key, newer<Key, Key>);
        if (it != m_keys.end() && it->id == e.id)
            continue;
        if (it == m_keys.end() && m_next)
            continue;
        runs.emplace_back(std::size_t(it - m_keys.begin()), keep.size());
        keep.push_back(std::move(e));
    }
    if (keep.empty())
        return;
    cache(keep); // first: the view reads the new rows as they are inserted
    // Contiguous groups with the same position, inserted from the bottom up
    // so the positions above stay valid.
    std::size_t end = runs.size();
    while (end > 0) {
        std::size_t begin = end - 1;
        while (begin > 0 && runs[begin - 1].first == runs[end - 1].first)
            --begin;
        const std::size_t at = runs[begin].first;
        const int count = int(end - begin);
        std::vector<Key> keys;
        for (std::size_t k = begin; k < end; ++k) {
            const app::CallLogEntry& e = keep[runs[k].second];
            keys.push_back(Key{e.timestampUs, e.id});
        }
        beginInsertRows({}, int(at), int(at) + count - 1);
        m_keys.insert(m_keys.begin() + std::ptrdiff_t(at), keys.begin(), keys.end());
        endInsertRows();
        end = begin;
    }
    emit newerRowsInserted(int(keep.size()));
}

} // namespace gatehouse::ui
