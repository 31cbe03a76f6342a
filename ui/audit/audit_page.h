// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTableView;
class QTimer;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

class AuditDiffView;
class AuditModel;

// The audit log: who did what to which object, when, newest first, filtered
// by actor, action, object type and time; the selected entry's object before
// and after, side by side. Only admins may read it: for anyone else the
// domain refuses, and the page shows its refusal. Lives as a tab of the
// Teams page (people and what they did belong together; the sidebar's pages
// are fixed).
class AuditPage : public QWidget {
    Q_OBJECT

public:
    enum TimeRange { AnyTime, LastHour, LastDay, LastWeek, LastMonth };
    static constexpr int Limit = 500; // entries shown at most

    AuditPage(app::CatalogService* catalog, std::optional<app::Principal> actor,
              QWidget* parent = nullptr);

    void setActor(std::optional<app::Principal> actor);

    AuditModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    AuditDiffView* details() const { return m_details; }
    QComboBox* actorFilter() const { return m_actor; }
    QComboBox* actionFilter() const { return m_action; }
    QComboBox* objectTypeFilter() const { return m_objectType; }
    QComboBox* timeFilter() const { return m_time; }
    QString message() const;
    int loadCount() const { return m_loads; }

public slots:
    void reload();

private:
    struct Listing;
    void scheduleReload();
    void show(const Listing& listing);
    static void refill(QComboBox* combo, const QString& anyText, const QStringList& values);
    void updateDetails();
    void showMessage(const QString& text, bool error);

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_principal;
    AuditModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    AuditDiffView* m_details = nullptr;
    QComboBox* m_actor = nullptr;
    QComboBox* m_action = nullptr;
    QComboBox* m_objectType = nullptr;
    QComboBox* m_time = nullptr;
    QLabel* m_message = nullptr;
    QTimer* m_reloadTimer = nullptr;
    quint64 m_generation = 0;
    int m_loads = 0;
};

} // namespace gatehouse::ui
