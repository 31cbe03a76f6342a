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

class FormErrorLabel;

// Confirms one lifecycle action and says what it does to callers before it
// is taken: publishing routes the API, deprecating adds Deprecation and
// Sunset headers (with a sunset date and an optional successor), retiring
// answers every call with 410 Gone, deleting a draft removes it, a new
// version starts as a draft copy at its own base path.
//
// A new version is not accepted on confirm: the dialog emits confirmed(),
// stays open (busy) while the catalog creates the version, and is closed
// by the caller on success (accept()) or shows the refusal next to the
// field it is about (showRefusal()), so a taken version or an overlapping
// base path can be corrected in place.
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
    QLineEdit* basePathEdit() const { return m_basePath; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* confirmButton() const;

    static QString title(app::ApiAction action);
    static QString suggestVersion(const QString& version, const QList<app::ApiVersionLink>& taken);
    // The base path proposed for `version` of `api`: the version in place of
    // the old one's segment ("/shop/v1" -> "/shop/v2"), else appended as a
    // segment ("/shop" -> "/shop/v2"), so it does not reuse the old path.
    static QString suggestBasePath(const app::ApiDefinition& api, const QString& version);

    // NewVersion: while the catalog works, the form is read-only.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // NewVersion: shows a refusal next to `field` ("version", "basePath"),
    // or under the form for any other field.
    void showRefusal(const QString& field, const QString& text);
    // The message shown next to `field` ("version", "basePath"), or under
    // the form (""); empty when none is shown.
    QString fieldError(const QString& field) const;

signals:
    // NewVersion: the user confirmed; the dialog stays open.
    void confirmed();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void validate();
    void onVersionChanged();

    app::ApiAction m_action;
    qint64 m_apiId = 0;
    QList<app::ApiVersionLink> m_versions;
    QDateEdit* m_sunset = nullptr;
    QComboBox* m_successor = nullptr;
    QLineEdit* m_version = nullptr;
    QLineEdit* m_basePath = nullptr;
    FormErrorLabel* m_versionError = nullptr;
    FormErrorLabel* m_basePathError = nullptr;
    bool m_basePathEdited = false; // typed by the user: no longer follows the version
    bool m_busy = false;
    app::ApiDefinition m_api;
    QLineEdit* m_reason = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
