// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QTextStream;

namespace gatehouse::app {

// `gatehouse --check-config FILE`, as `nginx -t`: reads the declarative file
// as --config would, validates it, and loads an HTTPS listener's
// certificate and key, without starting anything; for a deployment script
// or a reload (`gatehouse --check-config gw.yaml && kill -HUP <pid>`).
// Returns 0 with "FILE: configuration OK (...)" on `out`, or 1 with every
// problem on `err`.
int checkConfigFile(const QString& path, QTextStream& out, QTextStream& err);

} // namespace gatehouse::app
