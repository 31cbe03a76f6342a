// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_service.h"

#include "app/catalog_startup.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>

using namespace gatehouse::app;

// The storage thread: work runs there, results come back queued, nothing
// blocks the caller; start-up of the catalog (local admin, unusable files).
class TestCatalogService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init() { GH_OPEN_FRESH(m_db); }
    void cleanup() { m_db.cleanup(); }

    void workRunsOnTheStorageThreadAndReturnsQueued()
    {
        CatalogService catalog;
        QCOMPARE(catalog.open(m_db.spec()), QString());
        QThread* worker = nullptr;
        std::optional<int> result;
        QThread* deliveredOn = nullptr;
        catalog.run(
            this,
            [&worker](CatalogStore& store) {
                worker = QThread::currentThread();
                return store.database().schemaVersion();
            },
            [&](int version) {
                result = version;
                deliveredOn = QThread::currentThread();
            });
        // Queued: never delivered inside run().
        QVERIFY(!result);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(*result >= 1);
        QVERIFY(worker != nullptr && worker != QThread::currentThread());
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    void resultIsDroppedWhenTheContextIsGone()
    {
        CatalogService catalog;
        QCOMPARE(catalog.open(m_db.spec()), QString());
        std::atomic<bool> ran{false};
        bool delivered = false;
        auto* context = new QObject;
        catalog.run(
            context,
            [&ran](CatalogStore&) {
                QThread::msleep(50);
                ran = true;
                return 1;
            },
            [&delivered](int) { delivered = true; });
        delete context;
        QTRY_VERIFY_WITH_TIMEOUT(ran.load(), 5000);
        QTest::qWait(50);
        QVERIFY(!delivered);
    }

    void mutationsAnnounceChangesAndPendingCounts()
    {
        TestWorld world;
        QString err;
        QVERIFY2(world.seed(m_db.database(), &err), qPrintable(err));
        CatalogService catalog;
        QCOMPARE(catalog.open(m_db.spec()), QString());
        QSignalSpy changed(&catalog, &CatalogService::catalogChanged);
        std::optional<bool> created;
        const Principal publisher = world.publisher;
        const qint64 team = world.teamId;
        catalog.mutate(
            this,
            [=](CatalogStore& store) {
                ApiDefinition def;
                def.slug = QStringLiteral("geo");
                def.name = QStringLiteral("Geo");
                def.teamId = team;
                def.basePath = QStringLiteral("/geo");
                return store.apis().createApi(publisher, def).has_value();
            },
            [&](bool ok) { created = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 5000);
        QVERIFY(*created);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 2000);

        QSignalSpy pending(&catalog, &CatalogService::pendingApprovalsChanged);
        catalog.refreshPendingApprovals();
        QTRY_COMPARE_WITH_TIMEOUT(pending.size(), 1, 2000);
        QCOMPARE(pending.first().at(0).toInt(), 0);
    }

    void firstLocalStartCreatesAnAdminForTheOsUser()
    {
        CatalogService catalog;
        const CatalogStartup startup = startCatalog(catalog, m_db.spec());
        QCOMPARE(startup.error, QString());
        if (TestDatabases::isPostgres()) {
            // A shared catalog: people sign in, nobody is created.
            QVERIFY(startup.shared);
            QVERIFY(!startup.localAdmin);
            return;
        }
        QVERIFY(!startup.shared);
        QVERIFY(startup.localAdmin);
        QCOMPARE(startup.localAdmin->name, osUserName());
        QVERIFY(startup.localAdmin->isAdmin());
        // The second start finds the same account.
        CatalogService again;
        const CatalogStartup second = startCatalog(again, m_db.spec());
        QCOMPARE(second.error, QString());
        QVERIFY(second.localAdmin);
        QCOMPARE(second.localAdmin->userId, startup.localAdmin->userId);
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        QVERIFY(m_db.exec(QStringLiteral("INSERT INTO schema_version (version, description, "
                                         "applied_at) VALUES (999, 'from the future', 0)")));
        CatalogService catalog;
        const CatalogStartup startup = startCatalog(catalog, m_db.spec());
        QVERIFY(!startup.error.isEmpty());
        QVERIFY2(startup.error.contains(QStringLiteral("newer")), qPrintable(startup.error));
        QVERIFY(!catalog.isOpen());
        auto q = runSql(m_db.database().connection(),
                        QStringLiteral("SELECT MAX(version) FROM schema_version"));
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), 999);
        auto users =
            runSql(m_db.database().connection(), QStringLiteral("SELECT COUNT(*) FROM users"));
        QVERIFY(users && users->next());
        QCOMPARE(users->value(0).toInt(), 0); // no admin was created either
    }

    void unreadableFileIsReportedAndLeftAlone()
    {
        if (TestDatabases::isPostgres()) {
            CatalogService catalog;
            // Nothing listens on port 9: unreachable, reported with the URL
            // (without a password).
            const CatalogStartup startup =
                startCatalog(catalog, QStringLiteral("postgresql://gh:secret@127.0.0.1:9/none"));
            QVERIFY(!startup.error.isEmpty());
            QVERIFY2(!startup.error.contains(QStringLiteral("secret")), qPrintable(startup.error));
            QVERIFY2(startup.error.contains(QStringLiteral("127.0.0.1")),
                     qPrintable(startup.error));
            return;
        }
        const QString path = m_db.tempDir() + QStringLiteral("/garbage.sqlite");
        const QByteArray garbage(4096, 'x');
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        CatalogService catalog;
        const CatalogStartup startup = startCatalog(catalog, path);
        QVERIFY(!startup.error.isEmpty());
        QVERIFY2(startup.error.contains(path), qPrintable(startup.error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

private:
    TestDatabases m_db;
};

QTEST_GUILESS_MAIN(TestCatalogService)
#include "tst_catalog_service.moc"
