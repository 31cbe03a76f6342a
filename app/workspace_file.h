// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"
#include "app/domain/roles.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gatehouse::app {

class CatalogStore;

struct WorkspaceApplyResult {
    QStringList changes; // one line per change made, e.g. "api orders@v1: published"
    QStringList errors;  // "apis[2].team: no team 'billing'"; nothing after the first is applied
    // The same errors as messages, for the console to show in its language.
    QList<DomainMessage> errorMessages;
    int unchanged = 0; // objects already as described
    bool ok() const { return errors.isEmpty(); }
    void addError(const DomainMessage& message)
    {
        errors << message.toString();
        errorMessages << message;
    }
    // All errors as one message, "; " between them (empty when ok()).
    DomainMessage errorMessage() const;
};

// The whole workspace as one declarative JSON file, for keeping a catalog
// in git: teams (with members, by user name), APIs (by slug@version, with
// their lifecycle state, successor and plans). Applications, keys and
// subscriptions are not part of it: they are people's runtime state, and
// keys are secrets.
//
// apply() makes the catalog match the file through the domain services (so
// permissions and audit apply as for any other change): missing objects are
// created, differing ones updated, lifecycle states moved forward. Applying
// the same file twice changes nothing the second time. Nothing is deleted,
// and a lifecycle never moves backwards (that is an error). The whole file is
// checked before anything is written; a storage failure halfway leaves the
// earlier changes in place, and applying again completes the rest.
// Storage thread only (CatalogService::mutate).
class WorkspaceFile {
public:
    static constexpr int FormatVersion = 1;

    static QByteArray exportWorkspace(CatalogStore& store, const Principal& actor, QString* error);
    // One API the actor can see, in the same format: its definition and
    // plans, and its team by name and description only (members are people
    // of this catalog), so the file applies to another catalog on its own.
    // Its successor is left out: the file does not hold it. Empty and
    // `error` set when the API is not visible or cannot be read.
    static QByteArray exportApi(CatalogStore& store, const Principal& actor, qint64 apiId,
                                QString* error);
    static WorkspaceApplyResult apply(CatalogStore& store, const Principal& actor,
                                      const QByteArray& document);
};

} // namespace gatehouse::app
