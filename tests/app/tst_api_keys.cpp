// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_key.h"

#include "app/domain/application_service.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace gatehouse::app;

class TestApiKeys : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void format();
    void issueVerifyRevoke();
    void expiry();
    void onlyManagersIssueKeys();
    void noPlaintextKeyInTheDatabase();

private:
    // Every stored byte (SQLite: the files, WAL included) or every row of
    // every table rendered as text (PostgreSQL).
    QByteArray everythingStored();

    TestDatabases m_db;
    TestWorld m_world;
    qint64 m_appId = 0;
};

void TestApiKeys::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    ApplicationService apps(m_db.database());
    const auto app = apps.createApplication(m_world.developer, QStringLiteral("mobile"));
    QVERIFY2(app, qPrintable(apps.lastError()));
    m_appId = app->id;
}

void TestApiKeys::format()
{
    static const QRegularExpression re(QStringLiteral("^gh_[A-Za-z0-9_-]{43}$"));
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString key = ApiKeyCodec::generate();
        QVERIFY2(re.match(key).hasMatch(), qPrintable(key));
        QVERIFY(ApiKeyCodec::looksLikeKey(key));
        QCOMPARE(ApiKeyCodec::lookupPrefix(key), key.mid(3, 8));
        QCOMPARE(ApiKeyCodec::sha256Hex(key).size(), 64);
        seen.insert(key);
    }
    QCOMPARE(seen.size(), 50);
    QVERIFY(ApiKeyCodec::digestsEqual(QStringLiteral("ab"), QStringLiteral("ab")));
    QVERIFY(!ApiKeyCodec::digestsEqual(QStringLiteral("ab"), QStringLiteral("ac")));
    QVERIFY(!ApiKeyCodec::digestsEqual(QStringLiteral("ab"), QStringLiteral("abc")));
}

void TestApiKeys::issueVerifyRevoke()
{
    ApplicationService apps(m_db.database());
    const auto issued = apps.issueKey(m_world.developer, m_appId, QStringLiteral("ci"));
    QVERIFY2(issued, qPrintable(apps.lastError()));
    QVERIFY(ApiKeyCodec::looksLikeKey(issued->key));
    QCOMPARE(issued->info.prefix, ApiKeyCodec::lookupPrefix(issued->key));

    const auto found = apps.verifyKey(issued->key);
    QVERIFY2(found, qPrintable(apps.lastError()));
    QCOMPARE(found->id, issued->info.id);
    QCOMPARE(found->applicationId, m_appId);

    // A key with the same prefix but another secret does not match.
    QString forged = issued->key;
    forged[forged.size() - 1] =
        forged.back() == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!apps.verifyKey(forged));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::NotFound);
    QVERIFY(!apps.verifyKey(QStringLiteral("not a key")));

    const auto list = apps.keys(m_world.developer, m_appId);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().label, QStringLiteral("ci"));
    QVERIFY(list.first().isActive(nowMs()));

    QVERIFY(apps.revokeKey(m_world.developer, issued->info.id));
    QVERIFY(!apps.verifyKey(issued->key));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(apps.lastError().contains(QLatin1String("revoked")));
    QVERIFY(!apps.revokeKey(m_world.developer, issued->info.id));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::Conflict);
    QVERIFY(apps.keys(m_world.developer, m_appId).first().revokedAt > 0);
}

void TestApiKeys::expiry()
{
    ApplicationService apps(m_db.database());
    QVERIFY(!apps.issueKey(m_world.developer, m_appId, {}, nowMs() - 1));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::Invalid);
    const auto issued = apps.issueKey(m_world.developer, m_appId, {}, nowMs() + 60'000);
    QVERIFY(issued);
    QVERIFY(apps.verifyKey(issued->key));
    // Let it expire without waiting a minute.
    QVERIFY(m_db.exec(QStringLiteral("UPDATE api_keys SET expires_at = 1")));
    QVERIFY(!apps.verifyKey(issued->key));
    QVERIFY2(apps.lastError().contains(QLatin1String("expired")), qPrintable(apps.lastError()));
}

void TestApiKeys::onlyManagersIssueKeys()
{
    ApplicationService apps(m_db.database());
    QVERIFY(!apps.issueKey(m_world.outsider, m_appId));
    QCOMPARE(apps.lastErrorCode(), DomainErrorCode::NotFound);
    QVERIFY(!apps.issueKey(m_world.publisher, m_appId)); // a user's app, not the team's
    const auto byAdmin = apps.issueKey(m_world.admin, m_appId);
    QVERIFY(byAdmin);
    QVERIFY(!apps.revokeKey(m_world.outsider, byAdmin->info.id));
    QVERIFY(apps.keys(m_world.outsider, m_appId).isEmpty());
}

QByteArray TestApiKeys::everythingStored()
{
    QByteArray all;
    if (!TestDatabases::isPostgres()) {
        const QFileInfo info(m_db.sqlitePath());
        for (const QString& name : QDir(info.absolutePath()).entryList(QDir::Files)) {
            if (!name.startsWith(info.fileName()))
                continue;
            QFile f(info.absolutePath() + QLatin1Char('/') + name);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
    const QSqlDatabase conn = m_db.database().connection();
    for (const QString& table : conn.tables()) {
        auto rows =
            runSql(conn, QStringLiteral("SELECT t::text FROM ") + table + QStringLiteral(" t"));
        while (rows && rows->next())
            all += rows->value(0).toString().toUtf8() + '\n';
    }
    return all;
}

void TestApiKeys::noPlaintextKeyInTheDatabase()
{
    ApplicationService apps(m_db.database());
    QStringList keys;
    for (int i = 0; i < 5; ++i) {
        const auto issued = apps.issueKey(m_world.developer, m_appId, QStringLiteral("k%1").arg(i));
        QVERIFY(issued);
        keys << issued->key;
    }
    QVERIFY(apps.revokeKey(m_world.developer, apps.keys(m_world.developer, m_appId).first().id));
    const QByteArray stored = everythingStored();
    QVERIFY(stored.size() > 1000);
    for (const QString& key : keys) {
        // Neither the key nor its secret part (without "gh_"), nor any 16
        // consecutive characters of it, appear anywhere.
        QVERIFY2(!stored.contains(key.toLatin1()), qPrintable(key));
        const QByteArray secret = key.mid(3).toLatin1();
        for (int i = 0; i + 16 <= secret.size(); i += 4)
            QVERIFY2(!stored.contains(secret.mid(i, 16)), qPrintable(key));
        // The hash is there (that is how the key is found).
        QVERIFY(stored.contains(ApiKeyCodec::sha256Hex(key).toLatin1()));
    }
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_api_keys.moc"
