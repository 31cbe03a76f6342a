// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"

#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QString>

namespace gatehouse::app {

// Everything the config compiler reads, as one consistent copy of the
// catalog: plain values, so the compiler itself needs no database and tests
// can build one by hand.
struct CatalogState {
    struct Key {
        QString hashHex; // SHA-256 of the key, hex; never the key
        qint64 applicationId = 0;
        qint64 expiresAt = 0; // Unix ms, 0 = never
    };
    struct Application {
        qint64 id = 0;
        qint64 ownerUserId = 0;
        qint64 ownerTeamId = 0;
        QString name;
    };
    struct Subscription {
        qint64 applicationId = 0;
        qint64 apiId = 0;
        bool suspended = false; // otherwise approved
    };

    QList<ApiDefinition> apis;
    QHash<qint64, qint64> deprecatedAt; // API id -> Unix ms of its deprecation
    QList<Key> keys;                    // active ones only (not revoked)
    QList<Application> applications;
    QList<Subscription> subscriptions; // approved or suspended only
    QMultiHash<qint64, qint64> teamsOfUser;
};

} // namespace gatehouse::app
