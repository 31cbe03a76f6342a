// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/request_id_key.h"

namespace gatehouse::app::telemetry {

namespace {

int lowerHexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool packHex(std::string_view id, unsigned char* out)
{
    if (id.size() != 2 * packedRequestIdSize)
        return false;
    for (std::size_t i = 0; i < packedRequestIdSize; ++i) {
        const int hi = lowerHexDigit(id[2 * i]);
        const int lo = lowerHexDigit(id[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return true;
}

// The milliseconds in a packed id's first 48 bits.
qint64 packedMilliseconds(const unsigned char* packed)
{
    quint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = ms << 8 | packed[i];
    return static_cast<qint64>(ms);
}

} // namespace

bool packRequestId(std::string_view id, qint64 timestampUs, unsigned char* out)
{
    return timestampUs >= 0 && packHex(id, out) && packedMilliseconds(out) == timestampUs / 1000;
}

QString unpackRequestId(const QByteArray& packed)
{
    return QString::fromLatin1(packed.toHex());
}

std::optional<PackedRequestIdSearch> packedRequestIdSearch(QStringView text)
{
    const QByteArray lower = text.toLatin1().toLower();
    unsigned char key[packedRequestIdSize];
    if (!packHex(std::string_view(lower.constData(), static_cast<std::size_t>(lower.size())), key))
        return std::nullopt;
    PackedRequestIdSearch search;
    search.packed = QByteArray(reinterpret_cast<const char*>(key), packedRequestIdSize);
    search.fromUs = packedMilliseconds(key) * 1000;
    search.toUs = search.fromUs + 1000;
    return search;
}

} // namespace gatehouse::app::telemetry
