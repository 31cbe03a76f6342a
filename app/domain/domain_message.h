// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::app {

// A domain message kept apart from its wording: an English template with
// %1.. placeholders (one of app/domain/domain_messages.h, marked for lupdate
// in the "DomainMessage" context but never translated here) and its
// arguments. An argument is either verbatim text -- user data such as names,
// slugs and paths, numbers, a database driver's message -- or a message of
// its own (a lifecycle state, a subscription state), so that words produced
// by code are translated with the sentence around them.
//
// toString() is the English text lastError() returns and the admin API and
// the command line show; the console renders the same message translated
// (ui/domain_message_text.h).
class DomainMessage {
public:
    DomainMessage() = default;
    // `text` must outlive the message: one of the templates in
    // domain_messages.h, which are string literals.
    DomainMessage(const char* text, QList<DomainMessage> args = {})
        : m_text(text)
        , m_args(std::move(args))
    {
    }
    // Verbatim text: implicit, so that `{api.slug, api.version}` reads as
    // two verbatim arguments.
    DomainMessage(const QString& verbatim)
        : m_verbatim(verbatim)
    {
    }
    static DomainMessage number(qint64 n) { return DomainMessage(QString::number(n)); }

    bool isEmpty() const { return !m_text && m_verbatim.isEmpty(); }
    bool isVerbatim() const { return !m_text; }
    // The English template; null for verbatim text.
    const char* text() const { return m_text; }
    const QString& verbatim() const { return m_verbatim; }
    const QList<DomainMessage>& args() const { return m_args; }

    // The message in English, exactly as the domain has always worded it.
    QString toString() const;

    // The message with every template (its own and its arguments') passed
    // through `translate(const char* text) -> QString` first. (Declare the
    // return type of a lambda: with QStringBuilder, `auto` would return an
    // expression that refers to destroyed temporaries.)
    template <typename Translate>
    QString render(const Translate& translate) const
    {
        if (!m_text)
            return m_verbatim;
        QStringList args;
        args.reserve(m_args.size());
        for (const DomainMessage& arg : m_args)
            args << arg.render(translate);
        return substitute(translate(m_text), args);
    }

    // Replaces %1..%99 in one pass, so that an argument that itself contains
    // "%2" (a user's name, say) is never substituted again. A placeholder
    // without an argument stays as it is.
    static QString substitute(const QString& text, const QStringList& args);

    friend bool operator==(const DomainMessage& a, const DomainMessage& b)
    {
        return a.toString() == b.toString();
    }

private:
    const char* m_text = nullptr;
    QString m_verbatim;
    QList<DomainMessage> m_args;
};

} // namespace gatehouse::app
