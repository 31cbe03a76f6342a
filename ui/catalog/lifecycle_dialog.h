// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_browser.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gatehouse::ui {

// Confirms one lifecycle action and says what it does to callers before it
// is taken: publishing routes the API, deprecating adds Deprecation and
// Sunset headers (with a sunset date and an optional successor), retiring
// answers every call with 410 Gone, deleting a draft removes it, a new
// version starts as a draft copy.
class LifecycleDialog : public QDialog {
    Q_OBJECT

public:
    // `versions`: the API's family (successor candidates, taken versions).
    LifecycleDialog(app::ApiAction action, const app::ApiDefinition& api,
                    const QList<app::ApiVersionLink>& versions, QWidget* parent = nullptr);

    app::ApiAction action() const { return m_action; }
    app::LifecycleRequest request() const;

    QDateEdit* sunsetEdit() const { return m_sunset; }
    QComboBox* successorBox() const { return m_successor; }
    QLineEdit* versionEdit() const { return m_version; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* confirmButton() const;

    static QString title(app::ApiAction action);
    static QString suggestVersion(const QString& version, const QList<app::ApiVersionLink>& taken);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void validate();

    app::ApiAction m_action;
    qint64 m_apiId = 0;
    QList<app::ApiVersionLink> m_versions;
    QDateEdit* m_sunset = nullptr;
    QComboBox* m_successor = nullptr;
    QLineEdit* m_version = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
