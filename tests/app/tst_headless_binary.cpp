// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/demo_origin.hpp"

#include "tests/support/test_http.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>

using namespace gatehouse;
using namespace std::chrono_literals;

// The real `gatehouse` executable, as a user runs it without a display:
// declarative files, errors and exit codes, signals.
class TestHeadlessBinary : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    // The environment of a user whose console saved `settings` (the
    // contents of its gatehouse.conf, under a config home of its own named
    // `name`); the settings file's path in `path`.
    QProcessEnvironment savedSettings(const QString& name, const QByteArray& settings,
                                      QString* path)
    {
        const QString configHome = m_dir.filePath(name);
        QDir().mkpath(configHome + QStringLiteral("/Gatehouse"));
        *path = configHome + QStringLiteral("/Gatehouse/gatehouse.conf");
        QFile file(*path);
        if (!file.open(QIODevice::WriteOnly) || file.write(settings) != settings.size())
            path->clear();
        auto env = environment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        return env;
    }

    // A declarative file routing /shop to the origin at `originPort`, with
    // `sections` (whole top-level sections such as listen or dns) first.
    QString writeShopConfig(const QString& name, std::uint16_t originPort,
                            const QByteArray& sections)
    {
        return writeFile(name, "version: 1\n" + sections +
                                   "upstreams:\n"
                                   "  - name: origin\n"
                                   "    targets: [http://127.0.0.1:" +
                                   QByteArray::number(originPort) +
                                   "]\n"
                                   "routes:\n"
                                   "  - {id: shop, path: /shop, upstream: origin}\n");
    }

    // A `gatehouse` running in the user's environment of the test, its
    // output collected by read() as it comes.
    struct Running {
        QProcess process;
        QString out, err;
        void read()
        {
            out += QString::fromUtf8(process.readAllStandardOutput());
            err += QString::fromUtf8(process.readAllStandardError());
        }
        void signal(int number) const { ::kill(static_cast<pid_t>(process.processId()), number); }
    };
    bool start(Running& g, const QStringList& args)
    {
        g.process.setProcessEnvironment(environment());
        g.process.start(QStringLiteral(GATEHOUSE_BINARY), args);
        return g.process.waitForStarted(5000);
    }
    // What a headless gateway prints once it serves; the port in (1).
    static const QRegularExpression& gatewayListening()
    {
        static const QRegularExpression line(
            QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
        return line;
    }

    // Starts `gatehouse` with `args`, waits (up to 10 s) until its standard
    // output has a match for each of `lines`, stops it with SIGTERM and
    // returns the matches; what it printed instead when one never came.
    QStringList startedLines(const QProcessEnvironment& env, const QStringList& args,
                             const QList<QRegularExpression>& lines)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(GATEHOUSE_BINARY), args);
        if (!process.waitForStarted(5000))
            return {QStringLiteral("not started")};
        QString out;
        const auto found = [&] {
            QStringList matches;
            for (const auto& line : lines) {
                const auto match = line.match(out);
                if (!match.hasMatch())
                    return QStringList();
                matches << match.captured(0);
            }
            return matches;
        };
        QStringList matches;
        QElapsedTimer timer;
        timer.start();
        while ((matches = found()).isEmpty() && timer.elapsed() < 10000 &&
               process.state() == QProcess::Running) {
            process.waitForReadyRead(200);
            out += QString::fromUtf8(process.readAllStandardOutput());
        }
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        process.waitForFinished(10000);
        if (matches.isEmpty())
            return {out + QString::fromUtf8(process.readAllStandardError())};
        return matches;
    }

    // The user's directories point into the test's own: the catalog, the
    // telemetry database and the admin token stay out of the real home.
    // `gatehouse --headless --config path` must refuse the file: exit code 1,
    // with why on stderr (into `err`).
    void runRefusedConfig(const QString& path, QString& err)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--config"), path});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        err = QString::fromUtf8(process.readAllStandardError());
    }

    QProcessEnvironment environment() const
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        return env;
    }

private slots:
    void invalidFileNamesLineAndFieldAndFails()
    {
        const QString path =
            writeFile(QStringLiteral("bad.yaml"), "version: 1\n"
                                                  "upstreams:\n"
                                                  "  - name: shop\n"
                                                  "    targets: [http://127.0.0.1:9]\n"
                                                  "routes:\n"
                                                  "  - path: /shop\n"
                                                  "    upstream: billing\n");
        QString err;
        runRefusedConfig(path, err);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(err.contains(QStringLiteral("bad.yaml:7:")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("routes[0].upstream")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("billing")), qPrintable(err));
    }

    // The DNS refresh interval saved on the console's Gateway page applies to
    // a headless gateway of the same user too, as in the console: unless a
    // --config file names its own, which stands in both.
    void savedDnsRefreshIntervalAppliesAsInTheConsole()
    {
        QString settings;
        const auto env = savedSettings(QStringLiteral("config-dns"),
                                       "[Gateway]\ndnsRefreshIntervalMs=45000\n", &settings);
        QVERIFY(!settings.isEmpty());
        const QStringList common{QStringLiteral("--headless"),
                                 QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--threads"),
                                 QStringLiteral("1"),
                                 QStringLiteral("--database"),
                                 m_dir.filePath(QStringLiteral("dns-catalog.sqlite"))};
        const QRegularExpression line(QStringLiteral("dns refresh: [^\n]*"));
        const auto dnsLine = [&](const QStringList& extra) {
            return startedLines(env, common + extra, {line}).value(0);
        };
        QCOMPARE(dnsLine({}), QStringLiteral("dns refresh: 45s (saved setting)"));

        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QString path = writeShopConfig(QStringLiteral("dns.yaml"), origin.port(),
                                             "dns:\n  refresh_interval: 2m\n");
        QCOMPARE(dnsLine({QStringLiteral("--config"), path}),
                 QStringLiteral("dns refresh: 2m (configuration file)"));

        // Nothing saved: the default, as in the console.
        QVERIFY(QFile::remove(settings));
        QCOMPARE(dnsLine({}), QStringLiteral("dns refresh: 30s (default)"));
    }

    // The listener saved in the console (address, port, worker threads)
    // applies to a headless gateway of the same user too; --listen and
    // --threads win over it, and a --config file defines its own gateway.
    void savedListenerAppliesAsInTheConsole()
    {
        const std::uint16_t saved = test::unused_port();
        QString settings;
        const auto env =
            savedSettings(QStringLiteral("config-listener"),
                          "[Gateway]\nlistenAddress=127.0.0.1\nport=" + QByteArray::number(saved) +
                              "\nthreads=3\n",
                          &settings);
        QVERIFY(!settings.isEmpty());
        const QStringList database{QStringLiteral("--headless"), QStringLiteral("--database"),
                                   m_dir.filePath(QStringLiteral("listener-catalog.sqlite"))};
        const QList<QRegularExpression> lines{
            QRegularExpression(QStringLiteral("gateway listening on [^\n]*")),
            QRegularExpression(QStringLiteral("worker threads: [^\n]*"))};
        const QString savedUrl =
            QStringLiteral("gateway listening on http://127.0.0.1:%1").arg(saved);

        QCOMPARE(startedLines(env, database, lines),
                 (QStringList{savedUrl, QStringLiteral("worker threads: 3 (saved setting)")}));

        // The command line wins.
        const QStringList flags{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--threads"), QStringLiteral("2")};
        const QStringList overridden = startedLines(env, database + flags, lines);
        QCOMPARE(overridden.size(), 2);
        QVERIFY2(overridden[0].startsWith(QStringLiteral("gateway listening on http://127.0.0.1:")),
                 qPrintable(overridden[0]));
        QVERIFY2(overridden[0] != savedUrl, qPrintable(overridden[0]));
        QCOMPARE(overridden[1], QStringLiteral("worker threads: 2 (command line)"));

        // A declarative file: the saved listener does not apply.
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QString path = writeShopConfig(QStringLiteral("listener.yaml"), origin.port(),
                                             "listen:\n  address: 127.0.0.1\n  port: 0\n");
        const QStringList fromFile = startedLines(
            env, {QStringLiteral("--headless"), QStringLiteral("--config"), path}, lines);
        QCOMPARE(fromFile.size(), 2);
        QVERIFY2(fromFile[0] != savedUrl, qPrintable(fromFile[0]));
        QVERIFY2(fromFile[1].endsWith(QStringLiteral("(configuration file)")),
                 qPrintable(fromFile[1]));
    }

    // A sub-second interval in a file is refused with its line and field,
    // as the console's Gateway page refuses it.
    void subSecondDnsRefreshIsRefused()
    {
        const QString path =
            writeFile(QStringLiteral("dns-fast.yaml"), "version: 1\n"
                                                       "dns:\n"
                                                       "  refresh_interval: 500ms\n");
        QString err;
        runRefusedConfig(path, err);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(err.contains(QStringLiteral("dns-fast.yaml:3:21: dns.refresh_interval: 500ms is "
                                             "less than a second")),
                 qPrintable(err));
    }

    void missingFileFails()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--config"),
                       m_dir.filePath(QStringLiteral("absent.yaml"))});
        QVERIFY(process.waitForFinished(10000));
        QVERIFY(process.exitCode() != 0);
        QVERIFY(!process.readAllStandardError().isEmpty());
    }

    void badOptionValueFails()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(
            QStringLiteral(GATEHOUSE_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--threads"), QStringLiteral("many")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
    }

    void servesFromDeclarativeFileAndStopsOnSigterm()
    {
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QByteArray config =
            "version: 1\n"
            "upstreams:\n"
            "  - name: origin\n"
            "    targets: [http://127.0.0.1:" +
            QByteArray::number(origin.port()) +
            "]\n"
            "routes:\n"
            "  - {id: shop, path: /shop, upstream: origin, rewrite_prefix: /products}\n";
        const QString path = writeFile(QStringLiteral("good.yaml"), config);
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--config"), path,
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY(process.waitForStarted(5000));
        QString out;
        const QRegularExpression listening(
            QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(process.readAllStandardOutput()),
                                  match = listening.match(out), match.hasMatch()),
                                 10000);
        const auto port = static_cast<std::uint16_t>(match.captured(1).toUInt());
        const auto r = test::http_request(port, "GET", "/shop/7");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.find("\"id\":7") != std::string::npos);
        QCOMPARE(test::http_request(port, "GET", "/elsewhere").status, 404);

        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    // `gatehouse --check-config FILE`, as `nginx -t`: the verdict and the
    // exit code, without starting anything; a certificate that cannot be
    // used is found too, which loading the file alone would not.
    void checkConfigJudgesWithoutStarting()
    {
        const auto run = [&](const QStringList& args, QString& out, QString& err) {
            QProcess process;
            process.setProcessEnvironment(environment());
            process.start(QStringLiteral(GATEHOUSE_BINARY), args);
            if (!process.waitForFinished(10000))
                return -1;
            out = QString::fromUtf8(process.readAllStandardOutput());
            err = QString::fromUtf8(process.readAllStandardError());
            return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        };
        QString out, err;
        const QString good = writeShopConfig(QStringLiteral("check-good.yaml"), 9, {});
        QCOMPARE(run({QStringLiteral("--check-config"), good}, out, err), 0);
        QVERIFY2(out.contains(QStringLiteral("check-good.yaml: configuration OK (routes: 1, "
                                             "upstreams: 1)")),
                 qPrintable(out));
        QCOMPARE(err, QString());

        const QString bad =
            writeFile(QStringLiteral("check-bad.yaml"), "version: 1\n"
                                                        "routes:\n"
                                                        "  - {path: /shop, upstream: billing}\n");
        QCOMPARE(run({QStringLiteral("--check-config"), bad}, out, err), 1);
        QVERIFY2(err.contains(QStringLiteral("check-bad.yaml:3:")) &&
                     err.contains(QStringLiteral("routes[0].upstream")),
                 qPrintable(err));
        QCOMPARE(out, QString());

        writeFile(QStringLiteral("not-a.pem"), "not a certificate\n");
        const QString tls =
            writeShopConfig(QStringLiteral("check-tls.yaml"), 9,
                            "listen:\n  tls: {certificate: not-a.pem, key: not-a.pem}\n");
        QCOMPARE(run({QStringLiteral("--check-config"), tls}, out, err), 1);
        QVERIFY2(err.contains(QStringLiteral("listen.tls")) &&
                     err.contains(QStringLiteral("not-a.pem")),
                 qPrintable(err));

        QCOMPARE(
            run({QStringLiteral("--check-config"), good, QStringLiteral("--headless")}, out, err),
            2);
        QVERIFY2(err.contains(QStringLiteral("cannot be combined")), qPrintable(err));
    }

    // SIGHUP reads the --config file again, as nginx's reload: new routes
    // serve at once; a file with a problem changes nothing and says where
    // the problem is; listener settings that cannot change while the
    // gateway runs are named, and the rest of the file still applies.
    // A configuration's warnings are printed once when it is applied, not
    // again when the catalog applies the same snapshot, and again after a
    // reload of the file.
    void warningsArePrintedOncePerApply()
    {
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QString path =
            writeFile(QStringLiteral("warned.yaml"),
                      "version: 1\ncache: {budget: 4MiB}\nupstreams:\n  - name: origin\n"
                      "    targets: [http://127.0.0.1:" +
                          QByteArray::number(origin.port()) +
                          "]\nroutes:\n  - {id: shop, path: /shop, upstream: origin, "
                          "cache: {default_ttl: 30s}}\n");
        Running g;
        QVERIFY(start(g, {QStringLiteral("--headless"), QStringLiteral("--config"), path,
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--admin-listen"), QStringLiteral("off")}));
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), gatewayListening().match(g.out).hasMatch()), 10000);
        const QString warning = QStringLiteral(
            "gatehouse: warning: route 'shop': max_object_size is 8 MiB, but with a cache "
            "budget of 4 MiB the cache stores responses up to 4 MiB; larger ones are streamed\n");
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), g.err.contains(warning)), 10000);
        // The catalog's first apply of the same snapshot comes within its
        // debounce (200 ms) and must not print them again; then a reload
        // of the file does.
        QTest::qWait(1000);
        g.read();
        QCOMPARE(g.err.count(warning), 1);
        g.signal(SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(
            (g.read(), g.out.contains(QStringLiteral("configuration reloaded"))), 10000);
        QTRY_COMPARE_WITH_TIMEOUT((g.read(), g.err.count(warning)), 2, 5000);
        g.signal(SIGTERM);
        QVERIFY(g.process.waitForFinished(10000));
        g.read();
        QVERIFY2(g.err.count(warning) == 2, qPrintable(g.err));
    }

    void sighupReloadsTheFile()
    {
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QByteArray upstreams = "upstreams:\n"
                                     "  - name: origin\n"
                                     "    targets: [http://127.0.0.1:" +
                                     QByteArray::number(origin.port()) + "]\n";
        const QByteArray shop = "routes:\n"
                                "  - {id: shop, path: /shop, upstream: origin, "
                                "rewrite_prefix: /products}\n";
        const QByteArray echo = "  - {id: echo, path: /echo, upstream: origin}\n";
        const QString path = writeFile(QStringLiteral("reload.yaml"),
                                       "version: 1\nlisten: {threads: 2}\n" + upstreams + shop);
        Running g;
        QVERIFY(start(g, {QStringLiteral("--headless"), QStringLiteral("--config"), path,
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--admin-listen"), QStringLiteral("127.0.0.1:0")}));
        const QRegularExpression& listening = gatewayListening();
        const QRegularExpression adminListening(QStringLiteral(
            "admin API listening on http://127\\.0\\.0\\.1:(\\d+) \\(token in (.+)\\)"));
        QRegularExpressionMatch match, adminMatch;
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), match = listening.match(g.out),
                                  adminMatch = adminListening.match(g.out),
                                  match.hasMatch() && adminMatch.hasMatch()),
                                 10000);
        const auto port = static_cast<std::uint16_t>(match.captured(1).toUInt());
        const auto adminPort = static_cast<std::uint16_t>(adminMatch.captured(1).toUInt());
        QFile tokenFile(adminMatch.captured(2));
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        const test::header_list admin{
            {"Authorization", "Bearer " + tokenFile.readAll().trimmed().toStdString()}};
        // The reload counters, as /metrics has them (Prometheus and Traefik
        // report theirs alike) and in /v1/stats.
        const auto metric = [&](const std::string& sample) {
            const std::string text = test::http_request(adminPort, "GET", "/metrics", admin).body;
            const auto at = text.find("\n" + sample + " ");
            return at == std::string::npos
                       ? std::string("absent")
                       : text.substr(at + sample.size() + 2,
                                     text.find('\n', at + 1) - at - sample.size() - 2);
        };
        const std::string applied = "gatehouse_config_reloads_total{result=\"success\"}";
        const std::string refused = "gatehouse_config_reloads_total{result=\"failure\"}";
        const std::string lastOk = "gatehouse_config_last_reload_successful";
        const std::string loadedAt = "gatehouse_config_last_reload_success_timestamp_seconds";
        QCOMPARE(metric(applied), std::string("0"));
        QCOMPARE(metric(refused), std::string("0"));
        QCOMPARE(metric(lastOk), std::string("1"));
        const double startedAt = std::stod(metric(loadedAt));
        QVERIFY2(std::abs(startedAt - QDateTime::currentSecsSinceEpoch()) < 60,
                 qPrintable(QString::number(startedAt)));
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 404);
        const auto hangUp = [&] {
            g.signal(SIGHUP);
        };
        const auto reloads = [&] {
            return g.out.count(QStringLiteral("configuration reloaded"));
        };

        // A new route.
        writeFile(QStringLiteral("reload.yaml"),
                  "version: 1\nlisten: {threads: 2}\n" + upstreams + shop + echo);
        hangUp();
        QTRY_COMPARE_WITH_TIMEOUT((g.read(), reloads()), 1, 10000);
        QVERIFY2(g.out.contains(QStringLiteral("(routes: 2, upstreams: 1)")), qPrintable(g.out));
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 200);
        QCOMPARE(metric(applied), std::string("1"));
        QVERIFY(std::stod(metric(loadedAt)) >= startedAt);

        // A route to an upstream the file does not define: refused, with the
        // line and the field; both routes still serve.
        writeFile(QStringLiteral("reload.yaml"),
                  "version: 1\nlisten: {threads: 2}\n" + upstreams + shop +
                      "  - {id: echo, path: /echo, upstream: elsewhere}\n");
        hangUp();
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), g.err.contains(QStringLiteral("reload refused"))),
                                 10000);
        QVERIFY2(g.err.contains(QStringLiteral("reload.yaml:8:")), qPrintable(g.err));
        QVERIFY2(g.err.contains(QStringLiteral("routes[1].upstream")), qPrintable(g.err));
        QVERIFY2(g.err.contains(QStringLiteral("elsewhere")), qPrintable(g.err));
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 200);
        QCOMPARE(test::http_request(port, "GET", "/shop/7").status, 200);
        QCOMPARE(metric(refused), std::string("1"));
        QCOMPARE(metric(lastOk), std::string("0"));
        const auto stats = QJsonDocument::fromJson(
                               QByteArray::fromStdString(
                                   test::http_request(adminPort, "GET", "/v1/stats", admin).body))
                               .object()
                               .value(QStringLiteral("config"))
                               .toObject();
        QCOMPARE(stats.value(QStringLiteral("reloadsApplied")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("reloadsRefused")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("lastReloadSuccessful")).toBool(), false);
        QVERIFY(stats.contains(QStringLiteral("lastRefusedAt")));

        // Other worker threads and no echo route: the routes apply, the
        // threads wait for the next start and are named.
        writeFile(QStringLiteral("reload.yaml"),
                  "version: 1\nlisten: {threads: 3}\n" + upstreams + shop);
        hangUp();
        QTRY_COMPARE_WITH_TIMEOUT((g.read(), reloads()), 2, 10000);
        QCOMPARE(metric(applied), std::string("2"));
        QCOMPARE(metric(lastOk), std::string("1"));
        QVERIFY2(g.err.contains(QStringLiteral("listen.threads changed")), qPrintable(g.err));
        QVERIFY2(!g.err.contains(QStringLiteral("listen.port")), qPrintable(g.err)); // --listen's
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 404);
        QCOMPARE(test::http_request(port, "GET", "/shop/7").status, 200);

        g.signal(SIGTERM);
        QVERIFY(g.process.waitForFinished(10000));
        QCOMPARE(g.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(g.process.exitCode(), 0);
    }

    // --watch: the file is read again when its content changes, written in
    // place or replaced by a rename (as editors save); a touch changes
    // nothing; a broken file is refused and a removed one reported, the
    // running configuration staying in both cases.
    void watchReloadsTheFileWhenItChanges()
    {
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QByteArray head = "version: 1\nupstreams:\n  - name: origin\n"
                                "    targets: [http://127.0.0.1:" +
                                QByteArray::number(origin.port()) +
                                "]\nroutes:\n"
                                "  - {id: shop, path: /shop, upstream: origin, "
                                "rewrite_prefix: /products}\n";
        const QByteArray echo = "  - {id: echo, path: /echo, upstream: origin}\n";
        const QString path = writeFile(QStringLiteral("watched.yaml"), head);
        // Written elsewhere, then renamed over the watched file.
        const auto replace = [&](const QByteArray& content) {
            const QString temporary = writeFile(QStringLiteral("watched.yaml.new"), content);
            return ::rename(temporary.toLocal8Bit().constData(), path.toLocal8Bit().constData()) ==
                   0;
        };
        Running g;
        QVERIFY(start(g, {QStringLiteral("--headless"), QStringLiteral("--config"), path,
                          QStringLiteral("--watch"), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-listen"),
                          QStringLiteral("off")}));
        const QRegularExpression& listening = gatewayListening();
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), match = listening.match(g.out), match.hasMatch()),
                                 10000);
        const auto port = static_cast<std::uint16_t>(match.captured(1).toUInt());
        const auto reloads = [&] {
            return g.out.count(QStringLiteral("configuration reloaded"));
        };
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 404);

        // Written in place.
        writeFile(QStringLiteral("watched.yaml"), head + echo);
        QTRY_COMPARE_WITH_TIMEOUT((g.read(), reloads()), 1, 10000);
        QVERIFY2(g.out.contains(QStringLiteral("watched.yaml changed")), qPrintable(g.out));
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 200);

        // The same bytes again: nothing to do.
        writeFile(QStringLiteral("watched.yaml"), head + echo);
        QTest::qWait(1500);
        g.read();
        QCOMPARE(reloads(), 1);

        // Replaced by a broken file: refused with its line, still serving.
        QVERIFY(replace(head + "  - {id: echo, path: /echo, upstream: elsewhere}\n"));
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), g.err.contains(QStringLiteral("reload refused"))),
                                 10000);
        QVERIFY2(g.err.contains(QStringLiteral("routes[1].upstream")), qPrintable(g.err));
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 200);

        // Removed: said, and still serving.
        QVERIFY(QFile::remove(path));
        QTRY_VERIFY_WITH_TIMEOUT((g.read(), g.err.contains(QStringLiteral("cannot be read"))),
                                 10000);
        QCOMPARE(test::http_request(port, "GET", "/shop/7").status, 200);

        // Back, by a rename, without the echo route: applied.
        QVERIFY(replace(head));
        QTRY_COMPARE_WITH_TIMEOUT((g.read(), reloads()), 2, 10000);
        QCOMPARE(test::http_request(port, "GET", "/echo/x").status, 404);
        QCOMPARE(test::http_request(port, "GET", "/shop/7").status, 200);

        g.signal(SIGTERM);
        QVERIFY(g.process.waitForFinished(10000));
        QCOMPARE(g.process.exitCode(), 0);
    }

    // Two headless gateways on one telemetry database: the second runs
    // read-only and says so; when the first stops, the second takes the
    // call log over by itself and says that too, and from then on its calls
    // are stored.
    void secondInstanceTakesTheCallLogOver()
    {
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const QString config = writeFile(
            QStringLiteral("takeover.yaml"),
            "version: 1\n"
            "upstreams:\n"
            "  - name: origin\n"
            "    targets: [http://127.0.0.1:" +
                QByteArray::number(origin.port()) +
                "]\n"
                "routes:\n"
                "  - {id: shop, path: /shop, upstream: origin, rewrite_prefix: /products}\n");
        const QString telemetry = m_dir.filePath(QStringLiteral("shared-telemetry.sqlite"));
        const auto start = [&](QProcess& process, const char* catalog) {
            process.setProcessEnvironment(environment());
            process.start(QStringLiteral(GATEHOUSE_BINARY),
                          {QStringLiteral("--headless"), QStringLiteral("--config"), config,
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--threads"), QStringLiteral("1"),
                           QStringLiteral("--admin-listen"), QStringLiteral("off"),
                           QStringLiteral("--database"), m_dir.filePath(QLatin1String(catalog)),
                           QStringLiteral("--telemetry-database"), telemetry});
        };
        const QRegularExpression listening(
            QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QProcess first;
        start(first, "first-catalog.sqlite");
        QVERIFY(first.waitForStarted(5000));
        QString firstOut;
        QTRY_VERIFY_WITH_TIMEOUT((firstOut += QString::fromUtf8(first.readAllStandardOutput()),
                                  listening.match(firstOut).hasMatch()),
                                 10000);

        QProcess second;
        start(second, "second-catalog.sqlite");
        QVERIFY(second.waitForStarted(5000));
        QString out;
        QString err;
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(second.readAllStandardOutput()),
                                  match = listening.match(out), match.hasMatch()),
                                 10000);
        err += QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("Call logs are being written by another Gatehouse")),
                 qPrintable(err));
        const auto port = static_cast<std::uint16_t>(match.captured(1).toUInt());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(test::http_request(port, "GET", "/shop/1").status, 200);

        ::kill(static_cast<pid_t>(first.processId()), SIGTERM);
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitCode(), 0);
        const QString takenOver = QStringLiteral("this instance now records its calls");
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += QString::fromUtf8(second.readAllStandardError()), err.contains(takenOver)),
            10000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(test::http_request(port, "GET", "/shop/2").status, 200);
        ::kill(static_cast<pid_t>(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 0);
        err += QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("telemetry: 3 calls logged")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral(
                     "2 not recorded (before this instance took the call log over)")),
                 qPrintable(err));
    }

    // --demo-catalog: a fresh catalog gets the demo workspace and its traffic
    // key is printed; the key calls a keyed demo API through the gateway. A
    // second start leaves the workspace alone but prints a new key (only a
    // hash of the first was kept), and the first key stops working.
    void demoCatalogPrintsAWorkingKey()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("demo-catalog.sqlite"));
        const QStringList arguments{
            QStringLiteral("--headless"),     QStringLiteral("--demo-catalog"),
            QStringLiteral("--database"),     catalog,
            QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--admin-listen"), QStringLiteral("off"),
            QStringLiteral("--threads"),      QStringLiteral("1")};
        const QRegularExpression listening(
            QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
        const QRegularExpression created(QStringLiteral("demo traffic key: (gh_\\S+)"));
        QString firstKey;
        QStringList keys;
        QByteArray stderrText;
        for (int run = 0; run < 2; ++run) {
            QProcess process;
            process.setProcessEnvironment(environment());
            process.start(QStringLiteral(GATEHOUSE_BINARY), arguments);
            QVERIFY(process.waitForStarted(5000));
            QString out;
            QRegularExpressionMatch match;
            QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(process.readAllStandardOutput()),
                                      match = listening.match(out), match.hasMatch()),
                                     10000);
            const auto port = static_cast<std::uint16_t>(match.captured(1).toUInt());
            const auto key = created.match(out);
            QVERIFY2(key.hasMatch(), qPrintable(out));
            keys << key.captured(1);
            const test::header_list headers{{"X-API-Key", key.captured(1).toStdString()}};
            std::optional<test::http_response> r;
            // The catalog is compiled in just after the listener starts.
            for (int i = 0; i < 100 && (!r || r->status != 200); ++i) {
                if (r)
                    QTest::qWait(20);
                r = test::http_request(port, "GET", "/v2/products/7", headers);
            }
            QCOMPARE(r->status, 200);
            QCOMPARE(test::http_request(port, "GET", "/v2/products/7").status, 401);
            if (run == 0) {
                QVERIFY2(out.contains(u"demo workspace created"), qPrintable(out));
                firstKey = key.captured(1);
            } else {
                QVERIFY2(out.contains(u"demo workspace present"), qPrintable(out));
                QVERIFY(key.captured(1) != firstKey);
                const test::header_list old{{"X-API-Key", firstKey.toStdString()}};
                QCOMPARE(test::http_request(port, "GET", "/v2/products/7", old).status, 401);
            }
            // As a bearer token too, which the call log must not keep either.
            const test::header_list bearer{
                {"Authorization", "Bearer " + key.captured(1).toStdString()}};
            QCOMPARE(test::http_request(port, "GET", "/v2/products/8", bearer).status, 200);
            ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
            QVERIFY(process.waitForFinished(10000));
            QCOMPARE(process.exitCode(), 0);
            stderrText += process.readAllStandardError();
        }
        // The keys were printed on purpose (standard output, for the user to
        // copy) and nowhere else: not in the catalog, the call log (its
        // WAL included), the settings or standard error.
        QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QStringList scanned;
        while (files.hasNext()) {
            QFile file(files.next());
            scanned << QFileInfo(file).fileName();
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray bytes = file.readAll();
            for (const QString& k : keys)
                QVERIFY2(!bytes.contains(k.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY2(scanned.contains(QStringLiteral("demo-catalog.sqlite")) &&
                     scanned.contains(QStringLiteral("telemetry.sqlite")),
                 qPrintable(scanned.join(QLatin1Char(' '))));
        for (const QString& k : keys)
            QVERIFY2(!stderrText.contains(k.toUtf8()), stderrText.constData());
    }

    // --admin-listen: the admin API comes up next to the gateway, with a
    // token created in the user's config directory.
    void servesAdminApiWithGeneratedToken()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--threads"),
                       QStringLiteral("1")});
        QVERIFY(process.waitForStarted(5000));
        QString out;
        const QRegularExpression listening(QStringLiteral(
            "admin API listening on http://127\\.0\\.0\\.1:(\\d+) \\(token in (.+)\\)"));
        QRegularExpressionMatch match;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(process.readAllStandardOutput()),
                                  match = listening.match(out), match.hasMatch()),
                                 10000);
        const auto port = static_cast<std::uint16_t>(match.captured(1).toUInt());
        const QString tokenPath = match.captured(2);
        QVERIFY2(tokenPath.startsWith(m_dir.path()), qPrintable(tokenPath));
        QFile tokenFile(tokenPath);
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        const std::string token = tokenFile.readAll().trimmed().toStdString();

        QCOMPARE(test::http_request(port, "GET", "/v1/health").status, 401);
        const auto r =
            test::http_request(port, "GET", "/v1/health", {{"Authorization", "Bearer " + token}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.find("\"ok\"") != std::string::npos);

        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }

    // The admin API and the gateway in one process, as an operator uses
    // them: a key issued over the admin API opens the gateway, and revoking
    // it closes the gateway again, each within a couple of seconds and
    // without a restart.
    void adminChangeReachesTheGateway()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("admin-e2e.sqlite"));
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--demo-catalog"),
                       QStringLiteral("--database"), catalog, QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--threads"),
                       QStringLiteral("1")});
        QVERIFY(process.waitForStarted(5000));
        const QRegularExpression gatewayLine(
            QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
        const QRegularExpression adminLine(QStringLiteral(
            "admin API listening on http://127\\.0\\.0\\.1:(\\d+) \\(token in (.+)\\)"));
        const QRegularExpression keyLine(QStringLiteral("demo traffic key: (gh_\\S+)"));
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(process.readAllStandardOutput()),
             gatewayLine.match(out).hasMatch() && adminLine.match(out).hasMatch()),
            15000);
        const auto port = static_cast<std::uint16_t>(gatewayLine.match(out).captured(1).toUInt());
        const auto adminPort =
            static_cast<std::uint16_t>(adminLine.match(out).captured(1).toUInt());
        QFile tokenFile(adminLine.match(out).captured(2));
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        const test::header_list auth{
            {"Authorization", "Bearer " + tokenFile.readAll().trimmed().toStdString()},
            {"Content-Type", "application/json"}};
        const QString demoKey = keyLine.match(out).captured(1);
        QVERIFY2(!demoKey.isEmpty(), qPrintable(out));

        // The application behind the demo key (gh_<prefix><secret>).
        const auto apps = test::http_request(adminPort, "GET", "/v1/applications?limit=500", auth);
        QCOMPARE(apps.status, 200);
        qint64 appId = 0;
        for (const QJsonValue& app : QJsonDocument::fromJson(QByteArray::fromStdString(apps.body))
                                         .object()
                                         .value(QStringLiteral("items"))
                                         .toArray()) {
            const qint64 id = app.toObject().value(QStringLiteral("id")).toInteger();
            const auto keys = test::http_request(
                adminPort, "GET", "/v1/applications/" + std::to_string(id) + "/keys", auth);
            for (const QJsonValue& k : QJsonDocument::fromJson(QByteArray::fromStdString(keys.body))
                                           .object()
                                           .value(QStringLiteral("items"))
                                           .toArray()) {
                if (demoKey.startsWith(QStringLiteral("gh_") +
                                       k.toObject().value(QStringLiteral("prefix")).toString()))
                    appId = id;
            }
        }
        QVERIFY(appId > 0);

        const std::string keysPath = "/v1/applications/" + std::to_string(appId) + "/keys";
        const auto issued =
            test::http_request(adminPort, "POST", keysPath, auth, R"({"label": "e2e"})");
        QCOMPARE(issued.status, 201);
        const QJsonObject issuedKey =
            QJsonDocument::fromJson(QByteArray::fromStdString(issued.body)).object();
        const std::string key = issuedKey.value(QStringLiteral("key")).toString().toStdString();
        const qint64 keyId = issuedKey.value(QStringLiteral("id")).toInteger();
        QVERIFY(!key.empty());

        auto statusWithKey = [&] {
            return test::http_request(port, "GET", "/v2/products/7", {{"X-API-Key", key}}).status;
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusWithKey(), 200, 3000);
        const auto revoked =
            test::http_request(adminPort, "DELETE", keysPath + "/" + std::to_string(keyId), auth);
        QVERIFY2(revoked.status == 200 || revoked.status == 204, revoked.body.c_str());
        QTRY_COMPARE_WITH_TIMEOUT(statusWithKey(), 401, 3000);
        // The demo key itself is untouched.
        QCOMPARE(test::http_request(port, "GET", "/v2/products/7",
                                    {{"X-API-Key", demoKey.toStdString()}})
                     .status,
                 200);

        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }

    // A catalog command run by another process on the local SQLite catalog
    // of a running --headless gateway (a workspace applied from a
    // repository): the gateway picks the change up by itself, within a
    // second of the command returning.
    void workspaceAppliedElsewhereReachesTheGateway()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("applied-elsewhere.sqlite"));
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--demo-catalog"),
                       QStringLiteral("--database"), catalog, QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-listen"),
                       QStringLiteral("off"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY(process.waitForStarted(5000));
        const QRegularExpression gatewayLine(
            QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(process.readAllStandardOutput()),
                                  gatewayLine.match(out).hasMatch()),
                                 15000);
        const auto port = static_cast<std::uint16_t>(gatewayLine.match(out).captured(1).toUInt());
        const auto echoStatus = [&] {
            return test::http_request(port, "GET", "/v1/echo/hello").status;
        };
        // The demo's Echo API is open: no key needed.
        QTRY_COMPARE_WITH_TIMEOUT(echoStatus(), 200, 5000);
        // The start-up compile may still be on its way (it would read the
        // change below by itself): once it is done, the change can reach the
        // gateway only by being noticed.
        QTest::qWait(1500);

        const auto command = [&](const QStringList& arguments, QString* output) {
            QProcess run;
            run.setProcessEnvironment(environment());
            run.start(QStringLiteral(GATEHOUSE_BINARY),
                      QStringList{QStringLiteral("--database"), catalog} + arguments);
            if (!run.waitForFinished(30000) || run.exitStatus() != QProcess::NormalExit)
                return -1;
            *output = QString::fromUtf8(run.readAllStandardOutput() + run.readAllStandardError());
            return run.exitCode();
        };
        QString exported;
        QCOMPARE(command({QStringLiteral("--export-workspace"), QStringLiteral("-")}, &exported),
                 0);
        QJsonObject workspace = QJsonDocument::fromJson(exported.toUtf8()).object();
        QJsonArray apis = workspace.value(QStringLiteral("apis")).toArray();
        bool found = false;
        for (qsizetype i = 0; i < apis.size(); ++i) {
            QJsonObject api = apis.at(i).toObject();
            if (api.value(QStringLiteral("slug")).toString() != QLatin1String("echo"))
                continue;
            api.insert(QStringLiteral("authMode"), QStringLiteral("api_key"));
            apis.replace(i, api);
            found = true;
        }
        QVERIFY2(found, qPrintable(exported));
        workspace.insert(QStringLiteral("apis"), apis);
        const QString path =
            writeFile(QStringLiteral("echo-keyed.json"), QJsonDocument(workspace).toJson());
        QVERIFY(!path.isEmpty());

        QString applied;
        QCOMPARE(command({QStringLiteral("--apply-workspace"), path}, &applied), 0);
        QElapsedTimer sinceApplied;
        sinceApplied.start();
        QVERIFY2(applied.contains(QStringLiteral("api echo@v1: updated")), qPrintable(applied));
        while (echoStatus() != 401 && sinceApplied.elapsed() <= 3000)
            QTest::qWait(10);
        const qint64 took = sinceApplied.elapsed();
        QVERIFY2(took <= 1000, qPrintable(QString::number(took)));
        const auto refused = test::http_request(port, "GET", "/v1/echo/hello");
        QCOMPARE(refused.status, 401);
        QVERIFY2(refused.body.find("problems/missing-api-key") != std::string::npos,
                 refused.body.c_str());

        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
    }

    void corruptCatalogFailsAndIsLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not a database") << QByteArray("this is not an SQLite database\n");
        QTest::newRow("truncated header") << QByteArray("SQLite format 3\0garbage", 24);
    }

    void corruptCatalogFailsAndIsLeftAlone()
    {
        QFETCH(QByteArray, content);
        const QString path = writeFile(QStringLiteral("corrupt.sqlite"), content);
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(GATEHOUSE_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--database"), path,
                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("catalog database")), qPrintable(err));
        QVERIFY2(err.contains(path), qPrintable(err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // never overwritten
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessBinary)
#include "tst_headless_binary.moc"
