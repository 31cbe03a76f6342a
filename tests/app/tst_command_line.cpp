// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/command_line.h"

#include <QTest>

using gatehouse::app::CommandLine;
using Status = CommandLine::Status;

class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void everything();
    void listenForms_data();
    void listenForms();
    void adminListen_data();
    void adminListen();
    void errors_data();
    void errors();
    void helpAndVersion();
    void qtOptionsAreAccepted();
    void catalogCommands();

private:
    static QStringList args(const QStringList& rest)
    {
        return QStringList{QStringLiteral("gatehouse")} + rest;
    }
};

void TestCommandLine::defaults()
{
    CommandLine cl;
    QCOMPARE(cl.parse(args({})), Status::Ok);
    const auto& o = cl.options();
    QVERIFY(!o.headless);
    QVERIFY(o.configFile.isEmpty());
    QVERIFY(!o.watchConfig);
    QVERIFY(!o.listenSet);
    QCOMPARE(o.listenAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(o.listenPort, quint16(8080));
    QVERIFY(!o.threadsSet);
    QVERIFY(!o.demoOriginOnly);
    QVERIFY(o.telemetryDatabase.isEmpty());
    QVERIFY(!o.adminListenSet);
    QVERIFY(o.adminEnabled);
    QCOMPARE(o.adminAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(o.adminPort, quint16(9080));
    QVERIFY(o.databaseSpec.isEmpty()); // the default SQLite file
}

void TestCommandLine::everything()
{
    CommandLine cl;
    QCOMPARE(cl.parse(args({QStringLiteral("--headless"), QStringLiteral("--config"),
                            QStringLiteral("gw.yaml"), QStringLiteral("--listen"),
                            QStringLiteral("0.0.0.0:9090"), QStringLiteral("--threads"),
                            QStringLiteral("4"), QStringLiteral("--telemetry-database"),
                            QStringLiteral("/tmp/t.sqlite"), QStringLiteral("--watch")})),
             Status::Ok);
    const auto& o = cl.options();
    QVERIFY(o.watchConfig);
    QCOMPARE(o.telemetryDatabase, QStringLiteral("/tmp/t.sqlite"));
    QVERIFY(o.headless);
    QCOMPARE(o.configFile, QStringLiteral("gw.yaml"));
    QVERIFY(o.listenSet);
    QCOMPARE(o.listenAddress, QStringLiteral("0.0.0.0"));
    QCOMPARE(o.listenPort, quint16(9090));
    QVERIFY(o.threadsSet);
    QCOMPARE(o.threads, 4u);

    QCOMPARE(cl.parse(args({QStringLiteral("--database"), QStringLiteral("/tmp/catalog.sqlite")})),
             Status::Ok);
    QCOMPARE(cl.options().databaseSpec, QStringLiteral("/tmp/catalog.sqlite"));
    QCOMPARE(cl.parse(args({QStringLiteral("--database"),
                            QStringLiteral("postgresql://gh@db.example.com/catalog")})),
             Status::Ok);
    QCOMPARE(cl.options().databaseSpec, QStringLiteral("postgresql://gh@db.example.com/catalog"));

    QCOMPARE(cl.parse(args({QStringLiteral("--demo-origin"), QStringLiteral("9000")})), Status::Ok);
    QVERIFY(cl.options().demoOriginOnly);
    QCOMPARE(cl.options().demoOriginPort, quint16(9000));
    QVERIFY(!cl.options().demoCatalog);

    QCOMPARE(cl.parse(args({QStringLiteral("--headless"), QStringLiteral("--demo-catalog")})),
             Status::Ok);
    QVERIFY(cl.options().demoCatalog);
}

void TestCommandLine::listenForms_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8081") << QStringLiteral("127.0.0.1")
                          << 8081;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:8082") << QStringLiteral("::1") << 8082;
    QTest::newRow("localhost") << QStringLiteral("localhost:8083") << QStringLiteral("127.0.0.1")
                               << 8083;
    QTest::newRow("port only") << QStringLiteral("8084") << QStringLiteral("127.0.0.1") << 8084;
    QTest::newRow("ephemeral") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1") << 0;
}

void TestCommandLine::listenForms()
{
    QFETCH(QString, value);
    QFETCH(QString, address);
    QFETCH(int, port);
    CommandLine cl;
    QCOMPARE(cl.parse(args({QStringLiteral("--listen"), value})), Status::Ok);
    QCOMPARE(cl.options().listenAddress, address);
    QCOMPARE(int(cl.options().listenPort), port);
}

void TestCommandLine::adminListen_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:9181") << true << QStringLiteral("127.0.0.1")
                          << 9181;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:9182") << true << QStringLiteral("::1") << 9182;
    QTest::newRow("port only") << QStringLiteral("9183") << true << QStringLiteral("127.0.0.1")
                               << 9183;
    QTest::newRow("off") << QStringLiteral("off") << false << QStringLiteral("127.0.0.1") << 9080;
}

void TestCommandLine::adminListen()
{
    QFETCH(QString, value);
    QFETCH(bool, enabled);
    QFETCH(QString, address);
    QFETCH(int, port);
    CommandLine cl;
    QCOMPARE(cl.parse(args({QStringLiteral("--admin-listen"), value})), Status::Ok);
    const auto& o = cl.options();
    QVERIFY(o.adminListenSet);
    QCOMPARE(o.adminEnabled, enabled);
    QCOMPARE(o.adminAddress, address);
    QCOMPARE(int(o.adminPort), port);
    // The gateway's own listener is untouched.
    QVERIFY(!o.listenSet);
    QCOMPARE(o.listenPort, quint16(8080));
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port too big") << QStringList{QStringLiteral("--listen"),
                                                 QStringLiteral("127.0.0.1:70000")}
                                  << QStringLiteral("70000");
    QTest::newRow("negative port")
        << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:-1")}
        << QStringLiteral("out of range");
    QTest::newRow("port not a number")
        << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:http")}
        << QStringLiteral("http");
    QTest::newRow("bad address") << QStringList{QStringLiteral("--listen"),
                                                QStringLiteral("nowhere:80")}
                                 << QStringLiteral("nowhere");
    QTest::newRow("admin port too big")
        << QStringList{QStringLiteral("--admin-listen"), QStringLiteral("127.0.0.1:65536")}
        << QStringLiteral("--admin-listen");
    QTest::newRow("admin bad address")
        << QStringList{QStringLiteral("--admin-listen"), QStringLiteral("nowhere:9080")}
        << QStringLiteral("nowhere");
    QTest::newRow("admin not loopback")
        << QStringList{QStringLiteral("--admin-listen"), QStringLiteral("0.0.0.0:9080")}
        << QStringLiteral("loopback");
    QTest::newRow("threads not a number")
        << QStringList{QStringLiteral("--threads"), QStringLiteral("many")}
        << QStringLiteral("many");
    QTest::newRow("threads negative")
        << QStringList{QStringLiteral("--threads"), QStringLiteral("-2")} << QStringLiteral("-2");
    QTest::newRow("demo origin port")
        << QStringList{QStringLiteral("--demo-origin"), QStringLiteral("65536")}
        << QStringLiteral("65536");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("--config")} << QStringLiteral("config");
    QTest::newRow("empty telemetry database")
        << QStringList{QStringLiteral("--telemetry-database"), QString()}
        << QStringLiteral("--telemetry-database");
    QTest::newRow("positional") << QStringList{QStringLiteral("extra")} << QStringLiteral("extra");
    QTest::newRow("database empty")
        << QStringList{QStringLiteral("--database"), QString()} << QStringLiteral("--database");
    QTest::newRow("database other scheme")
        << QStringList{QStringLiteral("--database"), QStringLiteral("mysql://h/db")}
        << QStringLiteral("mysql://h/db");
    QTest::newRow("check config empty") << QStringList{QStringLiteral("--check-config"), QString()}
                                        << QStringLiteral("--check-config");
    QTest::newRow("check config with config")
        << QStringList{QStringLiteral("--check-config"), QStringLiteral("a.yaml"),
                       QStringLiteral("--config"), QStringLiteral("b.yaml")}
        << QStringLiteral("--check-config");
    QTest::newRow("check config with listen")
        << QStringList{QStringLiteral("--check-config"), QStringLiteral("a.yaml"),
                       QStringLiteral("--listen"), QStringLiteral("8081")}
        << QStringLiteral("cannot be combined");
    QTest::newRow("demo catalog with config")
        << QStringList{QStringLiteral("--demo-catalog"), QStringLiteral("--config"),
                       QStringLiteral("x.yaml")}
        << QStringLiteral("--demo-catalog");
    QTest::newRow("demo origin with config")
        << QStringList{QStringLiteral("--demo-origin"), QStringLiteral("9000"),
                       QStringLiteral("--config"), QStringLiteral("x.yaml")}
        << QStringLiteral("--config");
    QTest::newRow("two catalog commands")
        << QStringList{QStringLiteral("--export-workspace"), QStringLiteral("a.json"),
                       QStringLiteral("--apply-workspace"), QStringLiteral("b.json")}
        << QStringLiteral("cannot be combined");
    QTest::newRow("import without team")
        << QStringList{QStringLiteral("--import-openapi"), QStringLiteral("api.yaml")}
        << QStringLiteral("--team");
    QTest::newRow("team without import")
        << QStringList{QStringLiteral("--team"), QStringLiteral("shop")}
        << QStringLiteral("--import-openapi");
    QTest::newRow("as without command")
        << QStringList{QStringLiteral("--as"), QStringLiteral("alice")} << QStringLiteral("--as");
    QTest::newRow("catalog command with headless")
        << QStringList{QStringLiteral("--export-workspace"), QStringLiteral("-"),
                       QStringLiteral("--headless")}
        << QStringLiteral("--headless");
    QTest::newRow("watch without config")
        << QStringList{QStringLiteral("--headless"), QStringLiteral("--watch")}
        << QStringLiteral("--watch");
    QTest::newRow("watch in the console")
        << QStringList{QStringLiteral("--config"), QStringLiteral("x.yaml"),
                       QStringLiteral("--watch")}
        << QStringLiteral("--headless");
    QTest::newRow("catalog command empty file")
        << QStringList{QStringLiteral("--apply-workspace"), QString()}
        << QStringLiteral("--apply-workspace");
}

void TestCommandLine::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    CommandLine cl;
    QCOMPARE(cl.parse(args(arguments)), Status::Error);
    QVERIFY2(cl.errorText().contains(mentions), qPrintable(cl.errorText()));
    QCOMPARE(CommandLine::exitUsageError, 2);
}

void TestCommandLine::catalogCommands()
{
    using gatehouse::app::CatalogCommandKind;
    CommandLine cl;
    QCOMPARE(cl.parse(args({QStringLiteral("--database"), QStringLiteral("c.sqlite"),
                            QStringLiteral("--import-openapi"), QStringLiteral("pets.yaml"),
                            QStringLiteral("--team"), QStringLiteral(" Shop "),
                            QStringLiteral("--as"), QStringLiteral("alice")})),
             Status::Ok);
    QCOMPARE(cl.options().catalogCommand, CatalogCommandKind::ImportOpenApi);
    QCOMPARE(cl.options().catalogCommandFile, QStringLiteral("pets.yaml"));
    QCOMPARE(cl.options().teamName, QStringLiteral("Shop"));
    QCOMPARE(cl.options().actingUser, QStringLiteral("alice"));
    QCOMPARE(cl.parse(args({QStringLiteral("--export-workspace"), QStringLiteral("-")})),
             Status::Ok);
    QCOMPARE(cl.options().catalogCommand, CatalogCommandKind::ExportWorkspace);
    QCOMPARE(cl.options().catalogCommandFile, QStringLiteral("-"));
    QCOMPARE(cl.parse(args({QStringLiteral("--apply-workspace"), QStringLiteral("w.json")})),
             Status::Ok);
    QCOMPARE(cl.options().catalogCommand, CatalogCommandKind::ApplyWorkspace);
    QCOMPARE(cl.parse(args({})), Status::Ok);
    QCOMPARE(cl.options().catalogCommand, CatalogCommandKind::None);
}

void TestCommandLine::helpAndVersion()
{
    CommandLine cl;
    QCOMPARE(cl.parse(args({QStringLiteral("--help")})), Status::HelpRequested);
    const QString help = cl.helpText();
    for (const char* option : {"--headless", "--config", "--listen", "--admin-listen", "--threads",
                               "--demo-origin", "--demo-catalog", "--version"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    QVERIFY(!help.contains(QStringLiteral("platform")));
    QCOMPARE(cl.parse(args({QStringLiteral("--version")})), Status::VersionRequested);
    QVERIFY(CommandLine::versionText().startsWith(QStringLiteral("gatehouse ")));
}

void TestCommandLine::qtOptionsAreAccepted()
{
    CommandLine cl;
    QCOMPARE(cl.parse(args({QStringLiteral("-platform"), QStringLiteral("offscreen"),
                            QStringLiteral("-headless")})),
             Status::Ok);
    QVERIFY(cl.options().headless);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
