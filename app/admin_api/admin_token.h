// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse::app {

// The admin API's bearer token: base64url of 32 CSPRNG bytes (OpenSSL),
// created on first start in a file only its owner may read (0600, in a
// directory kept at 0700 when it is Gatehouse's own), and read back on
// later starts. Whoever can read the
// file acts as the workspace admin through the API.
class AdminToken {
public:
    static constexpr int RandomBytes = 32;

    // <AppConfigLocation>/admin-token
    static QString defaultPath();

    // Reads the token at `path`, or creates it when the file does not exist.
    // An existing file readable by group or others is tightened to 0600.
    // False with lastError() for an unreadable or malformed file, which is
    // never overwritten.
    bool loadOrCreate(const QString& path);

    QByteArray token() const { return m_token; }
    QString path() const { return m_path; }
    QString lastError() const { return m_error; }

    // Constant-time comparison against the token (false when none is loaded).
    bool matches(const QByteArray& presented) const;
    // The token out of an "Authorization: Bearer <token>" value.
    static QByteArray bearerToken(const QByteArray& authorization);

private:
    bool fail(const QString& message);
    bool secureDirectory(const QString& dirPath);
    bool load(const QString& path);
    bool create(const QString& path);

    QByteArray m_token;
    QString m_path;
    QString m_error;
};

} // namespace gatehouse::app
