// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/gateway_controller.h"

#include <QHash>
#include <QList>
#include <QUrl>
#include <QWidget>

#include <chrono>

class QLabel;
class QLineEdit;
class QFormLayout;
class QPushButton;
class QSpinBox;
class QTableView;
class QMenu;

namespace gatehouse::ui {

class TargetHealthModel;
class UrlLinkLabel;

// Start, stop and restart the embedded gateway; where it listens and with how
// many worker threads (editable while stopped, applied on the next start);
// how often upstream host names are looked up again (applied at once and
// kept in the settings);
// upstream target health, live. Errors (port in use, a rejected
// configuration) appear in the window's banner, never only on a terminal.
class GatewayPage : public QWidget {
    Q_OBJECT

public:
    explicit GatewayPage(app::GatewayController* controller, QWidget* parent = nullptr);
    ~GatewayPage() override;

    void setDemoOriginUrl(const QUrl& url);
    // Where the admin REST API listens and the file holding its bearer
    // token; an empty URL means it is off. "Copy token" reads the file then.
    void setAdminApi(const QUrl& url, const QString& tokenFile);
    // Puts the admin token on the clipboard; false (with a message shown)
    // when there is none or the file cannot be read.
    bool copyAdminToken();
    TargetHealthModel* healthModel() const { return m_healthModel; }
    // Names the health table's upstreams by the API they serve.
    void setApiNames(const QHash<quint64, QString>& names);
    // The "Try:" links, one per line, to what the running gateway routes
    // (app::tryLinks(): open catalog APIs, then the unguarded base routes
    // such as the demo workspace's); empty while they are hidden (the
    // gateway not listening, or nothing open routed).
    QList<UrlLinkLabel*> tryLinks() const;
    // Below them, one line per routed API that needs a key, saying so, with
    // a link to its Try It in the catalog once that is available.
    QList<QLabel*> keyedTryLabels() const;
    // At most this many of each are shown as lines; the rest sit in the
    // menu of a "N more…" link beside the first line (null while there is
    // no rest), so every routed API can be reached without the page growing.
    static constexpr int shownOpenTryLinks = 3;
    static constexpr int shownKeyedTryLinks = 3;
    QLabel* moreTryLinksLabel() const;
    QMenu* moreTryLinksMenu() const { return m_moreTryMenu; }
    // Whether "Try it in the catalog" can be offered (tryItRequested()).
    void setTryItAvailable(bool available);

    // Listener fields as entered; start() uses them.
    void setListenFields(const QString& address, quint16 port, unsigned threads);

public slots:
    void start();
    void stop();
    void restart();

signals:
    // A problem with what was entered; the window shows it with the
    // controller's own errors.
    void errorShown(const QString& message);
    // "Try it in the catalog" was chosen for this API.
    void tryItRequested(qint64 apiId);

private:
    void buildUi();
    void onStateChanged(app::GatewayController::State state);
    void onStatsUpdated(const app::GatewayStatsSample& sample);
    void updateHint();
    void updateTryLinks();
    void layOutTryLinks();
    void applyDnsRefresh();
    void showDnsRefresh(std::chrono::milliseconds interval);

    app::GatewayController* m_controller;
    TargetHealthModel* m_healthModel;
    QUrl m_demoOriginUrl;
    QHash<quint64, QString> m_apiNames;
    bool m_tryItAvailable = false;
    bool m_restartPending = false;

    QLabel* m_stateIndicator = nullptr;
    QLabel* m_stateText = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QPushButton* m_restartButton = nullptr;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_address = nullptr;
    QSpinBox* m_port = nullptr;
    QSpinBox* m_threads = nullptr;
    QLineEdit* m_dnsRefresh = nullptr;
    QLabel* m_dnsRefreshNote = nullptr;
    QLabel* m_listenUrl = nullptr;
    QLabel* m_demoOrigin = nullptr;
    QWidget* m_tryLinks = nullptr;
    QList<UrlLinkLabel*> m_tryLinkLabels;
    QList<QLabel*> m_keyedTryLabels;
    QLabel* m_moreTryLinks = nullptr;
    QMenu* m_moreTryMenu = nullptr;
    QLabel* m_adminUrl = nullptr;
    QPushButton* m_copyToken = nullptr;
    QString m_adminTokenFile;
    QLabel* m_requests = nullptr;
    QLabel* m_received = nullptr;
    QLabel* m_sent = nullptr;
    QLabel* m_upstreamErrors = nullptr;
    QLabel* m_refusedConnections = nullptr;
    QLabel* m_targetsSummary = nullptr;
    QTableView* m_healthTable = nullptr;
};

} // namespace gatehouse::ui
