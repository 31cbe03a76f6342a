// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/teams/role_text.h"

namespace gatehouse::ui {

QString RoleText::role(app::Role role)
{
    switch (role) {
    case app::Role::Admin:
        return tr("Admin");
    case app::Role::Publisher:
        return tr("Publisher");
    case app::Role::Developer:
        break;
    }
    return tr("Developer");
}

QString RoleText::teamRole(app::TeamRole role)
{
    return role == app::TeamRole::Owner ? tr("Owner") : tr("Member");
}

QString RoleText::refusal(app::DomainErrorCode code, const QString& message)
{
    QString kind;
    switch (code) {
    case app::DomainErrorCode::Forbidden:
        kind = tr("permission denied");
        break;
    case app::DomainErrorCode::NotFound:
        kind = tr("not found");
        break;
    case app::DomainErrorCode::Conflict:
        kind = tr("not possible now");
        break;
    case app::DomainErrorCode::Invalid:
        kind = tr("invalid input");
        break;
    case app::DomainErrorCode::Storage:
        kind = tr("the catalog could not be written");
        break;
    case app::DomainErrorCode::None:
        kind = tr("failed");
        break;
    }
    // The domain's own words follow: they say exactly what was refused.
    return tr("Refused (%1): %2").arg(kind, message);
}

} // namespace gatehouse::ui
