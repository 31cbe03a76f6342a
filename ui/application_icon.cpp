// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/application_icon.h"

namespace gatehouse::ui {

QString applicationId()
{
    return QStringLiteral("dev.gatehouse.Gatehouse");
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/gatehouse.svg"));
}

} // namespace gatehouse::ui
