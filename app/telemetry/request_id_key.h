// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <cstddef>
#include <optional>
#include <string_view>

namespace gatehouse::app::telemetry {

// How call_log stores a request id, losslessly, in one of two columns:
//  - request_id (BLOB / BYTEA): an id the gateway generated, 32 lowercase
//    hex digits whose first 12 are the call's start in milliseconds (like a
//    UUIDv7), as its 16 bytes. It needs no index: a search finds it through
//    its timestamp, a one-millisecond range of the call_log_ts index;
//  - request_text (TEXT): any other id (a client's own X-Request-Id), as
//    sent, under a partial index (WHERE request_text IS NOT NULL) that only
//    such calls pay for. Rows migrated from schema 1 keep their ids here.
// Exactly one of the two is NULL.

inline constexpr std::size_t packedRequestIdSize = 16;

// True, with the 16 bytes in `out`, when `id` is the gateway's own id of a
// call that started at `timestampUs`.
bool packRequestId(std::string_view id, qint64 timestampUs, unsigned char* out);

// The id a request_id column holds, as the gateway generated it.
QString unpackRequestId(const QByteArray& packed);

// Where a user's search text (a request id as shown or typed, in any case)
// may be stored packed: the 16 bytes, and the calls' time range [fromUs, toUs).
struct PackedRequestIdSearch {
    QByteArray packed;
    qint64 fromUs = 0;
    qint64 toUs = 0;
};
std::optional<PackedRequestIdSearch> packedRequestIdSearch(QStringView text);

} // namespace gatehouse::app::telemetry
