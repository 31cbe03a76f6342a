// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/application_service.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace gatehouse::app {

class CatalogService;

// A key the console issued (or was handed) in this run, with what the
// catalog says about it. The key itself is the only copy in the process.
struct WalletKey {
    qint64 applicationId = 0;
    qint64 keyId = 0;
    QString prefix; // ApiKeyCodec::lookupPrefix(key)
    QString label;
    qint64 issuedAt = 0;  // Unix ms
    qint64 expiresAt = 0; // Unix ms, 0 = never
    QString key;
    bool isUsable(qint64 nowMs) const { return expiresAt == 0 || expiresAt > nowMs; }
};

// The keys issued through the console in this run, per application, so
// that Try It can call an API with an application's key although the
// catalog keeps only hashes. Memory only: nothing here is ever written to
// settings or disk, and the keys go with the process.
//
// Keys drop out when they expire (a timer, and every read checks the
// clock) and when the catalog no longer has them active (revoked, or their
// application deleted): every catalogChanged() or pendingApprovalsChanged()
// (what changes made elsewhere cause) checks the held keys by id on the
// storage thread. GUI thread only.
class SessionKeyWallet : public QObject {
    Q_OBJECT
public:
    // `catalog` is not owned and may be null (then only expiry and forget()
    // remove keys).
    explicit SessionKeyWallet(CatalogService* catalog = nullptr, QObject* parent = nullptr);
    ~SessionKeyWallet() override;

    // Keeps `key`, just issued as `info`. An inactive `info` is ignored.
    void remember(const ApiKeyInfo& info, const QString& key);
    // Looks `key` up in the catalog and keeps it if it is an active key
    // (e.g. the demo traffic generator's); adopted() tells the outcome.
    void adopt(const QString& key);

    // The newest usable key of the application, if the wallet has one.
    std::optional<WalletKey> keyFor(qint64 applicationId) const;
    QList<WalletKey> keys() const; // every usable key, oldest first
    bool isEmpty() const { return keys().isEmpty(); }

    void forget(qint64 keyId);
    void clear();

public slots:
    // Asks the catalog which held keys are still active; drops the others.
    void verify();

signals:
    // A key was added or dropped.
    void changed();
    void adopted(bool ok);
    // `key` dropped out: revoked (or gone) in the catalog, or expired.
    void dropped(const gatehouse::app::WalletKey& key);

private:
    void drop(const QList<qint64>& keyIds);
    void pruneExpired();
    void scheduleExpiry();
    static qint64 now();

    CatalogService* m_catalog;
    QList<WalletKey> m_keys; // oldest first
    QTimer* m_verifyTimer = nullptr;
    QTimer* m_expiryTimer = nullptr;
};

} // namespace gatehouse::app
