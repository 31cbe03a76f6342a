// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>

namespace gatehouse::ui::StatusColors {

// The few fixed accents of the console. Mid-tone on purpose: each reads on a
// light and on a dark base; everything else comes from the palette.
inline QColor good()
{
    return QColor(0x2e, 0x9d, 0x46);
}
inline QColor info()
{
    return QColor(0x1e, 0x88, 0xe5);
}
inline QColor warning()
{
    return QColor(0xef, 0x8f, 0x00);
}
inline QColor bad()
{
    return QColor(0xe5, 0x39, 0x35);
}
inline QColor neutral()
{
    return QColor(0x8a, 0x8a, 0x8a);
}

// 2xx, 3xx, 4xx, 5xx
inline QColor statusClass(int hundreds)
{
    switch (hundreds) {
    case 2:
        return good();
    case 3:
        return info();
    case 4:
        return warning();
    case 5:
        return bad();
    default:
        return neutral();
    }
}

} // namespace gatehouse::ui::StatusColors
