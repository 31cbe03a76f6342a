// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/command_line.h"

#include <QIODevice>

namespace gatehouse::app {

// The one-shot catalog commands of the command line (--export-workspace,
// --apply-workspace, --import-openapi): open the catalog named by
// --database, act as its local admin (or as --as NAME in a shared one),
// do the one thing, report on `out` / `err`, and return the exit code:
// 0 done, 1 refused or failed (with the reason; nothing half-written to a
// file), as `gatehouse` itself returns it. Needs a Q(Core)Application.
class CatalogCommand {
public:
    static int run(const CommandLineOptions& options, QIODevice& in, QIODevice& out,
                   QIODevice& err);
};

} // namespace gatehouse::app
