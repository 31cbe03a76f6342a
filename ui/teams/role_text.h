// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_service.h"
#include "app/domain/roles.h"

#include <QCoreApplication>

namespace gatehouse::ui {

// The console's words for roles and for the kinds of domain refusal.
class RoleText {
    Q_DECLARE_TR_FUNCTIONS(RoleText)

public:
    static QString role(app::Role role);
    static QString teamRole(app::TeamRole role);
    // "Refused (permission denied): only admins may …" from a domain error.
    static QString refusal(app::DomainErrorCode code, const QString& message);
};

} // namespace gatehouse::ui
