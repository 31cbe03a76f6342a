// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_key.h"

#include "app/domain/password_hasher.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>

namespace gatehouse::app {

namespace {
const QLatin1String keyPrefix("gh_");
}

QString ApiKeyCodec::generate()
{
    const QByteArray random = PasswordHasher::randomBytes(RandomBytes);
    if (random.size() != RandomBytes)
        return {};
    return keyPrefix + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals));
}

bool ApiKeyCodec::looksLikeKey(const QString& key)
{
    return key.startsWith(keyPrefix) && key.size() == 3 + 43;
}

QString ApiKeyCodec::lookupPrefix(const QString& key)
{
    return key.mid(keyPrefix.size(), PrefixLength);
}

QString ApiKeyCodec::sha256Hex(const QString& key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool ApiKeyCodec::digestsEqual(const QString& a, const QString& b)
{
    const QByteArray l = a.toLatin1();
    const QByteArray r = b.toLatin1();
    return l.size() == r.size() && CRYPTO_memcmp(l.constData(), r.constData(), l.size()) == 0;
}

} // namespace gatehouse::app
