// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/domain_message.h"

namespace gatehouse::app {

QString DomainMessage::toString() const
{
    return render([](const char* text) { return QString::fromUtf8(text); });
}

QString DomainMessage::substitute(const QString& text, const QStringList& args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('%') || i + 1 >= text.size() || !text.at(i + 1).isDigit()) {
            out += c;
            continue;
        }
        qsizetype end = i + 1;
        int n = 0;
        while (end < text.size() && end < i + 3 && text.at(end).isDigit())
            n = n * 10 + text.at(end++).digitValue();
        if (n >= 1 && n <= args.size()) {
            out += args.at(n - 1);
            i = end - 1;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace gatehouse::app
