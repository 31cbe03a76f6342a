// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// /v1/workspace: the whole catalog as one declarative file (WorkspaceFile),
// read with GET and applied idempotently with PUT, as `gatehouse
// --export-workspace` / `--apply-workspace` do from the command line.
#include "app/admin_api/admin_dispatcher.h"
#include "app/workspace_file.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::app {

namespace {

// "apis[2].team: no team 'billing'" -> {"field": "apis[2].team", "message": ...}
QJsonArray fieldErrors(const QStringList& errors)
{
    QJsonArray out;
    for (const QString& e : errors) {
        const qsizetype colon = e.indexOf(QStringLiteral(": "));
        out.append(colon > 0 ? QJsonObject{{QStringLiteral("field"), e.left(colon)},
                                           {QStringLiteral("message"), e.mid(colon + 2)}}
                             : QJsonObject{{QStringLiteral("field"), QString()},
                                           {QStringLiteral("message"), e}});
    }
    return out;
}

AdminResponse exportWorkspace(const AdminServices& s)
{
    QString error;
    const QByteArray document = WorkspaceFile::exportWorkspace(*s.store, s.actor, &error);
    if (document.isEmpty())
        return AdminResponse::serverFailure(
            QStringLiteral("storage"), QStringLiteral("Storage error"),
            QStringLiteral("the workspace could not be read from the catalog's database"), error);
    AdminResponse r = AdminResponse::text(200, "application/json", document);
    r.addHeader("Content-Disposition", "attachment; filename=\"workspace.json\"");
    return r;
}

AdminResponse applyWorkspace(const AdminServices& s, const AdminRequest& req)
{
    if (req.body.trimmed().isEmpty())
        return AdminResponse::badRequest(QStringLiteral("the body must be a workspace document"));
    const WorkspaceApplyResult result = WorkspaceFile::apply(*s.store, s.actor, req.body);
    const QJsonArray changes = QJsonArray::fromStringList(result.changes);
    if (!result.ok()) {
        // Changes made before the first error stay (each is its own
        // transaction); the file can be fixed and applied again.
        AdminResponse r = AdminResponse::problem(
            422, QStringLiteral("workspace-invalid"),
            QStringLiteral("The workspace file was not applied"),
            QStringLiteral("%1 error(s); %2 change(s) made before the first one")
                .arg(result.errors.size())
                .arg(result.changes.size()),
            fieldErrors(result.errors));
        QJsonObject body = QJsonDocument::fromJson(r.body).object();
        body.insert(QStringLiteral("changes"), changes);
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return r;
    }
    return AdminResponse::json(200, QJsonObject{{QStringLiteral("changes"), changes},
                                                {QStringLiteral("unchanged"), result.unchanged}});
}

} // namespace

void addWorkspaceRoutes(AdminRouter& router, const AdminServices* s)
{
    router.add("GET", QStringLiteral("/v1/workspace"),
               [s](const AdminRequest&, const QStringList&) { return exportWorkspace(*s); });
    router.add(
        "PUT", QStringLiteral("/v1/workspace"),
        [s](const AdminRequest& req, const QStringList&) { return applyWorkspace(*s, req); });
}

} // namespace gatehouse::app
