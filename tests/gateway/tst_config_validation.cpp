// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/config_snapshot.hpp"

#include <QtTest/QTest>

using namespace gatehouse::gateway;

namespace {

config_snapshot valid_snapshot()
{
    config_snapshot s;
    upstream_config up;
    up.name = "shop";
    up.targets = {{"http://127.0.0.1:9001", 1}, {"http://localhost:9002/base", 2}};
    s.upstreams.push_back(up);
    route_config r;
    r.id = "products";
    r.path = "/shop/{id}";
    r.upstream = "shop";
    s.routes.push_back(r);
    return s;
}

} // namespace

class TestConfigValidation : public QObject {
    Q_OBJECT

private slots:
    void validIsAccepted()
    {
        QCOMPARE(QString::fromStdString(validate(valid_snapshot())), QString());
    }

    void errors_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("message");
        QTest::newRow("no targets") << 0 << "upstream 'shop': has no targets";
        QTest::newRow("bad scheme") << 1 << "target 'ftp://x' must start with http:// or https://";
        QTest::newRow("bad port") << 2 << "target 'http://h:99999' has an invalid port";
        QTest::newRow("unknown upstream") << 3 << "route 'products': unknown upstream 'nope'";
        QTest::newRow("duplicate route") << 4 << "duplicate route (same host, path";
        QTest::newRow("duplicate id") << 5 << "route 'products': duplicate route id";
        QTest::newRow("bad path") << 6 << "path 'shop' must start with '/'";
        QTest::newRow("duplicate upstream") << 7 << "upstream 'shop': duplicate upstream name";
        QTest::newRow("bad method") << 8 << "'GE T' is not a valid method name";
        QTest::newRow("no host") << 9 << "target 'http://:80' has no host";
        QTest::newRow("zero weight") << 10 << "has weight 0";
    }

    void errors()
    {
        QFETCH(int, mutation);
        QFETCH(QString, message);
        config_snapshot s = valid_snapshot();
        switch (mutation) {
        case 0:
            s.upstreams[0].targets.clear();
            break;
        case 1:
            s.upstreams[0].targets[0].url = "ftp://x";
            break;
        case 2:
            s.upstreams[0].targets[0].url = "http://h:99999";
            break;
        case 3:
            s.routes[0].upstream = "nope";
            break;
        case 4:
            s.routes.push_back(s.routes[0]);
            s.routes[1].id = "other";
            s.routes[1].path = "/shop/{x}";
            break;
        case 5:
            s.routes.push_back(s.routes[0]);
            s.routes[1].path = "/else";
            break;
        case 6:
            s.routes[0].path = "shop";
            break;
        case 7:
            s.upstreams.push_back(s.upstreams[0]);
            break;
        case 8:
            s.routes[0].methods = {"GE T"};
            break;
        case 9:
            s.upstreams[0].targets[0].url = "http://:80";
            break;
        case 10:
            s.upstreams[0].targets[0].weight = 0;
            break;
        }
        const QString errors = QString::fromStdString(validate(s));
        QVERIFY2(errors.contains(message), qPrintable(errors));
    }

    void sameRouteOnOtherHostIsNoDuplicate()
    {
        config_snapshot s = valid_snapshot();
        s.routes.push_back(s.routes[0]);
        s.routes[1].id = "other";
        s.routes[1].host = "api.example.com";
        QCOMPARE(QString::fromStdString(validate(s)), QString());
    }
};

QTEST_APPLESS_MAIN(TestConfigValidation)
#include "tst_config_validation.moc"
