// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/session_key_wallet.h"

#include "app/catalog_service.h"
#include "app/domain/api_key.h"
#include "app/storage/sql_query.h"

#include <QDateTime>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace gatehouse::app {

namespace {

// A burst of changes (approve, then the gateway sync's own refresh) becomes
// one check.
constexpr int VerifyDelayMs = 50;
// QTimer takes an int: far expiries are checked again after this long.
constexpr qint64 MaxTimerMs = 24LL * 3600 * 1000;

struct KeyCheck {
    bool ok = false;
    QSet<qint64> active; // of the ids asked about
};

// Storage thread: which of `ids` are active keys now.
KeyCheck activeKeys(CatalogStore& store, const QList<qint64>& ids, qint64 nowMs)
{
    KeyCheck out;
    for (const qint64 id : ids) {
        auto q = runSql(store.database().connection(),
                        QStringLiteral("SELECT revoked_at, expires_at FROM api_keys WHERE id = ?"),
                        {id});
        if (!q)
            return out; // storage trouble: nothing is dropped on a guess
        if (!q->next())
            continue; // gone with its application
        const bool revoked = !q->value(0).isNull() && q->value(0).toLongLong() != 0;
        const qint64 expires = q->value(1).isNull() ? 0 : q->value(1).toLongLong();
        if (!revoked && (expires == 0 || expires > nowMs))
            out.active.insert(id);
    }
    out.ok = true;
    return out;
}

} // namespace

SessionKeyWallet::SessionKeyWallet(CatalogService* catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
{
    m_verifyTimer = new QTimer(this);
    m_verifyTimer->setSingleShot(true);
    m_verifyTimer->setInterval(VerifyDelayMs);
    connect(m_verifyTimer, &QTimer::timeout, this, &SessionKeyWallet::verify);
    m_expiryTimer = new QTimer(this);
    m_expiryTimer->setSingleShot(true);
    connect(m_expiryTimer, &QTimer::timeout, this, &SessionKeyWallet::pruneExpired);
    if (m_catalog) {
        const auto schedule = [this] {
            if (!m_keys.isEmpty())
                m_verifyTimer->start();
        };
        connect(m_catalog, &CatalogService::catalogChanged, this, schedule);
        connect(m_catalog, &CatalogService::pendingApprovalsChanged, this, schedule);
    }
}

SessionKeyWallet::~SessionKeyWallet() = default;

qint64 SessionKeyWallet::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void SessionKeyWallet::remember(const ApiKeyInfo& info, const QString& key)
{
    if (key.isEmpty() || info.id == 0 || !info.isActive(now()))
        return;
    m_keys.removeIf([&](const WalletKey& k) { return k.keyId == info.id; });
    WalletKey k;
    k.applicationId = info.applicationId;
    k.keyId = info.id;
    k.prefix = info.prefix.isEmpty() ? ApiKeyCodec::lookupPrefix(key) : info.prefix;
    k.label = info.label;
    k.issuedAt = info.createdAt ? info.createdAt : now();
    k.expiresAt = info.expiresAt;
    k.key = key;
    m_keys.append(k);
    scheduleExpiry();
    emit changed();
}

void SessionKeyWallet::adopt(const QString& key)
{
    if (!m_catalog || !ApiKeyCodec::looksLikeKey(key)) {
        emit adopted(false);
        return;
    }
    m_catalog->run(
        this, [key](CatalogStore& store) { return store.applications().verifyKey(key); },
        [this, key](const std::optional<ApiKeyInfo>& info) {
            if (info)
                remember(*info, key);
            emit adopted(info.has_value());
        });
}

std::optional<WalletKey> SessionKeyWallet::keyFor(qint64 applicationId) const
{
    const qint64 t = now();
    for (auto it = m_keys.crbegin(); it != m_keys.crend(); ++it) {
        if (it->applicationId == applicationId && it->isUsable(t))
            return *it;
    }
    return std::nullopt;
}

QList<WalletKey> SessionKeyWallet::keys() const
{
    QList<WalletKey> out;
    const qint64 t = now();
    for (const WalletKey& k : m_keys) {
        if (k.isUsable(t))
            out.append(k);
    }
    return out;
}

void SessionKeyWallet::forget(qint64 keyId)
{
    drop({keyId});
}

void SessionKeyWallet::clear()
{
    QList<qint64> ids;
    for (const WalletKey& k : std::as_const(m_keys))
        ids.append(k.keyId);
    drop(ids);
}

void SessionKeyWallet::verify()
{
    pruneExpired();
    if (!m_catalog || m_keys.isEmpty())
        return;
    QList<qint64> ids;
    for (const WalletKey& k : std::as_const(m_keys))
        ids.append(k.keyId);
    const qint64 t = now();
    // Only the keys asked about can drop out: one remembered meanwhile stays.
    m_catalog->run(
        this, [ids, t](CatalogStore& store) { return activeKeys(store, ids, t); },
        [this, ids](const KeyCheck& check) {
            if (!check.ok)
                return;
            QList<qint64> gone;
            for (const qint64 id : ids) {
                if (!check.active.contains(id))
                    gone.append(id);
            }
            drop(gone);
        });
}

void SessionKeyWallet::drop(const QList<qint64>& keyIds)
{
    QList<WalletKey> removed;
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (keyIds.contains(it->keyId)) {
            removed.append(*it);
            it = m_keys.erase(it);
        } else {
            ++it;
        }
    }
    if (removed.isEmpty())
        return;
    scheduleExpiry();
    for (WalletKey& k : removed) {
        k.key.clear(); // listeners learn which key, never the key
        emit dropped(k);
    }
    emit changed();
}

void SessionKeyWallet::pruneExpired()
{
    const qint64 t = now();
    QList<qint64> expired;
    for (const WalletKey& k : std::as_const(m_keys)) {
        if (!k.isUsable(t))
            expired.append(k.keyId);
    }
    drop(expired);
    scheduleExpiry();
}

void SessionKeyWallet::scheduleExpiry()
{
    qint64 next = 0;
    for (const WalletKey& k : std::as_const(m_keys)) {
        if (k.expiresAt != 0 && (next == 0 || k.expiresAt < next))
            next = k.expiresAt;
    }
    if (next == 0) {
        m_expiryTimer->stop();
        return;
    }
    m_expiryTimer->start(int(std::clamp<qint64>(next - now() + 1, 0, MaxTimerMs)));
}

} // namespace gatehouse::app
