// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/demo_catalog.h"

#include "app/catalog_store.h"
#include "app/domain/api_store.h"
#include "app/domain/domain_messages.h"
#include "app/storage/sql_query.h"
#include "app/workspace_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace gatehouse::app {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr qint64 SunsetAfterMs = 90 * DayMs;

struct DemoUser {
    const char* name;
    const char* displayName;
    Role role;
};

constexpr DemoUser Users[] = {
    {"maya", "Maya Okafor", Role::Publisher},
    {"jonas", "Jonas Berg", Role::Developer},
    {"lin", "Lin Wei", Role::Publisher},
    {"sam", "Sam Rivera", Role::Developer},
};

QString apiRef(const QString& slug, const QString& version)
{
    return slug + QLatin1Char('@') + version;
}

int rank(ApiState state)
{
    switch (state) {
    case ApiState::Draft:
        return 0;
    case ApiState::Published:
        return 1;
    case ApiState::Deprecated:
        return 2;
    case ApiState::Retired:
        return 3;
    }
    return 0;
}

// "slug@version" of every API the demo document describes.
QSet<QString> demoApiRefs(const QByteArray& document)
{
    QSet<QString> refs;
    const QJsonArray apis = QJsonDocument::fromJson(document).object().value(u"apis").toArray();
    for (const QJsonValue& api : apis) {
        const QJsonObject o = api.toObject();
        refs.insert(apiRef(o.value(u"slug").toString(), o.value(u"version").toString()));
    }
    return refs;
}

std::optional<QList<ApiDefinition>> allApis(CatalogStore& store, QString* error)
{
    return ApiStore::loadWhere(store.database().connection(), QStringLiteral("1 = 1"), {}, error);
}

// One seeding run; stops at the first failure, naming the step. Every step
// skips what is there already, so a run after one that stopped halfway
// completes it, and a run over a complete demo changes nothing.
class Seeder {
public:
    Seeder(CatalogStore& store, const Principal& admin, DemoCatalogResult& out)
        : m_store(store)
        , m_admin(admin)
        , m_out(out)
    {
    }

    bool run()
    {
        return users() && workspace() && applications() && subscriptions() && deprecateV1();
    }

private:
    // `step` names what was being made ("user maya", "api products@v1"):
    // identifiers, shown as they are.
    bool fail(const QString& step, const DomainMessage& why)
    {
        m_out.errorMessage = DomainMessage(msg::DemoStepFailed, {step, why});
        m_out.error = m_out.errorMessage.toString();
        return false;
    }

    bool users()
    {
        for (const DemoUser& u : Users) {
            const QString name = QLatin1String(u.name);
            if (m_store.users().userByName(name))
                continue;
            // No password: demo accounts cannot sign in to a shared catalog.
            if (!m_store.users().createUser(m_admin, name, QLatin1String(u.displayName), u.role,
                                            QString()))
                return fail(QStringLiteral("user ") + name, m_store.users().lastErrorMessage());
            m_out.changes << QStringLiteral("user %1: created").arg(name);
        }
        return true;
    }

    bool workspace()
    {
        QByteArray document = DemoCatalog::workspaceDocument();
        if (document.isEmpty())
            return fail(QStringLiteral("workspace"), QStringLiteral("the resource is missing"));
        QString err;
        const auto existing = allApis(m_store, &err);
        if (!existing)
            return fail(QStringLiteral("workspace"), err);
        document = withoutApisMovedOn(document, *existing);
        const WorkspaceApplyResult applied = WorkspaceFile::apply(m_store, m_admin, document);
        if (!applied.ok())
            return fail(QStringLiteral("workspace"), applied.errorMessage());
        m_out.changes << applied.changes;
        for (const Team& t : m_store.teams().teams())
            m_teams.insert(t.name, t.id);
        return true;
    }

    // The file's lifecycle never moves backwards: an API the seeding (or
    // someone) has moved on since -- Products v1, deprecated at the end of
    // the first run -- is left as it is instead of failing the apply.
    static QByteArray withoutApisMovedOn(const QByteArray& document,
                                         const QList<ApiDefinition>& existing)
    {
        QHash<QString, ApiState> states;
        for (const ApiDefinition& a : existing)
            states.insert(apiRef(a.slug, a.version), a.state);
        QJsonObject root = QJsonDocument::fromJson(document).object();
        QJsonArray kept;
        for (const QJsonValue& api : root.value(u"apis").toArray()) {
            const QJsonObject o = api.toObject();
            const QString ref = apiRef(o.value(u"slug").toString(), o.value(u"version").toString());
            const auto wanted = apiStateFromString(o.value(u"state").toString());
            if (states.contains(ref) && wanted && rank(states.value(ref)) > rank(*wanted))
                continue;
            kept.append(o);
        }
        root.insert(QStringLiteral("apis"), kept);
        return QJsonDocument(root).toJson(QJsonDocument::Compact);
    }

    std::optional<qint64> apiId(const char* slug, const char* version)
    {
        QString err;
        const auto found = ApiStore::loadWhere(m_store.database().connection(),
                                               QStringLiteral("slug = ? AND version = ?"),
                                               {QLatin1String(slug), QLatin1String(version)}, &err);
        if (!found || found->isEmpty()) {
            fail(QStringLiteral("api %1@%2").arg(QLatin1String(slug), QLatin1String(version)),
                 err.isEmpty() ? QStringLiteral("not found") : err);
            return std::nullopt;
        }
        return found->front().id;
    }

    std::optional<qint64> planId(qint64 api, const char* name)
    {
        for (const Plan& p : m_store.plans().plans(m_admin, api))
            if (p.name == QLatin1String(name))
                return p.id;
        fail(QStringLiteral("plan ") + QLatin1String(name), QStringLiteral("not found"));
        return std::nullopt;
    }

    // An application owned by `team` with one key; the key in `key`. One
    // that exists already is kept as it is (`key` stays empty).
    std::optional<qint64> application(const QString& name, const QString& description,
                                      const QString& team, const QString& keyLabel, QString* key)
    {
        for (const Application& a : m_store.applications().applications(m_admin))
            if (a.name == name && a.ownerTeamId == m_teams.value(team))
                return a.id;
        const auto app = m_store.applications().createApplication(m_admin, name, description,
                                                                  m_teams.value(team));
        if (!app) {
            fail(QStringLiteral("application ") + name, m_store.applications().lastErrorMessage());
            return std::nullopt;
        }
        const auto issued = m_store.applications().issueKey(m_admin, app->id, keyLabel);
        if (!issued) {
            fail(QStringLiteral("key of ") + name, m_store.applications().lastErrorMessage());
            return std::nullopt;
        }
        *key = issued->key;
        m_out.changes << QStringLiteral("application %1: created with a key").arg(name);
        return app->id;
    }

    bool applications()
    {
        QString trafficKey, mobileKey;
        const auto traffic = application(
            DemoCatalog::trafficApplicationName(),
            QStringLiteral("The console's traffic generator calls the demo APIs with this key."),
            QStringLiteral("Platform"), DemoCatalog::trafficKeyLabel(), &trafficKey);
        if (!traffic)
            return false;
        // Its key is shown once, to nobody: the demo only needs the pending
        // request this application makes.
        const auto mobile = application(
            QStringLiteral("Storefront mobile"), QStringLiteral("The shop's mobile app."),
            QStringLiteral("Storefront"), QStringLiteral("release build"), &mobileKey);
        if (!mobile)
            return false;
        m_trafficApp = *traffic;
        m_mobileApp = *mobile;
        m_out.trafficKey = trafficKey;
        return true;
    }

    bool subscribe(qint64 app, const char* slug, const char* version, const char* plan,
                   SubscriptionState expected)
    {
        const auto api = apiId(slug, version);
        if (!api)
            return false;
        const auto planId = this->planId(*api, plan);
        if (!planId)
            return false;
        const QString what =
            QStringLiteral("subscription to %1@%2 (%3)")
                .arg(QLatin1String(slug), QLatin1String(version), QLatin1String(plan));
        for (const Subscription& s : m_store.subscriptions().subscriptionsOf(m_admin, app))
            if (s.apiId == *api && s.planId == *planId)
                return true; // an earlier run's, whatever became of it since
        const auto sub = m_store.subscriptions().request(m_admin, app, *planId);
        if (!sub)
            return fail(what, m_store.subscriptions().lastErrorMessage());
        if (sub->state != expected)
            return fail(what, DomainMessage(msg::DemoUnexpectedState,
                                            {toMessage(sub->state), toMessage(expected)}));
        m_out.changes << what + QStringLiteral(": ") + toString(sub->state);
        return true;
    }

    bool subscriptions()
    {
        // Automatic plans approve at once; the manual one waits for an owner
        // of Storefront (or an admin) in the approvals inbox.
        return subscribe(m_trafficApp, "products", "v1", "Free", SubscriptionState::Approved) &&
               subscribe(m_trafficApp, "products", "v2", "Free", SubscriptionState::Approved) &&
               subscribe(m_trafficApp, "weather", "v1", "Standard", SubscriptionState::Approved) &&
               subscribe(m_mobileApp, "products", "v2", "Partner", SubscriptionState::Pending);
    }

    // After the subscriptions: a deprecated API takes no new ones, but the
    // demo wants traffic on it to show Deprecation and Sunset.
    bool deprecateV1()
    {
        const auto v1 = apiId("products", "v1");
        const auto v2 = v1 ? apiId("products", "v2") : std::nullopt;
        if (!v2)
            return false;
        const auto current = m_store.apis().api(m_admin, *v1);
        if (!current)
            return fail(QStringLiteral("api products@v1"), m_store.apis().lastErrorMessage());
        if (current->state != ApiState::Published)
            return true; // deprecated by an earlier run, or moved on by someone
        if (!m_store.apis().deprecate(m_admin, *v1, nowMs() + SunsetAfterMs, *v2))
            return fail(QStringLiteral("deprecate products@v1"), m_store.apis().lastErrorMessage());
        m_out.changes << QStringLiteral("api products@v1: deprecated");
        return true;
    }

    CatalogStore& m_store;
    const Principal& m_admin;
    DemoCatalogResult& m_out;
    QHash<QString, qint64> m_teams;
    qint64 m_trafficApp = 0;
    qint64 m_mobileApp = 0;
};

} // namespace

QByteArray DemoCatalog::workspaceDocument()
{
    QFile file(QStringLiteral(":/demo/demo_workspace.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool DemoCatalog::isEmpty(CatalogStore& store, QString* error)
{
    auto q = runSql(store.database().connection(), QStringLiteral("SELECT COUNT(*) FROM apis"), {},
                    error);
    return q && q->next() && q->value(0).toLongLong() == 0;
}

QString DemoCatalog::trafficApplicationName()
{
    return QStringLiteral("Demo traffic");
}

QString DemoCatalog::trafficKeyLabel()
{
    return QStringLiteral("traffic generator");
}

DemoCatalogResult DemoCatalog::seed(CatalogStore& store, const Principal& admin)
{
    DemoCatalogResult out;
    if (!admin.isAdmin()) {
        out.errorMessage = msg::DemoOnlyAdmins;
        out.error = out.errorMessage.toString();
        return out;
    }
    QString error;
    const auto apis = allApis(store, &error);
    if (!apis) {
        out.errorMessage = DomainMessage(msg::DemoWorkspaceFailed, {error});
        out.error = out.errorMessage.toString();
        return out;
    }
    const QSet<QString> demo = demoApiRefs(workspaceDocument());
    for (const ApiDefinition& a : *apis)
        if (!demo.contains(apiRef(a.slug, a.version)))
            return out; // someone's catalog: never touched
    Seeder seeder(store, admin, out);
    const bool complete = seeder.run();
    out.seeded = !out.changes.isEmpty();
    if (!complete) {
        out.trafficKey.clear();
        return out;
    }
    if (out.seeded && out.trafficKey.isEmpty()) {
        // Completed an earlier run that made the application: its key was
        // lost with that run's failure.
        const DemoTrafficKey issued = issueTrafficKey(store, admin);
        if (!issued.ok()) {
            out.error = issued.error;
            out.errorMessage = issued.errorMessage;
        }
        out.trafficKey = issued.key;
    }
    return out;
}

DemoTrafficKey DemoCatalog::issueTrafficKey(CatalogStore& store, const Principal& admin)
{
    DemoTrafficKey out;
    auto& apps = store.applications();
    const QList<Application> all = apps.applications(admin);
    const auto app = std::find_if(all.begin(), all.end(), [](const Application& a) {
        return a.name == trafficApplicationName() && a.ownerTeamId != 0;
    });
    if (app == all.end())
        return out;
    // The previous runs' keys: nobody holds them any more.
    const qint64 now = nowMs();
    for (const ApiKeyInfo& k : apps.keys(admin, app->id)) {
        if (k.label == trafficKeyLabel() && k.isActive(now) && !apps.revokeKey(admin, k.id)) {
            out.errorMessage = DomainMessage(msg::DemoTrafficKeyFailed, {apps.lastErrorMessage()});
            out.error = out.errorMessage.toString();
            return out;
        }
    }
    const auto issued = apps.issueKey(admin, app->id, trafficKeyLabel());
    if (!issued) {
        out.errorMessage = DomainMessage(msg::DemoTrafficKeyFailed, {apps.lastErrorMessage()});
        out.error = out.errorMessage.toString();
        return out;
    }
    out.key = issued->key;
    return out;
}

} // namespace gatehouse::app
