// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/teams/teams_page.h"

#include "app/catalog_service.h"
#include "ui/audit/audit_page.h"
#include "ui/domain_message_text.h"
#include "ui/teams/form_dialog.h"
#include "ui/teams/role_text.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

constexpr int ReloadDelayMs = 30;
constexpr int IdRole = Qt::UserRole + 1;
constexpr int RoleRole = Qt::UserRole + 2;

const app::Role AllRoles[] = {app::Role::Admin, app::Role::Publisher, app::Role::Developer};

void fillRoleCombo(QComboBox* combo)
{
    for (const app::Role role : AllRoles)
        combo->addItem(RoleText::role(role), int(role));
}

void fillTeamRoleCombo(QComboBox* combo)
{
    combo->addItem(RoleText::teamRole(app::TeamRole::Member), int(app::TeamRole::Member));
    combo->addItem(RoleText::teamRole(app::TeamRole::Owner), int(app::TeamRole::Owner));
}

// Rows appended one by one do not resize the columns by themselves; the
// last column takes the rest.
void fitColumns(QTableView* view)
{
    QHeaderView* header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->resizeSections(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
}

QStandardItem* cell(const QString& text, qint64 id = 0)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    item->setToolTip(text);
    if (id)
        item->setData(id, IdRole);
    return item;
}

} // namespace

struct TeamsPage::Outcome {
    bool ok = false;
    app::DomainErrorCode code = app::DomainErrorCode::None;
    app::DomainMessage error;

    static Outcome of(bool ok, const app::DomainService& service)
    {
        return {ok, service.lastErrorCode(), service.lastErrorMessage()};
    }
};

TeamsPage::TeamsPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
                     QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_signedIn(std::move(actor))
    , m_acting(m_signedIn)
{
    setObjectName(QStringLiteral("teamsPage"));
    m_teams = new QStandardItemModel(0, 3, this);
    m_teams->setHorizontalHeaderLabels({tr("Team"), tr("Members"), tr("Description")});
    m_members = new QStandardItemModel(0, 3, this);
    m_members->setHorizontalHeaderLabels({tr("Name"), tr("Organisation role"), tr("Team role")});
    m_users = new QStandardItemModel(0, 4, this);
    m_users->setHorizontalHeaderLabels({tr("Name"), tr("Display name"), tr("Role"), tr("Sign-in")});

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Teams"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    header->addWidget(title);
    header->addStretch(1);
    m_viewAsLabel = new QLabel(tr("Vie&w as:"), this);
    m_viewAs = new QComboBox(this);
    m_viewAs->setObjectName(QStringLiteral("viewAsCombo"));
    m_viewAs->setToolTip(tr("Demo: see and act with the permissions of a user with this role"));
    fillRoleCombo(m_viewAs);
    m_viewAsLabel->setBuddy(m_viewAs);
    header->addWidget(m_viewAsLabel);
    header->addWidget(m_viewAs);
    m_viewAsLabel->hide();
    m_viewAs->hide();
    connect(m_viewAs, &QComboBox::activated, this,
            [this](int index) { viewAs(app::Role(m_viewAs->itemData(index).toInt())); });
    layout->addLayout(header);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("teamsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("teamsTabs"));
    m_tabs->addTab(buildTeamsTab(), tr("&Teams"));
    m_tabs->addTab(buildUsersTab(), tr("&Users"));
    m_audit = new AuditPage(m_catalog, m_acting, m_tabs);
    m_tabs->addTab(m_audit, tr("Au&dit Log"));
    layout->addWidget(m_tabs, 1);

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &TeamsPage::reload);

    // Until the domain has answered, nobody may do anything.
    m_tabs->setTabVisible(UsersTab, false);
    m_tabs->setTabVisible(AuditTab, false);
    if (!m_catalog || !m_acting) {
        showMessage(tr("Teams are unavailable: the catalog is not open, or your account has no "
                       "access to it."),
                    true);
    } else {
        connect(m_catalog, &app::CatalogService::catalogChanged, this, &TeamsPage::scheduleReload);
        // Also announced when the catalog sync notices a change made elsewhere
        // (another console on a shared catalog, the admin API).
        connect(m_catalog, &app::CatalogService::pendingApprovalsChanged, this,
                &TeamsPage::scheduleReload);
        reload();
    }
    updateActions();
}

QWidget* TeamsPage::buildTeamsTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    auto* splitter = new QSplitter(Qt::Horizontal, tab);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_teamsView = createView(m_teams, QStringLiteral("teamsView"));
    m_teamsView->setAccessibleName(tr("Teams"));
    leftLayout->addWidget(m_teamsView, 1);
    auto* teamButtons = new QHBoxLayout;
    m_newTeam = new QPushButton(tr("&New Team…"), left);
    m_newTeam->setObjectName(QStringLiteral("newTeamButton"));
    teamButtons->addWidget(m_newTeam);
    teamButtons->addStretch(1);
    leftLayout->addLayout(teamButtons);
    m_newTeam->setShortcut(QKeySequence::New); // while the Teams tab shows
    m_newTeam->setToolTip(
        tr("Create a team (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newTeam, &QPushButton::clicked, this, &TeamsPage::newTeam);

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_membersHeading = new QLabel(right);
    m_membersHeading->setObjectName(QStringLiteral("membersHeading"));
    QFont bold = m_membersHeading->font();
    bold.setBold(true);
    m_membersHeading->setFont(bold);
    rightLayout->addWidget(m_membersHeading);
    m_membersView = createView(m_members, QStringLiteral("membersView"));
    m_membersView->setAccessibleName(tr("Members of the selected team"));
    rightLayout->addWidget(m_membersView, 1);
    auto* memberButtons = new QHBoxLayout;
    m_addMember = new QPushButton(tr("&Add Member…"), right);
    m_addMember->setObjectName(QStringLiteral("addMemberButton"));
    m_teamRoleLabel = new QLabel(tr("Team &role:"), right);
    m_teamRole = new QComboBox(right);
    m_teamRole->setObjectName(QStringLiteral("memberRoleCombo"));
    m_teamRole->setToolTip(tr("Change the selected member's role in this team"));
    fillTeamRoleCombo(m_teamRole);
    m_teamRoleLabel->setBuddy(m_teamRole);
    m_removeMember = new QPushButton(tr("Re&move"), right);
    m_removeMember->setObjectName(QStringLiteral("removeMemberButton"));
    m_removeMember->setToolTip(tr("Remove the selected member from this team"));
    memberButtons->addWidget(m_addMember);
    memberButtons->addStretch(1);
    memberButtons->addWidget(m_teamRoleLabel);
    memberButtons->addWidget(m_teamRole);
    memberButtons->addWidget(m_removeMember);
    rightLayout->addLayout(memberButtons);
    connect(m_addMember, &QPushButton::clicked, this, &TeamsPage::addMember);
    connect(m_removeMember, &QPushButton::clicked, this, &TeamsPage::removeMember);
    // Delete in the members list: as the Remove button, when it may.
    auto* remove = new QShortcut(QKeySequence::Delete, m_membersView);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (m_removeMember->isVisible() && m_removeMember->isEnabled())
            removeMember();
    });
    connect(m_teamRole, &QComboBox::activated, this, [this](int index) {
        setTeamRoleOfSelected(app::TeamRole(m_teamRole->itemData(index).toInt()));
    });

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_teamsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_refilling)
            fillMembers(0);
    });
    return tab;
}

QWidget* TeamsPage::buildUsersTab()
{
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    m_usersView = createView(m_users, QStringLiteral("usersView"));
    m_usersView->setAccessibleName(tr("Users"));
    layout->addWidget(m_usersView, 1);
    auto* buttons = new QHBoxLayout;
    m_invite = new QPushButton(tr("&Invite User…"), tab);
    m_invite->setObjectName(QStringLiteral("inviteUserButton"));
    m_invite->setShortcut(QKeySequence::New); // while the Users tab shows
    m_invite->setToolTip(
        tr("Create an account in this catalog (%1)")
            .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_orgRoleLabel = new QLabel(tr("R&ole:"), tab);
    m_orgRole = new QComboBox(tab);
    m_orgRole->setObjectName(QStringLiteral("userRoleCombo"));
    m_orgRole->setToolTip(tr("Change the selected user's organisation role"));
    fillRoleCombo(m_orgRole);
    m_orgRoleLabel->setBuddy(m_orgRole);
    buttons->addWidget(m_invite);
    buttons->addStretch(1);
    buttons->addWidget(m_orgRoleLabel);
    buttons->addWidget(m_orgRole);
    layout->addLayout(buttons);
    connect(m_invite, &QPushButton::clicked, this, &TeamsPage::inviteUser);
    connect(m_orgRole, &QComboBox::activated, this, [this](int index) {
        setOrgRoleOfSelected(app::Role(m_orgRole->itemData(index).toInt()));
    });
    return tab;
}

QTableView* TeamsPage::createView(QStandardItemModel* model, const QString& name)
{
    auto* view = new QTableView;
    view->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TeamsPage::updateActions);
    return view;
}

void TeamsPage::setViewAsAvailable(bool available)
{
    const bool show = available && m_signedIn && m_signedIn->isAdmin() && m_catalog;
    m_viewAsLabel->setVisible(show);
    m_viewAs->setVisible(show);
}

bool TeamsPage::isViewAsAvailable() const
{
    return !m_viewAs->isHidden();
}

bool TeamsPage::isViewingAs() const
{
    return m_acting && m_signedIn && m_acting->userId != m_signedIn->userId;
}

void TeamsPage::viewAs(app::Role role)
{
    if (!m_catalog || !m_signedIn || !m_signedIn->isAdmin())
        return;
    if (role == app::Role::Admin) {
        setActing(*m_signedIn);
        return;
    }
    const app::Principal admin = *m_signedIn;
    m_catalog->mutate(
        this,
        [admin, role](app::CatalogStore& store) {
            QString english;
            app::DomainMessage error;
            auto principal = app::viewAsPrincipal(store, admin, role, &english, &error);
            return std::make_pair(principal, error);
        },
        [this](const std::pair<std::optional<app::Principal>, app::DomainMessage>& result) {
            if (result.first)
                setActing(*result.first);
            else
                showMessage(
                    tr("Cannot view as this role: %1").arg(domainMessageText(result.second)), true);
        });
}

void TeamsPage::setActing(const app::Principal& principal)
{
    m_acting = principal;
    const int index = m_viewAs->findData(int(isViewingAs() ? principal.role : app::Role::Admin));
    m_viewAs->setCurrentIndex(index);
    m_message->hide();
    m_audit->setActor(principal);
    reload();
    emit actingPrincipalChanged(principal);
}

QString TeamsPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool TeamsPage::isMessageError() const
{
    return m_message->property("error").toBool();
}

void TeamsPage::scheduleReload()
{
    m_reloadTimer->start();
}

void TeamsPage::reload()
{
    if (!m_catalog || !m_acting)
        return;
    const quint64 generation = ++m_generation;
    const app::Principal actor = *m_acting;
    if (m_tabs->currentWidget() == m_audit) // Refresh on the audit log's tab
        m_audit->reload();
    m_catalog->run(
        this, [actor](app::CatalogStore& store) { return app::loadTeamDirectory(store, actor); },
        [this, generation](const app::TeamDirectory& directory) {
            if (generation == m_generation)
                showDirectory(directory);
        });
}

void TeamsPage::showDirectory(const app::TeamDirectory& directory)
{
    if (!directory.error.isEmpty()) {
        showMessage(tr("Cannot read the teams: %1").arg(domainMessageText(directory.errorMessage)),
                    true);
        return;
    }
    const qint64 selectedTeam = selectedId(m_teamsView);
    const qint64 selectedUser = selectedId(m_usersView);
    const qint64 selectedMember = selectedId(m_membersView);
    m_directory = directory;
    m_refilling = true;

    m_teams->removeRows(0, m_teams->rowCount());
    for (const app::Team& team : directory.teams) {
        auto* count = cell(QLocale().toString(directory.members.value(team.id).size()));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_teams->appendRow({cell(team.name, team.id), count, cell(team.description)});
    }
    m_users->removeRows(0, m_users->rowCount());
    for (const app::User& user : directory.users) {
        const QString signIn = user.isLocal       ? tr("This computer's account")
                               : user.hasPassword ? tr("Password")
                                                  : tr("No password yet");
        auto* role = cell(RoleText::role(user.role));
        role->setData(int(user.role), RoleRole);
        m_users->appendRow({cell(user.name, user.id), cell(user.displayName), role, cell(signIn)});
    }
    auto reselect = [](QTableView* view, qint64 id, bool firstOtherwise) {
        const QAbstractItemModel* model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(IdRole).toLongLong() == id) {
                view->selectRow(row);
                return;
            }
        }
        if (firstOtherwise && model->rowCount() > 0)
            view->selectRow(0);
    };
    fitColumns(m_teamsView);
    fitColumns(m_usersView);
    reselect(m_teamsView, selectedTeam, true);
    reselect(m_usersView, selectedUser, false);
    m_refilling = false;
    fillMembers(selectedMember);

    m_tabs->setTabVisible(UsersTab, directory.canManageUsers);
    m_tabs->setTabVisible(AuditTab, directory.canReadAuditLog);
    if (!m_tabs->isTabVisible(m_tabs->currentIndex()))
        m_tabs->setCurrentIndex(TeamsTab);
    ++m_loads;
    updateActions();
}

void TeamsPage::fillMembers(qint64 keepSelected)
{
    const qint64 teamId = selectedId(m_teamsView);
    m_members->removeRows(0, m_members->rowCount());
    QString teamName;
    for (const app::Team& team : std::as_const(m_directory.teams)) {
        if (team.id == teamId)
            teamName = team.name;
    }
    m_membersHeading->setText(teamName.isEmpty() ? tr("Select a team to see its members.")
                                                 : tr("Members of %1").arg(teamName));
    for (const app::TeamMember& member : m_directory.members.value(teamId)) {
        const app::User* user = m_directory.user(member.userId);
        auto* teamRole = cell(RoleText::teamRole(member.teamRole));
        teamRole->setData(int(member.teamRole), RoleRole);
        m_members->appendRow({cell(member.userName, member.userId),
                              cell(user ? RoleText::role(user->role) : QString()), teamRole});
    }
    fitColumns(m_membersView);
    for (int row = 0; row < m_members->rowCount(); ++row) {
        if (m_members->index(row, 0).data(IdRole).toLongLong() == keepSelected)
            m_membersView->selectRow(row);
    }
    updateActions();
}

qint64 TeamsPage::selectedId(QTableView* view) const
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(IdRole).toLongLong();
}

template <typename Work>
void TeamsPage::perform(FormDialog* dialog, Work work)
{
    if (!m_catalog || !m_acting)
        return;
    ++m_busy;
    updateActions();
    QPointer<FormDialog> guard(dialog);
    if (dialog)
        dialog->setBusy(true);
    const app::Principal actor = *m_acting;
    m_catalog->mutate(
        this, [actor, work](app::CatalogStore& store) { return work(store, actor); },
        [this, guard](const Outcome& outcome) {
            --m_busy;
            const QString refusal =
                outcome.ok ? QString()
                           : RoleText::refusal(outcome.code, domainMessageText(outcome.error));
            if (guard) {
                guard->setBusy(false);
                if (outcome.ok)
                    guard->finish();
                else
                    guard->showError(refusal);
            } else if (!outcome.ok) {
                showMessage(refusal, true);
            }
            if (outcome.ok)
                m_message->hide();
            updateActions();
            scheduleReload();
        });
}

void TeamsPage::newTeam()
{
    auto* dialog = new FormDialog(tr("New Team"), tr("Create"), this);
    dialog->setObjectName(QStringLiteral("newTeamDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("teamName"));
    auto* description = new QLineEdit(dialog);
    description->setObjectName(QStringLiteral("teamDescription"));
    dialog->form()->addRow(tr("&Name:"), name);
    dialog->form()->addRow(tr("&Description:"), description);
    connect(dialog, &FormDialog::submitted, this, [this, dialog, name, description] {
        const QString teamName = name->text();
        const QString text = description->text().trimmed();
        perform(dialog, [teamName, text](app::CatalogStore& store, const app::Principal& actor) {
            const bool ok = store.teams().createTeam(actor, teamName, text).has_value();
            return Outcome::of(ok, store.teams());
        });
    });
    dialog->open();
}

void TeamsPage::addMember()
{
    const qint64 teamId = selectedId(m_teamsView);
    if (!teamId)
        return;
    auto* dialog = new FormDialog(tr("Add Member"), tr("Add"), this);
    dialog->setObjectName(QStringLiteral("addMemberDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* user = new QComboBox(dialog);
    user->setObjectName(QStringLiteral("memberUser"));
    QSet<qint64> members;
    for (const app::TeamMember& m : m_directory.members.value(teamId))
        members.insert(m.userId);
    for (const app::User& u : std::as_const(m_directory.users)) {
        if (!members.contains(u.id))
            user->addItem(
                u.displayName == u.name ? u.name : tr("%1 (%2)").arg(u.name, u.displayName), u.id);
    }
    auto* role = new QComboBox(dialog);
    role->setObjectName(QStringLiteral("memberTeamRole"));
    fillTeamRoleCombo(role);
    dialog->form()->addRow(tr("&User:"), user);
    dialog->form()->addRow(tr("Team &role:"), role);
    connect(dialog, &FormDialog::submitted, this, [this, dialog, user, role, teamId] {
        const qint64 userId = user->currentData().toLongLong();
        const auto teamRole = app::TeamRole(role->currentData().toInt());
        perform(dialog, [=](app::CatalogStore& store, const app::Principal& actor) {
            const bool ok = store.teams().setMember(actor, teamId, userId, teamRole);
            return Outcome::of(ok, store.teams());
        });
    });
    dialog->open();
}

void TeamsPage::removeMember()
{
    const qint64 teamId = selectedId(m_teamsView);
    const qint64 userId = selectedId(m_membersView);
    if (!teamId || !userId)
        return;
    perform(nullptr, [=](app::CatalogStore& store, const app::Principal& actor) {
        const bool ok = store.teams().removeMember(actor, teamId, userId);
        return Outcome::of(ok, store.teams());
    });
}

void TeamsPage::setTeamRoleOfSelected(app::TeamRole role)
{
    const qint64 teamId = selectedId(m_teamsView);
    const qint64 userId = selectedId(m_membersView);
    if (!teamId || !userId)
        return;
    perform(nullptr, [=](app::CatalogStore& store, const app::Principal& actor) {
        const bool ok = store.teams().setMember(actor, teamId, userId, role);
        return Outcome::of(ok, store.teams());
    });
}

void TeamsPage::inviteUser()
{
    auto* dialog = new FormDialog(tr("Invite User"), tr("Invite"), this);
    dialog->setObjectName(QStringLiteral("inviteUserDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("userName"));
    name->setPlaceholderText(tr("e.g. maya or maya@example.com"));
    auto* displayName = new QLineEdit(dialog);
    displayName->setObjectName(QStringLiteral("displayName"));
    auto* role = new QComboBox(dialog);
    role->setObjectName(QStringLiteral("userRole"));
    fillRoleCombo(role);
    role->setCurrentIndex(role->findData(int(app::Role::Developer)));
    auto* password = new QLineEdit(dialog);
    password->setObjectName(QStringLiteral("password"));
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("empty: cannot sign in yet"));
    auto* repeat = new QLineEdit(dialog);
    repeat->setObjectName(QStringLiteral("passwordRepeat"));
    repeat->setEchoMode(QLineEdit::Password);
    dialog->form()->addRow(tr("&Name:"), name);
    dialog->form()->addRow(tr("&Display name:"), displayName);
    dialog->form()->addRow(tr("&Role:"), role);
    dialog->form()->addRow(tr("Initial &password:"), password);
    dialog->form()->addRow(tr("R&epeat password:"), repeat);
    dialog->setCheck([password, repeat] {
        return password->text() == repeat->text() ? QString() : tr("The two passwords differ.");
    });
    connect(dialog, &FormDialog::submitted, this, [=, this] {
        const QString userName = name->text().trimmed();
        const QString display = displayName->text().trimmed();
        const auto userRole = app::Role(role->currentData().toInt());
        const QString secret = password->text();
        perform(dialog, [=](app::CatalogStore& store, const app::Principal& actor) {
            const bool ok =
                store.users().createUser(actor, userName, display, userRole, secret).has_value();
            return Outcome::of(ok, store.users());
        });
    });
    dialog->open();
}

void TeamsPage::setOrgRoleOfSelected(app::Role role)
{
    const qint64 userId = selectedId(m_usersView);
    if (!userId)
        return;
    perform(nullptr, [=](app::CatalogStore& store, const app::Principal& actor) {
        const bool ok = store.users().setRole(actor, userId, role);
        return Outcome::of(ok, store.users());
    });
}

void TeamsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: palette(bright-text);"
                                                    " background: #b3261e; padding: 6px; }")
                                   : QStringLiteral("QLabel { padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

void TeamsPage::updateActions()
{
    const bool ready = m_catalog && m_acting && m_busy == 0;
    const qint64 teamId = selectedId(m_teamsView);
    const bool manage = m_directory.manageableTeams.contains(teamId);
    m_newTeam->setVisible(m_directory.canCreateTeam);
    m_newTeam->setEnabled(ready);

    // A team's member actions exist only for those who may manage it.
    for (QWidget* w : {static_cast<QWidget*>(m_addMember), static_cast<QWidget*>(m_teamRoleLabel),
                       static_cast<QWidget*>(m_teamRole), static_cast<QWidget*>(m_removeMember)})
        w->setVisible(manage);
    const QModelIndexList members = m_membersView->selectionModel()->selectedRows();
    const bool member = !members.isEmpty();
    m_addMember->setEnabled(ready && m_members->rowCount() < m_directory.users.size());
    m_teamRole->setEnabled(ready && member);
    m_removeMember->setEnabled(ready && member);
    m_teamRole->setCurrentIndex(
        member ? m_teamRole->findData(m_members->index(members.first().row(), 2).data(RoleRole))
               : -1);

    m_invite->setVisible(m_directory.canManageUsers);
    m_orgRoleLabel->setVisible(m_directory.canManageUsers);
    m_orgRole->setVisible(m_directory.canManageUsers);
    m_invite->setEnabled(ready);
    const QModelIndexList users = m_usersView->selectionModel()->selectedRows();
    m_orgRole->setEnabled(ready && !users.isEmpty());
    m_orgRole->setCurrentIndex(
        users.isEmpty()
            ? -1
            : m_orgRole->findData(m_users->index(users.first().row(), 2).data(RoleRole)));
}

} // namespace gatehouse::ui
