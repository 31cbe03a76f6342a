// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace gatehouse::app {

// API key format: "gh_" + base64url(32 CSPRNG bytes), 46 characters. Only
// sha256Hex(key) and lookupPrefix(key) are ever stored; the key itself is
// shown once, when issued.
class ApiKeyCodec {
public:
    static constexpr int RandomBytes = 32;
    static constexpr int PrefixLength = 8;

    // Empty only if the system has no secure randomness.
    static QString generate();
    static bool looksLikeKey(const QString& key);
    // The first 8 characters after "gh_": an index to find candidate rows
    // without storing the key. 48 bits of a 256-bit secret.
    static QString lookupPrefix(const QString& key);
    static QString sha256Hex(const QString& key);
    // Constant-time comparison of two hex digests.
    static bool digestsEqual(const QString& a, const QString& b);
};

} // namespace gatehouse::app
