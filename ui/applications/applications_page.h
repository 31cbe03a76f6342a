// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/application_overview.h"
#include "app/domain/roles.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace gatehouse::app {
class CatalogService;
class SessionKeyWallet;
} // namespace gatehouse::app

namespace gatehouse::ui {

class ApplicationPanel;
class ApplicationsModel;
class NewApplicationDialog;

// The applications the acting user manages (their own and their teams'),
// with a New Application dialog; the selected one's keys and subscriptions
// are in an ApplicationPanel beside the list. Everything is read and changed
// through CatalogService on its storage thread; the page reloads when the
// catalog announces a change.
class ApplicationsPage : public QWidget {
    Q_OBJECT

public:
    // `catalog` is not owned and must outlive the page. Without an actor
    // (a catalog in which the OS user has no account) the page stays empty
    // and says why.
    ApplicationsPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                     QWidget* parent = nullptr);

    QTableView* applicationsView() const { return m_view; }
    ApplicationsModel* applicationsModel() const { return m_model; }
    ApplicationPanel* panel() const { return m_panel; }
    NewApplicationDialog* newApplicationDialog() const;
    QString message() const;
    bool messageIsError() const;
    qint64 selectedApplicationId() const;
    int loadCount() const { return m_loads; } // listings read so far
    void selectApplication(qint64 applicationId);
    // Keys issued on the page are kept there for Try It; not owned.
    void setKeyWallet(app::SessionKeyWallet* wallet);

public slots:
    // Acts as someone else from now on (the console's "view as" demo).
    void setActor(const gatehouse::app::Principal& actor);
    void reload();
    void newApplication(); // opens the dialog

private:
    void scheduleReload();
    void applyListing(const app::ApplicationListing& listing);
    void submitApplication();
    void showMessage(const QString& text, bool error);
    void updateSelection();

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_actor;
    ApplicationsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    ApplicationPanel* m_panel = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_new = nullptr;
    QTimer* m_reloadTimer = nullptr;
    QPointer<NewApplicationDialog> m_newDialog;
    QList<app::Team> m_teams; // the actor's, possible owners of a new application
    qint64 m_selectAfterLoad = 0;
    quint64 m_generation = 0; // only the newest load is shown
    int m_loads = 0;
};

} // namespace gatehouse::ui
