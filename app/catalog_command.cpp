// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_command.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/catalog_store.h"
#include "app/openapi_import.h"
#include "app/workspace_file.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <optional>

namespace gatehouse::app {

namespace {

class Reporter {
public:
    Reporter(QIODevice& out, QIODevice& err)
        : m_out(out)
        , m_err(err)
    {
    }
    void line(const QString& text) { m_out.write(text.toUtf8() + '\n'); }
    int fail(const QString& text)
    {
        m_err.write(QStringLiteral("gatehouse: %1\n").arg(text).toUtf8());
        return 1;
    }
    void warn(const QString& text)
    {
        m_err.write(QStringLiteral("gatehouse: warning: %1\n").arg(text).toUtf8());
    }
    QIODevice& out() { return m_out; }

private:
    QIODevice& m_out;
    QIODevice& m_err;
};

bool isTerminal(const QString& file)
{
    return file == QLatin1String("-");
}

std::optional<QByteArray> readInput(const QString& file, QIODevice& in, QString* error)
{
    if (isTerminal(file))
        return in.readAll();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file, f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

// Who the command acts as: the local admin of a SQLite workspace, or a
// signed-in user of a shared one.
std::optional<Principal> actingPrincipal(CatalogService& catalog, const CatalogStartup& startup,
                                         const CommandLineOptions& options, QString* error)
{
    if (!options.actingUser.isEmpty()) {
        const QString password = qEnvironmentVariable("GATEHOUSE_PASSWORD");
        if (password.isEmpty()) {
            *error = QStringLiteral("--as %1: set GATEHOUSE_PASSWORD to the user's password")
                         .arg(options.actingUser);
            return std::nullopt;
        }
        struct SignIn {
            std::optional<Principal> principal;
            QString error;
        };
        const SignIn result = catalog.runAndWait([&](CatalogStore& store) {
            SignIn r;
            r.principal = store.users().signIn(options.actingUser, password);
            if (!r.principal)
                r.error = store.users().lastError();
            return r;
        });
        if (!result.principal)
            *error = QStringLiteral("--as %1: %2").arg(options.actingUser, result.error);
        return result.principal;
    }
    if (startup.localAdmin)
        return startup.localAdmin;
    *error = startup.shared ? QStringLiteral("a shared catalog needs --as NAME (the password in "
                                             "GATEHOUSE_PASSWORD)")
                            : startup.warning;
    return std::nullopt;
}

int exportWorkspace(CatalogService& catalog, const Principal& actor, const QString& file,
                    Reporter& report)
{
    struct Export {
        QByteArray document;
        QString error;
    };
    const Export result = catalog.runAndWait([&](CatalogStore& store) {
        Export e;
        e.document = WorkspaceFile::exportWorkspace(store, actor, &e.error);
        return e;
    });
    if (result.document.isEmpty())
        return report.fail(QStringLiteral("cannot read the workspace: %1").arg(result.error));
    if (isTerminal(file)) {
        report.out().write(result.document);
        return 0;
    }
    // All or nothing: an old file stays as it was if writing fails.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(result.document) != result.document.size() ||
        !out.commit())
        return report.fail(QStringLiteral("cannot write %1: %2").arg(file, out.errorString()));
    report.line(QStringLiteral("wrote %1").arg(file));
    return 0;
}

int applyWorkspace(CatalogService& catalog, const Principal& actor, const QByteArray& document,
                   const QString& source, Reporter& report)
{
    const WorkspaceApplyResult result = catalog.runAndWait(
        [&](CatalogStore& store) { return WorkspaceFile::apply(store, actor, document); });
    for (const QString& change : result.changes)
        report.line(change);
    if (!result.ok()) {
        for (const QString& e : result.errors)
            report.fail(QStringLiteral("%1: %2").arg(source, e));
        return report.fail(
            QStringLiteral("%1 not applied; %2 change(s) made before the first error")
                .arg(source)
                .arg(result.changes.size()));
    }
    report.line(QStringLiteral("%1 change(s), %2 unchanged")
                    .arg(result.changes.size())
                    .arg(result.unchanged));
    return 0;
}

int importOpenApi(CatalogService& catalog, const Principal& actor, const QByteArray& document,
                  const QString& source, const QString& teamName, Reporter& report)
{
    const OpenApiImport imported = OpenApiImporter::import(document, source);
    for (const QString& w : imported.warnings)
        report.warn(w);
    if (!imported.errors.isEmpty()) {
        for (const QString& e : imported.errors)
            report.fail(e);
        return report.fail(QStringLiteral("%1: nothing imported").arg(source));
    }
    struct Created {
        std::optional<ApiDefinition> api;
        QString error;
    };
    const Created result = catalog.runAndWait([&](CatalogStore& store) {
        Created c;
        const QList<Team> teams = store.teams().teams();
        const auto team = std::find_if(teams.begin(), teams.end(),
                                       [&](const Team& t) { return t.name == teamName; });
        if (team == teams.end()) {
            c.error = QStringLiteral("--team: no team '%1'").arg(teamName);
            return c;
        }
        ApiDefinition api = *imported.api;
        api.teamId = team->id;
        c.api = store.apis().createApi(actor, api);
        if (!c.api)
            c.error = store.apis().lastError();
        return c;
    });
    if (!result.api)
        return report.fail(QStringLiteral("%1: %2").arg(source, result.error));
    report.line(QStringLiteral("created draft API %1 %2 (id %3) with %4 route(s) in team %5")
                    .arg(result.api->slug, result.api->version)
                    .arg(result.api->id)
                    .arg(result.api->routes.size())
                    .arg(teamName));
    return 0;
}

} // namespace

int CatalogCommand::run(const CommandLineOptions& options, QIODevice& in, QIODevice& out,
                        QIODevice& err)
{
    Reporter report(out, err);
    CatalogService catalog;
    const CatalogStartup startup = startCatalog(catalog, options.databaseSpec);
    if (!startup.error.isEmpty())
        return report.fail(startup.error);
    QString error;
    const auto actor = actingPrincipal(catalog, startup, options, &error);
    if (!actor)
        return report.fail(error);

    const QString& file = options.catalogCommandFile;
    if (options.catalogCommand == CatalogCommandKind::ExportWorkspace)
        return exportWorkspace(catalog, *actor, file, report);

    const auto document = readInput(file, in, &error);
    if (!document)
        return report.fail(error);
    const QString source =
        isTerminal(file) ? QStringLiteral("<stdin>") : QFileInfo(file).fileName();
    switch (options.catalogCommand) {
    case CatalogCommandKind::ApplyWorkspace:
        return applyWorkspace(catalog, *actor, *document, source, report);
    case CatalogCommandKind::ImportOpenApi:
        return importOpenApi(catalog, *actor, *document, source, options.teamName, report);
    case CatalogCommandKind::ExportWorkspace:
    case CatalogCommandKind::None:
        break;
    }
    return report.fail(QStringLiteral("no catalog command given"));
}

} // namespace gatehouse::app
