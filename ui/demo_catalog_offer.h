// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/demo_catalog.h"
#include "app/domain/roles.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace gatehouse::app {
class CatalogService;
class TrafficGenerator;
} // namespace gatehouse::app

namespace gatehouse::ui {

// The demo workspace in the console: on the first start with an empty local
// catalog it asks once whether to create it (the answer is remembered), and
// "Help > Create Demo Workspace..." does it later. Seeding runs on the
// catalog's storage thread; the question is a window-modal box shown with
// open(), so nothing waits on it.
//
// The demo's traffic key is handed to the traffic generator, with a mix over
// the demo catalog's APIs, and kept in memory only: the catalog stores just
// its hash, so every start asks the catalog for a new one
// (restoreTrafficKey(), which revokes the previous run's). No copy of a key
// is ever written to the settings; one left there by an older version is
// removed.
class DemoCatalogOffer : public QObject {
    Q_OBJECT
public:
    // `admin`: the local administrator (no offer and a disabled action
    // without one, e.g. on a shared catalog). `traffic` may be null.
    DemoCatalogOffer(app::CatalogService* catalog, std::optional<app::Principal> admin,
                     app::TrafficGenerator* traffic, QWidget* window);

    // Adds "Create Demo Workspace..." to `menu` (first entry).
    void addTo(QMenu* menu);
    QAction* action() const { return m_action; }

    // Asks, once ever, when the catalog has no APIs. Call after the window
    // shows.
    void offerOnFirstStart();
    // Asks for confirmation, then creates the demo workspace.
    void askAndCreate();
    // Creates it now (no question).
    void create();
    // `gatehouse --demo-catalog`: creates it now if the catalog has no APIs,
    // and quietly leaves a catalog that has some alone.
    void createIfEmpty();
    // On start: a fresh key for the demo's traffic application, if the
    // catalog has one, for the traffic generator (unless it has a key by
    // then). Runs on the storage thread; trafficKeyReady() when done.
    void restoreTrafficKey();

    QMessageBox* question() const { return m_question; } // while one is open

    static QString offeredKey() { return QStringLiteral("Demo/offered"); }
    // Where versions before this one kept the key in plain text.
    static QString legacyTrafficKeyKey() { return QStringLiteral("Demo/trafficKey"); }

signals:
    void created(const QString& trafficKey);
    void trafficKeyReady(const QString& trafficKey);
    // A translated message for the window's error banner.
    void failed(const QString& message);
    void questionShown();

private:
    void ask(bool firstStart);
    void onSeeded(const app::DemoCatalogResult& result);
    void handToTraffic(const QString& key);

    app::CatalogService* m_catalog;
    std::optional<app::Principal> m_admin;
    app::TrafficGenerator* m_traffic;
    QWidget* m_window;
    QAction* m_action = nullptr;
    QPointer<QMessageBox> m_question;
    bool m_busy = false;
    bool m_quietWhenNotEmpty = false;
};

} // namespace gatehouse::ui
