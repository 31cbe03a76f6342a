// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_token.h"

#include "app/domain/password_hasher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <openssl/crypto.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace gatehouse::app {

namespace {

constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                              QFileDevice::ExeGroup | QFileDevice::ReadOther |
                              QFileDevice::WriteOther | QFileDevice::ExeOther;

bool wellFormed(const QByteArray& token)
{
    if (token.size() < 32)
        return false;
    for (char c : token) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QString AdminToken::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/admin-token");
}

bool AdminToken::fail(const QString& message)
{
    m_error = message;
    m_token.clear();
    return false;
}

bool AdminToken::loadOrCreate(const QString& path)
{
    m_path = path;
    m_error.clear();
    if (!secureDirectory(QFileInfo(path).absolutePath()))
        return false;
    return QFileInfo::exists(path) ? load(path) : create(path);
}

// The token's directory becomes 0700 when this creates it, and the default
// one (Gatehouse's own config directory) is kept at 0700. A directory named
// by the caller that already exists is left as it is: the file is 0600
// either way, and tightening, say, a home directory is not ours to do.
bool AdminToken::secureDirectory(const QString& dirPath)
{
    const bool existed = QFileInfo::exists(dirPath);
    if (!existed && !QDir().mkpath(dirPath))
        return fail(QStringLiteral("cannot create the directory %1").arg(dirPath));
    const bool ours = !existed || dirPath == QFileInfo(defaultPath()).absolutePath();
    if (ours && (QFileInfo(dirPath).permissions() & groupOrOther) &&
        !QFile::setPermissions(dirPath, ownerOnly | QFileDevice::ExeOwner))
        return fail(QStringLiteral("cannot restrict the permissions of %1").arg(dirPath));
    return true;
}

bool AdminToken::load(const QString& path)
{
    if ((QFileInfo(path).permissions() & groupOrOther) && !QFile::setPermissions(path, ownerOnly))
        return fail(QStringLiteral("%1 is readable by others and cannot be restricted").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("cannot read the admin token %1: %2").arg(path, file.errorString()));
    const QByteArray token = file.read(4096).trimmed();
    if (!wellFormed(token))
        return fail(QStringLiteral("%1 does not hold an admin token; delete it to create a new "
                                   "one")
                        .arg(path));
    m_token = token;
    return true;
}

bool AdminToken::create(const QString& path)
{
    const QByteArray random = PasswordHasher::randomBytes(RandomBytes);
    if (random.size() != RandomBytes)
        return fail(QStringLiteral("no secure randomness for the admin token"));
    const QByteArray token =
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    // Created 0600 by open() itself, so the token is never readable by
    // others, not even between creating and restricting the file.
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST)
        return load(path); // another Gatehouse started at the same moment
    if (fd < 0)
        return fail(QStringLiteral("cannot create the admin token %1: %2")
                        .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const QByteArray line = token + '\n';
    const bool written = ::write(fd, line.constData(), static_cast<size_t>(line.size())) ==
                         static_cast<ssize_t>(line.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) {
        QFile::remove(path);
        return fail(QStringLiteral("cannot write the admin token %1").arg(path));
    }
    m_token = token;
    return true;
}

bool AdminToken::matches(const QByteArray& presented) const
{
    // The length is not secret (always 43 characters); the bytes are.
    if (m_token.isEmpty() || presented.size() != m_token.size())
        return false;
    return CRYPTO_memcmp(presented.constData(), m_token.constData(),
                         static_cast<size_t>(m_token.size())) == 0;
}

QByteArray AdminToken::bearerToken(const QByteArray& authorization)
{
    const QByteArray value = authorization.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0 || value.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(space + 1).trimmed();
}

} // namespace gatehouse::app
