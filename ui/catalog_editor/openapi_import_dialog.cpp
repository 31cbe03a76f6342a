// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog_editor/openapi_import_dialog.h"

#include "app/catalog_service.h"
#include "ui/applications/form_error_label.h"
#include "ui/catalog_editor/api_editor_dialog.h"
#include "ui/domain_message_text.h"
#include "ui/text_fit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

struct CreateOutcome {
    std::optional<app::ApiDefinition> api;
    app::DomainErrorCode code = app::DomainErrorCode::None;
    app::DomainMessage error;
    QString field; // the field the refusal is about, if any
};

struct CatalogAnswer {
    std::optional<app::SlugVersionCheck> slugVersion;
    std::optional<app::BasePathCheck> basePath;
};

struct FileParse {
    QString readError;
    QByteArray document;
    app::OpenApiImport result;
};

// The importer's problems in the console's language, one a line, each with
// where it is in the document.
QString messagesText(const QList<app::DomainMessage>& messages)
{
    QStringList lines;
    for (const app::DomainMessage& message : messages)
        lines << domainMessageText(message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

OpenApiImportDialog* OpenApiImportDialog::importDocument(app::CatalogService* catalog,
                                                         const app::Principal& actor,
                                                         QWidget* parent)
{
    auto* dialog = new OpenApiImportDialog(catalog, actor, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

OpenApiImportDialog::OpenApiImportDialog(app::CatalogService* catalog, const app::Principal& actor,
                                         QWidget* parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_actor(actor)
{
    setObjectName(QStringLiteral("openApiImportDialog"));
    setWindowTitle(tr("Import OpenAPI"));
    auto* layout = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto* source = new QGroupBox(tr("Document"), this);
    auto* sourceLayout = new QVBoxLayout(source);
    auto* fileRow = new QHBoxLayout;
    auto* choose = new QPushButton(tr("Choose &File..."), source);
    choose->setObjectName(QStringLiteral("chooseFileButton"));
    fileRow->addWidget(choose);
    m_fileLabel = new QLabel(tr("or paste a YAML or JSON document below"), source);
    m_fileLabel->setObjectName(QStringLiteral("openApiFile"));
    m_fileLabel->setWordWrap(true);
    // Room for the hint on one line: wrapped, it would let the dialog shrink
    // until the hint no longer fits the row's height (sooner in German and
    // Chinese than in English). Long file names still wrap.
    m_fileLabel->setMinimumWidth(m_fileLabel->fontMetrics().horizontalAdvance(m_fileLabel->text()));
    fileRow->addWidget(m_fileLabel, 1);
    sourceLayout->addLayout(fileRow);
    m_text = new QPlainTextEdit(source);
    m_text->setObjectName(QStringLiteral("openApiText"));
    m_text->setPlaceholderText(tr("openapi: 3.0.3\ninfo:\n  title: ...\n"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    sourceLayout->addWidget(m_text, 1);
    columns->addWidget(source, 1);

    auto* preview = new QGroupBox(tr("Preview"), this);
    auto* previewLayout = new QVBoxLayout(preview);
    m_status = new QLabel(tr("Nothing to import yet."), preview);
    m_status->setObjectName(QStringLiteral("openApiStatus"));
    m_status->setWordWrap(true);
    previewLayout->addWidget(m_status);
    m_errors = new FormErrorLabel(QStringLiteral("previewErrors"), preview);
    previewLayout->addWidget(m_errors);
    auto* facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto fact = [&](const char* name, const QString& label) {
        auto* value = new QLabel(preview);
        value->setObjectName(QLatin1String(name));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // One line each (a URL wraps badly); a long one is cut, its tool tip
        // has it all.
        value->setMinimumWidth(1);
        value->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        facts->addRow(label, value);
        return value;
    };
    m_upstream = fact("previewUpstream", tr("Target:"));
    previewLayout->addLayout(facts);
    m_operations = new QTableWidget(0, 2, preview);
    m_operations->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_operations->setObjectName(QStringLiteral("previewOperations"));
    m_operations->setHorizontalHeaderLabels({tr("Method"), tr("Path")});
    m_operations->verticalHeader()->hide();
    m_operations->verticalHeader()->setDefaultSectionSize(m_operations->fontMetrics().height() + 8);
    m_operations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    keepLastSectionLabel(m_operations->horizontalHeader());
    m_operations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_operations->setSelectionBehavior(QAbstractItemView::SelectRows);
    previewLayout->addWidget(m_operations, 1);
    m_warnings = new QLabel(preview);
    m_warnings->setObjectName(QStringLiteral("previewWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->hide();
    previewLayout->addWidget(m_warnings);
    columns->addWidget(preview, 1);

    // What the API is called in the catalog: taken from the document,
    // changed here (a second copy needs another version or slug).
    auto* importForm = new QFormLayout;
    importForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto addField = [&](const QString& label, const QString& key, QWidget* widget) {
        auto* field = new QVBoxLayout;
        field->setSpacing(2);
        field->addWidget(widget);
        auto* error = new FormErrorLabel(key + QStringLiteral("Error"), this);
        field->addWidget(error);
        m_fieldErrors.insert(key, error);
        importForm->addRow(label, field);
        if (auto* l = qobject_cast<QLabel*>(importForm->labelForField(field)))
            l->setBuddy(widget);
        return field;
    };
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("importName"));
    m_name->setPlaceholderText(tr("the document's title"));
    addField(tr("Na&me:"), QStringLiteral("name"), m_name);
    m_slug = new QLineEdit(this);
    m_slug->setObjectName(QStringLiteral("importSlug"));
    m_slug->setToolTip(tr("The API's short name in URLs: a-z, 0-9 and '-'. All versions of "
                          "an API share it."));
    addField(tr("S&lug:"), QStringLiteral("slug"), m_slug);
    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("importVersion"));
    QVBoxLayout* versionField = addField(tr("&Version:"), QStringLiteral("version"), m_version);
    m_conflictRow = new QWidget(this);
    m_conflictRow->setObjectName(QStringLiteral("importConflict"));
    auto* conflict = new QVBoxLayout(m_conflictRow);
    conflict->setContentsMargins(0, 0, 0, 0);
    conflict->setSpacing(2);
    m_conflictLabel = new FormErrorLabel(QStringLiteral("importConflictText"), m_conflictRow);
    conflict->addWidget(m_conflictLabel);
    auto* choices = new QHBoxLayout;
    m_useVersion = new QPushButton(m_conflictRow);
    m_useVersion->setObjectName(QStringLiteral("useFreeVersionButton"));
    m_useVersion->setToolTip(tr("Import it as another version of the same API"));
    m_useSlug = new QPushButton(m_conflictRow);
    m_useSlug->setObjectName(QStringLiteral("useFreeSlugButton"));
    m_useSlug->setToolTip(tr("Import it as an API of its own"));
    choices->addWidget(m_useVersion);
    choices->addWidget(m_useSlug);
    choices->addStretch(1);
    conflict->addLayout(choices);
    m_conflictRow->hide();
    versionField->addWidget(m_conflictRow);
    m_basePath = new QLineEdit(this);
    m_basePath->setObjectName(QStringLiteral("importBasePath"));
    m_basePath->setToolTip(tr("Where the gateway serves the API, e.g. /billing/v1. It must not "
                              "overlap another API's base path."));
    QVBoxLayout* pathField = addField(tr("&Base path:"), QStringLiteral("basePath"), m_basePath);
    m_pathConflictRow = new QWidget(this);
    m_pathConflictRow->setObjectName(QStringLiteral("importBasePathConflict"));
    auto* pathConflict = new QVBoxLayout(m_pathConflictRow);
    pathConflict->setContentsMargins(0, 0, 0, 0);
    pathConflict->setSpacing(2);
    m_pathConflictLabel =
        new FormErrorLabel(QStringLiteral("importBasePathConflictText"), m_pathConflictRow);
    pathConflict->addWidget(m_pathConflictLabel);
    auto* pathChoices = new QHBoxLayout;
    m_useBasePath = new QPushButton(m_pathConflictRow);
    m_useBasePath->setObjectName(QStringLiteral("useFreeBasePathButton"));
    m_useBasePath->setToolTip(tr("Import it under a base path no other API uses"));
    pathChoices->addWidget(m_useBasePath);
    pathChoices->addStretch(1);
    pathConflict->addLayout(pathChoices);
    m_pathConflictRow->hide();
    pathField->addWidget(m_pathConflictRow);
    m_team = new QComboBox(this);
    m_team->setObjectName(QStringLiteral("importTeam"));
    m_team->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    importForm->addRow(tr("&Owning team:"), m_team);
    if (auto* label = qobject_cast<QLabel*>(importForm->labelForField(m_team)))
        label->setBuddy(m_team);
    layout->addLayout(importForm);
    m_refusal = new FormErrorLabel(QStringLiteral("dialogError"), this);
    layout->addWidget(m_refusal);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenApiImportDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(choose, &QPushButton::clicked, this, &OpenApiImportDialog::chooseFile);

    // Asked once typing pauses; Import waits for the answer.
    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(250);
    connect(m_checkTimer, &QTimer::timeout, this, &OpenApiImportDialog::checkSlugVersion);
    for (QLineEdit* edit : {m_name, m_slug, m_version, m_basePath})
        connect(edit, &QLineEdit::textChanged, this, &OpenApiImportDialog::scheduleCheck);
    connect(m_useVersion, &QPushButton::clicked, this, [this] {
        if (!m_conflict)
            return;
        m_version->setText(m_conflict->freeVersion);
        m_version->setModified(true); // a choice: a new parse keeps it
        m_version->setFocus();
    });
    connect(m_useSlug, &QPushButton::clicked, this, [this] {
        if (!m_conflict)
            return;
        m_slug->setText(m_conflict->freeSlug);
        m_slug->setModified(true);
        m_slug->setFocus();
    });
    connect(m_useBasePath, &QPushButton::clicked, this, [this] {
        if (!m_pathConflict)
            return;
        m_basePath->setText(m_pathConflict->freeBasePath);
        m_basePath->setModified(true);
        m_basePath->setFocus();
    });
    setTabOrder(m_name, m_slug);
    setTabOrder(m_slug, m_version);
    setTabOrder(m_version, m_useVersion);
    setTabOrder(m_useVersion, m_useSlug);
    setTabOrder(m_useSlug, m_basePath);
    setTabOrder(m_basePath, m_useBasePath);
    setTabOrder(m_useBasePath, m_team);

    // Parse once typing pauses, not on every key.
    m_parseTimer = new QTimer(this);
    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(400);
    connect(m_parseTimer, &QTimer::timeout, this, &OpenApiImportDialog::parseText);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loadingFile)
            return;
        m_fileLabel->setText(tr("Pasted text"));
        ++m_generation; // a file still being read is superseded
        m_parsing = true;
        updateImport();
        m_parseTimer->start();
    });

    loadTeams();
    updateImport();
    resize(900, 620);
}

QString OpenApiImportDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

void OpenApiImportDialog::chooseFile()
{
    auto* picker = new QFileDialog(this, tr("Choose an OpenAPI Document"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFile);
    picker->setNameFilters({tr("OpenAPI documents (*.yaml *.yml *.json)"), tr("All files (*)")});
    connect(picker, &QFileDialog::fileSelected, this, &OpenApiImportDialog::loadFile);
    picker->open();
}

void OpenApiImportDialog::loadFile(const QString& path)
{
    if (!m_catalog)
        return;
    m_parseTimer->stop();
    const quint64 generation = ++m_generation;
    m_parsing = true;
    m_refusal->clearError();
    m_fileLabel->setText(QFileInfo(path).fileName());
    m_fileLabel->setToolTip(path);
    m_status->setText(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    updateImport();
    // Reading and parsing a large document takes a while: both happen on
    // the storage thread, the GUI only shows the outcome.
    m_catalog->run(
        this,
        [path](app::CatalogStore&) {
            FileParse parse;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                parse.readError = file.errorString();
                return parse;
            }
            parse.document = file.readAll();
            parse.result = app::OpenApiImporter::import(parse.document, QFileInfo(path).fileName());
            return parse;
        },
        [this, generation, path](const FileParse& parse) {
            if (generation != m_generation)
                return;
            m_parsing = false;
            if (!parse.readError.isEmpty()) {
                m_preview.reset();
                clearPreview();
                m_status->setText(QString());
                m_errors->showError(
                    tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), parse.readError));
                updateImport();
                return;
            }
            m_loadingFile = true;
            m_text->setPlainText(QString::fromUtf8(parse.document));
            m_loadingFile = false;
            showPreview(parse.result);
        });
}

void OpenApiImportDialog::setDocumentText(const QString& text)
{
    m_text->setPlainText(text); // parses after the pause, as typing does
}

void OpenApiImportDialog::parseText()
{
    if (!m_catalog)
        return;
    const quint64 generation = ++m_generation;
    const QByteArray document = m_text->toPlainText().toUtf8();
    if (document.trimmed().isEmpty()) {
        m_parsing = false;
        m_preview.reset();
        clearPreview();
        m_status->setText(tr("Nothing to import yet."));
        updateImport();
        emit previewChanged();
        return;
    }
    m_parsing = true;
    m_status->setText(tr("Reading the document..."));
    const QString source = tr("pasted");
    m_catalog->run(
        this,
        [document, source](app::CatalogStore&) {
            return app::OpenApiImporter::import(document, source);
        },
        [this, generation](const app::OpenApiImport& result) {
            if (generation != m_generation)
                return;
            m_parsing = false;
            showPreview(result);
        });
}

void OpenApiImportDialog::clearPreview()
{
    m_upstream->clear();
    m_upstream->setToolTip(QString());
    m_operations->setRowCount(0);
    m_warnings->clear();
    m_warnings->hide();
    m_errors->clearError();
}

void OpenApiImportDialog::showPreview(const app::OpenApiImport& result)
{
    m_preview = result;
    clearPreview();
    if (result.api) {
        const app::ApiDefinition& api = *result.api;
        // The fields follow the document until they are edited.
        for (auto [edit, text] :
             {std::pair{m_name, api.name}, std::pair{m_slug, api.slug},
              std::pair{m_version, api.version}, std::pair{m_basePath, api.basePath}}) {
            if (!edit->isModified())
                edit->setText(text);
        }
        m_upstream->setText(api.upstreams.isEmpty() ? tr("none (add one before publishing)")
                                                    : api.upstreams.front().url);
        m_upstream->setToolTip(m_upstream->text());
        m_operations->setRowCount(int(api.routes.size()));
        for (int row = 0; row < api.routes.size(); ++row) {
            m_operations->setItem(row, 0, new QTableWidgetItem(api.routes[row].method));
            m_operations->setItem(row, 1, new QTableWidgetItem(api.routes[row].path));
        }
    }
    if (!result.errors.isEmpty()) {
        m_status->setText(tr("The document cannot be imported:"));
        m_errors->showError(messagesText(result.errorMessages));
    } else {
        m_status->setText(tr("Operations found: %1").arg(result.operationCount));
    }
    if (!result.warnings.isEmpty()) {
        m_warnings->setText(tr("Warnings:") + QLatin1Char('\n') +
                            messagesText(result.warningMessages));
        m_warnings->show();
    }
    scheduleCheck();
    updateImport();
    emit previewChanged();
}

std::optional<app::ApiDefinition> OpenApiImportDialog::definition() const
{
    if (!m_preview || !m_preview->api || !m_preview->errors.isEmpty())
        return std::nullopt;
    app::ApiDefinition api = *m_preview->api;
    api.name = m_name->text().trimmed();
    api.slug = m_slug->text().trimmed();
    api.version = m_version->text().trimmed();
    api.basePath = m_basePath->text().trimmed();
    api.teamId = m_team->count() > 0 ? m_team->currentData().toLongLong() : 0;
    return api;
}

void OpenApiImportDialog::scheduleCheck()
{
    ++m_checkGeneration; // an answer for other text is dropped
    m_conflict.reset();
    m_conflictRow->hide();
    m_pathConflict.reset();
    m_pathConflictRow->hide();
    m_checking = definition().has_value();
    if (m_checking)
        m_checkTimer->start();
    updateImport();
}

void OpenApiImportDialog::checkSlugVersion()
{
    const auto api = definition();
    for (FormErrorLabel* label : std::as_const(m_fieldErrors))
        label->clearError();
    if (!api || !m_catalog) {
        m_checking = false;
        updateImport();
        return;
    }
    // The catalog's own rules first: a slug or version it would refuse
    // needs no question to the catalog.
    m_fieldsValid = true;
    const QString why = app::ApiCatalog::validate(*api);
    if (!why.isEmpty()) {
        ApiEditorDialog::showValidation(why, [this](const QString& field, const QString& text) {
            if (FormErrorLabel* label = m_fieldErrors.value(field)) {
                label->showError(text);
                m_fieldsValid = false;
            }
        });
        // Anything else is the document's and shows when importing.
    }
    if (!m_fieldsValid) {
        m_checking = false;
        updateImport();
        return;
    }
    const quint64 generation = m_checkGeneration;
    const app::ApiDefinition candidate = *api;
    const app::Principal actor = m_actor;
    m_catalog->run(
        this,
        [candidate, actor](app::CatalogStore& store) {
            CatalogAnswer answer;
            answer.slugVersion = store.apis().checkSlugVersion(candidate.slug, candidate.version);
            answer.basePath = store.apis().checkBasePath(actor, candidate);
            return answer;
        },
        [this, generation](const CatalogAnswer& answer) {
            if (generation != m_checkGeneration)
                return;
            m_checking = false;
            if (answer.slugVersion && answer.slugVersion->taken)
                showConflict(*answer.slugVersion);
            if (answer.basePath && answer.basePath->taken)
                showBasePathConflict(*answer.basePath);
            // A storage error here is met again, and shown, by Import.
            updateImport();
        });
}

void OpenApiImportDialog::showConflict(const app::SlugVersionCheck& check)
{
    m_conflict = check;
    m_conflictLabel->showError(tr("%1 %2 is already in the catalog. Import this document as "
                                  "another version, or as an API of its own:")
                                   .arg(m_slug->text().trimmed(), m_version->text().trimmed()));
    m_useVersion->setText(tr("&Use version %1").arg(check.freeVersion));
    m_useSlug->setText(tr("Use &slug %1").arg(check.freeSlug));
    m_conflictRow->show();
}

void OpenApiImportDialog::showBasePathConflict(const app::BasePathCheck& check)
{
    m_pathConflict = check;
    m_pathConflictLabel->showError(
        ApiEditorDialog::basePathConflictText(m_basePath->text().trimmed(), check));
    m_useBasePath->setText(tr("Use &path %1").arg(check.freeBasePath));
    m_useBasePath->setVisible(!check.freeBasePath.isEmpty());
    m_pathConflictRow->show();
}

void OpenApiImportDialog::loadTeams()
{
    if (!m_catalog) {
        m_teamsLoaded = true;
        return;
    }
    const app::Principal actor = m_actor;
    m_catalog->run(
        this,
        [actor](app::CatalogStore& store) {
            return ApiEditorDialog::publishableTeams(store, actor);
        },
        [this](const QList<app::Team>& teams) {
            m_team->clear();
            for (const app::Team& team : teams)
                m_team->addItem(team.name, team.id);
            if (teams.isEmpty())
                m_refusal->showError(tr("You may not publish APIs for any team."));
            m_teamsLoaded = true;
            updateImport();
        });
}

void OpenApiImportDialog::submit()
{
    if (m_busy || m_parsing || m_checking || m_conflict || m_pathConflict || !m_fieldsValid ||
        !definition())
        return;
    if (!m_catalog) {
        m_refusal->showError(tr("The catalog is not available."));
        return;
    }
    m_refusal->clearError();
    const app::ApiDefinition api = *definition();
    const app::Principal actor = m_actor;
    m_busy = true;
    m_text->setReadOnly(true);
    updateImport();
    m_catalog->mutate(
        this,
        [actor, api](app::CatalogStore& store) {
            const auto created = store.apis().createApi(actor, api);
            return created ? CreateOutcome{created, app::DomainErrorCode::None, {}, {}}
                           : CreateOutcome{std::nullopt, store.apis().lastErrorCode(),
                                           store.apis().lastErrorMessage(),
                                           store.apis().lastErrorField()};
        },
        [this](const CreateOutcome& outcome) {
            m_busy = false;
            m_text->setReadOnly(false);
            updateImport();
            if (!outcome.api) {
                // Taken meanwhile (by another console): next to the field
                // it is about, and the catalog offers what is free now.
                if (FormErrorLabel* label = m_fieldErrors.value(outcome.field);
                    label && outcome.code == app::DomainErrorCode::Conflict) {
                    label->showError(ApiEditorDialog::conflictText(
                        outcome.field, domainMessageText(outcome.error)));
                } else {
                    m_refusal->showError(ApiEditorDialog::refusalText(
                        outcome.code, domainMessageText(outcome.error)));
                }
                if (outcome.code == app::DomainErrorCode::Conflict)
                    scheduleCheck();
                return;
            }
            m_imported = *outcome.api;
            emit imported(m_imported);
            accept();
        });
}

void OpenApiImportDialog::updateImport()
{
    const bool ready = m_preview && m_preview->api && m_preview->errors.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(ready && !m_parsing && !m_busy && m_teamsLoaded && !m_checking &&
                     !m_conflict && !m_pathConflict && m_fieldsValid);
    for (QLineEdit* edit : {m_name, m_slug, m_version, m_basePath})
        edit->setEnabled(ready && !m_busy);
}

} // namespace gatehouse::ui
