// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/workspace_file.h"

#include "app/catalog_store.h"
#include "app/domain/api_lifecycle.h"
#include "app/domain/api_store.h"
#include "app/domain/domain_messages.h"
#include "app/nul_text.h"
#include "app/storage/sql_query.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace gatehouse::app {

namespace {

QString apiRef(const QString& slug, const QString& version)
{
    return slug + QLatin1Char('@') + version;
}

// The fields updateApi() replaces, as JSON, for "does it differ?".
QJsonObject editable(const ApiDefinition& api)
{
    QJsonObject o = api.toJson();
    for (const char* key : {"id", "state", "sunsetAt", "previousId", "successorId", "openApiBytes"})
        o.remove(QLatin1String(key));
    o.insert(QStringLiteral("openapi"), api.openApi);
    return o;
}

int rank(ApiState s)
{
    switch (s) {
    case ApiState::Draft:
        return 0;
    case ApiState::Published:
        return 1;
    case ApiState::Deprecated:
        return 2;
    case ApiState::Retired:
        break;
    }
    return 3;
}

struct PlanSpec {
    QString name;
    ApprovalMode mode = ApprovalMode::Manual;
    qint64 rate = 0;
    qint64 quota = 0;
};

struct ApiSpec {
    QString where;
    ApiDefinition def; // teamId resolved at apply time from `team`
    QString team;
    QString successor; // "slug@version" or empty
    QList<PlanSpec> plans;
};

struct TeamSpec {
    QString where;
    QString name;
    QString description;
    QList<std::pair<QString, TeamRole>> members;
};

// "apis[1].state: ..." as a message: where verbatim, the rest translatable.
DomainMessage at(const QString& where, const DomainMessage& why)
{
    return DomainMessage(msg::ProblemAt, {where, why});
}

// Reads and checks the document; errors name the field ("apis[1].state").
class Reader {
public:
    QList<DomainMessage> errors;
    QList<TeamSpec> teams;
    QList<ApiSpec> apis;

    void read(const QByteArray& document)
    {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(document, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            errors << DomainMessage(
                msg::WorkspaceNotJson,
                {DomainMessage::number(parseError.offset), parseError.errorString()});
            return;
        }
        const QJsonObject root = doc.object();
        // No text of the catalog can hold U+0000 (PostgreSQL refuses it):
        // the file is refused where it has one, whatever the field.
        if (const QString nul = firstNulText(root, {}); !nul.isNull()) {
            errors << at(nul, msg::TextHoldsNul);
            return;
        }
        if (root.value(QStringLiteral("gatehouse")).toString() != QLatin1String("workspace"))
            errors << DomainMessage(msg::WorkspaceKind);
        if (root.value(QStringLiteral("version")).toInt() != WorkspaceFile::FormatVersion)
            errors << DomainMessage(msg::WorkspaceFormatVersion,
                                    {DomainMessage::number(WorkspaceFile::FormatVersion)});
        const QJsonArray teamArray = root.value(QStringLiteral("teams")).toArray();
        for (qsizetype i = 0; i < teamArray.size(); ++i)
            readTeam(teamArray.at(i).toObject(), QStringLiteral("teams[%1]").arg(i));
        const QJsonArray apiArray = root.value(QStringLiteral("apis")).toArray();
        for (qsizetype i = 0; i < apiArray.size(); ++i)
            readApi(apiArray.at(i).toObject(), QStringLiteral("apis[%1]").arg(i));
    }

private:
    QString string(const QJsonObject& o, const QString& where, const char* key, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString()) {
            errors << at(where + QLatin1Char('.') + QLatin1String(key), msg::WorkspaceMustBeString);
            return {};
        }
        return v.toString();
    }

    void readTeam(const QJsonObject& o, const QString& where)
    {
        TeamSpec t;
        t.where = where;
        t.name = string(o, where, "name", true);
        t.description = string(o, where, "description", false);
        const QJsonArray members = o.value(QStringLiteral("members")).toArray();
        for (qsizetype j = 0; j < members.size(); ++j) {
            const QJsonObject m = members.at(j).toObject();
            const QString w = QStringLiteral("%1.members[%2]").arg(where).arg(j);
            const auto role = teamRoleFromString(string(m, w, "role", true));
            if (!role)
                errors << at(w + QStringLiteral(".role"), msg::WorkspaceRoleRule);
            t.members.append({string(m, w, "user", true), role.value_or(TeamRole::Member)});
        }
        teams.append(t);
    }

    void readApi(const QJsonObject& o, const QString& where)
    {
        ApiSpec a;
        a.where = where;
        ApiDefinition& d = a.def;
        d.slug = string(o, where, "slug", true);
        d.version = string(o, where, "version", true);
        d.name = string(o, where, "name", true);
        d.description = string(o, where, "description", false);
        for (const auto& tag : o.value(QStringLiteral("tags")).toArray())
            d.tags << tag.toString();
        a.team = string(o, where, "team", true);
        if (const auto v = visibilityFromString(string(o, where, "visibility", true)))
            d.visibility = *v;
        else
            errors << at(where + QStringLiteral(".visibility"), msg::WorkspaceVisibilityRule);
        d.basePath = string(o, where, "basePath", true);
        d.stripBasePath = o.value(QStringLiteral("stripBasePath")).toBool(false);
        for (const auto& r : o.value(QStringLiteral("routes")).toArray())
            d.routes.append({r.toObject().value(QStringLiteral("method")).toString(),
                             r.toObject().value(QStringLiteral("path")).toString()});
        for (const auto& u : o.value(QStringLiteral("upstreams")).toArray())
            d.upstreams.append({u.toObject().value(QStringLiteral("url")).toString(),
                                u.toObject().value(QStringLiteral("weight")).toInt(1)});
        if (const auto b = balancingFromString(string(o, where, "balancing", true)))
            d.balancing = *b;
        else
            errors << at(where + QStringLiteral(".balancing"), msg::WorkspaceBalancingRule);
        if (const auto m = authModeFromString(string(o, where, "authMode", true)))
            d.authMode = *m;
        else
            errors << at(where + QStringLiteral(".authMode"), msg::WorkspaceAuthModeRule);
        d.keyQueryParameter = string(o, where, "keyQueryParameter", false);
        d.cachePolicy = string(o, where, "cachePolicy", false);
        if (d.cachePolicy.isEmpty())
            d.cachePolicy = QStringLiteral("{}");
        d.connectTimeoutMs = o.value(QStringLiteral("connectTimeoutMs")).toInteger(5000);
        d.requestTimeoutMs = o.value(QStringLiteral("requestTimeoutMs")).toInteger(30000);
        d.openApi = string(o, where, "openapi", false);
        if (const auto s = apiStateFromString(string(o, where, "state", true)))
            d.state = *s;
        else
            errors << at(where + QStringLiteral(".state"), msg::WorkspaceStateRule);
        d.sunsetAt = o.value(QStringLiteral("sunsetAt")).toInteger(0);
        a.successor = string(o, where, "successor", false);
        // "apis[1]" + "." + "routes[0].path: must start with '/'"
        if (const DomainMessage invalid = ApiCatalog::validationMessage(d); !invalid.isEmpty())
            errors << DomainMessage(msg::WorkspaceFieldOf, {where, invalid});
        const QJsonArray plans = o.value(QStringLiteral("plans")).toArray();
        for (qsizetype j = 0; j < plans.size(); ++j) {
            const QJsonObject p = plans.at(j).toObject();
            const QString w = QStringLiteral("%1.plans[%2]").arg(where).arg(j);
            PlanSpec plan;
            plan.name = string(p, w, "name", true);
            const auto mode = approvalModeFromString(string(p, w, "approvalMode", true));
            if (!mode)
                errors << at(w + QStringLiteral(".approvalMode"), msg::WorkspaceApprovalModeRule);
            plan.mode = mode.value_or(ApprovalMode::Manual);
            plan.rate = p.value(QStringLiteral("rateLimitPerMinute")).toInteger(0);
            plan.quota = p.value(QStringLiteral("quotaPerMonth")).toInteger(0);
            a.plans.append(plan);
        }
        apis.append(a);
    }
};

// One API as the file describes it; the caller adds its successor, which
// only a file that also holds the successor can name.
QJsonObject apiObject(const ApiDefinition& api, const QString& team, const QList<Plan>& plans)
{
    QJsonObject o = editable(api);
    o.remove(QStringLiteral("teamId"));
    o.insert(QStringLiteral("team"), team);
    o.insert(QStringLiteral("state"), toString(api.state));
    if (api.sunsetAt > 0)
        o.insert(QStringLiteral("sunsetAt"), api.sunsetAt);
    QJsonArray planArray;
    for (const Plan& p : plans)
        planArray.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("approvalMode"), toString(p.approvalMode)},
                                     {QStringLiteral("rateLimitPerMinute"), p.rateLimitPerMinute},
                                     {QStringLiteral("quotaPerMonth"), p.quotaPerMonth}});
    o.insert(QStringLiteral("plans"), planArray);
    return o;
}

QByteArray workspaceDocument(const QJsonArray& teams, const QJsonArray& apis)
{
    const QJsonObject root{{QStringLiteral("gatehouse"), QStringLiteral("workspace")},
                           {QStringLiteral("version"), WorkspaceFile::FormatVersion},
                           {QStringLiteral("teams"), teams},
                           {QStringLiteral("apis"), apis}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<ApiDefinition> findApi(CatalogStore& store, const QString& slug,
                                     const QString& version, QString* error)
{
    auto found =
        ApiStore::loadWhere(store.database().connection(),
                            QStringLiteral("slug = ? AND version = ?"), {slug, version}, error);
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->front();
}

} // namespace

QByteArray WorkspaceFile::exportWorkspace(CatalogStore& store, const Principal& actor,
                                          QString* error)
{
    QJsonArray teams;
    QHash<qint64, QString> teamNames;
    for (const Team& t : store.teams().teams()) {
        teamNames.insert(t.id, t.name);
        QJsonArray members;
        for (const TeamMember& m : store.teams().members(t.id))
            members.append(QJsonObject{{QStringLiteral("user"), m.userName},
                                       {QStringLiteral("role"), toString(m.teamRole)}});
        teams.append(QJsonObject{{QStringLiteral("name"), t.name},
                                 {QStringLiteral("description"), t.description},
                                 {QStringLiteral("members"), members}});
    }
    auto all =
        ApiStore::loadWhere(store.database().connection(), QStringLiteral("1 = 1"), {}, error);
    if (!all)
        return {};
    std::sort(all->begin(), all->end(), [](const auto& a, const auto& b) {
        return std::pair(a.slug, a.version) < std::pair(b.slug, b.version);
    });
    QHash<qint64, QString> refs;
    for (const auto& api : *all)
        refs.insert(api.id, apiRef(api.slug, api.version));
    QJsonArray apis;
    for (const ApiDefinition& api : *all) {
        QJsonObject o =
            apiObject(api, teamNames.value(api.teamId), store.plans().plans(actor, api.id));
        if (api.state != ApiState::Draft && api.successorId > 0)
            o.insert(QStringLiteral("successor"), refs.value(api.successorId));
        apis.append(o);
    }
    return workspaceDocument(teams, apis);
}

QByteArray WorkspaceFile::exportApi(CatalogStore& store, const Principal& actor, qint64 apiId,
                                    QString* error)
{
    const auto api = store.apis().api(actor, apiId);
    if (!api) {
        if (error)
            *error = store.apis().lastError();
        return {};
    }
    const auto team = store.teams().team(api->teamId);
    const QString teamName = team ? team->name : QString();
    QJsonArray teams;
    if (team)
        teams.append(QJsonObject{{QStringLiteral("name"), team->name},
                                 {QStringLiteral("description"), team->description},
                                 {QStringLiteral("members"), QJsonArray()}});
    return workspaceDocument(teams, {apiObject(*api, teamName, store.plans().plans(actor, apiId))});
}

DomainMessage WorkspaceApplyResult::errorMessage() const
{
    if (errorMessages.isEmpty())
        return {};
    DomainMessage all = errorMessages.first();
    for (qsizetype i = 1; i < errorMessages.size(); ++i)
        all = DomainMessage(msg::ProblemsJoined, {all, errorMessages.at(i)});
    return all;
}

WorkspaceApplyResult WorkspaceFile::apply(CatalogStore& store, const Principal& actor,
                                          const QByteArray& document)
{
    WorkspaceApplyResult out;
    Reader reader;
    reader.read(document);
    if (!reader.errors.isEmpty()) {
        for (const DomainMessage& e : std::as_const(reader.errors))
            out.addError(e);
        return out;
    }
    // Names the file refers to must exist (or be created by it) before
    // anything is written.
    QHash<QString, qint64> teamIds;
    for (const Team& t : store.teams().teams())
        teamIds.insert(t.name, t.id);
    QSet<QString> declaredTeams, declaredApis;
    for (const TeamSpec& t : reader.teams) {
        declaredTeams.insert(t.name);
        for (qsizetype j = 0; j < t.members.size(); ++j)
            if (!store.users().userByName(t.members[j].first))
                out.addError(at(QStringLiteral("%1.members[%2].user").arg(t.where).arg(j),
                                {msg::WorkspaceNoUser, {t.members[j].first}}));
    }
    for (const ApiSpec& a : reader.apis)
        declaredApis.insert(apiRef(a.def.slug, a.def.version));
    for (const ApiSpec& a : reader.apis) {
        if (!teamIds.contains(a.team) && !declaredTeams.contains(a.team))
            out.addError(at(a.where + QStringLiteral(".team"), {msg::WorkspaceNoTeam, {a.team}}));
        if (!a.successor.isEmpty() && !declaredApis.contains(a.successor))
            out.addError(at(a.where + QStringLiteral(".successor"),
                            {msg::WorkspaceSuccessorMissing, {a.successor}}));
    }
    if (!out.errors.isEmpty())
        return out;

    auto failed = [&](const QString& where, const DomainMessage& why) {
        out.addError(at(where, why));
        return out;
    };

    for (const TeamSpec& t : reader.teams) {
        if (!teamIds.contains(t.name)) {
            const auto team = store.teams().createTeam(actor, t.name, t.description);
            if (!team)
                return failed(t.where, store.teams().lastErrorMessage());
            teamIds.insert(t.name, team->id);
            out.changes << QStringLiteral("team %1: created").arg(t.name);
        } else {
            ++out.unchanged;
        }
        const qint64 teamId = teamIds.value(t.name);
        const QList<TeamMember> current = store.teams().members(teamId);
        for (const auto& [userName, role] : t.members) {
            const auto it = std::find_if(current.begin(), current.end(), [&](const TeamMember& m) {
                return m.userName == userName;
            });
            if (it != current.end() && it->teamRole == role)
                continue;
            const auto user = store.users().userByName(userName);
            if (!store.teams().setMember(actor, teamId, user->id, role))
                return failed(t.where, store.teams().lastErrorMessage());
            out.changes
                << QStringLiteral("team %1: %2 is %3").arg(t.name, userName, toString(role));
        }
    }

    // Definitions first (every API exists), then lifecycles (successors
    // resolve), then plans.
    QHash<QString, qint64> apiIds;
    for (const ApiSpec& a : reader.apis) {
        const QString ref = apiRef(a.def.slug, a.def.version);
        QString err;
        ApiDefinition wanted = a.def;
        wanted.teamId = teamIds.value(a.team);
        const auto existing = findApi(store, a.def.slug, a.def.version, &err);
        if (!err.isEmpty())
            return failed(a.where, err);
        if (!existing) {
            const auto created = store.apis().createApi(actor, wanted);
            if (!created)
                return failed(a.where, store.apis().lastErrorMessage());
            apiIds.insert(ref, created->id);
            out.changes << QStringLiteral("api %1: created").arg(ref);
            continue;
        }
        apiIds.insert(ref, existing->id);
        wanted.id = existing->id;
        if (editable(wanted) == editable(*existing)) {
            ++out.unchanged;
            continue;
        }
        if (!store.apis().updateApi(actor, wanted))
            return failed(a.where, store.apis().lastErrorMessage());
        out.changes << QStringLiteral("api %1: updated").arg(ref);
    }
    for (const ApiSpec& a : reader.apis) {
        const QString ref = apiRef(a.def.slug, a.def.version);
        const qint64 id = apiIds.value(ref);
        QString err;
        const auto current = store.apis().api(actor, id);
        if (!current)
            return failed(a.where, store.apis().lastErrorMessage());
        if (rank(a.def.state) < rank(current->state))
            return failed(a.where + QStringLiteral(".state"),
                          DomainMessage(msg::WorkspaceStateBackwards,
                                        {toMessage(current->state), toMessage(a.def.state)}));
        for (int step = rank(current->state) + 1; step <= rank(a.def.state); ++step) {
            bool ok = false;
            if (step == 1) {
                ok = store.apis().publish(actor, id);
            } else if (step == 2) {
                // Passing through deprecated on the way to retired: the
                // file's sunset may be long past, which deprecate() refuses.
                qint64 sunset = a.def.sunsetAt;
                if (a.def.state == ApiState::Retired)
                    sunset = std::max(sunset, nowMs() + 60 * 1000);
                ok = store.apis().deprecate(actor, id, sunset, apiIds.value(a.successor, 0));
            } else {
                ok = store.apis().retire(actor, id);
            }
            if (!ok)
                return failed(a.where + QStringLiteral(".state"), store.apis().lastErrorMessage());
            out.changes << QStringLiteral("api %1: %2")
                               .arg(ref, step == 1   ? QStringLiteral("published")
                                         : step == 2 ? QStringLiteral("deprecated")
                                                     : QStringLiteral("retired"));
        }
        const QList<Plan> plans = store.plans().plans(actor, id);
        for (const PlanSpec& p : a.plans) {
            const auto it = std::find_if(plans.begin(), plans.end(), [&](const Plan& existing) {
                return existing.name == p.name;
            });
            Plan wanted{0, id, p.name, p.mode, p.rate, p.quota, 0};
            if (it == plans.end()) {
                if (!store.plans().createPlan(actor, wanted))
                    return failed(a.where, store.plans().lastErrorMessage());
                out.changes << QStringLiteral("api %1: plan %2 created").arg(ref, p.name);
            } else if (it->approvalMode != p.mode || it->rateLimitPerMinute != p.rate ||
                       it->quotaPerMonth != p.quota) {
                wanted.id = it->id;
                wanted.createdAt = it->createdAt;
                if (!store.plans().updatePlan(actor, wanted))
                    return failed(a.where, store.plans().lastErrorMessage());
                out.changes << QStringLiteral("api %1: plan %2 updated").arg(ref, p.name);
            } else {
                ++out.unchanged;
            }
        }
    }
    return out;
}

} // namespace gatehouse::app
