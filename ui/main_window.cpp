// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

using State = app::GatewayController::State;

const QString settingsGeometry = QStringLiteral("MainWindow/geometry");
const QString settingsState = QStringLiteral("MainWindow/windowState");

constexpr int statusBarMessageMs = 10000;

// Colours for the state dot and the status-class numbers; readable on both
// light and dark palettes.
QString stateColor(State state)
{
    switch (state) {
    case State::Running:
        return QStringLiteral("#2e7d32");
    case State::Starting:
    case State::Stopping:
        return QStringLiteral("#ef8f00");
    case State::Stopped:
        break;
    }
    return QStringLiteral("#8a8a8a");
}

const char* const statusClassColors[6] = {"",        "#757575", "#2e7d32",
                                          "#1565c0", "#b26a00", "#c62828"};

} // namespace

MainWindow::MainWindow(app::GatewayController* controller, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
{
    Q_ASSERT(controller);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse"));
    buildUi();
    buildMenus();

    connect(m_controller, &app::GatewayController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &app::GatewayController::statsUpdated, this, &MainWindow::onStatsUpdated);
    connect(m_controller, &app::GatewayController::errorOccurred, this, &MainWindow::showError);

    onStateChanged(m_controller->state());
    onStatsUpdated(m_controller->lastSample());
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    central->setStyleSheet(QStringLiteral(
        "QFrame#tile { background: palette(base); border: 1px solid palette(midlight);"
        " border-radius: 6px; }"
        "QLabel#errorLabel { background: #fdecea; color: #8e1c1c; border: 1px solid #f3b8b4;"
        " border-radius: 4px; padding: 6px 8px; }"));
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);

    // Gateway state, buttons and addresses.
    auto* header = new QHBoxLayout;
    m_stateIndicator = new QLabel(QString(QChar(0x25CF)), central);
    m_stateIndicator->setObjectName(QStringLiteral("stateIndicator"));
    m_stateText = new QLabel(central);
    m_stateText->setObjectName(QStringLiteral("stateLabel"));
    QFont stateFont = m_stateText->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.35);
    stateFont.setBold(true);
    m_stateText->setFont(stateFont);
    m_startButton =
        new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), central);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_stopButton =
        new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), central);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    header->addWidget(m_stateIndicator);
    header->addWidget(m_stateText);
    header->addStretch(1);
    header->addWidget(m_startButton);
    header->addWidget(m_stopButton);
    layout->addLayout(header);

    auto* addresses = new QFormLayout;
    m_addressForm = addresses;
    addresses->setLabelAlignment(Qt::AlignLeft);
    addresses->setHorizontalSpacing(12);
    m_listenUrl = new QLabel(central);
    m_listenUrl->setObjectName(QStringLiteral("listenUrlLabel"));
    m_listenUrl->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_listenUrl->setCursor(Qt::IBeamCursor);
    addresses->addRow(tr("Listen address:"), m_listenUrl);
    m_demoOrigin = new QLabel(central);
    m_demoOrigin->setObjectName(QStringLiteral("demoOriginLabel"));
    m_demoOrigin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addresses->addRow(tr("Demo origin:"), m_demoOrigin);
    m_hint = new QLabel(central);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    addresses->addRow(tr("Try:"), m_hint);
    layout->addLayout(addresses);

    m_error = new QLabel(central);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    // Traffic totals and rates.
    auto* traffic = new QGroupBox(tr("Traffic"), central);
    auto* trafficGrid = new QGridLayout(traffic);
    trafficGrid->setSpacing(10);
    m_requests = addTile(trafficGrid, 0, 0, tr("Requests"), QStringLiteral("requestCountLabel"));
    m_requestRate =
        addTile(trafficGrid, 0, 1, tr("Requests per second"), QStringLiteral("requestRateLabel"));
    m_activeConnections = addTile(trafficGrid, 0, 2, tr("Active connections"),
                                  QStringLiteral("activeConnectionsLabel"));
    m_received = addTile(trafficGrid, 1, 0, tr("Received"), QStringLiteral("bytesInLabel"));
    m_sent = addTile(trafficGrid, 1, 1, tr("Sent"), QStringLiteral("bytesOutLabel"));
    m_upstreamErrors =
        addTile(trafficGrid, 1, 2, tr("Upstream errors"), QStringLiteral("upstreamErrorsLabel"));
    layout->addWidget(traffic);

    // Responses by status class.
    auto* statuses = new QGroupBox(tr("Responses by status class"), central);
    auto* statusGrid = new QGridLayout(statuses);
    statusGrid->setSpacing(10);
    const QString titles[6] = {QString(),
                               tr("1xx Informational"),
                               tr("2xx Success"),
                               tr("3xx Redirection"),
                               tr("4xx Client error"),
                               tr("5xx Server error")};
    for (int i = 1; i <= 5; ++i) {
        m_statusClasses[i] =
            addTile(statusGrid, 0, i - 1, titles[i], QStringLiteral("status%1xxLabel").arg(i));
    }
    layout->addWidget(statuses);
    layout->addStretch(1);
    setCentralWidget(central);

    m_statusBarState = new QLabel(this);
    m_statusBarState->setObjectName(QStringLiteral("statusBarStateLabel"));
    statusBar()->addPermanentWidget(m_statusBarState);

    connect(m_startButton, &QPushButton::clicked, this, [this] { m_controller->start(); });
    connect(m_stopButton, &QPushButton::clicked, m_controller, &app::GatewayController::stop);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_startAction =
        file->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start Gateway"));
    m_startAction->setObjectName(QStringLiteral("startAction"));
    connect(m_startAction, &QAction::triggered, this, [this] { m_controller->start(); });
    m_stopAction =
        file->addAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top Gateway"));
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    connect(m_stopAction, &QAction::triggered, m_controller, &app::GatewayController::stop);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // close() first, so geometry is saved and the window can veto.
    connect(quit, &QAction::triggered, this, [this] {
        if (close())
            QCoreApplication::quit();
    });
}

QLabel* MainWindow::addTile(QGridLayout* grid, int row, int column, const QString& title,
                            const QString& objectName)
{
    auto* tile = new QFrame(grid->parentWidget());
    tile->setObjectName(QStringLiteral("tile"));
    auto* box = new QVBoxLayout(tile);
    box->setContentsMargins(12, 8, 12, 10);
    box->setSpacing(2);
    auto* caption = new QLabel(title, tile);
    caption->setForegroundRole(QPalette::PlaceholderText);
    auto* value = new QLabel(tile);
    value->setObjectName(objectName);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setWeight(QFont::DemiBold);
    value->setFont(valueFont);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->addWidget(caption);
    box->addWidget(value);
    grid->addWidget(tile, row, column);
    grid->setColumnStretch(column, 1);
    return value;
}

void MainWindow::setDemoOriginUrl(const QUrl& url)
{
    m_demoOriginUrl = url;
    updateHint();
}

void MainWindow::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
    statusBar()->showMessage(message, statusBarMessageMs);
}

void MainWindow::clearError()
{
    m_error->clear();
    m_error->setVisible(false);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::onStateChanged(State state)
{
    QString text;
    switch (state) {
    case State::Stopped:
        text = tr("Stopped");
        break;
    case State::Starting:
        text = tr("Starting…");
        break;
    case State::Running:
        text = tr("Running");
        break;
    case State::Stopping:
        text = tr("Stopping (draining requests)…");
        break;
    }
    m_stateText->setText(text);
    m_stateIndicator->setStyleSheet(
        QStringLiteral("color: %1; font-size: 18pt;").arg(stateColor(state)));

    const bool stopped = state == State::Stopped;
    const bool running = state == State::Running;
    m_startButton->setEnabled(stopped);
    m_startAction->setEnabled(stopped);
    m_stopButton->setEnabled(running);
    m_stopAction->setEnabled(running);

    const QUrl url = m_controller->listenUrl();
    m_listenUrl->setText(url.isEmpty() ? tr("not listening") : url.toString());
    m_statusBarState->setText(running ? tr("Gateway running on %1").arg(url.toString())
                                      : tr("Gateway: %1").arg(text));

    if (running) {
        clearError();
        statusBar()->showMessage(tr("Gateway started."), statusBarMessageMs);
    } else if (stopped) {
        m_requestRate->setText(QLocale().toString(0.0, 'f', 1));
        if (m_controller->lastError().isEmpty())
            statusBar()->showMessage(tr("Gateway stopped."), statusBarMessageMs);
    }
    updateHint();
}

void MainWindow::onStatsUpdated(const app::GatewayStatsSample& sample)
{
    const QLocale locale;
    m_requests->setText(locale.toString(sample.requests));
    m_requestRate->setText(locale.toString(sample.requestsPerSecond, 'f', 1));
    m_activeConnections->setText(locale.toString(sample.activeConnections));
    m_received->setText(locale.formattedDataSize(static_cast<qint64>(sample.bytesIn)));
    m_received->setToolTip(
        tr("%1/s").arg(locale.formattedDataSize(static_cast<qint64>(sample.bytesInPerSecond))));
    m_sent->setText(locale.formattedDataSize(static_cast<qint64>(sample.bytesOut)));
    m_sent->setToolTip(
        tr("%1/s").arg(locale.formattedDataSize(static_cast<qint64>(sample.bytesOutPerSecond))));
    m_upstreamErrors->setText(locale.toString(sample.upstreamErrors));
    for (int i = 1; i <= 5; ++i) {
        const quint64 count = sample.statusClass(i);
        QLabel* label = m_statusClasses[i];
        label->setText(locale.toString(count));
        // Colour only counts that are there, and restyle only on a change.
        const bool colored = count > 0;
        if (label->property("colored").toBool() != colored) {
            label->setProperty("colored", colored);
            label->setStyleSheet(
                colored ? QStringLiteral("color: %1;").arg(QLatin1String(statusClassColors[i]))
                        : QString());
        }
    }
}

void MainWindow::updateHint()
{
    // Example requests for the demo routes, while they can be tried.
    const QUrl gateway = m_controller->listenUrl();
    const bool demo = !m_demoOriginUrl.isEmpty();
    m_demoOrigin->setText(m_demoOriginUrl.toString());
    m_addressForm->setRowVisible(m_demoOrigin, demo);
    const bool tryable = demo && !gateway.isEmpty();
    m_hint->setText(tryable
                        ? tr("%1/shop/1    %1/weather/london    %1/echo").arg(gateway.toString())
                        : QString());
    m_addressForm->setRowVisible(m_hint, tryable);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(settingsGeometry).toByteArray()))
        resize(860, 520);
    restoreState(settings.value(settingsState).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(settingsGeometry, saveGeometry());
    settings.setValue(settingsState, saveState());
}

} // namespace gatehouse::ui
