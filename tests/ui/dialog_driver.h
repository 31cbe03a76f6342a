// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/applications/key_reveal_dialog.h"

#include <QDeadlineTimer>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QString>
#include <QtTest/QTest>

// Driving the console's dialogs as a person would, shared by the GUI suites.
namespace gatehouse::test {

// The OK button of a dialog with a QDialogButtonBox.
inline QPushButton* okButton(QDialog* dialog)
{
    return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

inline void clickOk(QDialog* dialog)
{
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
}

// The child of `parent` called `name` (a confirmation box, a dialog), once
// it is shown; nullptr if it is not shown within `timeoutMs`.
template <typename T>
T* shownChild(QObject* parent, const QString& name, int timeoutMs = 5000)
{
    const QDeadlineTimer deadline(timeoutMs);
    T* child = parent->findChild<T*>(name);
    while ((!child || !child->isVisible()) && !deadline.hasExpired()) {
        QTest::qWait(5);
        child = parent->findChild<T*>(name);
    }
    return child && child->isVisible() ? child : nullptr;
}

// Clicks the button called `buttonName` in `dialog` (a confirmation's
// own button, e.g. "confirmRevokeButton"); false if there is none.
inline bool clickButton(QWidget* dialog, const QString& buttonName)
{
    auto* button = dialog->findChild<QPushButton*>(buttonName);
    if (!button)
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

// The key a key-shown-once dialog shows, read before closing it as the user
// does.
inline QString takeRevealedKey(ui::KeyRevealDialog* reveal)
{
    const QString key = reveal->findChild<QLineEdit*>(QStringLiteral("revealedKey"))->text();
    reveal->accept();
    return key;
}

} // namespace gatehouse::test
