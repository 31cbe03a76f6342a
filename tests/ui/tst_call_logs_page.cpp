// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The call logs page as a person uses it, over a real telemetry database:
// thousands of generated calls stored by the real call-log writer, then the
// product's TelemetryService, gateway and demo origin wired as main() wires
// them, so real calls land in the same log.
#include "ui/call_logs/call_logs_page.h"

#include "layout_check.h"
#include "screenshot.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_database.h"
#include "app/telemetry/telemetry_service.h"
#include "tests/support/test_http.h"
#include "ui/call_logs/call_log_details.h"
#include "ui/call_logs/call_log_filter_bar.h"
#include "ui/call_logs/call_log_model.h"
#include "ui/locale_format.h"
#include "ui/main_window.h"
#include "ui/wrap_anywhere_text.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::CallLogDetails;
using gatehouse::ui::CallLogFilterBar;
using gatehouse::ui::CallLogModel;
using gatehouse::ui::CallLogsPage;
using gatehouse::ui::MainWindow;

namespace {

constexpr int generatedCalls = 3000;

// The generated call number i (oldest first), spread over the last 25 minutes.
gateway::call_record generated(int i, qint64 baseUs)
{
    gateway::call_record r;
    r.timestamp_us = baseUs + qint64(i) * 500'000;
    r.api_id = i % 3 == 0 ? 1 : 3;
    r.application_id = quint64(100 + i % 4);
    r.status = std::uint16_t(i % 10 == 0 ? 503 : i % 7 == 0 ? 404 : i % 9 == 0 ? 304 : 200);
    r.error = r.status == 503   ? gateway::call_error::upstream_unavailable
              : r.status == 404 ? gateway::call_error::no_route
                                : gateway::call_error::none;
    r.cache = static_cast<gateway::cache_status>(i % 6);
    r.total_latency_us = std::uint32_t(1000 + i % 5000);
    r.upstream_latency_us = r.total_latency_us - 200;
    r.bytes_in = quint64(100 + i % 10);
    r.bytes_out = quint64(2000 + i);
    r.method.assign(i % 5 == 0 ? "POST" : "GET");
    const std::string path =
        i % 500 == 7 ? "/gen/special/" + std::to_string(i) : "/gen/items/" + std::to_string(i % 40);
    r.path.assign(path);
    r.route_id.assign(i % 3 == 0 ? "shop" : "echo");
    r.request_id.assign(QStringLiteral("gen-%1").arg(i, 5, 10, QLatin1Char('0')).toStdString());
    r.client_address.assign("10.0.0." + std::to_string(i % 250) + ":" + std::to_string(40000 + i));
    r.upstream.assign(r.error == gateway::call_error::none ? "http://127.0.0.1:18080" : "");
    return r;
}

// Stores `records` in the telemetry database at `path` with the real
// call-log writer, as the gateway's would, and returns how many it wrote.
// Another Gatehouse storing calls while a console shows them: it holds the
// database's writer lease for as long as it lives, so the console's own
// telemetry is read-only (see WriterLease).
class OtherWriter {
public:
    explicit OtherWriter(const QString& path)
        : m_writer(options(path), [this](std::vector<gateway::call_record>& out, std::size_t max) {
            std::lock_guard lock(m_mutex);
            const std::size_t n = std::min(max, m_queue.size());
            out.insert(out.end(), m_queue.begin(), m_queue.begin() + std::ptrdiff_t(n));
            m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(n));
            return n;
        })
    {
        m_writer.start();
    }
    bool holdsLease() const { return m_writer.running() && !m_writer.readOnly(); }
    // How many of `records` it has committed (all of them, or 0 on failure).
    quint64 store(const std::vector<gateway::call_record>& records)
    {
        const quint64 before = m_writer.counters().written;
        {
            std::lock_guard lock(m_mutex);
            m_queue.insert(m_queue.end(), records.begin(), records.end());
        }
        if (!m_writer.flushNow())
            return 0;
        return m_writer.counters().written - before;
    }

private:
    static CallLogWriterOptions options(const QString& path)
    {
        CallLogWriterOptions o;
        o.database = path;
        o.retentionEnabled = false;
        return o;
    }
    std::mutex m_mutex;
    std::vector<gateway::call_record> m_queue;
    CallLogWriter m_writer;
};

gateway::call_record callAt(const std::string& path, qint64 timestampUs)
{
    gateway::call_record r = generated(0, 0);
    r.timestamp_us = timestampUs;
    r.status = 200;
    r.error = gateway::call_error::none;
    r.path.assign(path);
    r.request_id.assign("slide-" + path.substr(1));
    return r;
}

QString requestIdOf(int i)
{
    return QStringLiteral("gen-%1").arg(i, 5, 10, QLatin1Char('0'));
}

// Labels for API ids as main() makes them before the catalog names them.
QHash<quint64, QString> apiNames(const gateway::config_snapshot& snapshot)
{
    QHash<quint64, QString> names;
    for (const auto& route : snapshot.routes) {
        if (route.api_id != 0 && !names.contains(route.api_id))
            names.insert(route.api_id, QString::fromStdString(route.id));
    }
    return names;
}

// A minimal RFC 4180 reader for checking the export.
std::vector<std::vector<QByteArray>> parseCsv(const QByteArray& data)
{
    std::vector<std::vector<QByteArray>> rows(1);
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

} // namespace

class TestCallLogsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void newestFirstAndScrollingFetchesMore();
    void filtersNarrowTheRows();
    void badFilterInputIsRefused();
    void applicationFilterTakesNamesAndIds();
    void detailPaneShowsEveryField();
    void longValuesWrapWhole();
    void exportWritesTheFilteredRows();
    void liveTailShowsNewCallsAndKeepsThePlace();
    void realTrafficAppearsInTheTable();
    void queryFailureIsShownInThePage();
    void evictedRowsAreReadAgain();
    void firstScreenfulComesBeforeTheRestOfThePage();
    void presetRangeFollowsTheClockCustomRangeStays();
    void germanLayoutFits();

private:
    CallLogsPage* page() const { return m_window->callLogsPage(); }
    CallLogModel* model() const { return page()->model(); }
    CallLogFilterBar* filters() const { return page()->filterBar(); }
    static QString detail(const QWidget& details, const char* name)
    {
        auto* value = details.findChild<gatehouse::ui::WrapAnywhereText*>(QLatin1String(name));
        return value ? value->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }
    QString detail(const char* name) const { return detail(*page()->details(), name); }
    // The generated calls matching `match`, newest first.
    std::vector<int> expected(const std::function<bool(int)>& match) const;
    bool waitLoaded();
    // Scrolls to the bottom until every matching row is loaded.
    bool scrollToEnd();
    void setText(QLineEdit* edit, const QString& text); // types it, then Return
    void choose(QComboBox* box, const QVariant& data);
    void clickRow(int row);
    bool flushWriter(quint64 written);

    QTemporaryDir m_dir;
    QString m_database;
    qint64 m_base = 0;
    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<TelemetryService> m_service;
    std::unique_ptr<MainWindow> m_window;
    QHash<quint64, QString> m_apiNames;
    quint64 m_realCalls = 0; // stored through the gateway so far
};

void TestCallLogsPage::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_call_logs_page"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("telemetry.sqlite"));

    // The generated calls, stored by the real writer before the console starts.
    m_base = QDateTime::currentMSecsSinceEpoch() * 1000 - 25LL * 60 * 1'000'000;
    {
        std::vector<gateway::call_record> queue;
        for (int i = 0; i < generatedCalls; ++i)
            queue.push_back(generated(i, m_base));
        auto mutex = std::make_shared<std::mutex>();
        CallLogWriterOptions options;
        options.database = m_database;
        options.retentionEnabled = false;
        CallLogWriter writer(options, [queue, mutex](auto& out, std::size_t max) mutable {
            std::lock_guard lock(*mutex);
            const std::size_t n = std::min(max, queue.size());
            out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
            queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
            return n;
        });
        QVERIFY2(writer.start(), qPrintable(writer.lastError()));
        QVERIFY(writer.flushNow());
        QCOMPARE(writer.counters().written, quint64(generatedCalls));
        writer.stop();
    }

    // Then the product: demo origin, gateway, telemetry, as main() wires them.
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    TelemetryServiceOptions options;
    options.database = m_database;
    options.summaryIntervalMs = 0;
    m_service = std::make_unique<TelemetryService>(m_gateway.get(), options);
    QVERIFY2(m_service->start(), qPrintable(m_service->lastError()));
    QVERIFY(m_gateway->applyConfig(m_demo.snapshot()));
    gateway::gateway_options gatewayOptions;
    gatewayOptions.listen_address = "127.0.0.1";
    gatewayOptions.port = 0;
    gatewayOptions.threads = 2;
    QVERIFY2(m_gateway->start(gatewayOptions), qPrintable(m_gateway->lastError()));
    m_apiNames = apiNames(m_demo.snapshot());
    QCOMPARE(m_apiNames.value(1), QStringLiteral("shop"));
    QCOMPARE(m_apiNames.value(3), QStringLiteral("echo"));
}

void TestCallLogsPage::cleanupTestCase()
{
    m_window.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::seconds(1));
    if (m_service)
        m_service->stop();
    m_service.reset();
    m_gateway.reset();
    m_demo.stopOrigin();
}

void TestCallLogsPage::init()
{
    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setTelemetryService(m_service.get(), m_apiNames);
    QVERIFY(page());
    new QAbstractItemModelTester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 model());
    m_window->resize(1280, 800);
    m_window->setCurrentPage(MainWindow::CallLogs);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitLoaded());
}

void TestCallLogsPage::cleanup()
{
    m_window.reset();
}

std::vector<int> TestCallLogsPage::expected(const std::function<bool(int)>& match) const
{
    std::vector<int> out;
    for (int i = generatedCalls - 1; i >= 0; --i) {
        if (match(i))
            out.push_back(i);
    }
    return out;
}

bool TestCallLogsPage::waitLoaded()
{
    for (int i = 0; i < 500; ++i) {
        if (model()->isLoaded() && !model()->isLoading())
            return true;
        QTest::qWait(10);
    }
    return false;
}

bool TestCallLogsPage::scrollToEnd()
{
    for (int pages = 0; pages < 200; ++pages) {
        if (!waitLoaded())
            return false;
        if (!model()->hasMore())
            return true;
        page()->view()->scrollToBottom();
        QCoreApplication::processEvents();
    }
    return false;
}

void TestCallLogsPage::setText(QLineEdit* edit, const QString& text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestCallLogsPage::choose(QComboBox* box, const QVariant& data)
{
    // As a person would: the list's keyboard selection emits activated().
    const int at = box->findData(data);
    QVERIFY2(at >= 0, qPrintable(data.toString()));
    box->setFocus();
    while (box->currentIndex() != at)
        QTest::keyClick(box, box->currentIndex() < at ? Qt::Key_Down : Qt::Key_Up);
}

void TestCallLogsPage::clickRow(int row)
{
    QTableView* view = page()->view();
    view->scrollTo(model()->index(row, CallLogModel::Path));
    const QRect cell = view->visualRect(model()->index(row, CallLogModel::Path));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
}

bool TestCallLogsPage::flushWriter(quint64 written)
{
    for (int i = 0; i < 500; ++i) {
        m_service->writer()->flushNow();
        if (m_service->writer()->counters().written >= written)
            return true;
        QTest::qWait(10);
    }
    return false;
}

void TestCallLogsPage::newestFirstAndScrollingFetchesMore()
{
    // Only the generated calls (real ones from other tests are not /gen/).
    setText(filters()->pathEdit(), QStringLiteral("/gen/"));
    QVERIFY(waitLoaded());
    const int pageSize = model()->pageSize();
    QCOMPARE(model()->rowCount(), pageSize);
    QVERIFY(model()->hasMore());
    QCOMPARE(model()->entry(0)->requestId, requestIdOf(generatedCalls - 1));
    QCOMPARE(model()->index(0, CallLogModel::Path).data().toString(),
             QStringLiteral("/gen/items/%1").arg((generatedCalls - 1) % 40));
    QVERIFY(page()
                ->findChild<QLabel*>(QStringLiteral("callLogsStatus"))
                ->text()
                .contains(QStringLiteral("scroll for more")));

    // Scrolling to the bottom asks for the next page, without waiting for it.
    QScrollBar* bar = page()->view()->verticalScrollBar();
    bar->setValue(bar->maximum());
    QVERIFY(model()->isLoading());
    QCOMPARE(model()->rowCount(), pageSize);
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 2 * pageSize, 3000);
    QVERIFY(scrollToEnd());
    QCOMPARE(model()->rowCount(), generatedCalls);
    std::set<qint64> ids;
    for (int row = 0; row < model()->rowCount(); ++row) {
        QVERIFY(ids.insert(model()->entry(row)->id).second);
        QCOMPARE(model()->entry(row)->requestId, requestIdOf(generatedCalls - 1 - row));
    }
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("callLogsStatus"))->text(),
             QStringLiteral("Calls: %1").arg(QLocale().toString(generatedCalls)));
}

void TestCallLogsPage::filtersNarrowTheRows()
{
    struct Case {
        const char* name;
        std::function<void()> set;
        std::function<bool(int)> match;
    };
    const auto status = [](int i) {
        return generated(i, 0).status;
    };
    const std::vector<Case> cases = {
        {"5xx", [&] { choose(filters()->statusBox(), 5); },
         [&](int i) {
             return status(i) / 100 == 5;
         }},
        {"4xx and a miss",
         [&] {
             choose(filters()->statusBox(), 4);
             choose(filters()->cacheBox(), int(gateway::cache_status::miss));
         },
         [&](int i) {
             return status(i) / 100 == 4 && i % 6 == int(gateway::cache_status::miss);
         }},
        {"cache hit", [&] { choose(filters()->cacheBox(), int(gateway::cache_status::hit)); },
         [&](int i) {
             return i % 6 == int(gateway::cache_status::hit);
         }},
        {"path", [&] { setText(filters()->pathEdit(), QStringLiteral("SPECIAL")); },
         [&](int i) {
             return i % 500 == 7;
         }},
        {"request id", [&] { setText(filters()->requestIdEdit(), requestIdOf(1234)); },
         [&](int i) {
             return i == 1234;
         }},
        {"application and API",
         [&] {
             setText(filters()->applicationBox()->lineEdit(), QStringLiteral("102"));
             choose(filters()->apiBox(), QVariant::fromValue(quint64(1)));
         },
         [&](int i) {
             return i % 4 == 2 && i % 3 == 0;
         }},
        {"last 15 minutes", [&] { choose(filters()->rangeBox(), CallLogFilterBar::Last15Minutes); },
         [&](int i) {
             return generated(i, m_base).timestamp_us >= model()->filter().fromUs;
         }},
    };
    for (const Case& c : cases) {
        QTest::mouseClick(page()->findChild<QPushButton*>(QStringLiteral("clearButton")),
                          Qt::LeftButton);
        filters()->pathEdit()->setText(QStringLiteral("/gen/"));
        c.set();
        QVERIFY(waitLoaded());
        QVERIFY(scrollToEnd());
        const std::vector<int> want = expected(c.match);
        QVERIFY2(!want.empty(), c.name);
        QVERIFY2(model()->rowCount() == int(want.size()),
                 qPrintable(QStringLiteral("%1: %2 rows, want %3")
                                .arg(QLatin1String(c.name))
                                .arg(model()->rowCount())
                                .arg(want.size())));
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY2(model()->entry(row)->requestId == requestIdOf(want[std::size_t(row)]), c.name);
        QVERIFY(page()->message().isEmpty());
    }
    // What the table shows for a 5xx row: the status, and the API's name.
    choose(filters()->statusBox(), 5);
    QVERIFY(waitLoaded());
    QCOMPARE(model()->index(0, CallLogModel::Status).data().toString(), QStringLiteral("503"));
    const int newest5xx = expected([&](int i) { return status(i) == 503; }).front();
    QCOMPARE(model()->index(0, CallLogModel::Api).data().toString(),
             newest5xx % 3 == 0 ? QStringLiteral("shop") : QStringLiteral("echo"));
    QCOMPARE(model()->index(0, CallLogModel::Application).data().toString(),
             QString::number(100 + newest5xx % 4));
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_5xx.png"));

    // Nothing matches: the page says so.
    setText(filters()->requestIdEdit(), QStringLiteral("no-such-request"));
    QVERIFY(waitLoaded());
    QCOMPARE(model()->rowCount(), 0);
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("callLogsStatus"))->text(),
             QStringLiteral("No calls match the filters."));
}

// The application filter lists the catalog's applications by name (and
// anonymous calls), takes a name typed in any case, and an id as the table
// and the details show one, for applications the catalog no longer has.
void TestCallLogsPage::applicationFilterTakesNamesAndIds()
{
    m_window->setApplicationNames(
        {{102, QStringLiteral("Storefront mobile")}, {101, QStringLiteral("Partner portal")}});
    QComboBox* box = filters()->applicationBox();
    QCOMPARE(box->count(), 3);
    QCOMPARE(box->itemText(0), QStringLiteral("Anonymous calls"));
    QCOMPARE(box->itemText(1), QStringLiteral("Partner portal"));
    QCOMPARE(box->itemText(2), QStringLiteral("Storefront mobile"));
    QVERIFY(box->currentText().isEmpty()); // any application

    const auto verifyRows = [&](int application, const char* how) {
        QVERIFY2(waitLoaded(), how);
        QVERIFY2(scrollToEnd(), how);
        const std::vector<int> want = expected([&](int i) { return 100 + i % 4 == application; });
        QVERIFY2(model()->rowCount() == int(want.size()),
                 qPrintable(QStringLiteral("%1: %2 rows, want %3")
                                .arg(QLatin1String(how))
                                .arg(model()->rowCount())
                                .arg(want.size())));
        for (int row = 0; row < model()->rowCount(); ++row)
            QVERIFY2(model()->entry(row)->requestId == requestIdOf(want[std::size_t(row)]), how);
        QVERIFY2(page()->message().isEmpty(), qPrintable(page()->message()));
    };
    filters()->pathEdit()->setText(QStringLiteral("/gen/"));
    choose(box, QVariant::fromValue(quint64(102)));
    QCOMPARE(box->currentText(), QStringLiteral("Storefront mobile"));
    verifyRows(102, "picked from the list");
    setText(box->lineEdit(), QStringLiteral("partner PORTAL"));
    verifyRows(101, "a name typed in another case");
    setText(box->lineEdit(), QStringLiteral("#103"));
    verifyRows(103, "an id as the table shows it");
    setText(box->lineEdit(), QStringLiteral("id 100"));
    verifyRows(100, "an id as the details show it");
    choose(box, QVariant::fromValue(quint64(0)));
    QVERIFY(waitLoaded());
    QCOMPARE(model()->rowCount(), 0); // every generated call has an application

    // New names keep the filter in use.
    setText(box->lineEdit(), QStringLiteral("Storefront mobile"));
    verifyRows(102, "typed in full");
    m_window->setApplicationNames({{102, QStringLiteral("Storefront mobile")}});
    QCOMPARE(box->currentText(), QStringLiteral("Storefront mobile"));
    QCOMPARE(box->count(), 2);
    m_window->setApplicationNames({});
    QCOMPARE(box->currentText(), QStringLiteral("Storefront mobile"));
    QTest::mouseClick(page()->findChild<QPushButton*>(QStringLiteral("clearButton")),
                      Qt::LeftButton);
    QVERIFY(box->currentText().isEmpty());
}

void TestCallLogsPage::badFilterInputIsRefused()
{
    setText(filters()->pathEdit(), QStringLiteral("/gen/"));
    QVERIFY(waitLoaded());
    const int rows = model()->rowCount();
    QVERIFY(rows > 0);

    setText(filters()->applicationBox()->lineEdit(), QStringLiteral("mobile-app"));
    QVERIFY(page()->messageIsError());
    QVERIFY2(page()->message().contains(QStringLiteral("No application is called \"mobile-app\"")),
             qPrintable(page()->message()));
    QVERIFY(!model()->isLoading());
    QCOMPARE(model()->rowCount(), rows); // the previous filter stays
    filters()->applicationBox()->clearEditText();

    // Picked from the list (not stepped through the presets with the keys).
    filters()->rangeBox()->setCurrentIndex(
        filters()->rangeBox()->findData(CallLogFilterBar::Custom));
    QVERIFY(filters()->fromEdit()->isVisible());
    // It starts as the preset it replaces (the last 24 hours) and waits to
    // be edited.
    QVERIFY(!model()->isLoading());
    QVERIFY(std::abs(filters()->fromEdit()->dateTime().secsTo(
                QDateTime::currentDateTime().addDays(-1))) < 60);
    QVERIFY(std::abs(filters()->toEdit()->dateTime().secsTo(QDateTime::currentDateTime())) < 60);
    filters()->fromEdit()->setDateTime(QDateTime::currentDateTime());
    filters()->toEdit()->setDateTime(QDateTime::currentDateTime().addSecs(-7200));
    QTest::mouseClick(page()->findChild<QPushButton*>(QStringLiteral("applyButton")),
                      Qt::LeftButton);
    QCOMPARE(page()->message(), QStringLiteral("The start of the range must be before its end."));
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_bad_range.png"));

    // A good custom range clears the message and applies.
    filters()->fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(m_base / 1000));
    filters()->toEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(m_base / 1000 + 99'000));
    QTest::mouseClick(page()->findChild<QPushButton*>(QStringLiteral("applyButton")),
                      Qt::LeftButton);
    QVERIFY(page()->message().isEmpty());
    QVERIFY(waitLoaded());
    QVERIFY(scrollToEnd());
    // Whole seconds from the base's second up to the "to" second inclusive.
    const qint64 from = m_base / 1'000'000 * 1'000'000;
    const qint64 to = (m_base / 1000 + 99'000) / 1000 * 1'000'000 + 1'000'000;
    const auto want = expected([&](int i) {
        const qint64 ts = generated(i, m_base).timestamp_us;
        return ts >= from && ts < to;
    });
    QCOMPARE(model()->rowCount(), int(want.size()));
}

void TestCallLogsPage::detailPaneShowsEveryField()
{
    QCOMPARE(detail("detailsHeading"), QStringLiteral("Select a call to see all its fields."));
    const int i = 1230; // a 503: no upstream answered
    QCOMPARE(generated(i, m_base).status, 503);
    setText(filters()->requestIdEdit(), requestIdOf(i));
    QVERIFY(waitLoaded());
    QCOMPARE(model()->rowCount(), 1);
    clickRow(0);
    const gateway::call_record r = generated(i, m_base);
    QCOMPARE(detail("detailsRequestId"), requestIdOf(i));
    QCOMPARE(detail("detailsHeading"), QStringLiteral("POST /gen/items/30"));
    // Local time to the microsecond, and UTC.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(r.timestamp_us / 1000);
    const QString micros =
        QStringLiteral("%1").arg(r.timestamp_us % 1'000'000, 6, 10, QLatin1Char('0'));
    QVERIFY2(detail("detailsLocalTime")
                 .startsWith(gatehouse::ui::timestampText(local) + QLatin1Char('.') + micros),
             qPrintable(detail("detailsLocalTime")));
    QVERIFY2(detail("detailsUtcTime").endsWith(QLatin1Char('.') + micros + QLatin1Char('Z')),
             qPrintable(detail("detailsUtcTime")));
    QCOMPARE(detail("detailsMethod"), QStringLiteral("POST"));
    QCOMPARE(detail("detailsPath"), QStringLiteral("/gen/items/30"));
    QCOMPARE(detail("detailsStatus"), QStringLiteral("503"));
    QCOMPARE(detail("detailsError"), QStringLiteral("No upstream could be reached"));
    QCOMPARE(detail("detailsCache"), QStringLiteral("—")); // 1230 % 6 == 0: no lookup
    QCOMPARE(detail("detailsApi"), QStringLiteral("shop (id 1)"));
    QCOMPARE(detail("detailsRoute"), QStringLiteral("shop"));
    QCOMPARE(detail("detailsApplication"), QStringLiteral("id 102"));
    QCOMPARE(model()->index(0, CallLogModel::Application).data().toString(), QStringLiteral("102"));
    // Once the catalog names the application (as the compiled catalog does
    // through the window), the table and the details use the name.
    m_window->setApplicationNames({{102, QStringLiteral("Storefront mobile")}});
    QCOMPARE(detail("detailsApplication"), QStringLiteral("Storefront mobile (id 102)"));
    QCOMPARE(model()->index(0, CallLogModel::Application).data().toString(),
             QStringLiteral("Storefront mobile"));
    m_window->setApplicationNames({});
    QCOMPARE(detail("detailsClient"), QStringLiteral("10.0.0.230:41230"));
    QCOMPARE(detail("detailsUpstream"), QStringLiteral("None (answered by the gateway)"));
    QCOMPARE(detail("detailsTotalLatency"), QStringLiteral("2.23 ms"));
    QCOMPARE(detail("detailsBytesIn"), QStringLiteral("100"));
    QCOMPARE(detail("detailsBytesOut"), QLocale().toString(3230));

    // A relayed call: upstream target and the split of its latency.
    const int j = 1231;
    QCOMPARE(generated(j, m_base).status, 200);
    setText(filters()->requestIdEdit(), requestIdOf(j));
    QVERIFY(waitLoaded());
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(detail("detailsHeading"), QStringLiteral("Select a call to see all its fields."));
    clickRow(0);
    QCOMPARE(detail("detailsRequestId"), requestIdOf(j));
    QCOMPARE(detail("detailsUpstream"), QStringLiteral("http://127.0.0.1:18080"));
    QCOMPARE(detail("detailsTotalLatency"), QStringLiteral("2.23 ms"));
    QCOMPARE(detail("detailsUpstreamLatency"), QStringLiteral("2.03 ms"));
    QCOMPARE(detail("detailsGatewayTime"), QStringLiteral("0.20 ms"));
    QCOMPARE(detail("detailsError"), QStringLiteral("None: the upstream's response was relayed"));
    QCOMPARE(detail("detailsCache"), QStringLiteral("Hit")); // 1231 % 6 == 1
    QCOMPARE(detail("detailsApi"), QStringLiteral("echo (id 3)"));

    // The picture: a full table with one call in the pane.
    setText(filters()->requestIdEdit(), QString());
    QVERIFY(waitLoaded());
    clickRow(3);
    QVERIFY(!detail("detailsRequestId").isEmpty());
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_details.png"));
}

// A path, an upstream URL or a client with no space to break at, longer
// than the pane is wide, wraps anywhere, whole, and is copied as it is.
void TestCallLogsPage::longValuesWrapWhole()
{
    gatehouse::ui::CallLogDetails details;
    app::CallLogEntry e;
    e.id = 7;
    e.timestampUs = m_base;
    e.requestId = QStringLiteral("0123456789abcdef0123456789abcdef");
    e.method = QStringLiteral("GET");
    e.path = QStringLiteral("/v1/") + QString(300, QLatin1Char('p')) + QStringLiteral("/end");
    e.status = 200;
    e.apiId = 1;
    e.routeId = QStringLiteral("route-") + QString(120, QLatin1Char('r'));
    e.upstream = QStringLiteral("http://") + QString(150, QLatin1Char('u')) + QStringLiteral(":80");
    e.client = QStringLiteral("[2001:db8::1]:41230");
    e.totalUs = 1200;
    e.upstreamUs = 1000;
    details.showEntry(&e, nullptr);
    // As wide as the page gives the pane at the window's smallest size.
    m_window->resize(m_window->minimumSizeHint());
    QTest::qWait(20);
    const int width = page()->details()->width();
    details.resize(width, details.naturalHeight(width));
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    QTest::qWait(20);

    for (const char* name : {"detailsHeading", "detailsPath", "detailsRoute", "detailsUpstream"}) {
        auto* value = details.findChild<gatehouse::ui::WrapAnywhereText*>(QLatin1String(name));
        QVERIFY2(value, name);
        // Inside the pane, on several lines, every line inside the value's width.
        QVERIFY2(value->mapTo(&details, QPoint(value->width(), 0)).x() <= details.width(), name);
        QTextDocument* doc = value->document();
        QVERIFY2(doc->size().width() <= value->viewport()->width() + 1,
                 qPrintable(QStringLiteral("%1: doc %2 viewport %3 widget %4")
                                .arg(QLatin1String(name))
                                .arg(doc->size().width())
                                .arg(value->viewport()->width())
                                .arg(value->width())));
        QVERIFY2(doc->size().height() <= value->viewport()->height() + 1,
                 qPrintable(QStringLiteral("%1: %2 px of text in %3 px")
                                .arg(QLatin1String(name))
                                .arg(doc->size().height())
                                .arg(value->viewport()->height())));
        QVERIFY2(doc->size().height() >= 2 * value->fontMetrics().height(), name);
    }
    QCOMPARE(detail(details, "detailsPath"), e.path);
    QCOMPARE(detail(details, "detailsHeading"), QStringLiteral("GET ") + e.path);
    saveScreenshot(&details, QStringLiteral("call_log_details_long_values.png"));
    // Selecting all of it copies the path without anything added at the breaks.
    auto* path = details.findChild<gatehouse::ui::WrapAnywhereText*>(QStringLiteral("detailsPath"));
    path->selectAll();
    path->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), e.path);
    // The pane's natural height shows it all without scrolling.
    auto* scroll = details.findChild<QScrollArea*>();
    QVERIFY(scroll);
    QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
    test::verifyNothingClipped(&details, QStringLiteral("long values"));
}

void TestCallLogsPage::exportWritesTheFilteredRows()
{
    filters()->pathEdit()->setText(QStringLiteral("/gen/"));
    choose(filters()->statusBox(), 4);
    QVERIFY(waitLoaded());
    const auto want = expected([](int i) { return generated(i, 0).status / 100 == 4; });

    const QString path = m_dir.filePath(QStringLiteral("export-4xx.csv"));
    QTest::mouseClick(page()->exportButton(), Qt::LeftButton);
    auto* dialog = page()->findChild<QFileDialog*>(QStringLiteral("exportDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    saveScreenshot(dialog, QStringLiteral("call_logs_export_dialog.png"));
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept(); // Save, as the button does
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isExporting(), 10000);
    QVERIFY2(!page()->messageIsError(), qPrintable(page()->message()));
    QCOMPARE(page()->message(),
             QStringLiteral("Exported %1 calls to %2.")
                 .arg(QLocale().toString(qint64(want.size())), QDir::toNativeSeparators(path)));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto rows = parseCsv(file.readAll());
    QCOMPARE(rows.size(), want.size() + 1);
    QCOMPARE(rows[0].at(3), QByteArray("request_id"));
    QCOMPARE(rows[0].at(9), QByteArray("status"));
    for (std::size_t k = 0; k < want.size(); ++k) {
        const auto& row = rows[k + 1];
        QCOMPARE(row.size(), std::size_t(18));
        QCOMPARE(QString::fromUtf8(row[3]), requestIdOf(want[k])); // newest first
        QCOMPARE(row[9], QByteArray("404"));
        QVERIFY(row[8].startsWith("/gen/"));
    }

    // A file that cannot be written: the page says why.
    page()->exportTo(m_dir.filePath(QStringLiteral("no/such/folder/x.csv")));
    QVERIFY(page()->isExporting());
    QVERIFY(!page()->exportButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isExporting(), 10000);
    QVERIFY(page()->messageIsError());
    QVERIFY2(page()->message().contains(QStringLiteral("failed")), qPrintable(page()->message()));
    QVERIFY(page()->exportButton()->isEnabled());

    // Cancelled at once (before its first page is written): no file.
    const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
    page()->exportTo(cancelled);
    auto* cancel = page()->findChild<QPushButton*>(QStringLiteral("cancelExportButton"));
    QVERIFY(cancel->isVisible());
    cancel->click(); // before the event loop runs again: the export never starts
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isExporting(), 10000);
    QCOMPARE(page()->message(), QStringLiteral("Export cancelled; no file was written."));
    QVERIFY(!page()->messageIsError());
    QVERIFY(!QFile::exists(cancelled));
    QVERIFY(!cancel->isVisible());
}

void TestCallLogsPage::liveTailShowsNewCallsAndKeepsThePlace()
{
    model()->setLiveTailInterval(200);
    QTest::mouseClick(page()->liveTailBox(), Qt::LeftButton);
    QVERIFY(model()->liveTail());
    const quint16 port = m_gateway->port();

    // At the top, the newest call appears in the first row.
    QCOMPARE(test::http_request(port, "GET", "/echo/tail-first").status, 200);
    QVERIFY(flushWriter(++m_realCalls));
    QTRY_COMPARE_WITH_TIMEOUT(model()->index(0, CallLogModel::Path).data().toString(),
                              QStringLiteral("/echo/tail-first"), 5000);
    QCOMPARE(page()->view()->verticalScrollBar()->value(), 0);
    QCOMPARE(model()->index(0, CallLogModel::Api).data().toString(), QStringLiteral("echo"));

    // Scrolled away with a row selected: new calls go in above, and the
    // rows in view and the selection stay where they were.
    QTableView* view = page()->view();
    const int rowHeight = view->verticalHeader()->defaultSectionSize();
    view->verticalScrollBar()->setValue(40 * rowHeight);
    QCoreApplication::processEvents();
    const int topRow = view->rowAt(0);
    QVERIFY(topRow >= 39);
    const qint64 topId = model()->entry(topRow)->id;
    clickRow(topRow + 5);
    const qint64 selectedId = model()->entry(topRow + 5)->id;
    QCOMPARE(page()->details()->shownId(), selectedId);
    const int rowsBefore = model()->rowCount();
    for (int k = 0; k < 3; ++k) {
        const std::string target = "/echo/tail-more-" + std::to_string(k);
        QCOMPARE(test::http_request(port, "GET", target).status, 200);
    }
    m_realCalls += 3;
    QVERIFY(flushWriter(m_realCalls));
    QTRY_COMPARE_WITH_TIMEOUT(model()->index(0, CallLogModel::Path).data().toString(),
                              QStringLiteral("/echo/tail-more-2"), 5000);
    QCOMPARE(model()->index(1, CallLogModel::Path).data().toString(),
             QStringLiteral("/echo/tail-more-1"));
    QCOMPARE(model()->index(2, CallLogModel::Path).data().toString(),
             QStringLiteral("/echo/tail-more-0"));
    QVERIFY(model()->rowCount() >= rowsBefore + 3); // the model tester may fetch more too
    QCOMPARE(model()->entry(view->rowAt(0))->id, topId);
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(model()->entry(selected.first().row())->id, selectedId);
    QCOMPARE(page()->details()->shownId(), selectedId);
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_live_tail.png"));

    // Off: nothing more arrives.
    QTest::mouseClick(page()->liveTailBox(), Qt::LeftButton);
    QVERIFY(!model()->liveTail());
    QCOMPARE(test::http_request(port, "GET", "/echo/tail-off").status, 200);
    QVERIFY(flushWriter(++m_realCalls));
    QTest::qWait(500);
    QCOMPARE(model()->index(0, CallLogModel::Path).data().toString(),
             QStringLiteral("/echo/tail-more-2"));
    QVERIFY(model()->rowOfId(selectedId) >= 0);
}

void TestCallLogsPage::realTrafficAppearsInTheTable()
{
    const quint16 port = m_gateway->port();
    QCOMPARE(test::http_request(port, "GET", "/echo/orders/77?expand=lines").status, 200);
    QCOMPARE(test::http_request(port, "GET", "/nowhere/at/all").status, 404);
    m_realCalls += 2;
    QVERIFY(flushWriter(m_realCalls));

    filters()->pathEdit()->setText(QStringLiteral("orders/7")); // typed, not applied
    QVERIFY(waitLoaded());
    // View > Refresh (F5) applies what the filters say and reads again.
    m_window->findChild<QAction*>(QStringLiteral("refreshAction"))->trigger();
    QVERIFY(model()->isLoading());
    QVERIFY(waitLoaded());
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(model()->index(0, CallLogModel::Method).data().toString(), QStringLiteral("GET"));
    QCOMPARE(model()->index(0, CallLogModel::Path).data().toString(),
             QStringLiteral("/echo/orders/77?expand=lines"));
    QCOMPARE(model()->index(0, CallLogModel::Status).data().toString(), QStringLiteral("200"));
    QCOMPARE(model()->index(0, CallLogModel::Api).data().toString(), QStringLiteral("echo"));
    const qint64 age = QDateTime::currentMSecsSinceEpoch() * 1000 - model()->entry(0)->timestampUs;
    QVERIFY(age >= 0 && age < 60'000'000);
    clickRow(0);
    QVERIFY2(detail("detailsClient").startsWith(QStringLiteral("127.0.0.1")),
             qPrintable(detail("detailsClient")));
    QVERIFY2(detail("detailsUpstream").contains(QString::number(m_demo.originPort())),
             qPrintable(detail("detailsUpstream")));
    QVERIFY(!detail("detailsRequestId").isEmpty());
    QCOMPARE(detail("detailsError"), QStringLiteral("None: the upstream's response was relayed"));

    // The gateway's own answer: no API, no upstream, the reason.
    setText(filters()->pathEdit(), QStringLiteral("nowhere/at"));
    QVERIFY(waitLoaded());
    QCOMPARE(model()->rowCount(), 1);
    clickRow(0);
    QCOMPARE(detail("detailsStatus"), QStringLiteral("404"));
    QCOMPARE(detail("detailsError"), QStringLiteral("No route matches the path"));
    QCOMPARE(detail("detailsApi"), QStringLiteral("None (no API matched)"));
    QCOMPARE(detail("detailsUpstream"), QStringLiteral("None (answered by the gateway)"));
}

void TestCallLogsPage::queryFailureIsShownInThePage()
{
    // A service that is not running answers every query with an error.
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("never-started.sqlite"));
    TelemetryService stopped(&controller, options);
    CallLogsPage failing(&stopped);
    failing.resize(1100, 700);
    failing.show();
    QVERIFY(QTest::qWaitForWindowExposed(&failing));
    QTRY_VERIFY_WITH_TIMEOUT(!failing.message().isEmpty(), 3000);
    QVERIFY(failing.messageIsError());
    QCOMPARE(failing.message(),
             QStringLiteral("Cannot read the call log: telemetry is not running"));
    QCOMPARE(failing.model()->rowCount(), 0);
    saveScreenshot(&failing, QStringLiteral("call_logs_failed.png"));
}

void TestCallLogsPage::evictedRowsAreReadAgain()
{
    // Small pages and a small cache: most of the 3,000 rows leave memory
    // on the way down and are read again, by their keys, when shown again.
    model()->setPageSize(100);
    model()->setMaxCachedRows(200);
    setText(filters()->pathEdit(), QStringLiteral("/gen/"));
    QVERIFY(waitLoaded());
    QVERIFY(scrollToEnd());
    QCOMPARE(model()->rowCount(), generatedCalls);
    QVERIFY2(model()->cachedRows() <= 200, qPrintable(QString::number(model()->cachedRows())));
    QVERIFY(!model()->entry(1000)); // long gone (the first rows may stay: still in use)

    // Meanwhile retention deletes a call the table has a key for.
    const int deleted = generatedCalls - 1 - 1049;
    {
        QString error;
        QSqlDatabase db = telemetry::openDatabase(m_database, QStringLiteral("deleter"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM call_log WHERE request_text = '%1'")
                           .arg(requestIdOf(deleted))));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    telemetry::closeDatabase(QStringLiteral("deleter"));

    page()->view()->scrollToTop();
    QTRY_VERIFY_WITH_TIMEOUT(model()->entry(0) != nullptr, 3000);
    const int visible = page()->view()->rowAt(page()->view()->viewport()->height() - 1);
    QVERIFY(visible > 10);
    QTRY_VERIFY_WITH_TIMEOUT(model()->entry(visible) != nullptr, 3000);
    for (int row = 0; row <= visible; ++row)
        QCOMPARE(model()->entry(row)->requestId, requestIdOf(generatedCalls - 1 - row));

    // The deleted call says so; its neighbours are there.
    QVERIFY(!model()->entry(1049));
    page()->view()->scrollTo(model()->index(1049, 0), QAbstractItemView::PositionAtCenter);
    QTRY_COMPARE_WITH_TIMEOUT(model()->index(1049, CallLogModel::Path).data().toString(),
                              QStringLiteral("(no longer stored)"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(model()->entry(1050) != nullptr, 3000);
    QCOMPARE(model()->entry(1048)->requestId, requestIdOf(deleted + 1));
    QCOMPARE(model()->entry(1050)->requestId, requestIdOf(deleted - 1));
    QVERIFY(!model()->entry(1049));
    clickRow(1049);
    QCOMPARE(detail("detailsHeading"),
             QStringLiteral("This call is no longer stored: retention deleted it."));
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_evicted.png"));

    // A jump into the middle reads that block.
    page()->view()->scrollTo(model()->index(1777, 0), QAbstractItemView::PositionAtCenter);
    QTRY_VERIFY_WITH_TIMEOUT(model()->entry(1777) != nullptr, 3000);
    QCOMPARE(model()->entry(1777)->requestId, requestIdOf(generatedCalls - 1 - 1777));
    QCOMPARE(model()->index(1777, CallLogModel::Status).data().toString(),
             QString::number(generated(generatedCalls - 1 - 1777, 0).status));
    QVERIFY(model()->cachedRows() <= 200);
}

void TestCallLogsPage::firstScreenfulComesBeforeTheRestOfThePage()
{
    // As each part arrives: the rows, and whether the table counts as
    // loaded (shown) and still loading.
    struct Seen {
        int rows;
        bool loaded;
        bool loading;
    };
    std::vector<Seen> seen;
    QSignalSpy pages(model(), &CallLogModel::pageLoaded);
    connect(model(), &CallLogModel::pageLoaded, this, [&] {
        seen.push_back({model()->rowCount(), model()->isLoaded(), model()->isLoading()});
    });
    setText(filters()->pathEdit(), QStringLiteral("/gen/"));
    QVERIFY(waitLoaded());
    QCOMPARE(pages.size(), 2);
    QCOMPARE(seen.size(), std::size_t(2));
    QCOMPARE(seen[0].rows, CallLogModel::firstRows);
    QVERIFY(seen[0].loaded && seen[0].loading);
    QCOMPARE(seen[1].rows, model()->pageSize());
    QVERIFY(seen[1].loaded && !seen[1].loading);
    QCOMPARE(pages.at(0).at(0).toInt(), CallLogModel::firstRows);
    QCOMPARE(pages.at(1).at(0).toInt(), model()->pageSize() - CallLogModel::firstRows);
    QCOMPARE(model()->rowCount(), model()->pageSize());
    for (int row = 0; row < model()->rowCount(); ++row)
        QCOMPARE(model()->entry(row)->requestId, requestIdOf(generatedCalls - 1 - row));

    // A page no larger than a screenful is one request.
    pages.clear();
    model()->setPageSize(CallLogModel::firstRows);
    page()->applyFilter();
    QVERIFY(waitLoaded());
    QCOMPARE(pages.size(), 1);
    QCOMPARE(model()->rowCount(), CallLogModel::firstRows);
}

void TestCallLogsPage::presetRangeFollowsTheClockCustomRangeStays()
{
    // A telemetry store of its own, its calls stamped around the edge of
    // "the last 15 minutes": one call is inside the range for a few seconds
    // only, so the range's moving start is seen without waiting long.
    constexpr qint64 second = 1'000'000;
    constexpr qint64 minute = 60 * second;
    constexpr qint64 inside = 6 * second; // how long /edge stays in range
    const QString database = m_dir.filePath(QStringLiteral("sliding.sqlite"));
    const qint64 start = QDateTime::currentMSecsSinceEpoch() * 1000;
    OtherWriter other(database);
    QVERIFY(other.holdsLease());
    QCOMPARE(other.store({callAt("/old", start - 16 * minute),
                          callAt("/edge", start - 15 * minute + inside),
                          callAt("/recent", start - 5 * minute)}),
             quint64(3));
    GatewayController controller; // never started: the calls are only those stored here
    TelemetryServiceOptions options;
    options.database = database;
    options.retentionEnabled = false;
    options.summaryIntervalMs = 0;
    TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(service.readOnly()); // it shows what the other one stores
    CallLogsPage page(&service);
    new QAbstractItemModelTester(
        page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest, page.model());
    page.resize(1100, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const auto loaded = [&page] {
        return page.model()->isLoaded() && !page.model()->isLoading();
    };
    const auto paths = [&page] {
        QStringList out;
        for (int row = 0; row < page.model()->rowCount(); ++row)
            out << page.model()->index(row, CallLogModel::Path).data().toString();
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(loaded(), 5000);

    choose(page.filterBar()->rangeBox(), CallLogFilterBar::Last15Minutes);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(), 5000);
    QCOMPARE(paths(), (QStringList{QStringLiteral("/recent"), QStringLiteral("/edge")}));
    QVERIFY2(page.rangeText().startsWith(QLatin1String("Since ")) &&
                 page.rangeText().endsWith(QLatin1String("moving with the clock")),
             qPrintable(page.rangeText()));
    const QString firstRange = page.rangeText();

    // Live tail: newer calls come in at the top, and as the clock moves on
    // the range's start follows it, so /edge leaves at the bottom.
    page.model()->setLiveTailInterval(200);
    QTest::mouseClick(page.liveTailBox(), Qt::LeftButton);
    QVERIFY(page.model()->liveTail());
    QCOMPARE(other.store({callAt("/newer", QDateTime::currentMSecsSinceEpoch() * 1000)}),
             quint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->index(0, CallLogModel::Path).data().toString(),
                              QStringLiteral("/newer"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(paths(),
                              (QStringList{QStringLiteral("/newer"), QStringLiteral("/recent")}),
                              inside / 1000 + 10'000);
    QVERIFY(QDateTime::currentMSecsSinceEpoch() * 1000 >= start + inside);
    QVERIFY(page.model()->filter().fromUs > start - 15 * minute + inside - second);
    QVERIFY(page.rangeText() != firstRange);
    QTest::mouseClick(page.liveTailBox(), Qt::LeftButton);
    QVERIFY(!page.model()->liveTail());

    // Refresh reads the range as of now, and a call stored since shows.
    QCOMPARE(other.store({callAt("/after-tail", QDateTime::currentMSecsSinceEpoch() * 1000)}),
             quint64(1));
    page.applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(loaded(), 5000);
    QCOMPARE(paths(), (QStringList{QStringLiteral("/after-tail"), QStringLiteral("/newer"),
                                   QStringLiteral("/recent")}));
    QTest::qWait(50);
    saveScreenshot(&page, QStringLiteral("call_logs_sliding_range.png"));

    // A custom range stays where it was set: it starts from the preset's
    // range, ends now, and a call stamped after its end never shows.
    choose(page.filterBar()->rangeBox(), CallLogFilterBar::Custom);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("applyButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(), 5000);
    QCOMPARE(page.model()->slidingSpanUs(), 0);
    QVERIFY2(page.rangeText().startsWith(QLatin1String("From ")), qPrintable(page.rangeText()));
    const qint64 end = page.model()->filter().toUs;
    page.model()->setLiveTailInterval(100);
    QTest::mouseClick(page.liveTailBox(), Qt::LeftButton);
    QCOMPARE(
        other.store({callAt("/later", end + 10 * second), callAt("/in-range", end - 2 * second)}),
        quint64(2));
    // The round that brings the call inside the range leaves out the other.
    QTRY_VERIFY_WITH_TIMEOUT(paths().contains(QStringLiteral("/in-range")), 5000);
    QVERIFY(!paths().contains(QStringLiteral("/later")));
    page.applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(loaded(), 5000);
    QVERIFY(paths().contains(QStringLiteral("/in-range")));
    QVERIFY(!paths().contains(QStringLiteral("/later")));
    QCOMPARE(page.model()->filter().toUs, end);
    QTest::mouseClick(page.liveTailBox(), Qt::LeftButton);
    // Back to the preset, whose end is open: the call shows.
    choose(page.filterBar()->rangeBox(), CallLogFilterBar::Last15Minutes);
    QTRY_VERIFY_WITH_TIMEOUT(loaded(), 5000);
    QCOMPARE(paths().value(0), QStringLiteral("/later"));
    page.close();
    service.stop();
}

void TestCallLogsPage::germanLayoutFits()
{
    m_window.reset();
    // German as the console sets it up for a German user: its strings and
    // Qt's, and the German locale as QLocale's default for dates and numbers
    // (restored when `german` goes).
    const test::ConsoleLanguage german(QStringLiteral("de"));
    QVERIFY(german.isLoaded());
    QCOMPARE(QLocale().language(), QLocale::German);
    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setTelemetryService(m_service.get(), m_apiNames);
    m_window->resize(1280, 720);
    m_window->setCurrentPage(MainWindow::CallLogs);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitLoaded());
    QCOMPARE(page()->exportButton()->text(), QStringLiteral("&CSV exportieren…"));
    clickRow(2);
    QTest::qWait(50);
    // Dates and numbers are written the German way: "02.12.2026 23:05:09.123",
    // a decimal comma in latencies.
    const QString time = model()->index(2, CallLogModel::Time).data().toString();
    static const QRegularExpression germanTime(
        QStringLiteral("^\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}$"));
    QVERIFY2(germanTime.match(time).hasMatch(), qPrintable(time));
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(model()->entry(2)->timestampUs / 1000);
    QCOMPARE(time, when.toString(QStringLiteral("dd.MM.yyyy HH:mm:ss.zzz")));
    const QString latency = model()->index(2, CallLogModel::Latency).data().toString();
    static const QRegularExpression germanLatency(QStringLiteral(",\\d{1,2} ms$"));
    QVERIFY2(germanLatency.match(latency).hasMatch(), qPrintable(latency));
    // Every label, button and box of the page gets the width it asks for,
    // inside the page.
    const auto widgets = page()->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisible() || !(qobject_cast<QLabel*>(w) || qobject_cast<QAbstractButton*>(w) ||
                                 qobject_cast<QComboBox*>(w)))
            continue;
        if (auto* label = qobject_cast<QLabel*>(w); label && label->wordWrap())
            continue;
        if (page()->view()->isAncestorOf(w))
            continue;
        const QString what = w->objectName().isEmpty()
                                 ? QString::fromLatin1(w->metaObject()->className())
                                 : w->objectName();
        QVERIFY2(w->width() >= w->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 clipped: %2 < %3")
                                .arg(what)
                                .arg(w->width())
                                .arg(w->minimumSizeHint().width())));
        const QPoint right = w->mapTo(page(), QPoint(w->width(), 0));
        QVERIFY2(right.x() <= page()->width(), qPrintable(what + QStringLiteral(" outside")));
        if (page()->details()->isAncestorOf(w))
            QVERIFY2(w->mapTo(page()->details(), QPoint(w->width(), 0)).x() <=
                         page()->details()->width(),
                     qPrintable(what + QStringLiteral(" outside the details")));
    }
    // The column titles fit their columns.
    QHeaderView* header = page()->view()->horizontalHeader();
    for (int c = 0; c < CallLogModel::ColumnCount; ++c) {
        const QString title = model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(title) + 8,
                 qPrintable(title));
    }
    // Every field of the selected call shows without scrolling, at the
    // default size and at the window's smallest, and the table keeps rows.
    const auto verifyDetailsWhole = [&](const char* size) {
        auto* scroll = page()->details()->findChild<QScrollArea*>();
        QVERIFY(scroll);
        QVERIFY2(scroll->verticalScrollBar()->maximum() == 0,
                 qPrintable(QStringLiteral("%1: the details scroll by %2 px")
                                .arg(QLatin1String(size))
                                .arg(scroll->verticalScrollBar()->maximum())));
        QVERIFY2(page()->view()->viewport()->height() >=
                     6 * page()->view()->verticalHeader()->defaultSectionSize(),
                 size);
    };
    verifyDetailsWhole("default size");
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_de.png"));
    m_window->resize(m_window->minimumSizeHint());
    QTest::qWait(50);
    verifyDetailsWhole("smallest size");
    saveScreenshot(m_window.get(), QStringLiteral("call_logs_de_smallest.png"));
    m_window.reset();
}

QTEST_MAIN(TestCallLogsPage)
#include "tst_call_logs_page.moc"
