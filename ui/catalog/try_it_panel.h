// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/api_definition.h"
#include "app/try_it_access.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace gatehouse::app {
class GatewayController;
}

namespace gatehouse::ui {

class TryItKeyChooser;

// Sends one real request through the running gateway, as a client would,
// and shows what came back: status, time, headers (Cache-Status and Age
// stand out) and the body, pretty-printed when it is JSON. The key is
// chosen in a TryItKeyChooser: an application's key from this session, a
// test key issued on the spot, a pasted key, or none. It goes as X-API-Key,
// or, for an API that takes its key in a query parameter, there if the user
// chooses so; the URL is shown with the key masked. "Send Again" repeats
// the last request, to see the cache answer it.
class TryItPanel : public QWidget {
    Q_OBJECT

public:
    // `gateway` is not owned and may be null (then nothing can be sent).
    explicit TryItPanel(app::GatewayController* gateway, QWidget* parent = nullptr);

    // Pre-fills the method and path from the API's base path and first
    // route; the key stays.
    void setApi(const app::ApiDefinition& api);

    TryItKeyChooser* keyChooser() const { return m_chooser; }
    QLineEdit* keyEdit() const; // the pasted key
    QComboBox* methodBox() const { return m_method; }
    // Header or query parameter; shown only for APIs that name a key
    // query parameter. Item data: app::TryItKeyPlacement as int.
    QComboBox* keyPlacementBox() const { return m_keyPlacement; }
    // The URL the request goes to (or went to), the key masked.
    QString urlText() const;
    QLineEdit* pathEdit() const { return m_path; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* sendAgainButton() const { return m_sendAgain; }
    QTableWidget* headersTable() const { return m_headers; }

    bool isBusy() const { return !m_reply.isNull(); }
    int lastStatus() const { return m_lastStatus; } // 0: none, or no HTTP answer
    QString lastHeader(const QString& name) const;
    QString bodyText() const;
    QString statusText() const;
    QString cacheText() const;
    QString errorText() const;

    // "/weather/{city}/forecast" -> "/weather/city/forecast": a path that
    // routes, with the parameter names as values to edit.
    static QString examplePath(const app::ApiDefinition& api);

public slots:
    void send();

signals:
    void finished(int status);

private:
    void onFinished(QNetworkReply* reply);
    void showError(const QString& text);
    void clearResult();
    void updateButtons();
    void updateUrl();
    app::TryItKeyPlacement keyPlacement() const;

    app::GatewayController* m_gateway;
    QNetworkAccessManager* m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_elapsed;
    QFormLayout* m_form = nullptr;
    TryItKeyChooser* m_chooser = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_keyPlacement = nullptr;
    QLabel* m_url = nullptr;
    QString m_keyQueryParameter; // of the current API; empty: header only
    QLineEdit* m_path = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_sendAgain = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_cache = nullptr;
    QTableWidget* m_headers = nullptr;
    QPlainTextEdit* m_body = nullptr;
    int m_lastStatus = 0;
    QList<QPair<QString, QString>> m_lastHeaders;
};

} // namespace gatehouse::ui
