// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/domain_message.h"

#include <QString>

namespace gatehouse::ui {

// The translation context of the domain's templates
// (app/domain/domain_messages.h).
inline constexpr char DomainMessageContext[] = "DomainMessage";

// A domain message in the console's language: its template and those of its
// arguments (states and the like) translated in the "DomainMessage" context,
// user data and database driver messages as they are. Wherever the console
// shows why the catalog refused or failed, it goes through here.
QString domainMessageText(const app::DomainMessage& message);

} // namespace gatehouse::ui
