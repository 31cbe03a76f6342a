// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/try_it_key_chooser.h"

#include "app/application_overview.h"
#include "app/catalog_service.h"
#include "ui/applications/application_panel.h"
#include "ui/domain_message_text.h"
#include "ui/editable_clear_button.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
// A burst of catalog changes becomes one read.
constexpr int ReloadDelayMs = 30;

QString shownAs(const app::WalletKey& key)
{
    return QStringLiteral("gh_%1…").arg(key.prefix);
}
} // namespace

TryItKeyChooser::TryItKeyChooser(QFormLayout* sharedForm, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tryItKeyChooser"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFormLayout* form = sharedForm;
    if (!form) {
        form = new QFormLayout;
        form->setContentsMargins(0, 0, 0, 0);
        layout->addLayout(form);
    }

    auto* appRow = new QHBoxLayout;
    m_application = new QComboBox(this);
    m_application->setObjectName(QStringLiteral("tryItApplication"));
    m_application->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_application->setToolTip(tr("Whose key the request carries"));
    m_issue = new QPushButton(tr("Issue a &Test Key"), this);
    m_issue->setObjectName(QStringLiteral("tryItIssueKey"));
    m_issue->setToolTip(tr("Issue a key for the chosen application that expires in one hour, "
                           "and use it here"));
    appRow->addWidget(m_application, 1);
    appRow->addWidget(m_issue);
    // C: a draft's Publish button beside the tabs takes P.
    auto* appLabel = new QLabel(tr("Appli&cation:"), this);
    appLabel->setBuddy(m_application);
    form->addRow(appLabel, appRow);

    m_keyRow = new QWidget(this);
    auto* keyRow = new QHBoxLayout(m_keyRow);
    keyRow->setContentsMargins(0, 0, 0, 0);
    m_key = new QLineEdit(m_keyRow);
    m_key->setObjectName(QStringLiteral("tryItKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste an API key"));
    enableClearButtonWhileEditable(m_key);
    m_showKey = new QToolButton(m_keyRow);
    m_showKey->setObjectName(QStringLiteral("tryItShowKey"));
    m_showKey->setText(tr("Show"));
    m_showKey->setCheckable(true);
    m_showKey->setToolTip(tr("Show or hide the key"));
    connect(m_showKey, &QToolButton::toggled, this, [this](bool show) {
        m_key->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(show ? tr("Hide") : tr("Show"));
    });
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    m_keyLabel = new QLabel(tr("API &key:"), this);
    m_keyLabel->setBuddy(m_key);
    form->addRow(m_keyLabel, m_keyRow);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("tryItKeyNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_note);
    m_notOffered = new QLabel(this);
    m_notOffered->setObjectName(QStringLiteral("tryItNotOffered"));
    m_notOffered->setWordWrap(true);
    m_notOffered->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notOffered->hide();
    layout->addWidget(m_notOffered);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("tryItKeyError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: palette(bright-text);"
                                          " background: #b3261e; padding: 6px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &TryItKeyChooser::reload);
    connect(m_application, &QComboBox::currentIndexChanged, this, [this] {
        m_error->hide();
        updateState();
        emit keyChanged();
    });
    connect(m_key, &QLineEdit::textChanged, this, &TryItKeyChooser::keyChanged);
    connect(m_issue, &QPushButton::clicked, this, &TryItKeyChooser::issueTestKey);
    applyApplications({}, false);
}

void TryItKeyChooser::setCatalog(app::CatalogService* catalog, std::optional<app::Principal> actor)
{
    if (m_catalog)
        disconnect(m_catalog, nullptr, this, nullptr);
    m_catalog = catalog;
    m_actor = std::move(actor);
    if (m_catalog) {
        connect(m_catalog, &app::CatalogService::catalogChanged, this,
                &TryItKeyChooser::scheduleReload);
        // What changes made elsewhere (the admin API, another console) cause.
        connect(m_catalog, &app::CatalogService::pendingApprovalsChanged, this,
                &TryItKeyChooser::scheduleReload);
    }
    reload();
}

void TryItKeyChooser::setWallet(app::SessionKeyWallet* wallet)
{
    if (m_wallet)
        disconnect(m_wallet, nullptr, this, nullptr);
    m_wallet = wallet;
    if (m_wallet) {
        connect(m_wallet, &app::SessionKeyWallet::changed, this, [this] {
            updateState();
            emit keyChanged();
        });
        connect(m_wallet, &app::SessionKeyWallet::dropped, this,
                [this](const app::WalletKey& key) { m_dropped.insert(key.applicationId, key); });
    }
    updateState();
}

void TryItKeyChooser::setActor(const app::Principal& actor)
{
    m_actor = actor;
    // Another person: their own applications, and the default for them.
    m_chooseDefault = true;
    reload();
}

void TryItKeyChooser::setKeyParameter(const QString& name)
{
    if (name == m_keyParameter)
        return;
    m_keyParameter = name;
    updateState();
}

void TryItKeyChooser::setApi(qint64 apiId, bool openApi)
{
    m_apiId = apiId;
    m_openApi = openApi;
    m_chooseDefault = true;
    m_error->hide();
    applyApplications(app::TryItApplications{apiId, {}, {}, {}, {}}, false);
    reload();
}

void TryItKeyChooser::scheduleReload()
{
    m_reloadTimer->start();
}

void TryItKeyChooser::reload()
{
    if (!m_catalog || !m_actor || m_apiId == 0)
        return;
    const quint64 generation = ++m_generation;
    const app::Principal actor = *m_actor;
    const qint64 apiId = m_apiId;
    ++m_loading;
    m_catalog->run(
        this,
        [actor, apiId](app::CatalogStore& store) {
            return app::loadTryItApplications(store, actor, apiId);
        },
        [this, generation](const app::TryItApplications& list) {
            --m_loading;
            if (generation == m_generation && list.apiId == m_apiId)
                applyApplications(list, true);
        });
}

void TryItKeyChooser::applyApplications(const app::TryItApplications& list, bool final)
{
    const qint64 previous = m_application->count() > 0 ? choice() : PasteKey;
    m_offered = list.offered;
    {
        const QSignalBlocker blocker(m_application);
        m_application->clear();
        for (const app::TryItApplication& a : std::as_const(m_offered))
            m_application->addItem(tr("%1 (plan %2)").arg(a.name, a.plan), a.applicationId);
        if (!m_offered.isEmpty())
            m_application->insertSeparator(m_application->count());
        m_application->addItem(tr("Paste a key…"), PasteKey);
        m_application->addItem(tr("None (open API)"), NoKey);
    }
    qint64 wanted = previous;
    if (m_chooseDefault) {
        wanted = m_openApi ? NoKey : PasteKey;
        for (const app::TryItApplication& a : std::as_const(m_offered)) {
            if (!m_openApi && m_wallet && m_wallet->keyFor(a.applicationId)) {
                wanted = a.applicationId;
                break;
            }
        }
        // The listing read for the API decides; the empty one shown meanwhile does not.
        m_chooseDefault = !final;
    }
    int index = m_application->findData(wanted);
    if (index < 0) // the chosen application is gone (or no longer approved)
        index = m_application->findData(m_openApi ? NoKey : PasteKey);
    {
        const QSignalBlocker blocker(m_application);
        m_application->setCurrentIndex(index);
    }

    QStringList missing;
    for (const app::TryItApplication& a : list.notOffered) {
        missing << (a.state == app::SubscriptionState::Suspended
                        ? tr("%1 (subscription suspended)").arg(a.name)
                        : tr("%1 (subscription pending approval)").arg(a.name));
    }
    QString notOffered;
    if (!list.error.isEmpty())
        notOffered =
            tr("Your applications could not be read: %1").arg(domainMessageText(list.errorMessage));
    else if (!missing.isEmpty())
        notOffered = tr("Not listed: %1. Only applications with an approved subscription to "
                        "this API can call it.")
                         .arg(missing.join(QStringLiteral(", ")));
    else if (list.apiId != 0 && m_offered.isEmpty() && !m_openApi && final)
        notOffered = tr("None of your applications has an approved subscription to this API: "
                        "request one on the Applications page.");
    m_notOffered->setText(notOffered);
    m_notOffered->setVisible(!notOffered.isEmpty());
    updateState();
    if (previous != choice())
        emit keyChanged();
}

qint64 TryItKeyChooser::choice() const
{
    const QVariant data = m_application->currentData();
    return data.isValid() ? data.toLongLong() : PasteKey;
}

const app::TryItApplication* TryItKeyChooser::chosenApplication() const
{
    const qint64 id = choice();
    for (const app::TryItApplication& a : m_offered) {
        if (a.applicationId == id)
            return &a;
    }
    return nullptr;
}

std::optional<QString> TryItKeyChooser::key(QString* why) const
{
    const qint64 source = choice();
    if (source == NoKey)
        return QString();
    if (source == PasteKey)
        return m_key->text().trimmed();
    const app::TryItApplication* a = chosenApplication();
    const auto held = m_wallet && a ? m_wallet->keyFor(a->applicationId) : std::nullopt;
    if (held)
        return held->key;
    if (why)
        *why = tr("%1 has no key in this session, so nothing was sent. Issue a test key, paste "
                  "a key, or choose None to send the request without one.")
                   .arg(a ? a->name : QString());
    return std::nullopt;
}

void TryItKeyChooser::updateState()
{
    const qint64 source = choice();
    const bool paste = source == PasteKey;
    m_keyLabel->setVisible(paste);
    m_keyRow->setVisible(paste);
    const app::TryItApplication* a = chosenApplication();
    const auto held = m_wallet && a ? m_wallet->keyFor(a->applicationId) : std::nullopt;
    const bool mayIssue = a && !held && m_catalog && m_actor && m_wallet;
    m_issue->setVisible(a && !held);
    m_issue->setEnabled(mayIssue && !m_issuing);

    const QString policy = tr("Keys are shown only once, when issued, and the catalog keeps only "
                              "their hashes: Try It can use the keys issued in this console "
                              "since it started, and never saves them.");
    QString note;
    if (a && held) {
        const QString expiry =
            held->expiresAt == 0
                ? tr("never expires")
                : tr("expires %1")
                      .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(held->expiresAt),
                                              QLocale::ShortFormat));
        const QString label = held->label.isEmpty() ? QString() : tr("“%1”, ").arg(held->label);
        note = (m_keyParameter.isEmpty()
                    ? tr("Sends the key %1 of %2 (%3%4) as X-API-Key.")
                          .arg(shownAs(*held), a->name, label, expiry)
                    : tr("Sends the key %1 of %2 (%3%4) in the query parameter \"%5\".")
                          .arg(shownAs(*held), a->name, label, expiry, m_keyParameter)) +
               QLatin1Char(' ') + policy;
    } else if (a) {
        const auto dropped = m_dropped.constFind(a->applicationId);
        if (dropped != m_dropped.cend())
            note =
                tr("The key %1 of %2 was revoked or has expired.").arg(shownAs(*dropped), a->name) +
                QLatin1Char(' ');
        note += tr("%1 has no key from this session. Issue a test key (valid for one hour), or "
                   "paste a key you kept.")
                    .arg(a->name) +
                QLatin1Char(' ') + policy;
    } else if (paste) {
        note = m_keyParameter.isEmpty()
                   ? tr("The pasted key is sent as X-API-Key and never stored.")
                   : tr("The pasted key is sent in the query parameter \"%1\" and never stored.")
                         .arg(m_keyParameter);
        if (!m_offered.isEmpty())
            note += QLatin1Char(' ') +
                    tr("Or choose one of your applications above: Try It can issue it a test key.");
    } else {
        note = m_openApi ? tr("No key is sent: this API is open.")
                         : tr("No key is sent: the gateway refuses the request (401), as it "
                              "would any client without a key.");
    }
    m_note->setText(note);
}

void TryItKeyChooser::issueTestKey()
{
    const app::TryItApplication* a = chosenApplication();
    if (!a || !m_catalog || !m_actor || !m_wallet || m_issuing)
        return;
    m_issuing = true;
    m_error->hide();
    updateState();
    const app::Principal actor = *m_actor;
    const qint64 appId = a->applicationId;
    const QString name = a->name;
    const QString label = tr("Try it (console)");
    const qint64 expiresAt = QDateTime::currentMSecsSinceEpoch() + TestKeyLifetimeMs;
    // The domain service decides whether the actor may issue keys for it.
    m_catalog->mutate(
        this,
        [=](app::CatalogStore& store) {
            return app::issueApplicationKey(store, actor, appId, label, expiresAt);
        },
        [this, name](const app::ApplicationChange& change) {
            m_issuing = false;
            if (!change.ok) {
                showError(
                    tr("No test key was issued for %1. %2")
                        .arg(name, ApplicationPanel::refusalText(
                                       change.errorCode, domainMessageText(change.errorMessage))));
                updateState();
                return;
            }
            m_dropped.remove(change.keyInfo.applicationId);
            if (m_wallet)
                m_wallet->remember(change.keyInfo, change.key);
            updateState();
        });
}

void TryItKeyChooser::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString TryItKeyChooser::noteText() const
{
    return m_note->text();
}

QString TryItKeyChooser::notOfferedText() const
{
    return m_notOffered->isHidden() ? QString() : m_notOffered->text();
}

QString TryItKeyChooser::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace gatehouse::ui
