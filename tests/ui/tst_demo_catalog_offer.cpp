// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/demo_catalog_offer.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/storage/sql_query.h"
#include "app/traffic_generator.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::ui::DemoCatalogOffer;

// The first-start offer of the demo workspace: asked once (remembered
// whatever the answer), only for an empty catalog; the menu action does it
// later; the traffic generator gets the key, now and (a new one) on the next
// start, and no key is ever written to the settings.
class TestDemoCatalogOffer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void acceptedOfferCreatesTheWorkspace();
    void declinedOfferIsNotAskedAgainButTheMenuWorks();
    void catalogWithApisIsNotOffered();
    void commandLineCreatesWithoutAsking();
    void plainTextKeyOfOlderVersionsIsRemoved();
    void noDemoNoKey();

private:
    qint64 apiCount();
    bool keyWorks(const QString& key);
    // True when neither the settings nor their file hold `key`.
    static bool settingsFree(const QString& key);
    // Waits (bounded) for the offer's question, then clicks `button`.
    bool answer(DemoCatalogOffer& offer, QMessageBox::StandardButton button,
                const QString& screenshot = {});

    QTemporaryDir m_dir;
    std::unique_ptr<CatalogService> m_catalog;
    std::optional<Principal> m_admin;
    std::unique_ptr<QWidget> m_window;
};

void TestDemoCatalogOffer::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_demo_catalog_offer"));
    QVERIFY(m_dir.isValid());
}

void TestDemoCatalogOffer::init()
{
    QSettings().remove(QStringLiteral("Demo"));
    static int n = 0;
    m_catalog = std::make_unique<CatalogService>();
    const CatalogStartup started =
        startCatalog(*m_catalog, m_dir.filePath(QStringLiteral("catalog%1.sqlite").arg(++n)));
    QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
    QVERIFY(started.localAdmin);
    m_admin = started.localAdmin;
    m_window = std::make_unique<QWidget>();
    m_window->resize(800, 500);
    m_window->show();
}

void TestDemoCatalogOffer::cleanup()
{
    m_window.reset();
    m_catalog.reset();
    QSettings().remove(QStringLiteral("Demo"));
}

qint64 TestDemoCatalogOffer::apiCount()
{
    return m_catalog->runAndWait([](CatalogStore& s) -> qint64 {
        auto q = runSql(s.database().connection(), QStringLiteral("SELECT COUNT(*) FROM apis"));
        return q && q->next() ? q->value(0).toLongLong() : -1;
    });
}

bool TestDemoCatalogOffer::keyWorks(const QString& key)
{
    return m_catalog->runAndWait(
        [key](CatalogStore& s) { return s.applications().verifyKey(key).has_value(); });
}

bool TestDemoCatalogOffer::settingsFree(const QString& key)
{
    QSettings settings;
    settings.sync();
    for (const QString& k : settings.allKeys())
        if (settings.value(k).toString().contains(key))
            return false;
    QFile file(settings.fileName());
    if (!file.exists())
        return true;
    return file.open(QIODevice::ReadOnly) && !file.readAll().contains(key.toUtf8());
}

bool TestDemoCatalogOffer::answer(DemoCatalogOffer& offer, QMessageBox::StandardButton button,
                                  const QString& screenshot)
{
    for (int i = 0; i < 200 && !offer.question(); ++i)
        QTest::qWait(10);
    QMessageBox* box = offer.question();
    if (!box || !box->isVisible())
        return false;
    if (!screenshot.isEmpty()) {
        QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
        if (dir.isEmpty())
            dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
        QDir().mkpath(dir);
        box->grab().save(dir + QLatin1Char('/') + screenshot);
    }
    box->button(button)->click();
    return true;
}

void TestDemoCatalogOffer::acceptedOfferCreatesTheWorkspace()
{
    TrafficGenerator traffic;
    QString key;
    {
        DemoCatalogOffer offer(m_catalog.get(), m_admin, &traffic, m_window.get());
        QMenu help;
        help.addAction(QStringLiteral("About"));
        offer.addTo(&help);
        QCOMPARE(help.actions().front(), offer.action());
        QVERIFY(offer.action()->isEnabled());

        QSignalSpy created(&offer, &DemoCatalogOffer::created);
        offer.offerOnFirstStart();
        QVERIFY(answer(offer, QMessageBox::Yes, QStringLiteral("demo_workspace_offer.png")));
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 10000);
        key = created.front().at(0).toString();
        QVERIFY(key.startsWith(QLatin1String("gh_")));
        QCOMPARE(traffic.apiKey(), key);
        QCOMPARE(apiCount(), 5);
        QVERIFY(QSettings().value(DemoCatalogOffer::offeredKey()).toBool());
    }

    // The mix covers the demo catalog's APIs; the key is in memory only.
    QCOMPARE(traffic.mix(), TrafficGenerator::demoCatalogMix());
    QVERIFY(settingsFree(key));

    // The next start: not asked again, and the generator gets a new key (the
    // catalog keeps hashes only); the last run's stops working.
    TrafficGenerator nextTraffic;
    DemoCatalogOffer next(m_catalog.get(), m_admin, &nextTraffic, m_window.get());
    QVERIFY(nextTraffic.apiKey().isEmpty());
    QSignalSpy ready(&next, &DemoCatalogOffer::trafficKeyReady);
    next.restoreTrafficKey();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    const QString again = nextTraffic.apiKey();
    QCOMPARE(ready.front().at(0).toString(), again);
    QVERIFY(again.startsWith(QLatin1String("gh_")));
    QVERIFY(again != key);
    QVERIFY(keyWorks(again));
    QVERIFY(!keyWorks(key));
    QCOMPARE(nextTraffic.mix(), TrafficGenerator::demoCatalogMix());
    QVERIFY(settingsFree(again));
    QSignalSpy shown(&next, &DemoCatalogOffer::questionShown);
    next.offerOnFirstStart();
    QTest::qWait(300);
    QCOMPARE(shown.size(), 0);

    // A key someone typed into the panel meanwhile is not replaced.
    TrafficGenerator typed;
    typed.setApiKey(QStringLiteral("gh_typed"));
    DemoCatalogOffer third(m_catalog.get(), m_admin, &typed, m_window.get());
    QSignalSpy failed(&third, &DemoCatalogOffer::failed);
    third.restoreTrafficKey();
    QTest::qWait(300);
    QCOMPARE(typed.apiKey(), QStringLiteral("gh_typed"));
    QCOMPARE(failed.size(), 0);
}

// Versions before this one kept the key in plain text in the settings.
void TestDemoCatalogOffer::plainTextKeyOfOlderVersionsIsRemoved()
{
    const QString legacy = QStringLiteral("gh_legacyplaintextkey");
    QSettings().setValue(DemoCatalogOffer::legacyTrafficKeyKey(), legacy);
    QSettings().sync();
    QVERIFY(!settingsFree(legacy));
    TrafficGenerator traffic;
    DemoCatalogOffer offer(m_catalog.get(), m_admin, &traffic, m_window.get());
    QVERIFY(settingsFree(legacy));
    QVERIFY(traffic.apiKey().isEmpty());
}

// No demo workspace in the catalog: nothing to issue, the generator keeps
// the open routes.
void TestDemoCatalogOffer::noDemoNoKey()
{
    TrafficGenerator traffic;
    DemoCatalogOffer offer(m_catalog.get(), m_admin, &traffic, m_window.get());
    QSignalSpy ready(&offer, &DemoCatalogOffer::trafficKeyReady);
    QSignalSpy failed(&offer, &DemoCatalogOffer::failed);
    offer.restoreTrafficKey();
    QTest::qWait(300);
    QCOMPARE(ready.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(traffic.apiKey().isEmpty());
    QCOMPARE(traffic.mix(), TrafficGenerator::defaultMix());
    QCOMPARE(apiCount(), 0);
}

void TestDemoCatalogOffer::declinedOfferIsNotAskedAgainButTheMenuWorks()
{
    TrafficGenerator traffic;
    DemoCatalogOffer offer(m_catalog.get(), m_admin, &traffic, m_window.get());
    offer.offerOnFirstStart();
    QVERIFY(answer(offer, QMessageBox::No));
    QTRY_VERIFY(QSettings().value(DemoCatalogOffer::offeredKey()).toBool());
    QTest::qWait(200);
    QCOMPARE(apiCount(), 0);
    QVERIFY(traffic.apiKey().isEmpty());

    DemoCatalogOffer next(m_catalog.get(), m_admin, &traffic, m_window.get());
    QSignalSpy shown(&next, &DemoCatalogOffer::questionShown);
    next.offerOnFirstStart();
    QTest::qWait(300);
    QCOMPARE(shown.size(), 0);

    QSignalSpy created(&next, &DemoCatalogOffer::created);
    next.action()->trigger();
    QVERIFY(answer(next, QMessageBox::Yes));
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 10000);
    QCOMPARE(apiCount(), 5);
    QCOMPARE(traffic.apiKey(), created.front().at(0).toString());
}

void TestDemoCatalogOffer::catalogWithApisIsNotOffered()
{
    const Principal admin = *m_admin;
    const bool made = m_catalog->runAndWait([admin](CatalogStore& s) {
        ApiDefinition def;
        def.slug = QStringLiteral("orders");
        def.name = QStringLiteral("Orders");
        def.basePath = QStringLiteral("/orders");
        const auto team = s.teams().createTeam(admin, QStringLiteral("Billing"), QString());
        def.teamId = team ? team->id : 0;
        return team && s.apis().createApi(admin, def).has_value();
    });
    QVERIFY(made);
    DemoCatalogOffer offer(m_catalog.get(), m_admin, nullptr, m_window.get());
    QSignalSpy shown(&offer, &DemoCatalogOffer::questionShown);
    QSignalSpy failed(&offer, &DemoCatalogOffer::failed);
    offer.offerOnFirstStart();
    QTest::qWait(300);
    QCOMPARE(shown.size(), 0);
    QVERIFY(!QSettings().value(DemoCatalogOffer::offeredKey()).toBool());

    // Asked for explicitly: refused with a message, nothing added.
    offer.action()->trigger();
    QVERIFY(answer(offer, QMessageBox::Yes));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(apiCount(), 1);
}

// `gatehouse --demo-catalog` in the console: created at once, no question;
// a second start with the same catalog changes nothing and says nothing.
void TestDemoCatalogOffer::commandLineCreatesWithoutAsking()
{
    DemoCatalogOffer offer(m_catalog.get(), m_admin, nullptr, m_window.get());
    QSignalSpy shown(&offer, &DemoCatalogOffer::questionShown);
    QSignalSpy created(&offer, &DemoCatalogOffer::created);
    QSignalSpy failed(&offer, &DemoCatalogOffer::failed);
    offer.createIfEmpty();
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 10000);
    QVERIFY(created.first().first().toString().startsWith(QStringLiteral("gh_")));
    QCOMPARE(shown.size(), 0);
    const int apis = apiCount();
    QVERIFY(apis > 0);

    offer.createIfEmpty();
    QTest::qWait(300);
    QTRY_COMPARE_WITH_TIMEOUT(apiCount(), apis, 2000);
    QCOMPARE(created.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(shown.size(), 0);
}

QTEST_MAIN(TestDemoCatalogOffer)
#include "tst_demo_catalog_offer.moc"
