// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/cache_policy_form.h"

#include "ui/applications/form_error_label.h"
#include "ui/domain_message_text.h"
#include "ui/editable_clear_button.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using Field = app::CachePolicyField;
using Kind = app::CachePolicyProblem::Kind;

CachePolicyForm::CachePolicyForm(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("cachePolicyForm"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_page = new QWidget;
    auto* layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(0, 0, 4, 0);

    m_enabled = new QCheckBox(tr("&Cache responses of this API in the gateway"), m_page);
    m_enabled->setObjectName(QStringLiteral("cacheEnabledBox"));
    m_enabled->setToolTip(tr("Off: every call goes to the upstream. The settings below are "
                             "kept for when caching is turned on again."));
    m_fields.insert(Field::Enabled, m_enabled);
    addLabel(Field::Enabled, m_enabled->text());
    layout->addWidget(m_enabled);

    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);
    const QString durations = tr("A duration in whole seconds, such as 30s, 10m, 1h or 1m30s "
                                 "(1s to 8760h).");
    m_defaultTtl = addText(tr("Default TT&L:"), Field::DefaultTtl, tr("none: the upstream decides"),
                           tr("How long a response stays fresh when the upstream sends no "
                              "s-maxage, max-age or Expires. %1")
                               .arg(durations));
    m_maxTtl = addText(tr("&Maximum TTL:"), Field::MaxTtl, tr("no cap"),
                       tr("The longest any response stays fresh, whatever the upstream says; "
                          "not below the default TTL. %1")
                           .arg(durations));
    m_override = addFlag(tr("Override the &upstream's freshness with the default TTL"),
                         Field::OverrideUpstream,
                         tr("Ignore Cache-Control and Expires from the upstream. no-store, "
                            "private, Set-Cookie and Vary: * still prevent storing."));
    m_statuses = addText(tr("Cachea&ble statuses:"), Field::Statuses,
                         tr("the RFC 9110 defaults (200, 203, 204, 300, 301, 404, ...)"),
                         tr("Status codes that may be stored, separated by commas, for "
                            "example 200, 404. 206 and 304 cannot be stored on their own."));
    // Digits and separators only; which statuses are allowed is the catalog's call.
    m_statuses->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9,\\s]*")), m_statuses));
    m_maxObjectSize =
        addText(tr("Largest stored object (si&ze):"), Field::MaxObjectSize, tr("8MiB"),
                tr("Larger responses are streamed to the client, never stored. "
                   "A size such as 512KiB, 8MiB or 1GB (1B to 1GiB)."));
    m_ignoreQuery = addText(tr("Ignored &query parameters:"), Field::IgnoreQueryParams,
                            tr("none, for example utm_*, fbclid"),
                            tr("Query parameters left out of the cache key, separated by "
                               "commas; a trailing * matches a prefix (utm_*)."));
    m_staleWhileRevalidate = addText(
        tr("Stale &while revalidating:"), Field::StaleWhileRevalidate, tr("as the upstream says"),
        tr("Serve a stale response this long while one background request "
           "refreshes it (RFC 5861). %1")
            .arg(durations));
    m_staleIfError = addText(tr("Stale i&f the upstream fails:"), Field::StaleIfError,
                             tr("as the upstream says"),
                             tr("Serve a stale response this long when the upstream fails "
                                "(5xx, unreachable) (RFC 5861). %1")
                                 .arg(durations));
    m_private = addFlag(tr("Cache priv&ate responses per consumer"), Field::PrivatePerConsumer,
                        tr("Store responses marked private, keyed by the calling application "
                           "and never served to another one."));
    m_post = addFlag(tr("Cache POST b&y a hash of its body"), Field::CachePost,
                     tr("For read-only query APIs only: a POST with the same body gets the "
                        "stored answer."));
    m_stripCookie =
        addFlag(tr("Store responses with Set-Coo&kie, without the cookie"), Field::StripSetCookie,
                tr("Otherwise responses with Set-Cookie are not stored. The first caller "
                   "still gets the cookie."));

    m_policyError = new FormErrorLabel(QStringLiteral("cachePolicyError"), m_page);
    layout->addWidget(m_policyError);

    m_showJson = new QToolButton(m_page);
    m_showJson->setObjectName(QStringLiteral("showCacheJsonButton"));
    m_showJson->setText(tr("&JSON, as stored"));
    m_showJson->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showJson->setArrowType(Qt::RightArrow);
    m_showJson->setCheckable(true);
    m_showJson->setAutoRaise(true);
    m_showJson->setToolTip(tr("The policy as the catalog stores it; it follows the form and "
                              "is read-only"));
    layout->addWidget(m_showJson);
    m_json = new QPlainTextEdit(m_page);
    m_json->setObjectName(QStringLiteral("cachePolicyJson"));
    m_json->setReadOnly(true);
    m_json->setTabChangesFocus(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setMaximumHeight(140);
    m_json->hide();
    layout->addWidget(m_json);
    layout->addStretch(1);
    scroll->setWidget(m_page);
    outer->addWidget(scroll, 1);

    auto* buttons = new QHBoxLayout;
    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertCacheButton"));
    m_revert->setToolTip(tr("Show the stored policy again"));
    m_save = new QPushButton(tr("&Save Cache Policy"), this);
    m_save->setObjectName(QStringLiteral("saveCacheButton"));
    m_save->setToolTip(tr("The gateway applies it with its next configuration, within a "
                          "second"));
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    outer->addLayout(buttons);

    // Tab order: the switch, the fields top to bottom, the JSON, the buttons.
    QWidget* previous = m_enabled;
    for (QWidget* next :
         {static_cast<QWidget*>(m_defaultTtl), static_cast<QWidget*>(m_maxTtl),
          static_cast<QWidget*>(m_override), static_cast<QWidget*>(m_statuses),
          static_cast<QWidget*>(m_maxObjectSize), static_cast<QWidget*>(m_ignoreQuery),
          static_cast<QWidget*>(m_staleWhileRevalidate), static_cast<QWidget*>(m_staleIfError),
          static_cast<QWidget*>(m_private), static_cast<QWidget*>(m_post),
          static_cast<QWidget*>(m_stripCookie), static_cast<QWidget*>(m_showJson),
          static_cast<QWidget*>(m_json), static_cast<QWidget*>(m_revert),
          static_cast<QWidget*>(m_save)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    for (QCheckBox* box : {m_enabled, m_override, m_private, m_post, m_stripCookie}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            if (m_filling)
                return;
            updateState();
            if (m_editable)
                showProblems(false); // a switch is a finished edit
        });
    }
    for (QLineEdit* edit : {m_defaultTtl, m_maxTtl, m_statuses, m_maxObjectSize, m_ignoreQuery,
                            m_staleWhileRevalidate, m_staleIfError}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_filling)
                updateState();
        });
        // Checked once a field is left, not at every key.
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            if (!m_filling && m_editable)
                showProblems(false);
        });
    }
    connect(m_showJson, &QToolButton::toggled, this, [this](bool shown) {
        m_showJson->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_json->setVisible(shown);
    });
    connect(m_revert, &QPushButton::clicked, this, &CachePolicyForm::revert);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (check())
            emit saveRequested(json());
    });
    updateState();
}

CachePolicyForm::~CachePolicyForm()
{
    // A field that loses the focus while the window goes away finishes its
    // edit, and would check a form whose members are gone.
    for (QWidget* field : std::as_const(m_fields))
        disconnect(field, nullptr, this, nullptr);
}

QLineEdit* CachePolicyForm::addText(const QString& label, Field key, const QString& placeholder,
                                    const QString& toolTip)
{
    const QString name = app::cachePolicyKey(key);
    auto* field = new QWidget(m_page);
    auto* column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* edit = new QLineEdit(field);
    edit->setObjectName(QStringLiteral("cache_%1").arg(name));
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(toolTip);
    enableClearButtonWhileEditable(edit);
    column->addWidget(edit);
    auto* error = new FormErrorLabel(QStringLiteral("cache_%1_error").arg(name), field);
    column->addWidget(error);
    auto* title = new QLabel(label, m_page);
    title->setBuddy(edit);
    m_form->addRow(title, field);
    m_errors.insert(key, error);
    m_fields.insert(key, edit);
    addLabel(key, label);
    return edit;
}

QCheckBox* CachePolicyForm::addFlag(const QString& text, Field key, const QString& toolTip)
{
    const QString name = app::cachePolicyKey(key);
    auto* field = new QWidget(m_page);
    auto* column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* box = new QCheckBox(text, field);
    box->setObjectName(QStringLiteral("cache_%1").arg(name));
    box->setToolTip(toolTip);
    column->addWidget(box);
    auto* error = new FormErrorLabel(QStringLiteral("cache_%1_error").arg(name), field);
    column->addWidget(error);
    m_form->addRow(field);
    m_errors.insert(key, error);
    m_fields.insert(key, box);
    addLabel(key, text);
    return box;
}

void CachePolicyForm::addLabel(Field field, const QString& label)
{
    // "Default TT&L:" and "默认 TTL(&L)：" name the field as "Default TTL"
    // and "默认 TTL": no mnemonic, no colon.
    static const QRegularExpression mnemonic(QStringLiteral("\\(&[^)]\\)|&(?=.)"));
    QString plain = label;
    plain.remove(mnemonic);
    plain = plain.trimmed();
    while (plain.endsWith(QLatin1Char(':')) || plain.endsWith(QChar(0xFF1A)))
        plain.chop(1);
    m_labels.insert(field, plain.trimmed());
}

QString CachePolicyForm::fieldLabel(Field field) const
{
    return m_labels.value(field);
}

void CachePolicyForm::setPolicy(const QString& json, bool editable, bool keepEdits)
{
    const bool keep = keepEdits && isModified();
    app::DomainMessage error;
    const auto stored = app::CachePolicyFields::fromJson(json, &error);
    m_stored = stored.value_or(app::CachePolicyFields{});
    m_editable = editable;
    if (!keep) {
        fill(m_stored);
        clearProblems();
        if (!stored)
            m_policyError->showError(tr("The stored policy cannot be read (%1); saving the "
                                        "form replaces it.")
                                         .arg(domainMessageText(error)));
    }
    updateState();
}

app::CachePolicyFields CachePolicyForm::fields() const
{
    app::CachePolicyFields f;
    f.enabled = m_enabled->isChecked();
    f.defaultTtl = m_defaultTtl->text().trimmed();
    f.maxTtl = m_maxTtl->text().trimmed();
    f.overrideUpstream = m_override->isChecked();
    f.statuses = m_statuses->text().trimmed();
    f.maxObjectSize = m_maxObjectSize->text().trimmed();
    f.ignoreQueryParams = m_ignoreQuery->text().trimmed();
    f.staleWhileRevalidate = m_staleWhileRevalidate->text().trimmed();
    f.staleIfError = m_staleIfError->text().trimmed();
    f.privatePerConsumer = m_private->isChecked();
    f.cachePost = m_post->isChecked();
    f.stripSetCookie = m_stripCookie->isChecked();
    return f;
}

void CachePolicyForm::fill(const app::CachePolicyFields& f)
{
    m_filling = true;
    m_enabled->setChecked(f.enabled);
    m_defaultTtl->setText(f.defaultTtl);
    m_maxTtl->setText(f.maxTtl);
    m_override->setChecked(f.overrideUpstream);
    m_statuses->setText(f.statuses);
    m_maxObjectSize->setText(f.maxObjectSize);
    m_ignoreQuery->setText(f.ignoreQueryParams);
    m_staleWhileRevalidate->setText(f.staleWhileRevalidate);
    m_staleIfError->setText(f.staleIfError);
    m_private->setChecked(f.privatePerConsumer);
    m_post->setChecked(f.cachePost);
    m_stripCookie->setChecked(f.stripSetCookie);
    m_filling = false;
}

void CachePolicyForm::clearProblems()
{
    for (FormErrorLabel* label : std::as_const(m_errors))
        label->clearError();
    m_policyError->clearError();
}

bool CachePolicyForm::check()
{
    return showProblems(true);
}

bool CachePolicyForm::showProblems(bool focus)
{
    clearProblems();
    const QList<app::CachePolicyProblem> problems = app::checkCachePolicy(fields());
    QWidget* first = nullptr;
    for (const app::CachePolicyProblem& problem : problems) {
        FormErrorLabel* label = m_errors.value(problem.field, m_policyError);
        // Several problems of one field (two bad statuses) show together.
        const QString text = problemText(problem);
        label->showError(label->text().isEmpty() ? text : label->text() + QLatin1Char('\n') + text);
        if (!first)
            first = m_fields.value(problem.field);
    }
    if (focus && first && first->isEnabled())
        first->setFocus();
    return problems.isEmpty();
}

QString CachePolicyForm::problemText(const app::CachePolicyProblem& problem) const
{
    const QString& value = problem.value;
    switch (problem.kind) {
    case Kind::NotADuration:
        return tr("“%1” is not a duration. Use whole seconds, such as 30s, 10m, 1h or 1m30s.")
            .arg(value);
    case Kind::NotWholeSeconds:
        return tr("%1 is not a whole number of seconds.").arg(value);
    case Kind::DurationOutOfRange:
        return tr("%1 is out of range: from 1s to 8760h.").arg(value);
    case Kind::NotASize:
        return tr("“%1” is not a size. Use a size such as 512KiB, 8MiB or 1GB.").arg(value);
    case Kind::SizeOutOfRange:
        return tr("%1 is out of range: from 1B to 1GiB.").arg(value);
    case Kind::NotAStatus:
        return tr("“%1” is not a status code.").arg(value);
    case Kind::StatusOutOfRange:
        return tr("%1 is not a status from 200 to 599.").arg(value);
    case Kind::StatusNotStorable:
        return tr("%1 cannot be stored on its own (a partial or a validation response).")
            .arg(value);
    case Kind::DuplicateStatus:
        return tr("%1 is listed twice.").arg(value);
    case Kind::ParameterNameMissing:
        return tr("Name a parameter; a trailing * ignores a prefix (utm_*).");
    case Kind::WildcardNotAtEnd:
        return tr("“%1”: * is only allowed at the end.").arg(value);
    case Kind::NotAParameterName:
        return tr("“%1” is not a query parameter name.").arg(value);
    case Kind::DefaultTtlAboveMaxTtl:
        return tr("“%1” is longer than “%2”.")
            .arg(fieldLabel(Field::DefaultTtl), fieldLabel(Field::MaxTtl));
    case Kind::OverrideNeedsDefaultTtl:
        return tr("“%1” needs a value in “%2”.")
            .arg(fieldLabel(Field::OverrideUpstream), fieldLabel(Field::DefaultTtl));
    case Kind::Other:
        break;
    }
    // Not expected from this form; the catalog's own words, under the field.
    return problem.field == Field::Policy
               ? tr("The catalog refuses this policy: %1").arg(domainMessageText(problem.what))
               : tr("The catalog refuses “%1”: %2")
                     .arg(fieldLabel(problem.field), domainMessageText(problem.what));
}

QString CachePolicyForm::fieldError(Field field) const
{
    const FormErrorLabel* label = field == Field::Policy ? m_policyError : m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void CachePolicyForm::markSaved()
{
    m_stored = fields();
    clearProblems();
    updateState();
}

void CachePolicyForm::revert()
{
    fill(m_stored);
    clearProblems();
    updateState();
}

void CachePolicyForm::updateState()
{
    const bool on = m_enabled->isChecked();
    m_enabled->setEnabled(m_editable);
    // The details of a policy that is off stay as they are, greyed.
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it.value() != m_enabled)
            it.value()->setEnabled(m_editable && on);
    }
    const bool modified = isModified();
    m_save->setVisible(m_editable);
    m_revert->setVisible(m_editable);
    m_save->setEnabled(m_editable && modified);
    m_revert->setEnabled(m_editable && modified);
    const QString json = this->json();
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument::fromJson(json.toUtf8()).toJson(QJsonDocument::Indented))
            .trimmed());
}

} // namespace gatehouse::ui
