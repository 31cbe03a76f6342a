// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/try_it_access.h"

#include "app/catalog_store.h"
#include "app/domain/api_key.h"

#include <QHash>

#include <algorithm>

namespace gatehouse::app {

TryItApplications loadTryItApplications(CatalogStore& store, const Principal& actor, qint64 apiId)
{
    TryItApplications out;
    out.apiId = apiId;
    ApplicationService& apps = store.applications();
    const QList<Application> list = apps.applications(actor);
    if (apps.lastErrorCode() != DomainErrorCode::None) {
        out.error = apps.lastError();
        out.errorMessage = apps.lastErrorMessage();
        return out;
    }
    QHash<qint64, QString> planNames;
    for (const Plan& plan : store.plans().plans(actor, apiId))
        planNames.insert(plan.id, plan.name);
    SubscriptionService& subscriptions = store.subscriptions();
    for (const Application& app : list) {
        const QList<Subscription> subs = subscriptions.subscriptionsOf(actor, app.id);
        if (subscriptions.lastErrorCode() == DomainErrorCode::Storage) {
            out.error = subscriptions.lastError();
            out.errorMessage = subscriptions.lastErrorMessage();
            return out;
        }
        // One live subscription per application and API; an approved one wins
        // over anything left from before.
        const Subscription* best = nullptr;
        for (const Subscription& s : subs) {
            if (s.apiId != apiId)
                continue;
            if (s.state == SubscriptionState::Approved) {
                best = &s;
                break;
            }
            if (s.state == SubscriptionState::Pending || s.state == SubscriptionState::Suspended)
                best = &s;
        }
        if (!best)
            continue;
        TryItApplication entry{app.id, app.name, planNames.value(best->planId), best->state};
        (best->state == SubscriptionState::Approved ? out.offered : out.notOffered).append(entry);
    }
    const auto byName = [](const TryItApplication& a, const TryItApplication& b) {
        const int c = QString::localeAwareCompare(a.name, b.name);
        return c != 0 ? c < 0 : a.applicationId < b.applicationId;
    };
    std::sort(out.offered.begin(), out.offered.end(), byName);
    std::sort(out.notOffered.begin(), out.notOffered.end(), byName);
    return out;
}

namespace {

// `query` (fully encoded) without `name`=... pairs, with name=value added.
// The gateway reads the parameter's raw value, so the key is
// percent-encoded only where it must be.
QString withParameter(const QString& query, const QString& name, const QString& encodedValue)
{
    QStringList pairs;
    for (const QString& pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        if (pair.section(QLatin1Char('='), 0, 0) != name)
            pairs.append(pair);
    }
    pairs.append(name + QLatin1Char('=') + encodedValue);
    return pairs.join(QLatin1Char('&'));
}

} // namespace

TryItRequest buildTryItRequest(const QUrl& gatewayUrl, const QString& path, const QString& key,
                               TryItKeyPlacement placement, const QString& keyQueryParameter)
{
    TryItRequest out;
    QString target = path.trimmed();
    if (!target.startsWith(QLatin1Char('/')))
        target.prepend(QLatin1Char('/'));
    QUrl base = gatewayUrl;
    if (base.host() == QLatin1String("0.0.0.0"))
        base.setHost(QStringLiteral("127.0.0.1"));
    else if (base.host() == QLatin1String("::"))
        base.setHost(QStringLiteral("::1"));
    const QUrl relative(target, QUrl::TolerantMode);
    if (!base.isValid() || base.isEmpty() || !relative.isValid())
        return out;
    out.url = base.resolved(relative);
    if (!out.url.isValid())
        return out;
    out.valid = true;
    QUrl shown = out.url;
    if (!key.isEmpty()) {
        out.keyInQuery =
            placement == TryItKeyPlacement::QueryParameter && !keyQueryParameter.isEmpty();
        if (out.keyInQuery) {
            const QString query = out.url.query(QUrl::FullyEncoded);
            out.url.setQuery(withParameter(query, keyQueryParameter,
                                           QString::fromLatin1(QUrl::toPercentEncoding(key))),
                             QUrl::StrictMode);
            shown.setQuery(
                withParameter(query, keyQueryParameter,
                              QString::fromLatin1(QUrl::toPercentEncoding(maskedTryItKey(key)))),
                QUrl::StrictMode);
        } else {
            out.keyHeader = QByteArrayLiteral("X-API-Key");
            out.keyHeaderValue = key.toUtf8();
        }
    }
    out.shownUrl = shown.toDisplayString();
    return out;
}

QString maskedTryItKey(const QString& key)
{
    if (ApiKeyCodec::looksLikeKey(key))
        return QStringLiteral("gh_") + ApiKeyCodec::lookupPrefix(key) + QStringLiteral("…");
    return QStringLiteral("…");
}

} // namespace gatehouse::app
