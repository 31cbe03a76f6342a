// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/traffic/traffic_panel.h"

#include "ui/editable_clear_button.h"
#include "ui/status_colors.h"

#include <QCheckBox>
#include <QEvent>
#include <QFont>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <cmath>

namespace gatehouse::ui {

namespace {

// The titles name the mix's rows and carry their Alt+letters.
QString urlSetTitle(const QString& name)
{
    if (name == QLatin1String("products"))
        return TrafficPanel::tr("&Products");
    if (name == QLatin1String("weather"))
        return TrafficPanel::tr("&Weather");
    if (name == QLatin1String("echo"))
        return TrafficPanel::tr("E&cho");
    if (name == QLatin1String("products-v2"))
        return TrafficPanel::tr("Prod&ucts v2");
    if (name == QLatin1String("products-v1"))
        return TrafficPanel::tr("Products v1 (&deprecated)");
    if (name == QLatin1String("weather-v1"))
        return TrafficPanel::tr("W&eather v1");
    if (name == QLatin1String("echo-v1"))
        return TrafficPanel::tr("Ech&o v1");
    if (name == QLatin1String("inventory"))
        return TrafficPanel::tr("&Inventory (draft)");
    return name;
}

QString urlSetHint(const QString& name)
{
    if (name == QLatin1String("products"))
        return TrafficPanel::tr("/shop/1 ... /shop/200: cacheable product pages");
    if (name == QLatin1String("weather"))
        return TrafficPanel::tr("/weather/{city}: short-lived forecasts");
    if (name == QLatin1String("echo"))
        return TrafficPanel::tr("/echo: never cached");
    if (name == QLatin1String("products-v2"))
        return TrafficPanel::tr("/v2/products/{id} and search: cached; needs the API key");
    if (name == QLatin1String("products-v1"))
        return TrafficPanel::tr(
            "/v1/products/{id}: answers with Deprecation and Sunset headers; needs the API key");
    if (name == QLatin1String("weather-v1"))
        return TrafficPanel::tr(
            "/v1/weather/{city}: short TTL, stale-while-revalidate; needs the API key");
    if (name == QLatin1String("echo-v1"))
        return TrafficPanel::tr("/v1/echo/{word}: open to everyone, never cached");
    if (name == QLatin1String("inventory"))
        return TrafficPanel::tr("/v1/inventory/items: a draft; only its own team's keys get "
                                "through, so the demo key is refused with 403");
    return {};
}

QLabel* readoutLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The readouts grow with the figures ("p50 … · p90 … · p99 …"): in a
    // dock at its narrowest they wrap at the separators instead of being
    // cut off.
    label->setWordWrap(true);
    return label;
}

} // namespace

TrafficPanel::TrafficPanel(app::TrafficGenerator* generator, app::GatewayController* controller,
                           QWidget* parent)
    : QWidget(parent)
    , m_generator(generator)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("trafficPanel"));
    buildUi();
    loadFromGenerator();

    connect(m_generator, &app::TrafficGenerator::runningChanged, this,
            &TrafficPanel::onRunningChanged);
    connect(m_generator, &app::TrafficGenerator::statsUpdated, this, &TrafficPanel::onStatsUpdated);
    connect(m_generator, &app::TrafficGenerator::errorOccurred, this, &TrafficPanel::showError);
    // A key set elsewhere (the demo workspace hands its key over once it is
    // created) shows here, unless someone is typing one.
    connect(m_generator, &app::TrafficGenerator::settingsChanged, this, [this] {
        if (!m_apiKey->hasFocus() && m_apiKey->text() != m_generator->apiKey())
            m_apiKey->setText(m_generator->apiKey());
        showMix();
    });
    connect(m_controller, &app::GatewayController::stateChanged, this,
            &TrafficPanel::onGatewayStateChanged);
    updateButtons();
}

TrafficPanel::~TrafficPanel()
{
    // A field that loses the focus while the window goes away (QWidget's
    // destructor closes it) finishes its edit, and would call into a panel
    // whose members are gone.
    disconnect(m_apiKey, nullptr, this, nullptr);
}

int TrafficPanel::rateToSliderPosition(double requestsPerSecond)
{
    if (requestsPerSecond <= 1.0)
        return 0;
    const double fraction = std::log(requestsPerSecond) / std::log(sliderMaxRate);
    return qBound(0, static_cast<int>(std::lround(fraction * sliderSteps)), sliderSteps);
}

double TrafficPanel::sliderPositionToRate(int position)
{
    const double fraction = static_cast<double>(qBound(0, position, sliderSteps)) / sliderSteps;
    // Round to two significant digits: 1,300 requests/s rather than 1,287.
    const double raw = std::pow(sliderMaxRate, fraction);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)) - 1.0);
    return std::max(1.0, std::round(raw / magnitude) * magnitude);
}

void TrafficPanel::buildUi()
{
    // Every field of the dock has its own Alt+letter, none of them one of
    // the menu bar's (Gateway, View, Help), nor A, the German View's, while
    // a new label shows untranslated there. The dock shows beside every
    // page, so a page may answer the same letter: Qt then moves the focus
    // between the two on each press.
    auto* layout = new QVBoxLayout(this);

    auto* buttons = new QHBoxLayout;
    m_startButton =
        new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start &traffic"), this);
    m_startButton->setObjectName(QStringLiteral("startTrafficButton"));
    m_startButton->setToolTip(tr("Send demo requests through the running gateway"));
    m_stopButton = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopTrafficButton"));
    connect(m_startButton, &QPushButton::clicked, this, &TrafficPanel::start);
    connect(m_stopButton, &QPushButton::clicked, this, &TrafficPanel::stop);
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("trafficStateLabel"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("trafficErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(StatusColors::bad().name()));
    m_error->hide();
    layout->addWidget(m_error);
    m_state->installEventFilter(this);
    m_error->installEventFilter(this);

    // What to send.
    auto* load = new QGroupBox(tr("Load"), this);
    auto* loadForm = new QFormLayout(load);
    loadForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    loadForm->addRow(tr("&Rate:"), buildRateRow());
    // The row is a slider and a spin box: the label leads to the number.
    if (auto* label = qobject_cast<QLabel*>(loadForm->labelForField(m_rateSlider->parentWidget())))
        label->setBuddy(m_rateSpin);
    m_unpaced = new QCheckBox(tr("As &fast as possible"), load);
    m_unpaced->setObjectName(QStringLiteral("unpacedCheckBox"));
    m_unpaced->setToolTip(tr("Ignore the rate and keep every connection busy"));
    loadForm->addRow(QString(), m_unpaced);
    m_concurrency = new QSpinBox(load);
    m_concurrency->setObjectName(QStringLiteral("concurrencySpinBox"));
    m_concurrency->setRange(1, app::TrafficGenerator::maxConcurrency);
    m_concurrency->setSuffix(tr(" connections"));
    loadForm->addRow(tr("Co&ncurrency:"), m_concurrency);

    auto* skewRow = new QWidget(load);
    auto* skewLayout = new QHBoxLayout(skewRow);
    skewLayout->setContentsMargins(0, 0, 0, 0);
    m_skewSlider = new QSlider(Qt::Horizontal, skewRow);
    m_skewSlider->setObjectName(QStringLiteral("skewSlider"));
    m_skewSlider->setRange(0, static_cast<int>(app::TrafficGenerator::maxZipfAlpha * 100));
    m_skewSlider->setToolTip(tr("Zipf α of the URL choice: 0 is uniform; higher values "
                                "concentrate traffic on a few hot URLs, which the cache loves"));
    m_skewValue = new QLabel(skewRow);
    m_skewValue->setObjectName(QStringLiteral("skewValueLabel"));
    m_skewValue->setMinimumWidth(
        m_skewValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00  ")));
    skewLayout->addWidget(m_skewSlider, 1);
    skewLayout->addWidget(m_skewValue);
    loadForm->addRow(tr("Key skew (&Zipf α):"), skewRow);
    if (auto* label = qobject_cast<QLabel*>(loadForm->labelForField(skewRow)))
        label->setBuddy(m_skewSlider);

    m_apiKey = new QLineEdit(load);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setPlaceholderText(tr("None (open APIs only)"));
    m_apiKey->setToolTip(tr("Sent as X-API-Key with every request"));
    enableClearButtonWhileEditable(m_apiKey);
    // Shown while typed only: screenshots and onlookers do not get the key.
    m_apiKey->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    loadForm->addRow(tr("API &key:"), m_apiKey);
    layout->addWidget(load);
    layout->addWidget(buildMixGroup());

    // The demo origin's knobs.
    auto* origin = new QGroupBox(tr("Demo origin"), this);
    auto* originForm = new QFormLayout(origin);
    originForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* errorRow = new QWidget(origin);
    auto* errorLayout = new QHBoxLayout(errorRow);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    m_errorSlider = new QSlider(Qt::Horizontal, errorRow);
    m_errorSlider->setObjectName(QStringLiteral("errorRateSlider"));
    m_errorSlider->setRange(0, 100);
    m_errorSlider->setToolTip(tr("Share of the demo origin's responses that become 500"));
    m_errorValue = new QLabel(errorRow);
    m_errorValue->setObjectName(QStringLiteral("errorRateLabel"));
    m_errorValue->setMinimumWidth(
        m_errorValue->fontMetrics().horizontalAdvance(QStringLiteral("100 %  ")));
    errorLayout->addWidget(m_errorSlider, 1);
    errorLayout->addWidget(m_errorValue);
    originForm->addRow(tr("In&jected errors:"), errorRow);
    if (auto* label = qobject_cast<QLabel*>(originForm->labelForField(errorRow)))
        label->setBuddy(m_errorSlider);
    m_latency = new QSpinBox(origin);
    m_latency->setObjectName(QStringLiteral("upstreamLatencySpinBox"));
    m_latency->setRange(0, app::TrafficGenerator::maxUpstreamLatencyMs);
    m_latency->setSingleStep(10);
    m_latency->setSuffix(tr(" ms"));
    m_latency->setToolTip(tr("Extra time the demo origin takes per response"));
    originForm->addRow(tr("Extra &latency:"), m_latency);
    if (!m_generator->demoOrigin()) {
        origin->setEnabled(false);
        origin->setToolTip(tr("Only for the built-in demo origin"));
    }
    layout->addWidget(origin);

    // What the generator achieves.
    auto* results = new QGroupBox(tr("Achieved"), this);
    auto* resultsForm = new QFormLayout(results);
    m_achieved = readoutLabel(QStringLiteral("achievedRateLabel"), results);
    m_latencyReadout = readoutLabel(QStringLiteral("latencyLabel"), results);
    m_responses = readoutLabel(QStringLiteral("responsesLabel"), results);
    m_failures = readoutLabel(QStringLiteral("failuresLabel"), results);
    m_totals = readoutLabel(QStringLiteral("totalsLabel"), results);
    resultsForm->addRow(tr("Throughput:"), m_achieved);
    resultsForm->addRow(tr("Latency:"), m_latencyReadout);
    resultsForm->addRow(tr("Responses:"), m_responses);
    resultsForm->addRow(tr("Failures:"), m_failures);
    resultsForm->addRow(tr("Since start:"), m_totals);
    layout->addWidget(results);
    layout->addStretch(1);

    connect(m_rateSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_syncingRate)
            return;
        const QSignalBlocker block(m_rateSpin);
        m_rateSpin->setValue(static_cast<int>(sliderPositionToRate(position)));
        m_generator->setTargetRate(m_rateSpin->value());
    });
    connect(m_rateSpin, &QSpinBox::valueChanged, this, [this](int rate) {
        m_syncingRate = true;
        m_rateSlider->setValue(rateToSliderPosition(rate));
        m_syncingRate = false;
        m_generator->setTargetRate(rate);
    });
    connect(m_unpaced, &QCheckBox::toggled, this, [this](bool unpaced) {
        m_rateSlider->setEnabled(!unpaced);
        m_rateSpin->setEnabled(!unpaced);
        m_generator->setTargetRate(unpaced ? 0.0 : m_rateSpin->value());
    });
    connect(m_concurrency, &QSpinBox::valueChanged, m_generator,
            &app::TrafficGenerator::setConcurrency);
    connect(m_skewSlider, &QSlider::valueChanged, this, [this](int hundredths) {
        const double alpha = hundredths / 100.0;
        m_skewValue->setText(locale().toString(alpha, 'f', 2));
        m_generator->setZipfAlpha(alpha);
    });
    connect(m_apiKey, &QLineEdit::editingFinished, this,
            [this] { m_generator->setApiKey(m_apiKey->text().trimmed()); });
    connect(m_errorSlider, &QSlider::valueChanged, this, [this](int percent) {
        m_errorValue->setText(tr("%1 %").arg(percent));
        m_generator->setErrorRate(percent / 100.0);
    });
    connect(m_latency, &QSpinBox::valueChanged, m_generator,
            &app::TrafficGenerator::setUpstreamLatencyMs);
}

QWidget* TrafficPanel::buildMixGroup()
{
    auto* group = new QGroupBox(tr("Mix of APIs"), this);
    group->setObjectName(QStringLiteral("mixGroup"));
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addSection = [&](const QString& title, const QStringList& names) {
        auto* heading = new QLabel(title, group);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        form->addRow(heading);
        for (const QString& name : names) {
            auto* weight = new QSpinBox(group);
            weight->setObjectName(QStringLiteral("mixWeight_") + name);
            weight->setRange(0, 100);
            weight->setSuffix(QStringLiteral(" %"));
            weight->setToolTip(urlSetHint(name));
            m_mixWeights.append(weight);
            form->addRow(tr("%1 share:").arg(urlSetTitle(name)), weight);
            connect(weight, &QSpinBox::valueChanged, this, &TrafficPanel::applyMix);
        }
    };
    // The same order as TrafficGenerator::urlSetNames(): m_mixWeights follows it.
    addSection(tr("Open demo routes"), app::TrafficGenerator::openUrlSetNames());
    addSection(tr("Demo catalog APIs"), app::TrafficGenerator::catalogUrlSetNames());
    return group;
}

QWidget* TrafficPanel::buildRateRow()
{
    auto* row = new QWidget(this);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rateSlider = new QSlider(Qt::Horizontal, row);
    m_rateSlider->setObjectName(QStringLiteral("rateSlider"));
    m_rateSlider->setRange(0, sliderSteps);
    m_rateSlider->setToolTip(tr("Target requests per second (logarithmic)"));
    m_rateSpin = new QSpinBox(row);
    m_rateSpin->setObjectName(QStringLiteral("rateSpinBox"));
    m_rateSpin->setRange(1, static_cast<int>(app::TrafficGenerator::maxRate));
    m_rateSpin->setSuffix(tr(" req/s"));
    m_rateSpin->setGroupSeparatorShown(true);
    rowLayout->addWidget(m_rateSlider, 1);
    rowLayout->addWidget(m_rateSpin);
    return row;
}

// The controls start from the generator's settings (it may outlive the panel
// or have been set up by someone else).
void TrafficPanel::loadFromGenerator()
{
    const double rate = m_generator->targetRate();
    {
        const QSignalBlocker b1(m_rateSpin), b2(m_rateSlider), b3(m_unpaced);
        m_unpaced->setChecked(rate <= 0.0);
        m_rateSpin->setValue(rate > 0.0 ? static_cast<int>(rate)
                                        : static_cast<int>(app::TrafficGenerator::defaultRate));
        m_rateSlider->setValue(rateToSliderPosition(m_rateSpin->value()));
        m_rateSlider->setEnabled(rate > 0.0);
        m_rateSpin->setEnabled(rate > 0.0);
    }
    {
        const QSignalBlocker b(m_concurrency);
        m_concurrency->setValue(m_generator->concurrency());
    }
    {
        const QSignalBlocker b(m_skewSlider);
        m_skewSlider->setValue(static_cast<int>(std::lround(m_generator->zipfAlpha() * 100)));
        m_skewValue->setText(locale().toString(m_generator->zipfAlpha(), 'f', 2));
    }
    showMix();
    m_apiKey->setText(m_generator->apiKey());
    {
        const QSignalBlocker b(m_errorSlider);
        const int percent = static_cast<int>(std::lround(m_generator->errorRate() * 100));
        m_errorSlider->setValue(percent);
        m_errorValue->setText(tr("%1 %").arg(percent));
    }
    {
        const QSignalBlocker b(m_latency);
        m_latency->setValue(m_generator->upstreamLatencyMs());
    }
}

app::TrafficMix TrafficPanel::mixFromSpinBoxes() const
{
    const QStringList names = app::TrafficGenerator::urlSetNames();
    app::TrafficMix mix;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (m_mixWeights[i]->value() > 0)
            mix.append({names[i], static_cast<double>(m_mixWeights[i]->value())});
    }
    return mix;
}

// The generator's mix as whole percentages, when it is not the one the spin
// boxes already express (their own edits come back here unchanged, and
// must not be rescaled under the user's hands).
void TrafficPanel::showMix()
{
    if (m_generator->mix() == mixFromSpinBoxes())
        return;
    const QStringList names = app::TrafficGenerator::urlSetNames();
    const app::TrafficMix mix = m_generator->mix();
    double total = 0.0;
    for (const auto& entry : mix)
        total += entry.weight;
    for (qsizetype i = 0; i < names.size(); ++i) {
        double weight = 0.0;
        for (const auto& entry : mix) {
            if (entry.name == names[i])
                weight = entry.weight;
        }
        const QSignalBlocker b(m_mixWeights[i]);
        m_mixWeights[i]->setValue(total > 0 ? static_cast<int>(std::lround(100.0 * weight / total))
                                            : 0);
    }
}

void TrafficPanel::applyMix()
{
    const app::TrafficMix mix = mixFromSpinBoxes();
    if (mix.isEmpty()) {
        showError(tr("Give at least one API a share of the traffic."));
        return;
    }
    if (m_generator->setMix(mix))
        m_error->hide();
}

void TrafficPanel::start()
{
    if (m_generator->running())
        return;
    if (m_controller->state() != app::GatewayController::State::Running) {
        showError(tr("Start the gateway first: the traffic goes through it."));
        return;
    }
    m_generator->setApiKey(m_apiKey->text().trimmed());
    m_error->hide();
    m_generator->start(m_controller->port()); // failures arrive through errorOccurred
    updateButtons();
}

void TrafficPanel::stop()
{
    m_generator->stop();
    updateButtons();
}

void TrafficPanel::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    fitWrappedLabels();
    relayoutNow();
    emit errorShown(message);
}

void TrafficPanel::onRunningChanged(bool)
{
    updateButtons();
}

void TrafficPanel::onGatewayStateChanged(app::GatewayController::State state)
{
    // Nothing to send to once the gateway goes away.
    if (state != app::GatewayController::State::Running && m_generator->running())
        m_generator->stop();
    updateButtons();
}

void TrafficPanel::onStatsUpdated(const app::TrafficStats& stats)
{
    const QLocale loc = locale();
    if (stats.targetRate > 0.0) {
        m_achieved->setText(tr("%1 of %2 requests/s")
                                .arg(loc.toString(stats.requestsPerSecond, 'f', 1),
                                     loc.toString(stats.targetRate, 'f', 0)));
    } else {
        m_achieved->setText(
            tr("%1 requests/s (unpaced)").arg(loc.toString(stats.requestsPerSecond, 'f', 1)));
    }
    if (stats.requestsPerSecond > 0.0) {
        m_latencyReadout->setText(tr("p50 %1 ms · p90 %2 ms · p99 %3 ms")
                                      .arg(loc.toString(stats.latencyP50Ms, 'f', 1),
                                           loc.toString(stats.latencyP90Ms, 'f', 1),
                                           loc.toString(stats.latencyP99Ms, 'f', 1)));
    }
    m_responses->setText(
        tr("2xx %1 · 3xx %2 · 4xx %3 · 5xx %4")
            .arg(loc.toString(stats.statusClass(2)), loc.toString(stats.statusClass(3)),
                 loc.toString(stats.statusClass(4)), loc.toString(stats.statusClass(5))));
    m_failures->setText(tr("%1 connection errors · %2 I/O errors")
                            .arg(loc.toString(stats.connectErrors), loc.toString(stats.ioErrors)));
    m_totals->setText(tr("%1 sent · %2 completed in %3 s")
                          .arg(loc.toString(stats.sent), loc.toString(stats.completed),
                               loc.toString(stats.elapsedSeconds, 'f', 0)));
}

bool TrafficPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize && (watched == m_state || watched == m_error))
        fitWrappedLabels();
    return QWidget::eventFilter(watched, event);
}

// In a scroll area (the dock) the panel gets its size hint's height, which
// counts one line per label: a message that wraps at the dock's width would
// be squeezed into it, over the next row.
void TrafficPanel::fitWrappedLabels()
{
    for (QLabel* label : {m_state, m_error}) {
        // QLabel's heightForWidth() counts its minimum height in: asked
        // without one.
        const int before = label->minimumHeight();
        label->setMinimumHeight(0);
        const int height = label->heightForWidth(label->width());
        label->setMinimumHeight(height > 0 ? height : before);
    }
}

void TrafficPanel::updateButtons()
{
    const bool running = m_generator->running();
    const bool gatewayUp = m_controller->state() == app::GatewayController::State::Running;
    m_startButton->setEnabled(!running && gatewayUp);
    m_stopButton->setEnabled(running);
    if (running) {
        m_state->setText(tr("Sending to http://127.0.0.1:%1").arg(m_generator->port()));
    } else if (gatewayUp) {
        m_state->setText(tr("Stopped. Start to send demo requests through the gateway."));
    } else {
        m_state->setText(tr("The gateway is not running."));
    }
    fitWrappedLabels();
    relayoutNow();
}

// A label that grows posts a layout request, handled at the next turn of the
// event loop; a paint before then would show the rows below drawn over its
// new lines. Laid out here instead, the panel first grown to the new minimum
// if it is smaller (in the dock's scroll area it is sized to its contents).
void TrafficPanel::relayoutNow()
{
    QLayout* box = layout();
    if (!box)
        return;
    box->activate();
    const int needed = box->totalMinimumSize().height();
    if (height() < needed)
        resize(width(), needed);
}

} // namespace gatehouse::ui
