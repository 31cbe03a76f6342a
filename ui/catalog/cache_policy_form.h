// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cache_policy_fields.h"

#include <QHash>
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
// names each problem, shown under its field. Save and Revert are enabled
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
    // The message under a field ("default_ttl", "statuses"...; "" for the
    // policy as a whole), empty when none is shown.
    QString fieldError(const QString& key) const;
    // The form is what is stored now (after a successful save).
    void markSaved();
    void revert();

    QPushButton* saveButton() const { return m_save; }
    QPushButton* revertButton() const { return m_revert; }
    QPlainTextEdit* jsonView() const { return m_json; }

signals:
    void saveRequested(const QString& json);

private:
    QLineEdit* addText(const QString& label, const char* key, const QString& placeholder,
                       const QString& toolTip);
    QCheckBox* addFlag(const QString& text, const char* key, const QString& toolTip);
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
    QHash<QString, FormErrorLabel*> m_errors; // key -> label under its field
    QHash<QString, QWidget*> m_fields;        // key -> field
    FormErrorLabel* m_policyError = nullptr;  // the policy as a whole
    QToolButton* m_showJson = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QPushButton* m_revert = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace gatehouse::ui
