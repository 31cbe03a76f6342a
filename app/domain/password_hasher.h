// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse::app {

// PBKDF2-HMAC-SHA256 (OpenSSL) with a random 16-byte salt. The encoded form
// carries its parameters, so the iteration count can rise later without
// breaking stored hashes:  pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>
class PasswordHasher {
public:
    static constexpr int DefaultIterations = 210000; // OWASP 2023 for SHA-256
    static constexpr int MinimumIterations = 100000;

    // Empty only if the system has no secure randomness.
    static QString hash(const QString& password, int iterations = DefaultIterations);
    // Constant-time comparison; false for any malformed encoding.
    static bool verify(const QString& password, const QString& encoded);

    // Cryptographically secure random bytes (OpenSSL RAND_bytes); empty on
    // failure, which callers treat as an error.
    static QByteArray randomBytes(int count);
};

} // namespace gatehouse::app
