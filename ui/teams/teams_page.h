// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"
#include "app/team_directory.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

class AuditPage;
class FormDialog;

// Teams and the people in them: the teams, the selected team's members with
// their organisation and team roles (add, change role, remove), and, for
// admins, the users (invite, change role) and the audit log. Everything is
// read and changed through CatalogService on its storage thread; which
// actions show comes from what the domain says the acting user may do
// (app::TeamDirectory), and every refusal is shown with the domain's words.
//
// In a local workspace the admin can "view as" a publisher or a developer:
// the page (and its audit tab) then act as a real user with that role,
// which lets a demo show each role's view; actingPrincipalChanged() tells
// whoever else cares.
class TeamsPage : public QWidget {
    Q_OBJECT

public:
    enum Tab { TeamsTab, UsersTab, AuditTab };

    // `catalog` is not owned and must outlive the page. Without an actor the
    // page stays empty and says why.
    TeamsPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
              QWidget* parent = nullptr);

    // Offers the "view as" switch (local workspaces, when the actor is an
    // admin).
    void setViewAsAvailable(bool available);
    bool isViewAsAvailable() const;
    // Who the page acts as now: the signed-in user, or whom they view as.
    std::optional<app::Principal> actingPrincipal() const { return m_acting; }
    bool isViewingAs() const;
    // Acts as `role` (Admin: the signed-in admin again).
    void viewAs(app::Role role);

    const app::TeamDirectory& directory() const { return m_directory; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* teamsView() const { return m_teamsView; }
    QTableView* membersView() const { return m_membersView; }
    QTableView* usersView() const { return m_usersView; }
    QStandardItemModel* teamsModel() const { return m_teams; }
    QStandardItemModel* membersModel() const { return m_members; }
    QStandardItemModel* usersModel() const { return m_users; }
    AuditPage* auditPage() const { return m_audit; }
    QComboBox* viewAsCombo() const { return m_viewAs; }
    QString message() const;
    bool isMessageError() const;
    int loadCount() const { return m_loads; } // directories shown so far

public slots:
    void reload();
    void newTeam();
    void addMember();
    void removeMember();
    void inviteUser();

signals:
    void actingPrincipalChanged(const app::Principal& principal);

private:
    struct Outcome; // a domain call's result: ok, or its error code and message
    template <typename Work>
    void perform(FormDialog* dialog, Work work);

    QWidget* buildTeamsTab();
    QWidget* buildUsersTab();
    QTableView* createView(QStandardItemModel* model, const QString& name);
    void scheduleReload();
    void showDirectory(const app::TeamDirectory& directory);
    void fillMembers(qint64 keepSelected);
    void setActing(const app::Principal& principal);
    qint64 selectedId(QTableView* view) const;
    void setTeamRoleOfSelected(app::TeamRole role);
    void setOrgRoleOfSelected(app::Role role);
    void showMessage(const QString& text, bool error);
    void updateActions();

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_signedIn;
    std::optional<app::Principal> m_acting;
    app::TeamDirectory m_directory;
    QStandardItemModel* m_teams = nullptr;
    QStandardItemModel* m_members = nullptr;
    QStandardItemModel* m_users = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_teamsView = nullptr;
    QTableView* m_membersView = nullptr;
    QTableView* m_usersView = nullptr;
    AuditPage* m_audit = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_membersHeading = nullptr;
    QLabel* m_viewAsLabel = nullptr;
    QComboBox* m_viewAs = nullptr;
    QPushButton* m_newTeam = nullptr;
    QPushButton* m_addMember = nullptr;
    QPushButton* m_removeMember = nullptr;
    QLabel* m_teamRoleLabel = nullptr;
    QComboBox* m_teamRole = nullptr;
    QPushButton* m_invite = nullptr;
    QLabel* m_orgRoleLabel = nullptr;
    QComboBox* m_orgRole = nullptr;
    QTimer* m_reloadTimer = nullptr;
    quint64 m_generation = 0;
    int m_busy = 0;
    int m_loads = 0;
    bool m_refilling = false; // showDirectory() is replacing the rows
};

} // namespace gatehouse::ui
