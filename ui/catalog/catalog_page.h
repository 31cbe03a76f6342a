// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/catalog_browser.h"
#include "app/domain/roles.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace gatehouse::app {
class CatalogService;
class GatewayController;
class SessionKeyWallet;
class TelemetryService;
} // namespace gatehouse::app

namespace gatehouse::ui {

class ApiDetailPane;
class CatalogFilterModel;
class CatalogModel;
class LifecycleDialog;

// The API catalog as the acting user sees it: every visible API version in
// a table or as cards, searchable and filtered by team, tag, state and
// visibility; the selected API in full on the right, with the lifecycle
// actions the domain allows and a Try-it panel. Everything is read and
// changed through CatalogService on its storage thread; the page reloads
// when the catalog announces a change.
class CatalogPage : public QWidget {
    Q_OBJECT

public:
    // `catalog` and `gateway` are not owned and must outlive the page;
    // `gateway` may be null (Try-it then says it cannot send). Without an
    // actor the page stays empty and says why.
    CatalogPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                app::GatewayController* gateway, QWidget* parent = nullptr);

    CatalogModel* model() const { return m_model; }
    CatalogFilterModel* filterModel() const { return m_filter; }
    QTableView* tableView() const { return m_table; }
    QListView* cardView() const { return m_cards; }
    ApiDetailPane* detailPane() const { return m_detail; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* teamFilter() const { return m_team; }
    QComboBox* tagFilter() const { return m_tag; }
    QComboBox* stateFilter() const { return m_state; }
    QComboBox* visibilityFilter() const { return m_visibility; }
    QString message() const;
    bool isBusy() const { return m_busy > 0; }
    bool showsCards() const;
    qint64 selectedApiId() const;
    int loadCount() const { return m_loads; } // listings applied so far
    // The keys Try It may send for the actor's applications; not owned.
    void setKeyWallet(app::SessionKeyWallet* wallet);
    // Feeds the detail pane's Analytics tab. Not owned; may be null.
    void setTelemetryService(app::TelemetryService* service);

public slots:
    // Acts as someone else from now on (the console's "view as" demo).
    void setActor(const gatehouse::app::Principal& actor);
    void reload();
    void selectApi(qint64 apiId);
    void showTable();
    void showCards();
    // Create, import and edit open the catalog editor's dialogs; shown only
    // to people the catalog lets publish for at least one team (New,
    // Import) or edit the selected API (Edit).
    QPushButton* newApiButton() const { return m_newApi; }
    QPushButton* importApiButton() const { return m_importApi; }
    QPushButton* editApiButton() const { return m_editApi; }
    void newApi();
    void importApi();
    void editSelectedApi();
    // Asks where to save the selected API's definition, then exportSelectedApiTo().
    void exportSelectedApi();
    // Writes the selected API's OpenAPI document (JSON) or, without one, a
    // workspace file of it to `path`; the outcome shows in the page's
    // message line and in exportFinished().
    void exportSelectedApiTo(const QString& path);

signals:
    void detailsShown(qint64 apiId);
    void actionFinished(bool ok);
    void exportFinished(bool ok);

private:
    QWidget* buildFilters();
    void scheduleReload();
    void connectCatalog();
    void applyListing(const app::CatalogListing& listing);
    void fillFilterChoices();
    void applyFilters();
    void updateCount();
    void onSelectionChanged();
    void updateEditButtons();
    const app::CatalogEntry* selectedEntry() const; // null when none is selected
    void onApiSaved(const app::ApiDefinition& api, const QString& done);
    void loadDetails(qint64 apiId);
    void requestAction(app::ApiAction action);
    // `dialog`: a NewVersion dialog left open for the answer, closed on
    // success, showing the refusal otherwise.
    void runAction(const app::LifecycleRequest& request, LifecycleDialog* dialog = nullptr);
    void saveCachePolicy(const QString& cachePolicy);
    void showMessage(const QString& text, bool error);
    static QString errorText(app::DomainErrorCode code);

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_actor;
    CatalogModel* m_model = nullptr;
    CatalogFilterModel* m_filter = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_team = nullptr;
    QComboBox* m_tag = nullptr;
    QComboBox* m_state = nullptr;
    QComboBox* m_visibility = nullptr;
    QPushButton* m_newApi = nullptr;
    QPushButton* m_importApi = nullptr;
    QPushButton* m_editApi = nullptr;
    bool m_mayCreate = false; // the actor may publish for some team
    QToolButton* m_tableButton = nullptr;
    QToolButton* m_cardsButton = nullptr;
    QLabel* m_count = nullptr;
    QStackedWidget* m_views = nullptr;
    QTableView* m_table = nullptr;
    QListView* m_cards = nullptr;
    ApiDetailPane* m_detail = nullptr;
    QTimer* m_reloadTimer = nullptr;
    qint64 m_wanted = 0;     // the API to select once it is listed
    qint64 m_shownId = 0;    // the API whose details are shown or on their way
    bool m_applying = false; // a listing is being applied
    int m_busy = 0;
    int m_loads = 0;
    quint64 m_listGeneration = 0;
    quint64 m_detailGeneration = 0;
};

} // namespace gatehouse::ui
