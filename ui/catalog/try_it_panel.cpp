// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/try_it_panel.h"

#include "app/gateway_controller.h"
#include "ui/catalog/try_it_key_chooser.h"
#include "ui/status_colors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::ui {

namespace {
constexpr int RequestTimeoutMs = 15000;
constexpr qsizetype MaxBodyShown = 256 * 1024;

bool highlighted(const QString& header)
{
    return header.compare(QLatin1String("Cache-Status"), Qt::CaseInsensitive) == 0 ||
           header.compare(QLatin1String("Age"), Qt::CaseInsensitive) == 0;
}
} // namespace

TryItPanel::TryItPanel(app::GatewayController* gateway, QWidget* parent)
    : QWidget(parent)
    , m_gateway(gateway)
{
    setObjectName(QStringLiteral("tryItPanel"));
    m_network = new QNetworkAccessManager(this);
    // The gateway runs in this process: never through a proxy from the
    // environment.
    m_network->setProxy(QNetworkProxy::NoProxy);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);

    auto* requestRow = new QHBoxLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("tryItMethod"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
                        QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                        QStringLiteral("OPTIONS")});
    m_method->setEditable(true);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("tryItPath"));
    m_path->setPlaceholderText(tr("/path?query"));
    requestRow->addWidget(m_method);
    requestRow->addWidget(m_path, 1);
    auto* requestLabel = new QLabel(tr("&Request:"), this);
    requestLabel->setBuddy(m_path);
    form->addRow(requestLabel, requestRow);
    layout->addLayout(form);
    m_form = form;
    m_chooser = new TryItKeyChooser(form, this);
    layout->addWidget(m_chooser);
    m_keyPlacement = new QComboBox(this);
    m_keyPlacement->setObjectName(QStringLiteral("tryItKeyPlacement"));
    m_keyPlacement->setToolTip(tr("Where the request carries the API key. This API also takes "
                                  "it in a query parameter, for clients that cannot set "
                                  "headers."));
    auto* placementLabel = new QLabel(tr("Send &key:"), this);
    placementLabel->setBuddy(m_keyPlacement);
    form->addRow(placementLabel, m_keyPlacement);
    form->setRowVisible(m_keyPlacement, false);
    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("tryItUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setTextFormat(Qt::PlainText);
    m_url->setWordWrap(true);
    layout->addWidget(m_url);

    auto* buttons = new QHBoxLayout;
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("tryItSend"));
    m_sendAgain = new QPushButton(tr("Send &Again"), this);
    m_sendAgain->setObjectName(QStringLiteral("tryItSendAgain"));
    m_sendAgain->setToolTip(tr("Repeat the request: a cacheable answer now comes from the "
                               "gateway's cache"));
    buttons->addWidget(m_send);
    buttons->addWidget(m_sendAgain);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_send, &QPushButton::clicked, this, &TryItPanel::send);
    connect(m_sendAgain, &QPushButton::clicked, this, &TryItPanel::send);
    connect(m_path, &QLineEdit::returnPressed, this, &TryItPanel::send);
    connect(m_path, &QLineEdit::textChanged, this, &TryItPanel::updateUrl);
    connect(m_keyPlacement, &QComboBox::currentIndexChanged, this, &TryItPanel::updateUrl);
    connect(m_chooser, &TryItKeyChooser::keyChanged, this, &TryItPanel::updateUrl);
    if (m_chooser->keyEdit())
        connect(m_chooser->keyEdit(), &QLineEdit::textChanged, this, &TryItPanel::updateUrl);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("tryItError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: palette(bright-text);"
                                          " background: #b3261e; padding: 6px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* summary = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("tryItStatus"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("tryItTime"));
    m_cache = new QLabel(this);
    m_cache->setObjectName(QStringLiteral("tryItCache"));
    m_cache->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary->addWidget(m_status);
    summary->addSpacing(12);
    summary->addWidget(m_time);
    summary->addSpacing(12);
    summary->addWidget(m_cache, 1);
    layout->addLayout(summary);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_headers = new QTableWidget(0, 2, splitter);
    m_headers->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_headers->setObjectName(QStringLiteral("tryItHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->setWordWrap(false);
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() + 6);
    m_body = new QPlainTextEdit(splitter);
    m_body->setObjectName(QStringLiteral("tryItBody"));
    m_body->setReadOnly(true);
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_body->setFont(mono);
    m_body->setPlaceholderText(tr("The response body appears here."));
    splitter->addWidget(m_headers);
    splitter->addWidget(m_body);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    if (m_gateway) {
        connect(m_gateway, &app::GatewayController::stateChanged, this, &TryItPanel::updateButtons);
        connect(m_gateway, &app::GatewayController::stateChanged, this, &TryItPanel::updateUrl);
    }
    clearResult();
    updateButtons();
    updateUrl();
}

QString TryItPanel::examplePath(const app::ApiDefinition& api)
{
    static const QRegularExpression parameter(QStringLiteral("\\{([^}/]*)\\}"));
    QString base = api.basePath;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString route = api.routes.isEmpty() ? QStringLiteral("/") : api.routes.first().path;
    route.replace(parameter, QStringLiteral("\\1"));
    return base + route;
}

void TryItPanel::setApi(const app::ApiDefinition& api)
{
    const QString method = api.routes.isEmpty() || api.routes.first().method == QLatin1String("*")
                               ? QStringLiteral("GET")
                               : api.routes.first().method;
    m_method->setCurrentText(method);
    m_path->setText(examplePath(api));
    m_chooser->setApi(api.id, api.authMode == app::AuthMode::Open);
    // Header by default; the query parameter only where the API takes one.
    m_keyQueryParameter = api.authMode == app::AuthMode::Open ? QString() : api.keyQueryParameter;
    {
        const QSignalBlocker quiet(m_keyPlacement);
        m_keyPlacement->clear();
        m_keyPlacement->addItem(tr("In the X-API-Key header"),
                                static_cast<int>(app::TryItKeyPlacement::Header));
        if (!m_keyQueryParameter.isEmpty())
            m_keyPlacement->addItem(tr("In the query parameter \"%1\"").arg(m_keyQueryParameter),
                                    static_cast<int>(app::TryItKeyPlacement::QueryParameter));
        m_keyPlacement->setCurrentIndex(0);
    }
    m_form->setRowVisible(m_keyPlacement, !m_keyQueryParameter.isEmpty());
    m_lastHeaders.clear();
    m_lastStatus = 0;
    clearResult();
    updateButtons();
    updateUrl();
}

app::TryItKeyPlacement TryItPanel::keyPlacement() const
{
    return m_keyPlacement->currentData().toInt() ==
                   static_cast<int>(app::TryItKeyPlacement::QueryParameter)
               ? app::TryItKeyPlacement::QueryParameter
               : app::TryItKeyPlacement::Header;
}

// The URL the next request goes to, with the key that would be sent masked;
// nothing while the gateway does not run or no key can be sent yet.
void TryItPanel::updateUrl()
{
    m_chooser->setKeyParameter(
        keyPlacement() == app::TryItKeyPlacement::QueryParameter ? m_keyQueryParameter : QString());
    if (isBusy())
        return; // the request under way keeps showing its URL
    if (!m_gateway || m_gateway->listenUrl().isEmpty()) {
        m_url->hide();
        return;
    }
    QString why;
    const std::optional<QString> key = m_chooser->key(&why);
    const app::TryItRequest request =
        app::buildTryItRequest(m_gateway->listenUrl(), m_path->text(), key.value_or(QString()),
                               keyPlacement(), m_keyQueryParameter);
    m_url->setVisible(request.valid);
    m_url->setText(tr("URL: %1").arg(request.shownUrl));
}

QString TryItPanel::urlText() const
{
    return m_url->isHidden() ? QString() : m_url->text();
}

void TryItPanel::clearResult()
{
    m_error->hide();
    m_status->clear();
    m_time->clear();
    m_cache->clear();
    m_headers->setRowCount(0);
    m_body->clear();
}

void TryItPanel::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
}

void TryItPanel::updateButtons()
{
    const bool running = m_gateway && m_gateway->state() == app::GatewayController::State::Running;
    m_send->setEnabled(!isBusy());
    m_sendAgain->setEnabled(!isBusy() && running && m_lastStatus > 0);
    m_send->setToolTip(running ? tr("Send the request through the gateway at %1")
                                     .arg(m_gateway->listenUrl().toString())
                               : tr("The gateway is not running"));
}

void TryItPanel::send()
{
    if (isBusy())
        return;
    clearResult();
    m_lastStatus = 0;
    m_lastHeaders.clear();
    if (!m_gateway || m_gateway->state() != app::GatewayController::State::Running) {
        showError(tr("The gateway is not running: start it (Gateway > Start) and send again."));
        updateButtons();
        emit finished(0);
        return;
    }
    QString why;
    const std::optional<QString> key = m_chooser->key(&why);
    if (!key) {
        showError(why);
        updateButtons();
        emit finished(0);
        return;
    }
    // The URL and where the key goes are app/'s rule (try_it_access).
    const app::TryItRequest built = app::buildTryItRequest(
        m_gateway->listenUrl(), m_path->text(), *key, keyPlacement(), m_keyQueryParameter);
    if (!built.valid) {
        showError(tr("%1 is not a valid path.").arg(m_path->text().trimmed()));
        emit finished(0);
        return;
    }
    m_url->setText(tr("URL: %1").arg(built.shownUrl));
    m_url->setVisible(true);
    QNetworkRequest request(built.url);
    request.setTransferTimeout(RequestTimeoutMs);
    // The raw answer, as a client sees it: no redirects followed, no cookies.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept", "application/json, */*;q=0.5");
    if (!built.keyHeader.isEmpty())
        request.setRawHeader(built.keyHeader, built.keyHeaderValue);
    const QByteArray method = m_method->currentText().trimmed().toUpper().toLatin1();
    m_elapsed.start();
    m_reply = m_network->sendCustomRequest(request, method.isEmpty() ? "GET" : method);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    m_status->setText(tr("Sending…"));
    updateButtons();
}

void TryItPanel::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_reply.clear();
    const qint64 ms = m_elapsed.elapsed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        m_status->clear();
        QString why = reply->errorString();
        if (reply->error() == QNetworkReply::ConnectionRefusedError)
            why = tr("connection refused (is the gateway still running?)");
        else if (reply->error() == QNetworkReply::OperationCanceledError ||
                 reply->error() == QNetworkReply::TimeoutError)
            why = tr("no answer within %1 s").arg(RequestTimeoutMs / 1000);
        showError(tr("No answer from the gateway at %1: %2")
                      .arg(reply->url().toString(QUrl::RemovePath | QUrl::RemoveQuery), why));
        updateButtons();
        emit finished(0);
        return;
    }
    m_lastStatus = status.toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    m_status->setText(QStringLiteral("%1 %2").arg(m_lastStatus).arg(reason));
    m_status->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                .arg(StatusColors::statusClass(m_lastStatus / 100).name()));
    m_time->setText(tr("%1 ms").arg(QLocale().toString(ms)));

    for (const auto& [name, value] : reply->rawHeaderPairs())
        m_lastHeaders.append({QString::fromLatin1(name), QString::fromLatin1(value)});
    // What the cache did comes first, where it is seen without scrolling.
    std::stable_partition(m_lastHeaders.begin(), m_lastHeaders.end(),
                          [](const auto& header) { return highlighted(header.first); });
    m_headers->setRowCount(int(m_lastHeaders.size()));
    QFont bold = m_headers->font();
    bold.setBold(true);
    QColor accent = StatusColors::info();
    accent.setAlpha(60);
    for (int row = 0; row < m_lastHeaders.size(); ++row) {
        auto* name = new QTableWidgetItem(m_lastHeaders[row].first);
        auto* value = new QTableWidgetItem(m_lastHeaders[row].second);
        value->setToolTip(m_lastHeaders[row].second);
        if (highlighted(m_lastHeaders[row].first)) {
            for (auto* item : {name, value}) {
                item->setFont(bold);
                item->setBackground(accent);
            }
        }
        m_headers->setItem(row, 0, name);
        m_headers->setItem(row, 1, value);
    }
    const QString cacheStatus = lastHeader(QStringLiteral("Cache-Status"));
    const QString age = lastHeader(QStringLiteral("Age"));
    QString cache;
    if (cacheStatus.contains(QLatin1String("; hit")))
        cache = tr("Cache: hit");
    else if (cacheStatus.contains(QLatin1String("fwd=stale")))
        cache = tr("Cache: stale, revalidated");
    else if (cacheStatus.contains(QLatin1String("fwd=bypass")) ||
             cacheStatus.contains(QLatin1String("fwd=method")))
        cache = tr("Cache: bypassed");
    else if (!cacheStatus.isEmpty())
        cache = tr("Cache: miss");
    else
        cache = tr("Cache: not cached");
    if (!age.isEmpty())
        cache += tr(", age %1 s").arg(age);
    m_cache->setText(cache);
    m_cache->setToolTip(cacheStatus);
    if (cacheStatus.contains(QLatin1String("; hit")))
        m_cache->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                   .arg(StatusColors::good().name()));
    else
        m_cache->setStyleSheet({});

    QByteArray body = reply->readAll();
    QString shown;
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && !json.isNull())
        shown = QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    else
        shown = QString::fromUtf8(body.left(MaxBodyShown));
    if (body.size() > MaxBodyShown && json.isNull())
        shown += QLatin1Char('\n') + tr("… (%1 bytes in all)").arg(QLocale().toString(body.size()));
    m_body->setPlainText(shown);
    updateButtons();
    emit finished(m_lastStatus);
}

QString TryItPanel::lastHeader(const QString& name) const
{
    for (const auto& [n, v] : m_lastHeaders) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QLineEdit* TryItPanel::keyEdit() const
{
    return m_chooser->keyEdit();
}

QString TryItPanel::bodyText() const
{
    return m_body->toPlainText();
}

QString TryItPanel::statusText() const
{
    return m_status->text();
}

QString TryItPanel::cacheText() const
{
    return m_cache->text();
}

QString TryItPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace gatehouse::ui
