// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIcon>
#include <QString>

namespace gatehouse::ui {

// The id the desktop knows the console by: the installed desktop entry is
// share/applications/<id>.desktop and its icon share/icons/hicolor/scalable/apps/<id>.svg
// (cmake/gatehouse_packaging.cmake); Wayland matches windows to the entry by it.
QString applicationId();

// The console's icon (resources/icons/gatehouse.svg, the file the package
// installs), for the windows and the task switcher.
QIcon applicationIcon();

} // namespace gatehouse::ui
