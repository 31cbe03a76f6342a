// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"
#include "app/domain/subscription_service.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace gatehouse::app {

class CatalogStore;

// Which of the actor's applications may call one API, for Try It: the
// gateway lets a key through only with an approved subscription to the
// API, so only those applications are offered; the ones whose subscription
// waits or is suspended are named so the actor knows why they are missing.
struct TryItApplication {
    qint64 applicationId = 0;
    QString name;
    QString plan;
    SubscriptionState state = SubscriptionState::Approved;
};

struct TryItApplications {
    qint64 apiId = 0;
    QList<TryItApplication> offered;    // approved, by name
    QList<TryItApplication> notOffered; // pending or suspended, by name
    QString error;                      // non-empty: the catalog could not be read
    DomainMessage errorMessage;         // the same, for the console to translate
};

// Storage thread (CatalogService::run). The domain services decide which
// applications and subscriptions the actor sees.
TryItApplications loadTryItApplications(CatalogStore& store, const Principal& actor, qint64 apiId);

// Where Try It sends the key. Every keyed API takes it in the X-API-Key
// header; an API that names a key query parameter (keyQueryParameter) also
// takes it there, as clients that cannot set headers send it.
enum class TryItKeyPlacement { Header, QueryParameter };

// One Try It request, as it goes to the gateway.
struct TryItRequest {
    bool valid = false;   // false: `path` does not make a URL
    QUrl url;             // with the key in its query when placed there
    QByteArray keyHeader; // "X-API-Key" when the key goes in a header; empty otherwise
    QByteArray keyHeaderValue;
    // `url` for the screen, the key masked (see maskedTryItKey()).
    QString shownUrl;
    bool keyInQuery = false;
};

// Builds the request for `path` ("/v2/products/7?sort=name") through the
// gateway listening at `gatewayUrl` (one listening on every address is
// reached on this machine's). The key goes in the header unless
// `placement` asks for the query parameter and the API has one
// (`keyQueryParameter` not empty); a parameter of that name already in
// `path` is replaced. An empty key is sent nowhere.
TryItRequest buildTryItRequest(const QUrl& gatewayUrl, const QString& path, const QString& key,
                               TryItKeyPlacement placement, const QString& keyQueryParameter);

// A key as the screen shows it: "gh_" and the lookup prefix the catalog
// keeps anyway, then "…"; a key of another form is hidden entirely.
QString maskedTryItKey(const QString& key);

} // namespace gatehouse::app
