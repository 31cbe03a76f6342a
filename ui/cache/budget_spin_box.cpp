// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/cache/budget_spin_box.h"

#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cstdlib>

namespace gatehouse::ui {

namespace {

constexpr qint64 kibPerMib = 1024;
constexpr qint64 kibPerGib = 1024 * 1024;
constexpr qint64 stepBelowMib = 64;

// A number, then an optional unit: "512", "512 KiB", "8M", "2 gb".
const QRegularExpression& sizePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,13})\\s*(?:([kmgt])(?:i?b)?)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// What may still become a size while it is being typed.
const QRegularExpression& partialPattern()
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\d{0,13}\\s*(?:[kmgt]i?)?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

BudgetSpinBox::BudgetSpinBox(QWidget* parent)
    : QSpinBox(parent)
{
    setRange(minimumKib, maximumKib);
    setAccelerated(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
}

std::optional<qint64> BudgetSpinBox::parseKib(const QString& text)
{
    const QRegularExpressionMatch m = sizePattern().match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 number = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    switch (unit.isEmpty() ? 'm' : unit.at(0).toLatin1()) {
    case 'k':
        return number;
    case 'g':
        return number * kibPerGib;
    case 't':
        return number * kibPerGib * 1024;
    default:
        return number * kibPerMib;
    }
}

QString BudgetSpinBox::textFromValue(int kib) const
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator); // typed back as it reads
    if (kib % kibPerGib == 0)
        return tr("%1 GiB").arg(locale.toString(kib / kibPerGib));
    if (kib % kibPerMib == 0)
        return tr("%1 MiB").arg(locale.toString(kib / kibPerMib));
    return tr("%1 KiB").arg(locale.toString(kib));
}

int BudgetSpinBox::valueFromText(const QString& text) const
{
    const std::optional<qint64> kib = parseKib(text);
    if (!kib)
        return value();
    return static_cast<int>(std::clamp<qint64>(*kib, minimum(), maximum()));
}

QValidator::State BudgetSpinBox::validate(QString& input, int& pos) const
{
    Q_UNUSED(pos)
    if (const std::optional<qint64> kib = parseKib(input))
        return *kib >= minimum() && *kib <= maximum() ? QValidator::Acceptable
                                                      : QValidator::Intermediate;
    // What this spin box shows itself (its units may be translated).
    if (input == textFromValue(value()))
        return QValidator::Acceptable;
    return partialPattern().match(input).hasMatch() ? QValidator::Intermediate
                                                    : QValidator::Invalid;
}

void BudgetSpinBox::fixup(QString& input) const
{
    if (const std::optional<qint64> kib = parseKib(input))
        input = textFromValue(static_cast<int>(std::clamp<qint64>(*kib, minimum(), maximum())));
}

void BudgetSpinBox::stepBy(int steps)
{
    qint64 kib = value();
    for (int i = 0; i < std::abs(steps); ++i) {
        if (steps > 0) {
            const qint64 unit = kib >= kibPerGib   ? kibPerGib
                                : kib >= kibPerMib ? kibPerMib
                                                   : stepBelowMib;
            kib = (kib / unit + 1) * unit;
        } else {
            const qint64 unit = kib > kibPerGib   ? kibPerGib
                                : kib > kibPerMib ? kibPerMib
                                                  : stepBelowMib;
            kib = (kib - 1) / unit * unit;
        }
        kib = std::clamp<qint64>(kib, minimum(), maximum());
    }
    setValue(static_cast<int>(kib));
    selectAll();
}

QAbstractSpinBox::StepEnabled BudgetSpinBox::stepEnabled() const
{
    StepEnabled enabled = StepNone;
    if (value() > minimum())
        enabled |= StepDownEnabled;
    if (value() < maximum())
        enabled |= StepUpEnabled;
    return enabled;
}

} // namespace gatehouse::ui
