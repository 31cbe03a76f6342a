// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/application_service.h"

#include <QAbstractTableModel>

namespace gatehouse::ui {

// The keys of one application: what is stored about them, never a key.
class ApiKeysModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Prefix, Label, Created, Expires, Revoked, State, ColumnCount };
    enum class KeyState { Active, Expired, Revoked };
    static constexpr int KeyIdRole = Qt::UserRole + 1;

    explicit ApiKeysModel(QObject* parent = nullptr);

    // `nowMs` decides which keys have expired.
    void setKeys(const QList<app::ApiKeyInfo>& keys, qint64 nowMs);
    const app::ApiKeyInfo* key(int row) const;
    KeyState state(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(KeyState state);

private:
    QList<app::ApiKeyInfo> m_keys;
    qint64 m_now = 0;
};

} // namespace gatehouse::ui
