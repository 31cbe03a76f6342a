// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDebug>
#include <QDir>
#include <QPixmap>
#include <QString>
#include <QWidget>
#include <QtTest/QTest>

namespace gatehouse::test {

// Saves `widget` as `fileName` under $GATEHOUSE_TEST_ARTIFACTS (default:
// test-artifacts/ in the working directory).
inline void saveScreenshot(QWidget* widget, const QString& fileName)
{
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    const QString path = dir + QLatin1Char('/') + fileName;
    QVERIFY2(shot.save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

} // namespace gatehouse::test
