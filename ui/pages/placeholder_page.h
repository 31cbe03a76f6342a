// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

namespace gatehouse::ui {

// A page whose feature is not in this version yet: its name, what it will
// offer, and a note that it is coming.
class PlaceholderPage : public QWidget {
    Q_OBJECT

public:
    PlaceholderPage(const QString& title, const QString& description, QWidget* parent = nullptr);
};

} // namespace gatehouse::ui
