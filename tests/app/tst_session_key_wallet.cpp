// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/session_key_wallet.h"

#include "app/application_overview.h"
#include "app/catalog_service.h"
#include "tests/app/catalog_call.h"
#include "tests/app/test_databases.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace gatehouse::app;

// The console's memory of the keys it issued in this run: per application,
// newest first; keys drop out when they expire, when the catalog revokes
// them (whoever revoked them) and when asked; a key handed in from elsewhere
// is kept only if the catalog knows it as active. On SQLite and PostgreSQL.
class TestSessionKeyWallet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup();

    void keepsTheNewestUsableKeyPerApplication();
    void revokedKeyDropsOutAfterTheCatalogChanges();
    void keyRevokedElsewhereDropsOutOnVerify();
    void expiredKeyDropsOutByItself();
    void adoptKeepsOnlyActiveKeysTheCatalogKnows();
    void forgetAndClear();

private:
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        return callCatalog(*m_catalog, this, std::move(work));
    }
    qint64 createApp(const QString& name);
    // Issues a key through the catalog as the console does.
    ApplicationChange issue(qint64 appId, const QString& label, qint64 expiresAt = 0);

    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<CatalogService> m_catalog;
};

void TestSessionKeyWallet::init()
{
    GH_OPEN_FRESH(m_db);
    QString error;
    QVERIFY2(m_world.seed(m_db.database(), &error), qPrintable(error));
    m_catalog = std::make_unique<CatalogService>();
    QCOMPARE(m_catalog->open(m_db.spec()), QString());
}

void TestSessionKeyWallet::cleanup()
{
    m_catalog.reset();
    m_db.cleanup();
}

qint64 TestSessionKeyWallet::createApp(const QString& name)
{
    const auto change = call([dev = m_world.developer, name](CatalogStore& s) {
        return createApplication(s, dev, name, {}, 0);
    });
    return change && change->ok ? change->id : 0;
}

ApplicationChange TestSessionKeyWallet::issue(qint64 appId, const QString& label, qint64 expiresAt)
{
    const auto change = call([dev = m_world.developer, appId, label, expiresAt](CatalogStore& s) {
        return issueApplicationKey(s, dev, appId, label, expiresAt);
    });
    return change.value_or(ApplicationChange{});
}

void TestSessionKeyWallet::keepsTheNewestUsableKeyPerApplication()
{
    SessionKeyWallet wallet(m_catalog.get());
    QSignalSpy changed(&wallet, &SessionKeyWallet::changed);
    const qint64 a = createApp(QStringLiteral("a"));
    const qint64 b = createApp(QStringLiteral("b"));
    QVERIFY(a && b);
    const ApplicationChange first = issue(a, QStringLiteral("first"));
    const ApplicationChange second =
        issue(a, QStringLiteral("second"), QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
    const ApplicationChange other = issue(b, QStringLiteral("other"));
    QVERIFY(first.ok && second.ok && other.ok);
    QVERIFY(wallet.isEmpty());
    QVERIFY(!wallet.keyFor(a));

    wallet.remember(first.keyInfo, first.key);
    wallet.remember(second.keyInfo, second.key);
    wallet.remember(other.keyInfo, other.key);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(wallet.keys().size(), 3);
    const auto held = wallet.keyFor(a);
    QVERIFY(held);
    QCOMPARE(held->key, second.key);
    QCOMPARE(held->keyId, second.id);
    QCOMPARE(held->applicationId, a);
    QCOMPARE(held->label, QStringLiteral("second"));
    QCOMPARE(held->prefix, second.key.mid(3, 8));
    QCOMPARE(held->expiresAt, second.keyInfo.expiresAt);
    QCOMPARE(wallet.keyFor(b)->key, other.key);
    QVERIFY(!wallet.keyFor(a + b + 100));

    // Remembering the same key again keeps one copy.
    wallet.remember(second.keyInfo, second.key);
    QCOMPARE(wallet.keys().size(), 3);
    // Keys that cannot be used are not kept.
    ApiKeyInfo revoked = first.keyInfo;
    revoked.id += 1000;
    revoked.revokedAt = QDateTime::currentMSecsSinceEpoch();
    wallet.remember(revoked, first.key);
    ApiKeyInfo expired = first.keyInfo;
    expired.id += 2000;
    expired.expiresAt = QDateTime::currentMSecsSinceEpoch() - 1;
    wallet.remember(expired, first.key);
    wallet.remember(first.keyInfo, QString());
    QCOMPARE(wallet.keys().size(), 3);

    // A check against the catalog keeps what is still active.
    wallet.verify();
    QTest::qWait(200);
    QCOMPARE(wallet.keys().size(), 3);
}

void TestSessionKeyWallet::revokedKeyDropsOutAfterTheCatalogChanges()
{
    SessionKeyWallet wallet(m_catalog.get());
    const qint64 a = createApp(QStringLiteral("a"));
    const ApplicationChange older = issue(a, QStringLiteral("older"));
    const ApplicationChange newer = issue(a, QStringLiteral("newer"));
    QVERIFY(older.ok && newer.ok);
    wallet.remember(older.keyInfo, older.key);
    wallet.remember(newer.keyInfo, newer.key);
    QSignalSpy dropped(&wallet, &SessionKeyWallet::dropped);

    // Revoked through the catalog service: its catalogChanged() is enough.
    const auto revoked = call([dev = m_world.developer, id = newer.id](CatalogStore& s) {
        return revokeApplicationKey(s, dev, id);
    });
    QVERIFY(revoked && revoked->ok);
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 1, 3000);
    const auto gone = dropped.first().at(0).value<WalletKey>();
    QCOMPARE(gone.keyId, newer.id);
    QCOMPARE(gone.prefix, newer.keyInfo.prefix);
    QVERIFY(gone.key.isEmpty()); // listeners learn which key, never the key
    // The application falls back to its older key, which still works.
    QCOMPARE(wallet.keyFor(a)->key, older.key);
    QCOMPARE(wallet.keys().size(), 1);
}

void TestSessionKeyWallet::keyRevokedElsewhereDropsOutOnVerify()
{
    SessionKeyWallet wallet(m_catalog.get());
    const qint64 a = createApp(QStringLiteral("a"));
    const ApplicationChange key = issue(a, QStringLiteral("k"));
    QVERIFY(key.ok);
    wallet.remember(key.keyInfo, key.key);
    QTest::qWait(150); // the check the issue's catalogChanged() caused
    QVERIFY(wallet.keyFor(a));
    // Another writer (the admin API's own connection, another console):
    // no catalogChanged() here, so the wallet is asked to check.
    QVERIFY(m_db.exec(QStringLiteral("UPDATE api_keys SET revoked_at = %1 WHERE id = %2")
                          .arg(QDateTime::currentMSecsSinceEpoch())
                          .arg(key.id)));
    QVERIFY(wallet.keyFor(a));
    QSignalSpy changed(&wallet, &SessionKeyWallet::changed);
    emit m_catalog->pendingApprovalsChanged(0); // what the gateway sync's poll announces
    QTRY_VERIFY_WITH_TIMEOUT(!wallet.keyFor(a), 3000);
    QCOMPARE(changed.size(), 1);

    // Gone with its application, likewise.
    const ApplicationChange other = issue(a, QStringLiteral("k2"));
    QVERIFY(other.ok);
    wallet.remember(other.keyInfo, other.key);
    QVERIFY(m_db.exec(QStringLiteral("DELETE FROM api_keys WHERE id = %1").arg(other.id)));
    wallet.verify();
    QTRY_VERIFY_WITH_TIMEOUT(wallet.isEmpty(), 3000);
}

void TestSessionKeyWallet::expiredKeyDropsOutByItself()
{
    SessionKeyWallet wallet(m_catalog.get());
    const qint64 a = createApp(QStringLiteral("a"));
    const ApplicationChange key =
        issue(a, QStringLiteral("short"), QDateTime::currentMSecsSinceEpoch() + 600);
    QVERIFY2(key.ok, qPrintable(key.error));
    wallet.remember(key.keyInfo, key.key);
    QVERIFY(wallet.keyFor(a));
    QSignalSpy dropped(&wallet, &SessionKeyWallet::dropped);
    QSignalSpy changed(&wallet, &SessionKeyWallet::changed);
    // Nobody asks: the wallet's own timer drops it and says so.
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 1, 3000);
    QVERIFY(!wallet.keyFor(a));
    QVERIFY(wallet.isEmpty());
    QVERIFY(changed.size() >= 1);
}

void TestSessionKeyWallet::adoptKeepsOnlyActiveKeysTheCatalogKnows()
{
    SessionKeyWallet wallet(m_catalog.get());
    QSignalSpy adopted(&wallet, &SessionKeyWallet::adopted);
    const qint64 a = createApp(QStringLiteral("traffic"));
    const ApplicationChange key = issue(a, QStringLiteral("traffic generator"));
    const ApplicationChange revoked = issue(a, QStringLiteral("old"));
    QVERIFY(key.ok && revoked.ok);
    const auto done = call([dev = m_world.developer, id = revoked.id](CatalogStore& s) {
        return revokeApplicationKey(s, dev, id);
    });
    QVERIFY(done && done->ok);

    wallet.adopt(key.key);
    QTRY_COMPARE_WITH_TIMEOUT(adopted.size(), 1, 3000);
    QVERIFY(adopted.last().at(0).toBool());
    const auto held = wallet.keyFor(a);
    QVERIFY(held);
    QCOMPARE(held->keyId, key.id);
    QCOMPARE(held->label, QStringLiteral("traffic generator"));

    wallet.adopt(revoked.key);
    QTRY_COMPARE_WITH_TIMEOUT(adopted.size(), 2, 3000);
    QVERIFY(!adopted.last().at(0).toBool());
    // A string that is no key, and a key the catalog never issued.
    wallet.adopt(QStringLiteral("not a key"));
    QCOMPARE(adopted.size(), 3);
    QVERIFY(!adopted.last().at(0).toBool());
    wallet.adopt(QStringLiteral("gh_") + QString(43, QLatin1Char('A')));
    QTRY_COMPARE_WITH_TIMEOUT(adopted.size(), 4, 3000);
    QVERIFY(!adopted.last().at(0).toBool());
    QCOMPARE(wallet.keys().size(), 1);
    QCOMPARE(wallet.keyFor(a)->key, key.key);
}

void TestSessionKeyWallet::forgetAndClear()
{
    SessionKeyWallet wallet; // without a catalog: nothing checks, nothing fails
    ApiKeyInfo one{1, 10, QStringLiteral("AAAAAAAA"), QStringLiteral("one"), 1, 0, 0};
    ApiKeyInfo two{2, 20, QStringLiteral("BBBBBBBB"), QStringLiteral("two"), 2, 0, 0};
    wallet.remember(one, QStringLiteral("gh_one"));
    wallet.remember(two, QStringLiteral("gh_two"));
    QSignalSpy changed(&wallet, &SessionKeyWallet::changed);
    wallet.forget(1);
    QVERIFY(!wallet.keyFor(10));
    QCOMPARE(wallet.keyFor(20)->key, QStringLiteral("gh_two"));
    QCOMPARE(changed.size(), 1);
    wallet.forget(1); // not held: no change announced
    QCOMPARE(changed.size(), 1);
    wallet.verify();
    QCOMPARE(wallet.keys().size(), 1);
    wallet.clear();
    QVERIFY(wallet.isEmpty());
    QCOMPARE(changed.size(), 2);
}

QTEST_MAIN(TestSessionKeyWallet)
#include "tst_session_key_wallet.moc"
