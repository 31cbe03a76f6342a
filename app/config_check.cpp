// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_check.h"

#include "app/declarative_config.h"
#include "gateway/upstream_tls.hpp"

#include <QTextStream>

namespace gatehouse::app {

int checkConfigFile(const QString& path, QTextStream& out, QTextStream& err)
{
    DeclarativeConfig config;
    if (!config.loadFile(path)) {
        err << "gatehouse: " << config.lastError() << Qt::endl;
        return 1;
    }
    // What a start would find only when it binds: a certificate and key
    // that cannot be read or do not belong together.
    const auto& options = config.options();
    if (!options.tls_certificate_file.empty()) {
        std::string why;
        if (!gateway::make_listener_tls_context(options.tls_certificate_file, options.tls_key_file,
                                                why)) {
            err << "gatehouse: " << path << ": listen.tls: " << QString::fromStdString(why)
                << Qt::endl;
            return 1;
        }
    }
    out << path
        << QStringLiteral(": configuration OK (routes: %1, upstreams: %2%3)")
               .arg(config.snapshot().routes.size())
               .arg(config.snapshot().upstreams.size())
               .arg(options.tls_certificate_file.empty() ? QString() : QStringLiteral(", HTTPS"))
        << Qt::endl;
    return 0;
}

} // namespace gatehouse::app
