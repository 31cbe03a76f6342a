// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/editable_clear_button.h"

#include <QEvent>
#include <QLineEdit>

namespace gatehouse::ui {

void enableClearButtonWhileEditable(QLineEdit* edit)
{
    if (!edit->findChild<EditableClearButton*>(QString(), Qt::FindDirectChildrenOnly))
        new EditableClearButton(edit);
}

EditableClearButton::EditableClearButton(QLineEdit* edit)
    : QObject(edit)
    , m_edit(edit)
{
    edit->installEventFilter(this);
    update();
}

bool EditableClearButton::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit &&
        (event->type() == QEvent::EnabledChange || event->type() == QEvent::ReadOnlyChange))
        update();
    return QObject::eventFilter(watched, event);
}

void EditableClearButton::update()
{
    const bool editable = m_edit->isEnabled() && !m_edit->isReadOnly();
    if (m_edit->isClearButtonEnabled() != editable)
        m_edit->setClearButtonEnabled(editable);
}

} // namespace gatehouse::ui
