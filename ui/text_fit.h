// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHeaderView;
class QLineEdit;

namespace gatehouse::ui {

// Layout rules that keep translated texts whole (German runs about a third
// longer than English); tests/ui/layout_check.h checks the same things.

// Makes `edit` at least as wide as its placeholder text needs, with its
// frame, margins and clear button (raising a maximum width below that).
// Call it after the placeholder and the clear button are set.
void fitPlaceholder(QLineEdit* edit);

// Stretches the header's last section over the room the others leave, as
// QHeaderView::setStretchLastSection(true) does, but only while that room
// is enough for its label with the sort indicator: below that, Qt would
// squeeze it down to the minimum section size; instead it keeps its own
// size (its resize mode's, at least the label's) and the view scrolls
// sideways. Lasts as long as the header.
void keepLastSectionLabel(QHeaderView* header);

} // namespace gatehouse::ui
