// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/password_hasher.h"

#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace gatehouse::app {

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;

QByteArray derive(const QString& password, const QByteArray& salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray out(HashBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()),
                          reinterpret_cast<const unsigned char*>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), HashBytes,
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        return {};
    return out;
}

} // namespace

QByteArray PasswordHasher::randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        return {};
    return bytes;
}

QString PasswordHasher::hash(const QString& password, int iterations)
{
    iterations = qMax(iterations, MinimumIterations);
    const QByteArray salt = randomBytes(SaltBytes);
    const QByteArray derived = salt.isEmpty() ? QByteArray() : derive(password, salt, iterations);
    if (derived.isEmpty())
        return {};
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

bool PasswordHasher::verify(const QString& password, const QString& encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts[0] != QLatin1String("pbkdf2-sha256"))
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < MinimumIterations || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    if (salt.isEmpty() || expected.size() != HashBytes)
        return false;
    const QByteArray actual = derive(password, salt, iterations);
    return actual.size() == HashBytes &&
           CRYPTO_memcmp(actual.constData(), expected.constData(), HashBytes) == 0;
}

} // namespace gatehouse::app
