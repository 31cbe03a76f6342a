// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/domain_message_text.h"

#include <QCoreApplication>

namespace gatehouse::ui {

QString domainMessageText(const app::DomainMessage& message)
{
    return message.render(
        [](const char* text) { return QCoreApplication::translate(DomainMessageContext, text); });
}

} // namespace gatehouse::ui
