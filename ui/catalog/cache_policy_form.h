// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_policy_fields.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace gatehouse::ui {

class FormErrorLabel;

// An API's cache policy as a form: caching on or off, default and maximum
// TTL, overriding the upstream's freshness, cacheable statuses, the largest
// stored object, ignored query parameters, stale-while-revalidate and
// stale-if-error, private responses per consumer, POST by body hash and
// Set-Cookie stripping -- the keys the gateway honours
// (app::CachePolicyFields). The rules are the catalog's: app::checkCachePolicy
// names each problem, shown under its field in a sentence of the user's
// language that names fields by their labels. Save and Revert are enabled
// only when the form differs from the stored policy, and shown only to
// people who may edit the API. A read-only JSON view follows the form.
class CachePolicyForm : public QWidget {
    Q_OBJECT

public:
    explicit CachePolicyForm(QWidget* parent = nullptr);
    ~CachePolicyForm() override;

    // Shows an API's stored cachePolicy. `editable`: the actor may change
    // it (app::CatalogEntry::editable); otherwise every field is disabled.
    // With `keepEdits`, changes in progress stay (a reload of the same API).
    void setPolicy(const QString& json, bool editable, bool keepEdits = false);
    app::CachePolicyFields fields() const;
    QString json() const { return fields().toJson(); }
    bool isModified() const { return fields() != m_stored; }
    bool isEditable() const { return m_editable; }
    // Checks the form with the catalog's rules and shows every problem next
    // to its field (focusing the first); true when there is none.
    bool check();
    // The message under a field (Policy: the policy as a whole), empty when
    // none is shown.
    QString fieldError(app::CachePolicyField field) const;
    // A problem as a person reads it: translated, fields named by their labels.
    QString problemText(const app::CachePolicyProblem& problem) const;
    // A field's label without its mnemonic and colon ("Default TTL").
    QString fieldLabel(app::CachePolicyField field) const;
    // The form is what is stored now (after a successful save).
    void markSaved();
    void revert();

    QPushButton* saveButton() const { return m_save; }
    QPushButton* revertButton() const { return m_revert; }
    QPlainTextEdit* jsonView() const { return m_json; }

signals:
    void saveRequested(const QString& json);

private:
    QLineEdit* addText(const QString& label, app::CachePolicyField field,
                       const QString& placeholder, const QString& toolTip);
    QCheckBox* addFlag(const QString& text, app::CachePolicyField field, const QString& toolTip);
    void addLabel(app::CachePolicyField field, const QString& label);
    void fill(const app::CachePolicyFields& f);
    void clearProblems();
    bool showProblems(bool focus);
    void updateState();

    app::CachePolicyFields m_stored;
    bool m_editable = false;
    bool m_filling = false;
    QWidget* m_page = nullptr;
    QFormLayout* m_form = nullptr;
    QCheckBox* m_enabled = nullptr;
    QLineEdit* m_defaultTtl = nullptr;
    QLineEdit* m_maxTtl = nullptr;
    QCheckBox* m_override = nullptr;
    QLineEdit* m_statuses = nullptr;
    QLineEdit* m_maxObjectSize = nullptr;
    QLineEdit* m_ignoreQuery = nullptr;
    QLineEdit* m_staleWhileRevalidate = nullptr;
    QLineEdit* m_staleIfError = nullptr;
    QCheckBox* m_private = nullptr;
    QCheckBox* m_post = nullptr;
    QCheckBox* m_stripCookie = nullptr;
    QMap<app::CachePolicyField, FormErrorLabel*> m_errors; // the label under each field
    QMap<app::CachePolicyField, QWidget*> m_fields;
    QMap<app::CachePolicyField, QString> m_labels; // as fieldLabel() gives them
    FormErrorLabel* m_policyError = nullptr;       // the policy as a whole
    QToolButton* m_showJson = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace gatehouse::ui
