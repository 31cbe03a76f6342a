// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/gateway_page.h"

#include "app/config_value_parsers.h"
#include "app/gateway_try_links.h"
#include "ui/console_settings.h"
#include "ui/gateway/target_health_model.h"
#include "ui/gateway/url_link_label.h"
#include "ui/status_colors.h"
#include "ui/text_fit.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

using State = app::GatewayController::State;

QColor stateColor(State state)
{
    switch (state) {
    case State::Running:
        return StatusColors::good();
    case State::Starting:
    case State::Stopping:
        return StatusColors::warning();
    case State::Stopped:
        break;
    }
    return StatusColors::neutral();
}

QLabel* selectableLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

GatewayPage::GatewayPage(app::GatewayController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_healthModel(new TargetHealthModel(this))
{
    setObjectName(QStringLiteral("gatewayPage"));
    buildUi();
    const auto options = m_controller->options();
    setListenFields(QString::fromStdString(options.listen_address), options.port, options.threads);

    connect(m_controller, &app::GatewayController::stateChanged, this,
            &GatewayPage::onStateChanged);
    connect(m_controller, &app::GatewayController::statsUpdated, this,
            &GatewayPage::onStatsUpdated);
    // Follows the configuration's own value until one is set here.
    connect(m_controller, &app::GatewayController::configApplied, this, [this] {
        if (!m_dnsRefresh->hasFocus())
            showDnsRefresh(m_controller->dnsRefreshInterval());
        updateTryLinks(); // what is routed changed
    });
    onStateChanged(m_controller->state());
    onStatsUpdated(m_controller->lastSample());
    showDnsRefresh(m_controller->dnsRefreshInterval());
}

GatewayPage::~GatewayPage()
{
    // A field that loses the focus while the window goes away (QWidget's
    // destructor closes it) finishes its edit, and would call into a page
    // whose members are gone.
    disconnect(m_dnsRefresh, nullptr, this, nullptr);
}

void GatewayPage::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);

    auto* header = new QHBoxLayout;
    m_stateIndicator = new QLabel(QString(QChar(0x25CF)), this);
    m_stateIndicator->setObjectName(QStringLiteral("stateIndicator"));
    m_stateText = new QLabel(this);
    m_stateText->setObjectName(QStringLiteral("stateLabel"));
    QFont stateFont = m_stateText->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.35);
    stateFont.setBold(true);
    m_stateText->setFont(stateFont);
    m_stateIndicator->setFont(stateFont);
    m_startButton =
        new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_stopButton = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_restartButton =
        new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Restart"), this);
    m_restartButton->setObjectName(QStringLiteral("restartButton"));
    header->addWidget(m_stateIndicator);
    header->addWidget(m_stateText);
    header->addStretch(1);
    header->addWidget(m_startButton);
    header->addWidget(m_stopButton);
    header->addWidget(m_restartButton);
    layout->addLayout(header);

    auto* columns = new QHBoxLayout;
    auto* listener = new QGroupBox(tr("Listener"), this);
    m_form = new QFormLayout(listener);
    m_address = new QLineEdit(listener);
    m_address->setObjectName(QStringLiteral("listenAddressEdit"));
    m_address->setPlaceholderText(tr("e.g. 127.0.0.1 or 0.0.0.0"));
    m_port = new QSpinBox(listener);
    m_port->setObjectName(QStringLiteral("portSpinBox"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_threads = new QSpinBox(listener);
    m_threads->setObjectName(QStringLiteral("threadsSpinBox"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(
        tr("One per core (%1)").arg(qMax(1, QThread::idealThreadCount())));
    m_listenUrl = selectableLabel(QStringLiteral("listenUrlLabel"), listener);
    m_demoOrigin = selectableLabel(QStringLiteral("demoOriginLabel"), listener);
    // One link per line: a URL never breaks, and a narrow window elides it.
    // Filled by updateTryLinks() from what the gateway routes.
    m_tryLinks = new QWidget(listener);
    m_tryLinks->setObjectName(QStringLiteral("tryLinks"));
    auto* tryLayout = new QGridLayout(m_tryLinks);
    tryLayout->setContentsMargins(0, 0, 0, 0);
    tryLayout->setVerticalSpacing(2);
    tryLayout->setColumnStretch(0, 1);
    // A link as the others are, beside the first line: no height of its own.
    m_moreTryLinks = new QLabel(m_tryLinks);
    m_moreTryLinks->setObjectName(QStringLiteral("moreTryLinksLabel"));
    m_moreTryLinks->setTextFormat(Qt::RichText);
    m_moreTryLinks->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_moreTryLinks->setToolTip(tr("The other routed APIs: open one in the browser, or try one "
                                  "that needs an API key in the catalog"));
    m_moreTryLinks->hide();
    m_moreTryMenu = new QMenu(m_moreTryLinks);
    m_moreTryMenu->setObjectName(QStringLiteral("moreTryLinksMenu"));
    m_moreTryMenu->setToolTipsVisible(true);
    connect(m_moreTryLinks, &QLabel::linkActivated, this, [this] {
        m_moreTryMenu->popup(m_moreTryLinks->mapToGlobal(QPoint(0, m_moreTryLinks->height())));
    });
    m_form->addRow(tr("&Listen address:"), m_address);
    m_form->addRow(tr("&Port:"), m_port);
    m_form->addRow(tr("&Worker threads:"), m_threads);
    auto* dnsRow = new QWidget(listener);
    auto* dnsLayout = new QHBoxLayout(dnsRow);
    dnsLayout->setContentsMargins(0, 0, 0, 0);
    m_dnsRefresh = new QLineEdit(dnsRow);
    m_dnsRefresh->setObjectName(QStringLiteral("dnsRefreshEdit"));
    m_dnsRefresh->setPlaceholderText(tr("e.g. 30s, 5m, 0 = off"));
    m_dnsRefresh->setToolTip(tr("At most this long between lookups of an upstream host name, "
                                "sooner when its DNS TTL runs out (1s at the least). 0 (off) or "
                                "from 1s to 24h. Applies to the running gateway at once."));
    m_dnsRefresh->setMaximumWidth(120);
    fitPlaceholder(m_dnsRefresh);
    m_dnsRefreshNote = new QLabel(dnsRow);
    m_dnsRefreshNote->setObjectName(QStringLiteral("dnsRefreshNote"));
    m_dnsRefreshNote->setWordWrap(true);
    dnsLayout->addWidget(m_dnsRefresh);
    dnsLayout->addWidget(m_dnsRefreshNote, 1);
    m_form->addRow(tr("&DNS refresh:"), dnsRow);
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(dnsRow)))
        label->setBuddy(m_dnsRefresh);
    connect(m_dnsRefresh, &QLineEdit::editingFinished, this, &GatewayPage::applyDnsRefresh);
    m_form->addRow(tr("Listening on:"), m_listenUrl);
    m_form->addRow(tr("Demo origin:"), m_demoOrigin);
    m_form->addRow(tr("Try:"), m_tryLinks);
    auto* adminRow = new QWidget(listener);
    auto* adminLayout = new QHBoxLayout(adminRow);
    adminLayout->setContentsMargins(0, 0, 0, 0);
    m_adminUrl = selectableLabel(QStringLiteral("adminUrlLabel"), adminRow);
    m_adminUrl->setText(tr("Off"));
    m_copyToken = new QPushButton(tr("Copy To&ken"), adminRow);
    m_copyToken->setObjectName(QStringLiteral("copyAdminTokenButton"));
    m_copyToken->setToolTip(tr("Copy the admin API's bearer token to the clipboard"));
    m_copyToken->setEnabled(false);
    adminLayout->addWidget(m_adminUrl, 1);
    adminLayout->addWidget(m_copyToken);
    m_form->addRow(tr("Admin API:"), adminRow);
    connect(m_copyToken, &QPushButton::clicked, this, &GatewayPage::copyAdminToken);
    columns->addWidget(listener, 3);

    auto* totals = new QGroupBox(tr("Since start"), this);
    auto* totalsForm = new QFormLayout(totals);
    m_requests = selectableLabel(QStringLiteral("requestCountLabel"), totals);
    m_received = selectableLabel(QStringLiteral("bytesInLabel"), totals);
    m_sent = selectableLabel(QStringLiteral("bytesOutLabel"), totals);
    m_upstreamErrors = selectableLabel(QStringLiteral("upstreamErrorsLabel"), totals);
    m_refusedConnections = selectableLabel(QStringLiteral("refusedConnectionsLabel"), totals);
    totalsForm->addRow(tr("Requests:"), m_requests);
    totalsForm->addRow(tr("Received:"), m_received);
    totalsForm->addRow(tr("Sent:"), m_sent);
    totalsForm->addRow(tr("Upstream errors:"), m_upstreamErrors);
    totalsForm->addRow(tr("Refused connections:"), m_refusedConnections);
    columns->addWidget(totals, 2);
    layout->addLayout(columns);

    auto* health = new QGroupBox(tr("Upstream health"), this);
    auto* healthLayout = new QVBoxLayout(health);
    m_targetsSummary = new QLabel(health);
    m_targetsSummary->setObjectName(QStringLiteral("targetsSummaryLabel"));
    m_healthTable = new QTableView(health);
    m_healthTable->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_healthTable->setObjectName(QStringLiteral("targetHealthTable"));
    m_healthTable->setModel(m_healthModel);
    m_healthTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_healthTable->setAlternatingRowColors(true);
    m_healthTable->verticalHeader()->hide();
    m_healthTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_healthTable->horizontalHeader()->setStretchLastSection(true);
    healthLayout->addWidget(m_targetsSummary);
    healthLayout->addWidget(m_healthTable);
    layout->addWidget(health, 1);

    connect(m_startButton, &QPushButton::clicked, this, &GatewayPage::start);
    connect(m_stopButton, &QPushButton::clicked, this, &GatewayPage::stop);
    connect(m_restartButton, &QPushButton::clicked, this, &GatewayPage::restart);
}

void GatewayPage::setDemoOriginUrl(const QUrl& url)
{
    m_demoOriginUrl = url;
    updateHint();
}

void GatewayPage::setAdminApi(const QUrl& url, const QString& tokenFile)
{
    m_adminTokenFile = url.isEmpty() ? QString() : tokenFile;
    m_adminUrl->setText(url.isEmpty() ? tr("Off") : url.toString());
    m_copyToken->setEnabled(!m_adminTokenFile.isEmpty());
}

bool GatewayPage::copyAdminToken()
{
    QFile file(m_adminTokenFile);
    if (m_adminTokenFile.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        emit errorShown(tr("The admin API token could not be read from %1.")
                            .arg(QDir::toNativeSeparators(m_adminTokenFile)));
        return false;
    }
    const QString token = QString::fromUtf8(file.readAll()).trimmed();
    if (token.isEmpty()) {
        emit errorShown(tr("The admin API token file %1 is empty.")
                            .arg(QDir::toNativeSeparators(m_adminTokenFile)));
        return false;
    }
    QGuiApplication::clipboard()->setText(token);
    m_copyToken->setText(tr("Copied"));
    QTimer::singleShot(2000, m_copyToken,
                       [button = m_copyToken] { button->setText(tr("Copy To&ken")); });
    return true;
}

void GatewayPage::setListenFields(const QString& address, quint16 port, unsigned threads)
{
    m_address->setText(address);
    m_port->setValue(port);
    m_threads->setValue(static_cast<int>(threads));
}

void GatewayPage::showDnsRefresh(std::chrono::milliseconds interval)
{
    m_dnsRefresh->setText(interval.count() == 0 ? QStringLiteral("0")
                                                : app::config::formatDuration(interval));
    m_dnsRefreshNote->setForegroundRole(QPalette::PlaceholderText);
    m_dnsRefreshNote->setText(interval.count() == 0
                                  ? tr("Off: host names are looked up when a configuration "
                                       "is applied.")
                                  : tr("Looked up again when the DNS TTL ends, at least "
                                       "every %1.")
                                        .arg(app::config::formatDuration(interval)));
}

void GatewayPage::applyDnsRefresh()
{
    // Leaving the field (editingFinished) without typing sets nothing: the
    // configuration's own value stays in force.
    if (!m_dnsRefresh->isModified())
        return;
    const QString text = m_dnsRefresh->text().trimmed();
    std::chrono::milliseconds interval{0};
    QString ignored;
    QString problem;
    if (!app::config::parseDuration(text, &interval, &ignored))
        problem = tr("Not a duration: enter e.g. 30s, 5m or 1h, or 0 to turn it off.");
    else if (!app::GatewayController::isValidDnsRefreshInterval(interval))
        problem = tr("Must be 0 (off) or from 1s to 24h.");
    if (!problem.isEmpty()) {
        // Next to the field, and nothing changes until it is fixed.
        m_dnsRefreshNote->setForegroundRole(QPalette::WindowText);
        QPalette pal = m_dnsRefreshNote->palette();
        pal.setColor(QPalette::WindowText, StatusColors::bad());
        m_dnsRefreshNote->setPalette(pal);
        m_dnsRefreshNote->setText(problem);
        return;
    }
    if (!m_controller->setDnsRefreshInterval(interval))
        return; // the controller's error reaches the window's banner
    ConsoleSettings::setDnsRefreshInterval(interval);
    showDnsRefresh(interval);
}

void GatewayPage::start()
{
    if (m_controller->state() != State::Stopped)
        return;
    const QString address = m_address->text().trimmed();
    if (address.isEmpty()) {
        emit errorShown(tr("Enter a listen address, for example 127.0.0.1."));
        return;
    }
    auto options = m_controller->options();
    options.listen_address = address.toStdString();
    options.port = static_cast<std::uint16_t>(m_port->value());
    options.threads = static_cast<unsigned>(m_threads->value());
    m_controller->start(options); // failures arrive through errorOccurred
}

void GatewayPage::stop()
{
    m_restartPending = false;
    m_controller->stop();
}

void GatewayPage::restart()
{
    if (m_controller->state() == State::Stopped) {
        start();
        return;
    }
    m_restartPending = true;
    m_controller->stop(); // start() follows once the drain has finished
}

void GatewayPage::onStateChanged(State state)
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
    QPalette pal = m_stateIndicator->palette();
    pal.setColor(QPalette::WindowText, stateColor(state));
    m_stateIndicator->setPalette(pal);

    if (state == State::Running) {
        // Show what actually runs (start-up options, command line, config file).
        const auto options = m_controller->options();
        setListenFields(QString::fromStdString(options.listen_address), options.port,
                        options.threads);
    }
    const bool stopped = state == State::Stopped;
    m_startButton->setEnabled(stopped);
    m_stopButton->setEnabled(state == State::Running);
    m_restartButton->setEnabled(state == State::Running || stopped);
    for (QWidget* field : {static_cast<QWidget*>(m_address), static_cast<QWidget*>(m_port),
                           static_cast<QWidget*>(m_threads)})
        field->setEnabled(stopped);

    const QUrl url = m_controller->listenUrl();
    m_listenUrl->setText(url.isEmpty() ? tr("Not listening") : url.toString());
    if (stopped && m_restartPending) {
        m_restartPending = false;
        start();
    }
    onStatsUpdated(m_controller->lastSample());
    updateHint();
}

void GatewayPage::onStatsUpdated(const app::GatewayStatsSample& sample)
{
    const QLocale locale;
    m_requests->setText(locale.toString(sample.requests));
    m_received->setText(locale.formattedDataSize(static_cast<qint64>(sample.bytesIn)));
    m_sent->setText(locale.formattedDataSize(static_cast<qint64>(sample.bytesOut)));
    m_upstreamErrors->setText(locale.toString(sample.upstreamErrors));
    // Closed unanswered before HTTP: invisible in the call log, so counted
    // here, where a listener misconfigured for its clients shows.
    m_refusedConnections->setText(
        locale.toString(sample.failedTlsHandshakes + sample.refusedProxyHeaders));
    m_refusedConnections->setToolTip(
        tr("Connections closed before a request, unanswered: %1 failed or missing TLS "
           "handshakes, %2 without a valid PROXY protocol header")
            .arg(locale.toString(sample.failedTlsHandshakes),
                 locale.toString(sample.refusedProxyHeaders)));
    // A stopped gateway checks nothing; its last health report would mislead.
    if (m_controller->state() == State::Stopped) {
        m_healthModel->setTargets({});
        m_targetsSummary->setText(tr("Upstream health is checked while the gateway runs."));
        return;
    }
    m_healthModel->setTargets(sample.targets);
    m_targetsSummary->setText(sample.totalTargets == 0
                                  ? tr("No upstream targets reported yet.")
                                  : tr("%1 of %2 targets healthy")
                                        .arg(locale.toString(sample.healthyTargets),
                                             locale.toString(sample.totalTargets)));
}

void GatewayPage::updateHint()
{
    const bool demo = !m_demoOriginUrl.isEmpty();
    m_demoOrigin->setText(m_demoOriginUrl.toString());
    m_form->setRowVisible(m_demoOrigin, demo);
    updateTryLinks();
}

void GatewayPage::updateTryLinks()
{
    const QUrl gateway = m_controller->listenUrl();
    const auto& config = m_controller->appliedConfig();
    const QList<app::TryLink> links =
        gateway.isEmpty() || !config ? QList<app::TryLink>() : app::tryLinks(*config);
    QList<app::TryLink> open;
    QList<app::TryLink> keyed;
    QList<app::TryLink> more; // open ones first, as shown
    QList<app::TryLink> moreKeyed;
    for (const app::TryLink& link : links) {
        if (!link.needsKey)
            (open.size() < shownOpenTryLinks ? open : more).append(link);
        else
            (keyed.size() < shownKeyedTryLinks ? keyed : moreKeyed).append(link);
    }
    more += moreKeyed;
    // Reuses the labels there are, so a recompile does not flicker them.
    while (m_tryLinkLabels.size() > open.size())
        delete m_tryLinkLabels.takeLast();
    while (m_keyedTryLabels.size() > keyed.size())
        delete m_keyedTryLabels.takeLast();
    while (m_tryLinkLabels.size() < open.size()) {
        auto* label = new UrlLinkLabel(m_tryLinks);
        label->setObjectName(QStringLiteral("tryLink%1").arg(m_tryLinkLabels.size()));
        m_tryLinkLabels.append(label);
    }
    while (m_keyedTryLabels.size() < keyed.size()) {
        auto* label = new QLabel(m_tryLinks);
        label->setObjectName(QStringLiteral("tryKeyed%1").arg(m_keyedTryLabels.size()));
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        label->setWordWrap(true);
        connect(label, &QLabel::linkActivated, this, [this](const QString& href) {
            bool ok = false;
            const qint64 id = href.section(QLatin1Char(':'), 1).toLongLong(&ok);
            if (ok)
                emit tryItRequested(id);
        });
        m_keyedTryLabels.append(label);
    }
    for (qsizetype i = 0; i < open.size(); ++i)
        m_tryLinkLabels.at(i)->setUrl(QUrl(gateway.toString() + open.at(i).path));
    const auto apiName = [this](const app::TryLink& link) {
        return m_apiNames.value(link.apiId, tr("API %1").arg(link.apiId));
    };
    for (qsizetype i = 0; i < keyed.size(); ++i) {
        const app::TryLink& link = keyed.at(i);
        const QString name = apiName(link);
        QLabel* label = m_keyedTryLabels.at(i);
        label->setToolTip(gateway.toString() + link.path);
        label->setText(m_tryItAvailable
                           ? tr("%1 (%2) needs an API key: <a href=\"%3\">try it in the "
                                "catalog</a>")
                                 .arg(name.toHtmlEscaped(), link.path.toHtmlEscaped(),
                                      QStringLiteral("tryit:%1").arg(link.apiId))
                           : tr("%1 (%2) needs an API key.")
                                 .arg(name.toHtmlEscaped(), link.path.toHtmlEscaped()));
    }

    // The rest in a menu, one entry each, never wrapped: the page does not
    // grow with them. An '&' in an entry is text, not a mnemonic.
    const auto entry = [](QString text) {
        return text.replace(QStringLiteral("&"), QStringLiteral("&&"));
    };
    QMenu* menu = m_moreTryMenu;
    menu->clear();
    for (const app::TryLink& link : std::as_const(more)) {
        const QUrl url(gateway.toString() + link.path);
        if (!link.needsKey) {
            QAction* action = menu->addAction(entry(url.toString()));
            action->setData(url);
            connect(action, &QAction::triggered, this, [url] { QDesktopServices::openUrl(url); });
            continue;
        }
        const QString name = apiName(link);
        QAction* action = menu->addAction(
            entry(m_tryItAvailable
                      ? tr("%1 (%2) needs an API key: try it in the catalog").arg(name, link.path)
                      : tr("%1 (%2) needs an API key.").arg(name, link.path)));
        action->setData(url);
        action->setToolTip(url.toString());
        action->setEnabled(m_tryItAvailable);
        connect(action, &QAction::triggered, this,
                [this, id = qint64(link.apiId)] { emit tryItRequested(id); });
    }
    m_moreTryLinks->setText(QStringLiteral("<a href=\"more\">%1</a>")
                                .arg(tr("%n more…", nullptr, int(more.size())).toHtmlEscaped()));
    m_moreTryLinks->setVisible(!more.isEmpty());
    layOutTryLinks();
    m_form->setRowVisible(m_tryLinks, !links.isEmpty());
}

QList<UrlLinkLabel*> GatewayPage::tryLinks() const
{
    return m_tryLinks->isVisibleTo(this) ? m_tryLinkLabels : QList<UrlLinkLabel*>();
}

QList<QLabel*> GatewayPage::keyedTryLabels() const
{
    return m_tryLinks->isVisibleTo(this) ? m_keyedTryLabels : QList<QLabel*>();
}

void GatewayPage::layOutTryLinks()
{
    // One line each, top to bottom; the first shares its row with "more".
    auto* grid = static_cast<QGridLayout*>(m_tryLinks->layout());
    while (QLayoutItem* item = grid->takeAt(0))
        delete item; // the widgets stay
    QList<QWidget*> lines;
    for (UrlLinkLabel* label : std::as_const(m_tryLinkLabels))
        lines << label;
    for (QLabel* label : std::as_const(m_keyedTryLabels))
        lines << label;
    for (qsizetype i = 0; i < lines.size(); ++i)
        grid->addWidget(lines.at(i), int(i), 0, 1, i == 0 ? 1 : 2);
    grid->addWidget(m_moreTryLinks, 0, 1, Qt::AlignRight | Qt::AlignTop);
    // Tab follows the lines, then "more".
    for (qsizetype i = 1; i < lines.size(); ++i)
        setTabOrder(lines.at(i - 1), lines.at(i));
    if (!lines.isEmpty())
        setTabOrder(lines.last(), m_moreTryLinks);
}

QLabel* GatewayPage::moreTryLinksLabel() const
{
    return m_tryLinks->isVisibleTo(this) && m_moreTryLinks->isVisibleTo(this) ? m_moreTryLinks
                                                                              : nullptr;
}

void GatewayPage::setTryItAvailable(bool available)
{
    m_tryItAvailable = available;
    updateTryLinks();
}

void GatewayPage::setApiNames(const QHash<quint64, QString>& names)
{
    m_healthModel->setApiNames(names);
    m_apiNames = names;
    updateTryLinks();
}

} // namespace gatehouse::ui
