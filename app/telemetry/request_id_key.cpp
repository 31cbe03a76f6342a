// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/request_id_key.h"

#include <array>

namespace gatehouse::app::telemetry {

namespace {

// Lowercase hex digit values, -1 for anything else.
constexpr auto hexValues = [] {
    std::array<signed char, 256> v{};
    v.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        v[static_cast<std::size_t>(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        v[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'a' + 10);
    return v;
}();

bool packHex(std::string_view id, unsigned char* out)
{
    if (id.size() != 2 * packedRequestIdSize)
        return false;
    int bad = 0; // no early exit: the writer's ids are nearly all valid
    for (std::size_t i = 0; i < packedRequestIdSize; ++i) {
        const int hi = hexValues[static_cast<unsigned char>(id[2 * i])];
        const int lo = hexValues[static_cast<unsigned char>(id[2 * i + 1])];
        bad |= hi | lo;
        out[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return bad >= 0;
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
