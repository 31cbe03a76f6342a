// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/form_error_label.h"

#include "ui/status_colors.h"

namespace gatehouse::ui {

FormErrorLabel::FormErrorLabel(const QString& objectName, QWidget* parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, StatusColors::bad());
    setPalette(p);
    hide();
}

void FormErrorLabel::showError(const QString& text)
{
    setText(text);
    setAccessibleDescription(text);
    setVisible(!text.isEmpty());
}

} // namespace gatehouse::ui
