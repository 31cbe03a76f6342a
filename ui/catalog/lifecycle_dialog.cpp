// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/lifecycle_dialog.h"

#include "app/domain/api_catalog.h"
#include "app/domain/base_path.h"
#include "ui/applications/form_error_label.h"
#include "ui/catalog/catalog_model.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QResizeEvent>
#include <QTimeZone>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
constexpr int DefaultSunsetDays = 90;
}

QString LifecycleDialog::title(app::ApiAction action)
{
    switch (action) {
    case app::ApiAction::Publish:
        return tr("Publish API");
    case app::ApiAction::Deprecate:
        return tr("Deprecate API");
    case app::ApiAction::Retire:
        return tr("Retire API");
    case app::ApiAction::DeleteDraft:
        return tr("Delete Draft");
    case app::ApiAction::NewVersion:
        break;
    }
    return tr("New Version");
}

QString LifecycleDialog::suggestVersion(const QString& version,
                                        const QList<app::ApiVersionLink>& taken)
{
    static const QRegularExpression numbered(QStringLiteral("^(v?)(\\d+)$"));
    const auto m = numbered.match(version);
    if (!m.hasMatch())
        return version + QStringLiteral("-next");
    int n = m.captured(2).toInt() + 1;
    const auto isTaken = [&taken](const QString& v) {
        return std::any_of(taken.cbegin(), taken.cend(),
                           [&v](const app::ApiVersionLink& l) { return l.version == v; });
    };
    while (isTaken(m.captured(1) + QString::number(n)))
        ++n;
    return m.captured(1) + QString::number(n);
}

QString LifecycleDialog::suggestBasePath(const app::ApiDefinition& api, const QString& version)
{
    if (version.isEmpty())
        return api.basePath;
    const QString replaced = app::ApiCatalog::versionBasePath(api, version);
    if (app::BasePath::normalized(replaced) != app::BasePath::normalized(api.basePath))
        return replaced;
    QString path = app::BasePath::normalized(api.basePath);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path + QLatin1Char('/') + version;
}

LifecycleDialog::LifecycleDialog(app::ApiAction action, const app::ApiDefinition& api,
                                 const QList<app::ApiVersionLink>& versions, QWidget* parent)
    : QDialog(parent)
    , m_action(action)
    , m_apiId(api.id)
    , m_versions(versions)
    , m_api(api)
{
    setObjectName(QStringLiteral("lifecycleDialog"));
    setWindowTitle(title(action));
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    const QString name = tr("%1 %2").arg(api.name, api.version);
    auto* explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("lifecycleExplanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    layout->addWidget(explanation);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    QString ok;
    switch (action) {
    case app::ApiAction::Publish:
        explanation->setText(
            tr("Publish %1? The gateway starts routing %2 at once, and applications can "
               "subscribe to its plans. A published API is not changed back into a draft: "
               "it is deprecated and retired instead.")
                .arg(name, api.basePath));
        ok = tr("Publish");
        break;
    case app::ApiAction::Deprecate: {
        explanation->setText(
            tr("Deprecate %1? Calls keep working until it is retired, but every response "
               "carries a Deprecation header and a Sunset header with the date below, and a "
               "Link to the successor if you name one.")
                .arg(name));
        m_sunset = new QDateEdit(this);
        m_sunset->setObjectName(QStringLiteral("sunsetDate"));
        m_sunset->setCalendarPopup(true);
        m_sunset->setMinimumDate(QDate::currentDate().addDays(1));
        m_sunset->setDate(QDate::currentDate().addDays(DefaultSunsetDays));
        form->addRow(tr("&Sunset date:"), m_sunset);
        m_successor = new QComboBox(this);
        m_successor->setObjectName(QStringLiteral("successor"));
        m_successor->addItem(tr("None"), qint64(0));
        for (const auto& v : versions) {
            if (v.id == api.id || v.state == app::ApiState::Retired)
                continue;
            m_successor->addItem(
                tr("%1 %2 (%3)").arg(api.name, v.version, CatalogModel::stateName(v.state)), v.id);
            if (v.id == api.successorId)
                m_successor->setCurrentIndex(m_successor->count() - 1);
        }
        form->addRow(tr("Su&ccessor:"), m_successor);
        ok = tr("Deprecate");
        break;
    }
    case app::ApiAction::Retire:
        explanation->setText(tr("Retire %1? Every call to %2 is answered with 410 Gone from now "
                                "on, whatever the key. Retiring is final.")
                                 .arg(name, api.basePath));
        ok = tr("Retire");
        break;
    case app::ApiAction::DeleteDraft:
        explanation->setText(tr("Delete the draft %1 with its routes, upstream targets and "
                                "plans? This cannot be undone.")
                                 .arg(name));
        ok = tr("Delete");
        break;
    case app::ApiAction::NewVersion:
        explanation->setText(tr("Create a new version of %1: a draft copy of its routes, "
                                "targets and cache policy, linked to it as its successor. "
                                "It gets the base path below, which no other API may "
                                "overlap; the gateway serves it there once it is published.")
                                 .arg(name));
        m_version = new QLineEdit(suggestVersion(api.version, versions), this);
        m_version->setObjectName(QStringLiteral("newVersion"));
        m_version->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")), m_version));
        m_versionError = new FormErrorLabel(QStringLiteral("newVersionError"), this);
        auto* versionField = new QVBoxLayout;
        versionField->setSpacing(2);
        versionField->addWidget(m_version);
        versionField->addWidget(m_versionError);
        form->addRow(tr("&Version:"), versionField);
        // A layout as the field: the label's buddy is set by hand.
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(versionField)))
            label->setBuddy(m_version);
        m_basePath = new QLineEdit(suggestBasePath(api, m_version->text()), this);
        m_basePath->setObjectName(QStringLiteral("newVersionBasePath"));
        m_basePath->setToolTip(tr("Where the gateway serves the new version. It must not "
                                  "overlap the base path of another API, this one included."));
        m_basePathError = new FormErrorLabel(QStringLiteral("newVersionBasePathError"), this);
        auto* basePathField = new QVBoxLayout;
        basePathField->setSpacing(2);
        basePathField->addWidget(m_basePath);
        basePathField->addWidget(m_basePathError);
        form->addRow(tr("&Base path:"), basePathField);
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(basePathField)))
            label->setBuddy(m_basePath);
        ok = tr("Create Version");
        break;
    }
    if (action == app::ApiAction::Publish || action == app::ApiAction::Deprecate ||
        action == app::ApiAction::Retire) {
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(QStringLiteral("lifecycleReason"));
        m_reason->setPlaceholderText(tr("Optional, kept in the audit log"));
        form->addRow(tr("&Reason:"), m_reason);
    }
    if (form->rowCount() == 0) {
        layout->removeItem(form); // which leaves the deleting to the caller
        delete form;
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("lifecycleProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_problem->hide();
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(ok);
    // Nothing is taken by a stray Return: the safe choice is the default.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(m_buttons);
    if (action == app::ApiAction::NewVersion)
        connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
            validate();
            if (!confirmButton()->isEnabled())
                return;
            setBusy(true);
            emit confirmed();
        });
    else
        connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_version) {
        connect(m_version, &QLineEdit::textChanged, this, &LifecycleDialog::onVersionChanged);
        connect(m_basePath, &QLineEdit::textEdited, this, [this] { m_basePathEdited = true; });
        connect(m_basePath, &QLineEdit::textChanged, this, &LifecycleDialog::validate);
    }
    validate();
}

void LifecycleDialog::onVersionChanged()
{
    // The proposed base path follows the version until the user types one.
    if (m_basePath && !m_basePathEdited)
        m_basePath->setText(suggestBasePath(m_api, m_version->text().trimmed()));
    validate();
}

void LifecycleDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (m_version)
        m_version->setReadOnly(busy);
    if (m_basePath)
        m_basePath->setReadOnly(busy);
    if (busy)
        confirmButton()->setEnabled(false);
    else
        validate();
}

void LifecycleDialog::showRefusal(const QString& field, const QString& text)
{
    setBusy(false);
    if (field == QLatin1String("version") && m_versionError) {
        m_versionError->showError(text);
        m_version->setFocus();
    } else if (field == QLatin1String("basePath") && m_basePathError) {
        m_basePathError->showError(text);
        m_basePath->setFocus();
    } else {
        m_problem->setText(text);
        m_problem->show();
    }
    // The wrapped message needs room.
    setMinimumHeight(layout()->totalHeightForWidth(width()));
    if (height() < minimumHeight())
        resize(width(), minimumHeight());
}

QString LifecycleDialog::fieldError(const QString& field) const
{
    const QLabel* label = field == QLatin1String("version")    ? m_versionError
                          : field == QLatin1String("basePath") ? m_basePathError
                          : field.isEmpty()                    ? m_problem
                                                               : nullptr;
    return label && !label->isHidden() ? label->text() : QString();
}

QPushButton* LifecycleDialog::confirmButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void LifecycleDialog::validate()
{
    QString problem;
    if (m_version) {
        // A refusal of the catalog stands until the field it is about changes.
        m_versionError->clearError();
        m_basePathError->clearError();
        const QString v = m_version->text().trimmed();
        const QString path = m_basePath->text().trimmed();
        if (v.isEmpty())
            problem = tr("Enter a version, for example v2.");
        else if (std::any_of(m_versions.cbegin(), m_versions.cend(),
                             [&v](const app::ApiVersionLink& l) { return l.version == v; }))
            problem = tr("Version %1 already exists.").arg(v);
        else if (path.isEmpty())
            problem = tr("Enter a base path, for example %1.").arg(suggestBasePath(m_api, v));
        else if (!path.startsWith(QLatin1Char('/')))
            problem = tr("The base path must start with '/'.");
        else if (app::BasePath::normalized(path) == app::BasePath::normalized(m_api.basePath))
            problem = tr("%1 is the base path of %2 %3: the new version needs its own.")
                          .arg(path, m_api.name, m_api.version);
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    confirmButton()->setEnabled(problem.isEmpty() && !m_busy);
}

app::LifecycleRequest LifecycleDialog::request() const
{
    app::LifecycleRequest r;
    r.action = m_action;
    r.apiId = m_apiId;
    if (m_sunset) // the end of the chosen day, local time
        r.sunsetAt = QDateTime(m_sunset->date(), QTime(23, 59, 59)).toMSecsSinceEpoch();
    if (m_successor)
        r.successorId = m_successor->currentData().toLongLong();
    if (m_version)
        r.version = m_version->text().trimmed();
    if (m_basePath)
        r.basePath = m_basePath->text().trimmed();
    if (m_reason)
        r.reason = m_reason->text().trimmed();
    return r;
}

void LifecycleDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    // The narrower the dialog, the more lines its wrapped text needs; Qt
    // does not raise a window's minimum height for that, so a dialog made
    // small would cut the text off (sooner in German and Chinese).
    setMinimumHeight(layout()->totalHeightForWidth(width()));
}

} // namespace gatehouse::ui
