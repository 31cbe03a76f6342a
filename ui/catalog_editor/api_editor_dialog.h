// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_catalog.h"
#include "app/domain/api_definition.h"
#include "app/domain/domain_service.h"
#include "app/domain/roles.h"
#include "app/domain/team_service.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace gatehouse::app {
class CatalogService;
class CatalogStore;
} // namespace gatehouse::app

namespace gatehouse::ui {

class FormErrorLabel;

// Creates or edits one API version, or derives a new version from one. The
// form is checked with the catalog's own rules (ApiCatalog::validate) before
// anything is sent; a problem shows next to its field. OK saves through
// CatalogService::mutate() without blocking: the dialog stays open and busy
// until the catalog answers, then closes on success (saved()) or shows the
// refusal and stays open.
//
// Typical use from a page:
//   auto* d = ApiEditorDialog::editExisting(catalog, actor, api, this);
//   connect(d, &ApiEditorDialog::saved, this, &Page::reload);
class ApiEditorDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { Create, Edit, NewVersion };

    // The helpers open the dialog (window-modal, deleted on close) and
    // return it so the caller can connect to saved().
    static ApiEditorDialog* createNew(app::CatalogService* catalog, const app::Principal& actor,
                                      QWidget* parent = nullptr);
    static ApiEditorDialog* editExisting(app::CatalogService* catalog, const app::Principal& actor,
                                         const app::ApiDefinition& api, QWidget* parent = nullptr);
    // Asks only for the new version's name and base path (by default
    // ApiCatalog::versionBasePath()); ApiCatalog::createVersion copies the
    // rest and links the two versions.
    static ApiEditorDialog* newVersionOf(app::CatalogService* catalog, const app::Principal& actor,
                                         const app::ApiDefinition& api, QWidget* parent = nullptr);

    ApiEditorDialog(app::CatalogService* catalog, const app::Principal& actor, Mode mode,
                    const app::ApiDefinition& api = {}, QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    // The definition as the form currently describes it.
    app::ApiDefinition definition() const;
    // What the catalog stored, once saved() has been emitted.
    app::ApiDefinition savedApi() const { return m_saved; }
    bool isBusy() const { return m_busy; }
    bool teamsLoaded() const { return m_teamsLoaded; }
    // The message shown next to a field ("name", "slug", "version", "team",
    // "basePath", "routes", "upstreams", "keyQueryParameter", "timeouts"),
    // or under the form (""); empty when none is shown.
    QString fieldError(const QString& field) const;

    // Translated text for a base path the catalog refused as taken
    // (ApiCatalog::checkBasePath), with the free one it offers.
    static QString basePathConflictText(const QString& basePath, const app::BasePathCheck& check);
    // Translated text for a Conflict refusal about `field`
    // (ApiCatalog::lastErrorField()), to show next to that field.
    static QString conflictText(const QString& field, const QString& message);
    // Translated text for a refusal of the catalog.
    static QString refusalText(app::DomainErrorCode code, const QString& message);
    // Shows a message of ApiCatalog::validate() ("slug: ...") through `show`
    // (field, text), in the console's language, when its field is one of
    // fieldError()'s; false (nothing shown) for any other message.
    static bool showValidation(const QString& why,
                               const std::function<void(const QString&, const QString&)>& show);
    // Storage thread: the teams `actor` may publish APIs for, plus
    // `currentTeamId` (an API's own team) when it is not one of them.
    static QList<app::Team> publishableTeams(app::CatalogStore& store, const app::Principal& actor,
                                             qint64 currentTeamId = 0);

signals:
    void saved(const app::ApiDefinition& api);

private:
    QWidget* buildGeneralTab();
    QWidget* buildRoutingTab();
    void loadTeams();
    void fill(const app::ApiDefinition& api);
    void addRoute(const QString& method = QStringLiteral("GET"), const QString& path = {});
    void addUpstream(const QString& url = {}, int weight = 1);
    void removeSelectedRows(QTableWidget* table);
    bool check();
    void showFieldError(const QString& field, const QString& text);
    void clearErrors();
    void submit();
    void finish(const std::optional<app::ApiDefinition>& api, app::DomainErrorCode code,
                const app::DomainMessage& error, const QString& field,
                const std::optional<app::BasePathCheck>& basePath);
    void setBusy(bool busy);
    void fitHeight();
    void updateOk();

    QPointer<app::CatalogService> m_catalog;
    app::Principal m_actor;
    Mode m_mode;
    app::ApiDefinition m_original;
    app::ApiDefinition m_saved;
    bool m_busy = false;
    bool m_teamsLoaded = false;

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_slug = nullptr;
    QLineEdit* m_version = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_team = nullptr;
    QComboBox* m_visibility = nullptr;
    QLineEdit* m_basePath = nullptr;
    QCheckBox* m_stripBasePath = nullptr;
    QTableWidget* m_routes = nullptr;
    QTableWidget* m_upstreams = nullptr;
    QComboBox* m_balancing = nullptr;
    QComboBox* m_authMode = nullptr;
    QLineEdit* m_keyQueryParameter = nullptr;
    QSpinBox* m_connectTimeout = nullptr;
    QSpinBox* m_requestTimeout = nullptr;
    QHash<QString, FormErrorLabel*> m_errors; // field -> label next to it
    QHash<QString, QWidget*> m_fields;        // field -> widget to focus
    FormErrorLabel* m_refusal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
