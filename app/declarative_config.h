// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"
#include "gateway/gateway_options.hpp"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gatehouse::app {

// Loads a declarative gateway configuration file (DB-less mode:
// `gatehouse --headless --config FILE`): routes, upstreams and the optional
// listener settings, in YAML or JSON. The format is described in
// resources/CONFIG_FORMAT.md.
//
// Loading is all or nothing: on failure snapshot() and options() keep what the
// last successful load produced (defaults before the first one), and
// lastError() names the file, line, column and field path of every problem:
//   gw.yaml:12:7: routes[2].upstream: unknown upstream 'billing'
//
// Not thread-safe; use one instance per thread. Never throws.
class DeclarativeConfig {
public:
    // Files larger than this are refused before parsing.
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    bool loadFile(const QString& path);
    // `sourceName` is used in error messages in place of a file name.
    bool parse(const QByteArray& text, const QString& sourceName = QStringLiteral("<config>"));

    const gateway::config_snapshot& snapshot() const { return m_snapshot; }
    const gateway::gateway_options& options() const { return m_options; }

    // Every problem of the last failed load, one per line, in file order.
    QString lastError() const { return m_errors.join(QLatin1Char('\n')); }
    QStringList errors() const { return m_errors; }

private:
    gateway::config_snapshot m_snapshot;
    gateway::gateway_options m_options;
    QStringList m_errors;
};

} // namespace gatehouse::app
