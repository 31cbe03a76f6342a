// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/try_it_access.h"

#include "app/domain/api_key.h"

#include <QTest>

using namespace gatehouse::app;

// How Try It builds its request: the gateway address, the path, and where
// the key goes (the journey through the real gateway is in
// tests/ui/tst_try_it_journey.cpp).
class TestTryItRequest : public QObject {
    Q_OBJECT

private slots:
    void keyInHeaderByDefault()
    {
        const QString key = ApiKeyCodec::generate();
        const auto r = buildTryItRequest(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                         QStringLiteral("/v1/echo/x?a=1"), key,
                                         TryItKeyPlacement::Header, QStringLiteral("api_key"));
        QVERIFY(r.valid);
        QVERIFY(!r.keyInQuery);
        QCOMPARE(r.url.toString(), QStringLiteral("http://127.0.0.1:8080/v1/echo/x?a=1"));
        QCOMPARE(r.keyHeader, QByteArray("X-API-Key"));
        QCOMPARE(r.keyHeaderValue, key.toUtf8());
        QCOMPARE(r.shownUrl, QStringLiteral("http://127.0.0.1:8080/v1/echo/x?a=1"));
    }

    void keyInQueryParameter()
    {
        const QString key = ApiKeyCodec::generate();
        const auto r =
            buildTryItRequest(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                              QStringLiteral("v1/echo/x?api_key=old&a=1"), key,
                              TryItKeyPlacement::QueryParameter, QStringLiteral("api_key"));
        QVERIFY(r.valid);
        QVERIFY(r.keyInQuery);
        QVERIFY(r.keyHeader.isEmpty());
        // A parameter of that name in the path is replaced, not repeated.
        QCOMPARE(r.url.toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/v1/echo/x?a=1&api_key=") + key);
        const QString masked =
            QStringLiteral("gh_") + ApiKeyCodec::lookupPrefix(key) + QStringLiteral("…");
        QCOMPARE(maskedTryItKey(key), masked);
        QCOMPARE(r.shownUrl,
                 QStringLiteral("http://127.0.0.1:8080/v1/echo/x?a=1&api_key=") + masked);
        QVERIFY(!r.shownUrl.contains(key));
    }

    // Without a parameter name (the API takes none) the key stays in the
    // header whatever was asked; a pasted key of another form is encoded in
    // the query and hidden entirely on screen; no key goes nowhere.
    void edgeCases()
    {
        const QUrl gateway(QStringLiteral("http://0.0.0.0:9000"));
        auto r = buildTryItRequest(gateway, QStringLiteral("/x"), QStringLiteral("k"),
                                   TryItKeyPlacement::QueryParameter, QString());
        QVERIFY(!r.keyInQuery);
        QCOMPARE(r.keyHeader, QByteArray("X-API-Key"));
        QCOMPARE(r.url.toString(), QStringLiteral("http://127.0.0.1:9000/x"));

        r = buildTryItRequest(gateway, QStringLiteral("/x"), QStringLiteral("a&b=c d"),
                              TryItKeyPlacement::QueryParameter, QStringLiteral("key"));
        QCOMPARE(r.url.toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:9000/x?key=a%26b%3Dc%20d"));
        QCOMPARE(r.shownUrl, QStringLiteral("http://127.0.0.1:9000/x?key=…"));

        r = buildTryItRequest(gateway, QStringLiteral("/x?a=1"), QString(),
                              TryItKeyPlacement::QueryParameter, QStringLiteral("key"));
        QVERIFY(!r.keyInQuery);
        QVERIFY(r.keyHeader.isEmpty());
        QCOMPARE(r.url.toString(), QStringLiteral("http://127.0.0.1:9000/x?a=1"));

        QVERIFY(!buildTryItRequest(QUrl(), QStringLiteral("/x"), QString(),
                                   TryItKeyPlacement::Header, QString())
                     .valid);
        QCOMPARE(buildTryItRequest(QUrl(QStringLiteral("http://[::]:7000")), QStringLiteral("/x"),
                                   QString(), TryItKeyPlacement::Header, QString())
                     .url.toString(),
                 QStringLiteral("http://[::1]:7000/x"));
    }
};

QTEST_GUILESS_MAIN(TestTryItRequest)
#include "tst_try_it_request.moc"
