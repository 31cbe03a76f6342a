// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/openapi_export.h"

#include "app/api_export.h"
#include "app/openapi_import.h"
#include "gateway/router.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace gatehouse::app {

namespace {

const QStringList operationKeys{QStringLiteral("get"),     QStringLiteral("put"),
                                QStringLiteral("post"),    QStringLiteral("delete"),
                                QStringLiteral("options"), QStringLiteral("head"),
                                QStringLiteral("patch"),   QStringLiteral("trace")};
// What a route for any method stands for in a document: every method but
// TRACE, which the gateway forwards but no API documents.
const QStringList anyMethod{QStringLiteral("get"),     QStringLiteral("put"),
                            QStringLiteral("post"),    QStringLiteral("delete"),
                            QStringLiteral("options"), QStringLiteral("head"),
                            QStringLiteral("patch")};

// Routes compare by method and canonical path: /pets/{id} and /pets/{petId}
// are one route.
QString routeKey(const QString& method, const QString& path)
{
    return method.toLower() + QLatin1Char(' ') +
           QString::fromStdString(gateway::route_pattern::canonical(path.toStdString()));
}

QJsonObject defaultOperation(const QString& method, const QString& path)
{
    return QJsonObject{
        {QStringLiteral("summary"), QStringLiteral("%1 %2").arg(method.toUpper(), path)},
        {QStringLiteral("responses"),
         QJsonObject{{QStringLiteral("default"),
                      QJsonObject{{QStringLiteral("description"),
                                   QStringLiteral("The upstream's response")}}}}}};
}

QJsonArray serversOf(const ApiDefinition& api)
{
    QJsonArray servers;
    const QString path =
        api.stripBasePath || api.basePath == QLatin1String("/") ? QString() : api.basePath;
    for (const ApiUpstream& target : api.upstreams) {
        QString url = target.url;
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        servers.append(QJsonObject{{QStringLiteral("url"), QString(url + path)}});
    }
    return servers;
}

QJsonObject pathsOf(const ApiDefinition& api, const QJsonObject& documented)
{
    QSet<QString> routed;
    for (const ApiRoute& route : api.routes) {
        if (route.method == QLatin1String("*")) {
            for (const QString& method : anyMethod)
                routed.insert(routeKey(method, route.path));
        } else {
            routed.insert(routeKey(route.method, route.path));
        }
    }
    // The document's own operations of routes that still exist, with all
    // they say (parameters, schemas, descriptions).
    QJsonObject paths;
    QSet<QString> present;
    for (auto it = documented.begin(); it != documented.end(); ++it) {
        QJsonObject item = it.value().toObject();
        bool any = false;
        for (const QString& method : operationKeys) {
            if (!item.contains(method))
                continue;
            const QString key = routeKey(method, it.key());
            if (routed.contains(key)) {
                present.insert(key);
                any = true;
            } else {
                item.remove(method);
            }
        }
        if (any)
            paths.insert(it.key(), item);
    }
    // Routes the document does not have yet.
    for (const ApiRoute& route : api.routes) {
        const QStringList methods =
            route.method == QLatin1String("*") ? anyMethod : QStringList{route.method.toLower()};
        for (const QString& method : methods) {
            const QString key = routeKey(method, route.path);
            if (present.contains(key))
                continue;
            present.insert(key);
            QJsonObject item = paths.value(route.path).toObject();
            item.insert(method, defaultOperation(method, route.path));
            paths.insert(route.path, item);
        }
    }
    return paths;
}

// The header every keyed API takes, and the query parameter where the API
// opted in; schemes the document already names stay as they are.
void describeKeys(const ApiDefinition& api, QJsonObject& document)
{
    if (api.authMode != AuthMode::ApiKey)
        return;
    QJsonObject components = document.value(QStringLiteral("components")).toObject();
    QJsonObject schemes = components.value(QStringLiteral("securitySchemes")).toObject();
    if (!schemes.isEmpty())
        return;
    QJsonArray security;
    schemes.insert(QStringLiteral("apiKeyHeader"),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                               {QStringLiteral("in"), QStringLiteral("header")},
                               {QStringLiteral("name"), QStringLiteral("X-API-Key")}});
    security.append(QJsonObject{{QStringLiteral("apiKeyHeader"), QJsonArray()}});
    if (!api.keyQueryParameter.isEmpty()) {
        schemes.insert(QStringLiteral("apiKeyQuery"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                   {QStringLiteral("in"), QStringLiteral("query")},
                                   {QStringLiteral("name"), api.keyQueryParameter}});
        security.append(QJsonObject{{QStringLiteral("apiKeyQuery"), QJsonArray()}});
    }
    components.insert(QStringLiteral("securitySchemes"), schemes);
    document.insert(QStringLiteral("components"), components);
    if (!document.contains(QStringLiteral("security")))
        document.insert(QStringLiteral("security"), security);
}

} // namespace

QJsonObject openApiDocumentFor(const ApiDefinition& api)
{
    QJsonObject document;
    if (!api.openApi.trimmed().isEmpty()) {
        if (const auto json = openApiAsJson(api.openApi))
            document = QJsonDocument::fromJson(*json).object();
    }
    if (!document.contains(QStringLiteral("openapi")))
        document.insert(QStringLiteral("openapi"), QStringLiteral("3.1.0"));

    QJsonObject info = document.value(QStringLiteral("info")).toObject();
    info.insert(QStringLiteral("title"), api.name);
    // A document version that still reads as the API's version ("1.2.0"
    // for v1) is kept; else the API's own.
    if (OpenApiImporter::apiVersionOf(info.value(QStringLiteral("version")).toString()) !=
        api.version)
        info.insert(QStringLiteral("version"), api.version);
    if (!api.description.isEmpty())
        info.insert(QStringLiteral("description"), api.description);
    document.insert(QStringLiteral("info"), info);

    const QJsonArray servers = serversOf(api);
    if (servers.isEmpty())
        document.remove(QStringLiteral("servers"));
    else
        document.insert(QStringLiteral("servers"), servers);

    document.insert(QStringLiteral("paths"),
                    pathsOf(api, document.value(QStringLiteral("paths")).toObject()));

    if (!api.tags.isEmpty() && !document.contains(QStringLiteral("tags"))) {
        QJsonArray tags;
        for (const QString& tag : api.tags)
            tags.append(QJsonObject{{QStringLiteral("name"), tag}});
        document.insert(QStringLiteral("tags"), tags);
    }
    describeKeys(api, document);
    return document;
}

} // namespace gatehouse::app
