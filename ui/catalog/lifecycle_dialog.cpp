// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/lifecycle_dialog.h"

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

LifecycleDialog::LifecycleDialog(app::ApiAction action, const app::ApiDefinition& api,
                                 const QList<app::ApiVersionLink>& versions, QWidget* parent)
    : QDialog(parent)
    , m_action(action)
    , m_apiId(api.id)
    , m_versions(versions)
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
                                "targets and cache policy, linked to it as its "
                                "successor. Give it its own base path before publishing it.")
                                 .arg(name));
        m_version = new QLineEdit(suggestVersion(api.version, versions), this);
        m_version->setObjectName(QStringLiteral("newVersion"));
        m_version->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")), m_version));
        form->addRow(tr("&Version:"), m_version);
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
    if (form->rowCount() == 0)
        layout->removeItem(form);
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
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_version)
        connect(m_version, &QLineEdit::textChanged, this, &LifecycleDialog::validate);
    validate();
}

QPushButton* LifecycleDialog::confirmButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void LifecycleDialog::validate()
{
    QString problem;
    if (m_version) {
        const QString v = m_version->text().trimmed();
        if (v.isEmpty())
            problem = tr("Enter a version, for example v2.");
        else if (std::any_of(m_versions.cbegin(), m_versions.cend(),
                             [&v](const app::ApiVersionLink& l) { return l.version == v; }))
            problem = tr("Version %1 already exists.").arg(v);
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    confirmButton()->setEnabled(problem.isEmpty());
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
