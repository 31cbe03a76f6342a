// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/call_logs/call_log_filter_bar.h"

#include "ui/call_logs/call_log_model.h"
#include "ui/editable_clear_button.h"
#include "ui/locale_format.h"
#include "ui/text_fit.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>
#include <limits>

namespace gatehouse::ui {

namespace {

constexpr qint64 minuteUs = 60'000'000LL;

// (name, id) in the locale's order of names, ids breaking ties: as the
// API and application lists show them.
std::vector<std::pair<QString, quint64>> byName(const QHash<quint64, QString>& names)
{
    std::vector<std::pair<QString, quint64>> sorted;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        sorted.emplace_back(*it, it.key());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        const int c = a.first.localeAwareCompare(b.first);
        return c != 0 ? c < 0 : a.second < b.second;
    });
    return sorted;
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

CallLogFilterBar::CallLogFilterBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("callLogFilterBar"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);

    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangeBox"));
    m_range->addItem(tr("Last 15 minutes"), Last15Minutes);
    m_range->addItem(tr("Last hour"), LastHour);
    m_range->addItem(tr("Last 24 hours"), Last24Hours);
    m_range->addItem(tr("Last 7 days"), Last7Days);
    m_range->addItem(tr("Any time"), AnyTime);
    m_range->addItem(tr("Custom…"), Custom);

    m_custom = new QWidget(this);
    auto* custom = new QHBoxLayout(m_custom);
    custom->setContentsMargins(0, 0, 0, 0);
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addSecs(-3600), m_custom);
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to = new QDateTimeEdit(now, m_custom);
    m_to->setObjectName(QStringLiteral("toEdit"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(timestampFormat());
        edit->setCalendarPopup(true);
    }
    custom->addWidget(buddyLabel(tr("Fro&m:"), m_from, m_custom));
    custom->addWidget(m_from);
    custom->addWidget(buddyLabel(tr("T&o:"), m_to, m_custom));
    custom->addWidget(m_to);
    custom->addStretch(1);
    m_custom->setVisible(false);

    m_api = new QComboBox(this);
    m_api->setObjectName(QStringLiteral("apiBox"));
    m_api->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_api->setMinimumContentsLength(10);
    m_api->addItem(tr("All APIs"));

    // Editable: the list names the catalog's applications, and an id typed
    // in finds the calls of one deleted since.
    m_application = new QComboBox(this);
    m_application->setObjectName(QStringLiteral("applicationBox"));
    m_application->setEditable(true);
    m_application->setInsertPolicy(QComboBox::NoInsert);
    m_application->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_application->setMinimumContentsLength(10);
    m_application->lineEdit()->setPlaceholderText(tr("Any"));
    m_application->setToolTip(tr("The calling application: pick one, or type its name or id"));
    setApplicationNames({});

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusBox"));
    m_status->addItem(tr("Any status"), 0);
    for (int c = 2; c <= 5; ++c)
        m_status->addItem(tr("%1xx").arg(c), c);

    m_cache = new QComboBox(this);
    m_cache->setObjectName(QStringLiteral("cacheBox"));
    m_cache->addItem(tr("Any"), -1);
    for (auto s :
         {gateway::cache_status::hit, gateway::cache_status::miss, gateway::cache_status::stale,
          gateway::cache_status::revalidated, gateway::cache_status::bypass})
        m_cache->addItem(CallLogModel::cacheStatusText(s), int(s));
    m_cache->addItem(tr("No lookup"), int(gateway::cache_status::none));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("Part of the path"));
    enableClearButtonWhileEditable(m_path);
    m_requestId = new QLineEdit(this);
    m_requestId->setObjectName(QStringLiteral("requestIdEdit"));
    m_requestId->setPlaceholderText(tr("Exact request id"));
    enableClearButtonWhileEditable(m_requestId);

    for (QLineEdit* edit : {m_application->lineEdit(), m_path, m_requestId})
        fitPlaceholder(edit);

    m_apply = new QPushButton(tr("Appl&y"), this); // Alt+A: Cache
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setDefault(true);
    m_clear = new QPushButton(tr("&Clear"), this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setToolTip(tr("Turn every filter off"));

    // Row 0: what and when; row 1: text filters and the buttons; row 2: the
    // custom range.
    grid->addWidget(buddyLabel(tr("&Range:"), m_range, this), 0, 0);
    grid->addWidget(m_range, 0, 1);
    grid->addWidget(buddyLabel(tr("AP&I:"), m_api, this), 0, 2);
    grid->addWidget(m_api, 0, 3);
    grid->addWidget(buddyLabel(tr("Applica&tion:"), m_application, this), 0, 4);
    grid->addWidget(m_application, 0, 5);
    grid->addWidget(buddyLabel(tr("&Status:"), m_status, this), 0, 6);
    grid->addWidget(m_status, 0, 7);
    // Alt+H is the Help menu.
    grid->addWidget(buddyLabel(tr("C&ache:"), m_cache, this), 0, 8);
    grid->addWidget(m_cache, 0, 9);
    grid->addWidget(buddyLabel(tr("&Path:"), m_path, this), 1, 0);
    grid->addWidget(m_path, 1, 1, 1, 3);
    grid->addWidget(buddyLabel(tr("Request I&D:"), m_requestId, this), 1, 4);
    grid->addWidget(m_requestId, 1, 5, 1, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_apply);
    grid->addLayout(buttons, 1, 8, 1, 2);
    grid->addWidget(m_custom, 2, 0, 1, 10);
    grid->setColumnStretch(3, 2);
    grid->setColumnStretch(5, 1);
    grid->setColumnStretch(10, 1);

    setRange(Last24Hours);
    const auto apply = [this] {
        if (!m_clearing)
            emit applyRequested();
    };
    connect(m_range, &QComboBox::currentIndexChanged, this, [this, apply] {
        if (range() != Custom) {
            m_previousRange = range();
            m_custom->setVisible(false);
            apply();
            return;
        }
        // From the preset in use up to now, to be edited; applied with
        // Return or Apply.
        const QDateTime now = QDateTime::currentDateTime();
        const qint64 span = presetSpanUs(m_previousRange);
        const qint64 fromUs = now.toMSecsSinceEpoch() * 1000 - (span > 0 ? span : 60 * minuteUs);
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromUs / 1000));
        m_to->setDateTime(now);
        m_custom->setVisible(true);
        m_from->setFocus();
    });
    for (QComboBox* box : {m_api, m_application, m_status, m_cache})
        connect(box, &QComboBox::activated, this, apply);
    for (QLineEdit* edit : {m_path, m_requestId})
        connect(edit, &QLineEdit::returnPressed, this, apply);
    // Return on a name of the list is an `activated` already (QComboBox
    // picks the item); on anything else, an id say, only this.
    connect(m_application->lineEdit(), &QLineEdit::returnPressed, this, [this, apply] {
        if (m_application->findText(m_application->currentText().trimmed(), Qt::MatchFixedString) <
            0)
            apply();
    });
    for (QDateTimeEdit* edit : {m_from, m_to})
        connect(edit, &QAbstractSpinBox::editingFinished, this, apply);
    connect(m_apply, &QPushButton::clicked, this, apply);
    connect(m_clear, &QPushButton::clicked, this, [this, apply] {
        clear();
        apply();
    });
}

CallLogFilterBar::~CallLogFilterBar()
{
    // A field that loses the focus while the window goes away (QWidget's
    // destructor closes it) finishes its edit, and would call into a bar
    // whose members are gone.
    for (QWidget* field : {static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to)})
        disconnect(field, nullptr, this, nullptr);
}

void CallLogFilterBar::setApiNames(const QHash<quint64, QString>& names)
{
    const QVariant current = m_api->currentData();
    const std::vector<std::pair<QString, quint64>> sorted = byName(names);
    m_api->clear();
    m_api->addItem(tr("All APIs"));
    for (const auto& [name, id] : sorted)
        m_api->addItem(name, QVariant::fromValue(id));
    // An API filter in use stays, named or not.
    if (current.isValid()) {
        int at = m_api->findData(current);
        if (at < 0) {
            m_api->addItem(tr("#%1").arg(current.toULongLong()), current);
            at = m_api->count() - 1;
        }
        m_api->setCurrentIndex(at);
    }
}

void CallLogFilterBar::setApplicationNames(const QHash<quint64, QString>& names)
{
    const QString typed = m_application->currentText();
    const QSignalBlocker quiet(m_application);
    m_application->clear();
    m_application->addItem(tr("Anonymous calls"), QVariant::fromValue(quint64(0)));
    for (const auto& [name, id] : byName(names))
        if (!name.isEmpty())
            m_application->addItem(name, QVariant::fromValue(id));
    // What was typed or picked stays, whether the list still has it or not.
    m_application->setCurrentIndex(-1);
    m_application->setEditText(typed);
}

void CallLogFilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(range));
    m_custom->setVisible(range == Custom);
}

CallLogFilterBar::Range CallLogFilterBar::range() const
{
    return static_cast<Range>(m_range->currentData().toInt());
}

void CallLogFilterBar::clear()
{
    m_clearing = true;
    setRange(Last24Hours);
    m_api->setCurrentIndex(0);
    m_application->setCurrentIndex(-1);
    m_application->clearEditText();
    m_status->setCurrentIndex(0);
    m_cache->setCurrentIndex(0);
    m_path->clear();
    m_requestId->clear();
    m_clearing = false;
}

qint64 CallLogFilterBar::presetSpanUs(Range range)
{
    switch (range) {
    case Last15Minutes:
        return 15 * minuteUs;
    case LastHour:
        return 60 * minuteUs;
    case Last24Hours:
        return 24 * 60 * minuteUs;
    case Last7Days:
        return 7 * 24 * 60 * minuteUs;
    case AnyTime:
    case Custom:
        break;
    }
    return 0;
}

std::optional<app::CallLogFilter> CallLogFilterBar::filter(qint64 nowUs, QString* error) const
{
    app::CallLogFilter f;
    switch (range()) {
    case Last15Minutes:
    case LastHour:
    case Last24Hours:
    case Last7Days:
        f.fromUs = nowUs - presetSpanUs(range());
        break;
    case AnyTime:
        break;
    case Custom:
        // Whole seconds, as shown; the "to" second is included.
        f.fromUs = m_from->dateTime().toSecsSinceEpoch() * 1'000'000;
        f.toUs = (m_to->dateTime().toSecsSinceEpoch() + 1) * 1'000'000;
        if (f.fromUs >= f.toUs) {
            *error = tr("The start of the range must be before its end.");
            return std::nullopt;
        }
        break;
    }
    if (m_api->currentData().isValid())
        f.apiId = m_api->currentData().toULongLong();
    const QString application = m_application->currentText().trimmed();
    if (!application.isEmpty()) {
        // A name in the list (in any case), else an id, as the table and
        // the details show it ("102", "#102", "id 102").
        const int named = m_application->findText(application, Qt::MatchFixedString);
        if (named >= 0) {
            f.applicationId = m_application->itemData(named).toULongLong();
        } else {
            QString digits = application;
            if (digits.startsWith(QLatin1Char('#')))
                digits.remove(0, 1);
            else if (digits.startsWith(QLatin1String("id "), Qt::CaseInsensitive))
                digits.remove(0, 3);
            bool ok = false;
            const quint64 id = digits.trimmed().toULongLong(&ok);
            if (!ok || id > quint64(std::numeric_limits<qint64>::max())) {
                *error = tr("No application is called \"%1\": pick one from the list, or give "
                            "its name or id.")
                             .arg(application);
                return std::nullopt;
            }
            f.applicationId = id;
        }
    }
    f.statusClass = m_status->currentData().toInt();
    const int cache = m_cache->currentData().toInt();
    if (cache >= 0)
        f.cacheStatus = static_cast<gateway::cache_status>(cache);
    f.pathSubstring = m_path->text().trimmed();
    f.requestId = m_requestId->text().trimmed();
    return f;
}

} // namespace gatehouse::ui
