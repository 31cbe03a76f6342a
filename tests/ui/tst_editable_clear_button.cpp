// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/editable_clear_button.h"

#include "console_test_environment.h"
#include "screenshot.h"
#include "ui/catalog/cache_policy_form.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using gatehouse::ui::CachePolicyForm;
using gatehouse::ui::enableClearButtonWhileEditable;
namespace test = gatehouse::test;

namespace {

// Whether a person sees a clear button in `edit`: the button Qt puts inside
// the field, shown.
bool showsClearButton(const QLineEdit* edit)
{
    for (const QToolButton* b : edit->findChildren<QToolButton*>()) {
        if (b->isVisible())
            return true;
    }
    return false;
}

} // namespace

// A clear button only where a person can edit: never on a disabled or
// read-only field, whether it was turned off directly or through a parent.
class TestEditableClearButton : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void followsEnabledAndReadOnly();
    void cachePolicyFormOffersClearingOnlyWhenEditable();
};

void TestEditableClearButton::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_editable_clear_button"));
}

void TestEditableClearButton::followsEnabledAndReadOnly()
{
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* group = new QWidget(&window);
    auto* inner = new QVBoxLayout(group);
    auto* edit = new QLineEdit(QStringLiteral("/shop/"), group);
    inner->addWidget(edit);
    layout->addWidget(group);
    enableClearButtonWhileEditable(edit);
    enableClearButtonWhileEditable(edit); // twice is once
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(edit->isClearButtonEnabled());
    QTRY_VERIFY(showsClearButton(edit));

    edit->setReadOnly(true);
    QVERIFY(!edit->isClearButtonEnabled());
    QVERIFY(!showsClearButton(edit));
    edit->setReadOnly(false);
    QVERIFY(edit->isClearButtonEnabled());
    QTRY_VERIFY(showsClearButton(edit));

    edit->setEnabled(false);
    QVERIFY(!edit->isClearButtonEnabled());
    QVERIFY(!showsClearButton(edit));
    edit->setEnabled(true);
    QVERIFY(edit->isClearButtonEnabled());

    // Disabled through its parent, and back.
    group->setEnabled(false);
    QVERIFY(!edit->isClearButtonEnabled());
    QVERIFY(!showsClearButton(edit));
    group->setEnabled(true);
    QVERIFY(edit->isClearButtonEnabled());
    QTRY_VERIFY(showsClearButton(edit));

    // Read-only from the start.
    QLineEdit fixed(QStringLiteral("gh_live_7f3c"));
    fixed.setReadOnly(true);
    enableClearButtonWhileEditable(&fixed);
    QVERIFY(!fixed.isClearButtonEnabled());
    fixed.setReadOnly(false);
    QVERIFY(fixed.isClearButtonEnabled());
}

void TestEditableClearButton::cachePolicyFormOffersClearingOnlyWhenEditable()
{
    CachePolicyForm form;
    form.resize(700, 600);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    const QString policy =
        QStringLiteral(R"({"default_ttl": 60000, "max_ttl": 3600000, "statuses": [200, 404]})");
    const auto edits = form.findChildren<QLineEdit*>();
    QVERIFY(edits.size() >= 7);

    // Someone who may not edit the API: every field shows, none offers clearing.
    form.setPolicy(policy, false);
    QTest::qWait(30);
    for (QLineEdit* edit : edits) {
        QVERIFY2(!edit->isClearButtonEnabled(), qPrintable(edit->objectName()));
        QVERIFY2(!showsClearButton(edit), qPrintable(edit->objectName()));
    }
    test::saveScreenshot(&form, QStringLiteral("cache_policy_form_read_only.png"));

    // An editor: the fields with text offer it.
    form.setPolicy(policy, true);
    auto* defaultTtl = form.findChild<QLineEdit*>(QStringLiteral("cache_default_ttl"));
    QVERIFY(defaultTtl);
    QCOMPARE(defaultTtl->text(), QStringLiteral("1m"));
    for (QLineEdit* edit : edits)
        QVERIFY2(edit->isClearButtonEnabled(), qPrintable(edit->objectName()));
    QTRY_VERIFY(showsClearButton(defaultTtl));

    // Caching turned off greys the settings: no clearing there either.
    auto* enabled = form.findChild<QCheckBox*>(QStringLiteral("cacheEnabledBox"));
    QVERIFY(enabled && enabled->isChecked());
    QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(8, enabled->height() / 2));
    QVERIFY(!enabled->isChecked());
    QVERIFY(!defaultTtl->isEnabled());
    QVERIFY(!defaultTtl->isClearButtonEnabled());
    QVERIFY(!showsClearButton(defaultTtl));
    QCOMPARE(defaultTtl->text(), QStringLiteral("1m")); // kept for later
}

QTEST_MAIN(TestEditableClearButton)
#include "tst_editable_clear_button.moc"
