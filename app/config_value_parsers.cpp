// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_value_parsers.h"

#include <QHostAddress>

#include <limits>

namespace gatehouse::app::config {

namespace {

constexpr std::uint64_t Max = std::numeric_limits<std::uint64_t>::max();

// ASCII only: QChar::isDigit() would also take other scripts' digits.
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool allDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

bool setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

bool multiply(std::uint64_t a, std::uint64_t b, std::uint64_t* out)
{
    if (b != 0 && a > Max / b)
        return false;
    *out = a * b;
    return true;
}

// Splits "10s" / "16 KiB" into the number and the unit (without the space).
// Returns false when the text does not start with digits.
bool splitNumberUnit(QStringView text, qsizetype* pos, QStringView* number, QStringView* unit,
                     bool allowSpace)
{
    const qsizetype start = *pos;
    while (*pos < text.size() && isAsciiDigit(text[*pos]))
        ++*pos;
    if (*pos == start)
        return false;
    *number = text.mid(start, *pos - start);
    if (allowSpace && *pos < text.size() && text[*pos] == u' ')
        ++*pos;
    const qsizetype unitStart = *pos;
    while (*pos < text.size() && isAsciiLetter(text[*pos]))
        ++*pos;
    *unit = text.mid(unitStart, *pos - unitStart);
    return true;
}

} // namespace

bool parseUnsigned(QStringView text, std::uint64_t* out, QString* error)
{
    if (text.size() > 1 && text.front() == u'-' && allDigits(text.mid(1)))
        return setError(error, QStringLiteral("must not be negative"));
    if (!allDigits(text))
        return setError(error, QStringLiteral("expected a whole number, got '%1'").arg(text));
    std::uint64_t value = 0;
    for (QChar c : text) {
        const auto digit = static_cast<std::uint64_t>(c.unicode() - u'0');
        if (value > (Max - digit) / 10)
            return setError(error, QStringLiteral("%1 is too large").arg(text));
        value = value * 10 + digit;
    }
    *out = value;
    return true;
}

bool parseDuration(QStringView text, std::chrono::milliseconds* out, QString* error)
{
    const QStringView t = text.trimmed();
    const QString invalid =
        QStringLiteral("invalid duration '%1' (expected a whole number of milliseconds or a number "
                       "with a unit: 250ms, 10s, 2m, 1h)")
            .arg(text);
    if (t.size() > 1 && t.front() == u'-')
        return setError(error, QStringLiteral("duration '%1' must not be negative").arg(text));
    std::uint64_t total = 0;
    if (allDigits(t)) {
        QString why;
        if (!parseUnsigned(t, &total, &why))
            return setError(error, QStringLiteral("duration '%1' is too large").arg(text));
    } else {
        qsizetype pos = 0;
        if (t.isEmpty())
            return setError(error, invalid);
        while (pos < t.size()) {
            QStringView number;
            QStringView unit;
            if (!splitNumberUnit(t, &pos, &number, &unit, false))
                return setError(error, invalid);
            if (pos < t.size() && (t[pos] == u'.' || t[pos] == u','))
                return setError(error, QStringLiteral("invalid duration '%1' (fractions are not "
                                                      "supported: write 1500ms, not 1.5s)")
                                           .arg(text));
            std::uint64_t factor = 0;
            if (unit.compare(u"ms", Qt::CaseInsensitive) == 0)
                factor = 1;
            else if (unit.compare(u"s", Qt::CaseInsensitive) == 0)
                factor = 1000;
            else if (unit.compare(u"m", Qt::CaseInsensitive) == 0)
                factor = 60 * 1000;
            else if (unit.compare(u"h", Qt::CaseInsensitive) == 0)
                factor = 60 * 60 * 1000;
            else
                return setError(error, invalid);
            std::uint64_t value = 0;
            std::uint64_t scaled = 0;
            if (!parseUnsigned(number, &value, nullptr) || !multiply(value, factor, &scaled) ||
                total > Max - scaled)
                return setError(error, QStringLiteral("duration '%1' is too large").arg(text));
            total += scaled;
        }
    }
    using Rep = std::chrono::milliseconds::rep;
    if (total > static_cast<std::uint64_t>(std::numeric_limits<Rep>::max()))
        return setError(error, QStringLiteral("duration '%1' is too large").arg(text));
    *out = std::chrono::milliseconds(static_cast<Rep>(total));
    return true;
}

bool parseSize(QStringView text, std::uint64_t* out, QString* error)
{
    const QStringView t = text.trimmed();
    const QString invalid = QStringLiteral("invalid size '%1' (expected a whole number of bytes or "
                                           "a number with a unit: B, KiB, MiB, GiB, KB, MB, GB)")
                                .arg(text);
    if (t.size() > 1 && t.front() == u'-')
        return setError(error, QStringLiteral("size '%1' must not be negative").arg(text));
    qsizetype pos = 0;
    QStringView number;
    QStringView unit;
    if (!splitNumberUnit(t, &pos, &number, &unit, true))
        return setError(error, invalid);
    if (pos < t.size() && (t[pos] == u'.' || t[pos] == u','))
        return setError(
            error,
            QStringLiteral("invalid size '%1' (fractions are not supported: write 1536KiB, not "
                           "1.5MiB)")
                .arg(text));
    if (pos != t.size())
        return setError(error, invalid);

    struct Unit {
        const char16_t* name;
        std::uint64_t factor;
    };
    static constexpr Unit units[] = {
        {u"", 1},
        {u"b", 1},
        {u"kib", 1ull << 10},
        {u"mib", 1ull << 20},
        {u"gib", 1ull << 30},
        {u"tib", 1ull << 40},
        {u"kb", 1000ull},
        {u"mb", 1000ull * 1000},
        {u"gb", 1000ull * 1000 * 1000},
        {u"tb", 1000ull * 1000 * 1000 * 1000},
    };
    const Unit* found = nullptr;
    for (const Unit& u : units) {
        if (unit.compare(QStringView(u.name), Qt::CaseInsensitive) == 0) {
            found = &u;
            break;
        }
    }
    if (!found)
        return setError(error, invalid);
    std::uint64_t value = 0;
    if (!parseUnsigned(number, &value, nullptr) || !multiply(value, found->factor, out))
        return setError(error, QStringLiteral("size '%1' is too large").arg(text));
    return true;
}

QString formatDuration(std::chrono::milliseconds value)
{
    auto ms = value.count();
    if (ms <= 0)
        return QStringLiteral("%1ms").arg(ms);
    QString out;
    const std::pair<long long, const char*> parts[] = {
        {3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
    for (const auto& [factor, unit] : parts) {
        if (ms >= factor) {
            out += QString::number(ms / factor) + QLatin1String(unit);
            ms %= factor;
        }
    }
    return out;
}

bool parseListenAddress(QStringView text, QString* normalized, QString* error)
{
    QStringView address = text;
    if (address.size() > 2 && address.front() == u'[' && address.back() == u']')
        address = address.mid(1, address.size() - 2);
    const QString hint =
        QStringLiteral("'%1' is not an IP address (the listener needs one, such as 127.0.0.1, "
                       "0.0.0.0 or ::1)")
            .arg(text);
    if (address.contains(u':')) {
        QHostAddress parsed;
        if (!parsed.setAddress(address.toString()) ||
            parsed.protocol() != QAbstractSocket::IPv6Protocol)
            return setError(error, hint);
    } else {
        // Strict dotted quad: QHostAddress would also take "1" or "0x7f.1".
        const auto parts = address.split(u'.');
        if (parts.size() != 4)
            return setError(error, hint);
        for (QStringView part : parts) {
            std::uint64_t value = 0;
            if (part.size() > 3 || (part.size() > 1 && part.front() == u'0') ||
                !parseUnsigned(part, &value, nullptr) || value > 255)
                return setError(error, hint);
        }
    }
    *normalized = address.toString();
    return true;
}

bool parseHostMatch(QStringView text, QString* normalized, QString* error)
{
    if (text.isEmpty())
        return setError(error, QStringLiteral("must not be empty (omit it to match any host)"));
    if (text.contains(u'*'))
        return setError(error, QStringLiteral("wildcard hosts are not supported"));
    if (text.contains(u':') || text.contains(u'['))
        return setError(error, QStringLiteral("'%1' must be a host name or IPv4 address without "
                                              "a port")
                                   .arg(text));
    if (text.size() > 253)
        return setError(error, QStringLiteral("host name is longer than 253 characters"));
    for (QStringView label : text.split(u'.')) {
        if (label.isEmpty() || label.size() > 63)
            return setError(error, QStringLiteral("'%1' is not a valid host name").arg(text));
        for (QChar c : label) {
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'-' && c != u'_')
                return setError(error, QStringLiteral("'%1' is not a valid host name").arg(text));
        }
    }
    *normalized = text.toString().toLower();
    return true;
}

bool isValidName(QStringView text)
{
    if (text.isEmpty() || text.size() > 128)
        return false;
    for (QChar c : text) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'.' && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

} // namespace gatehouse::app::config
