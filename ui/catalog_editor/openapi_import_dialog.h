// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_catalog.h"
#include "app/domain/api_definition.h"
#include "app/domain/roles.h"
#include "app/openapi_import.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QPlainTextEdit;
class QTableWidget;
class QTimer;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

class FormErrorLabel;

// Imports an OpenAPI 3 document (a YAML or JSON file, or pasted text) as a
// new draft API. The document is parsed off the GUI thread and previewed:
// base path, target, the operations found, warnings, and errors with their
// line and column, which keep Import disabled. The name, slug and version
// derived from the document are editable, and so is the base path; the
// catalog is asked (ApiCatalog::checkSlugVersion, checkBasePath) whether the
// slug and version are taken and whether the base path overlaps a live
// API's. A conflict shows next to its field with a free alternative to
// choose (the next free version, a free slug, a free base path), Import
// disabled until it is resolved. Import creates the
// draft through CatalogService::mutate(); a refusal shows in the dialog,
// which stays open.
class OpenApiImportDialog : public QDialog {
    Q_OBJECT

public:
    // Opens the dialog (window-modal, deleted on close) and returns it so the
    // caller can connect to imported().
    static OpenApiImportDialog* importDocument(app::CatalogService* catalog,
                                               const app::Principal& actor,
                                               QWidget* parent = nullptr);

    OpenApiImportDialog(app::CatalogService* catalog, const app::Principal& actor,
                        QWidget* parent = nullptr);

    // Reads and parses a file (off the GUI thread), as Choose File does.
    void loadFile(const QString& path);
    // Parses `text` as if it had been pasted.
    void setDocumentText(const QString& text);

    bool isParsing() const { return m_parsing; }
    bool isBusy() const { return m_busy; }
    // The catalog is being asked whether the slug and version are free.
    bool isChecking() const { return m_checking; }
    // The slug and version are taken (as the catalog last answered).
    bool hasConflict() const { return m_conflict.has_value(); }
    // The base path overlaps a live API's (as the catalog last answered).
    bool hasBasePathConflict() const { return m_pathConflict.has_value(); }
    // The API Import would create (the document's, with the fields typed).
    std::optional<app::ApiDefinition> definition() const;
    bool teamsLoaded() const { return m_teamsLoaded; }
    // The last parse, once there is one.
    const std::optional<app::OpenApiImport>& preview() const { return m_preview; }
    app::ApiDefinition importedApi() const { return m_imported; }
    QString refusal() const;

signals:
    void imported(const app::ApiDefinition& api);
    void previewChanged();

private:
    void chooseFile();
    void parseText();
    void showPreview(const app::OpenApiImport& result);
    void clearPreview();
    void loadTeams();
    void submit();
    void updateImport();
    void scheduleCheck();
    void checkSlugVersion();
    void showConflict(const app::SlugVersionCheck& check);
    void showBasePathConflict(const app::BasePathCheck& check);

    QPointer<app::CatalogService> m_catalog;
    app::Principal m_actor;
    std::optional<app::OpenApiImport> m_preview;
    app::ApiDefinition m_imported;
    quint64 m_generation = 0; // answers of superseded parses are dropped
    bool m_parsing = false;
    bool m_busy = false;
    bool m_teamsLoaded = false;
    bool m_loadingFile = false;
    bool m_checking = false;
    bool m_fieldsValid = false;
    quint64 m_checkGeneration = 0;
    std::optional<app::SlugVersionCheck> m_conflict;
    std::optional<app::BasePathCheck> m_pathConflict;

    QLabel* m_fileLabel = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QTimer* m_parseTimer = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_upstream = nullptr;
    QTableWidget* m_operations = nullptr;
    QLabel* m_warnings = nullptr;
    FormErrorLabel* m_errors = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_slug = nullptr;
    QLineEdit* m_version = nullptr;
    QLineEdit* m_basePath = nullptr;
    QHash<QString, FormErrorLabel*> m_fieldErrors; // "name", "slug", "version", "basePath"
    QTimer* m_checkTimer = nullptr;
    QWidget* m_conflictRow = nullptr;
    FormErrorLabel* m_conflictLabel = nullptr;
    QPushButton* m_useVersion = nullptr;
    QPushButton* m_useSlug = nullptr;
    QWidget* m_pathConflictRow = nullptr;
    FormErrorLabel* m_pathConflictLabel = nullptr;
    QPushButton* m_useBasePath = nullptr;
    QComboBox* m_team = nullptr;
    FormErrorLabel* m_refusal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gatehouse::ui
