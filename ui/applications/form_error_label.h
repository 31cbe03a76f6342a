// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>

namespace gatehouse::ui {

// A message next to a form field, or under a form: hidden while empty, in
// the console's error colour, selectable so it can be copied into a report.
class FormErrorLabel : public QLabel {
    Q_OBJECT

public:
    explicit FormErrorLabel(const QString& objectName, QWidget* parent = nullptr);

    void showError(const QString& text);
    void clearError() { showError({}); }
};

} // namespace gatehouse::ui
