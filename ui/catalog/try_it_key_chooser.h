// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/roles.h"
#include "app/session_key_wallet.h"
#include "app/try_it_access.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace gatehouse::app {
class CatalogService;
}

namespace gatehouse::ui {

// Which key Try It sends: one of the acting user's applications that has
// an approved subscription to the API (its key from this session's
// SessionKeyWallet, or a short-lived test key issued on the spot), a pasted
// key, or none. Keys are shown once and stored hashed, so the console can
// only use keys it issued in this run; the panel says so, and which key
// (by its prefix) goes out. The list follows the actor and catalog changes.
class TryItKeyChooser : public QWidget {
    Q_OBJECT

public:
    // Item data of the chooser's fixed entries; applications are their id.
    static constexpr qint64 PasteKey = -1;
    static constexpr qint64 NoKey = 0;
    // How long a test key issued here lives.
    static constexpr qint64 TestKeyLifetimeMs = 3600LL * 1000;

    // The Application and API key rows go into `form` (the panel's, so the
    // labels line up), or into a form of the chooser's own when null; the
    // notes stay in the chooser.
    explicit TryItKeyChooser(QFormLayout* form = nullptr, QWidget* parent = nullptr);

    // `catalog` and `wallet` are not owned and may be null (then only a
    // pasted key or none can be chosen).
    void setCatalog(app::CatalogService* catalog, std::optional<app::Principal> actor);
    void setWallet(app::SessionKeyWallet* wallet);
    void setActor(const app::Principal& actor);
    // A newly selected API: its applications are read again and a default
    // chosen (an application holding a session key, else a pasted key; none
    // for an open API).
    void setApi(qint64 apiId, bool openApi);
    // Where the key goes, for the notes: the query parameter `name`, or the
    // X-API-Key header when empty (the default).
    void setKeyParameter(const QString& name);

    // The chosen source: an application id, PasteKey or NoKey.
    qint64 choice() const;
    // The key to send ("" for none), or nullopt with `why` when the chosen
    // application has no key in this session.
    std::optional<QString> key(QString* why) const;

    QComboBox* applicationBox() const { return m_application; }
    QLineEdit* keyEdit() const { return m_key; }
    QPushButton* issueKeyButton() const { return m_issue; }
    QString noteText() const;
    QString notOfferedText() const;
    QString errorText() const;
    bool isLoading() const { return m_loading > 0; }
    bool isIssuing() const { return m_issuing; }

public slots:
    void reload();
    void issueTestKey();

signals:
    // The key that would be sent changed (another choice, a key issued or
    // dropped).
    void keyChanged();

private:
    void scheduleReload();
    // `final`: the listing read for the API (not the empty one shown meanwhile).
    void applyApplications(const app::TryItApplications& list, bool final);
    void choose(qint64 source);
    void updateState();
    const app::TryItApplication* chosenApplication() const;
    void showError(const QString& text);

    QPointer<app::CatalogService> m_catalog;
    QPointer<app::SessionKeyWallet> m_wallet;
    std::optional<app::Principal> m_actor;
    qint64 m_apiId = 0;
    bool m_openApi = false;
    QString m_keyParameter;       // empty: the key goes as X-API-Key
    bool m_chooseDefault = false; // the next listing picks the default
    QList<app::TryItApplication> m_offered;
    QHash<qint64, app::WalletKey> m_dropped; // by application: its last key that dropped out
    QComboBox* m_application = nullptr;
    QPushButton* m_issue = nullptr;
    QWidget* m_keyRow = nullptr;
    QLabel* m_keyLabel = nullptr;
    QLineEdit* m_key = nullptr;
    QToolButton* m_showKey = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_notOffered = nullptr;
    QLabel* m_error = nullptr;
    QTimer* m_reloadTimer = nullptr;
    int m_loading = 0;
    bool m_issuing = false;
    quint64 m_generation = 0;
};

} // namespace gatehouse::ui
