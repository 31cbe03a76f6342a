// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

// The real `gatehouse` executable's one-shot catalog commands, as someone
// keeping a workspace in a repository runs them: apply a file, import an
// OpenAPI document, export, apply again (nothing changes), and every way
// it can go wrong, with exit codes and messages.
class TestCatalogCommands : public QObject {
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;
    QString m_database;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }
    static QByteArray readFile(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    Run gatehouse(QStringList arguments, const QByteArray& input = {}, const QString& password = {})
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("GATEHOUSE_PASSWORD"));
        if (!password.isEmpty())
            env.insert(QStringLiteral("GATEHOUSE_PASSWORD"), password);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(GATEHOUSE_BINARY), arguments);
        Run run;
        if (!process.waitForStarted(10000))
            return run;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    Run onCatalog(QStringList arguments, const QByteArray& input = {})
    {
        return gatehouse(QStringList{QStringLiteral("--database"), m_database} + arguments, input);
    }

    static QByteArray teamOnlyWorkspace()
    {
        return R"({"gatehouse": "workspace", "version": 1,
                   "teams": [{"name": "Shop", "description": "Storefront APIs",
                              "members": []}],
                   "apis": []})";
    }

private slots:
    void init()
    {
        m_database = m_dir.filePath(
            QStringLiteral("catalog-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
    }

    void applyImportExportRoundTrip()
    {
        const Run applied = onCatalog({QStringLiteral("--apply-workspace"), QStringLiteral("-")},
                                      teamOnlyWorkspace());
        QCOMPARE(applied.exitCode, 0);
        QVERIFY2(applied.out.contains(QStringLiteral("team Shop: created")),
                 qPrintable(applied.out + applied.err));

        const Run imported = onCatalog({QStringLiteral("--import-openapi"),
                                        QFINDTESTDATA("../data/openapi/petstore.yaml"),
                                        QStringLiteral("--team"), QStringLiteral("Shop")});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains(QStringLiteral("created draft API")) &&
                     imported.out.contains(QStringLiteral("24 route(s) in team Shop")),
                 qPrintable(imported.out + imported.err));

        const QString exported = m_dir.filePath(QStringLiteral("workspace.json"));
        const Run exportRun = onCatalog({QStringLiteral("--export-workspace"), exported});
        QCOMPARE(exportRun.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(readFile(exported)).object();
        const QJsonArray apis = doc.value(QStringLiteral("apis")).toArray();
        QCOMPARE(apis.size(), 1);
        QCOMPARE(apis.first().toObject().value(QStringLiteral("team")).toString(),
                 QStringLiteral("Shop"));
        QCOMPARE(apis.first().toObject().value(QStringLiteral("basePath")).toString(),
                 QStringLiteral("/petstore/v2"));

        // Standard output carries the same document.
        const Run toStdout = onCatalog({QStringLiteral("--export-workspace"), QStringLiteral("-")});
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(toStdout.out.toUtf8()).object(), doc);

        const Run again = onCatalog({QStringLiteral("--apply-workspace"), exported});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("0 change(s)")),
                 qPrintable(again.out + again.err));
    }

    void brokenOpenApiNamesTheLine()
    {
        QCOMPARE(onCatalog({QStringLiteral("--apply-workspace"), QStringLiteral("-")},
                           teamOnlyWorkspace())
                     .exitCode,
                 0);
        const QString path = writeFile(QStringLiteral("broken.yaml"),
                                       "openapi: 3.0.3\ninfo:\n  title: Broken\npaths:\n"
                                       "  /x:\n    get: {}\n");
        const Run run = onCatalog({QStringLiteral("--import-openapi"), path,
                                   QStringLiteral("--team"), QStringLiteral("Shop")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("broken.yaml:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("nothing imported")), qPrintable(run.err));
        const Run exported = onCatalog({QStringLiteral("--export-workspace"), QStringLiteral("-")});
        QCOMPARE(QJsonDocument::fromJson(exported.out.toUtf8())
                     .object()
                     .value(QStringLiteral("apis"))
                     .toArray()
                     .size(),
                 0);
    }

    void unknownTeamIsRefused()
    {
        const Run run = onCatalog({QStringLiteral("--import-openapi"),
                                   QFINDTESTDATA("../data/openapi/petstore.yaml"),
                                   QStringLiteral("--team"), QStringLiteral("Nobody")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no team 'Nobody'")), qPrintable(run.err));
    }

    void invalidWorkspaceChangesNothing()
    {
        const QString path = writeFile(QStringLiteral("bad.json"), "{\"teams\": 42");
        const Run run = onCatalog({QStringLiteral("--apply-workspace"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("bad.json")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("not applied")), qPrintable(run.err));
        const Run missing = onCatalog(
            {QStringLiteral("--apply-workspace"), m_dir.filePath(QStringLiteral("absent.json"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("cannot read")), qPrintable(missing.err));
    }

    void corruptCatalogIsLeftAlone()
    {
        const QByteArray garbage(8192, 'x');
        const QString path = writeFile(QStringLiteral("corrupt.sqlite"), garbage);
        const Run run = gatehouse({QStringLiteral("--database"), path,
                                   QStringLiteral("--apply-workspace"), QStringLiteral("-")},
                                  teamOnlyWorkspace());
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(readFile(path), garbage);
    }

    void unwritableExportKeepsNothingHalfWritten()
    {
        const QString target = m_dir.filePath(QStringLiteral("no-such-dir/workspace.json"));
        const Run run = onCatalog({QStringLiteral("--export-workspace"), target});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot write")), qPrintable(run.err));
        QVERIFY(!QFile::exists(target));
    }

    void signInNeedsTheRightPassword()
    {
        const Run noPassword = onCatalog({QStringLiteral("--export-workspace"), QStringLiteral("-"),
                                          QStringLiteral("--as"), QStringLiteral("alice")});
        QCOMPARE(noPassword.exitCode, 1);
        QVERIFY2(noPassword.err.contains(QStringLiteral("GATEHOUSE_PASSWORD")),
                 qPrintable(noPassword.err));
        const Run wrong = gatehouse({QStringLiteral("--database"), m_database,
                                     QStringLiteral("--export-workspace"), QStringLiteral("-"),
                                     QStringLiteral("--as"), QStringLiteral("alice")},
                                    {}, QStringLiteral("not-her-password"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("wrong password")), qPrintable(wrong.err));
        QVERIFY(wrong.out.isEmpty());
    }

    void usageErrorsExitWithTwo()
    {
        const Run run = gatehouse({QStringLiteral("--import-openapi"), QStringLiteral("x.yaml")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--team")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCommands)
#include "tst_catalog_commands.moc"
