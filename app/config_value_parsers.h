// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <chrono>
#include <cstdint>

// Parsers for the scalar values of the declarative configuration file
// (resources/CONFIG_FORMAT.md). Each returns false and sets `*error` to a short
// English phrase (no file, line or field path: the caller adds those).
namespace gatehouse::app::config {

// Decimal digits only. "-5" is reported as negative, "1e3" or "0x10" as not a
// whole number.
bool parseUnsigned(QStringView text, std::uint64_t* out, QString* error);

// A whole number of milliseconds ("250"), or number+unit pairs with the units
// ms, s, m, h: "250ms", "10s", "2m", "1h", "1m30s". No fractions.
bool parseDuration(QStringView text, std::chrono::milliseconds* out, QString* error);

// A whole number of bytes, or a number and a unit, optionally separated by a
// space: B; KiB, MiB, GiB, TiB (powers of 1024); KB, MB, GB, TB (powers of
// 1000). Units are case-insensitive. No fractions.
bool parseSize(QStringView text, std::uint64_t* out, QString* error);

// "1h30m", "10s", "250ms": the shortest exact spelling, for messages.
QString formatDuration(std::chrono::milliseconds value);

// An IPv4 or IPv6 literal to listen on ("127.0.0.1", "0.0.0.0", "::1",
// "[::1]"); `*normalized` gets it without brackets. Host names are refused:
// the listener does not resolve names.
bool parseListenAddress(QStringView text, QString* normalized, QString* error);

// A route's Host match: a DNS name or an IP literal, no port. `*normalized`
// gets it in lower case (the router compares lower-case hosts).
bool parseHostMatch(QStringView text, QString* normalized, QString* error);

// Upstream names and route ids: 1 to 128 of A-Z a-z 0-9 . _ -
bool isValidName(QStringView text);

} // namespace gatehouse::app::config
