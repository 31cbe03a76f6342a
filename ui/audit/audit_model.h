// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/audit_log.h"

#include <QAbstractTableModel>

namespace gatehouse::ui {

// Audit log entries, newest first, replaced as a whole from a query run on
// the storage thread; the model itself never reads the catalog.
class AuditModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Actor, Action, ObjectType, ObjectName, ObjectId, ColumnCount };
    // What the entry's object is called, from its recorded state: a name
    // (with the version for an API), or a key's prefix; empty when the
    // object has none (a subscription names only ids).
    static QString objectName(const app::AuditEntry& entry);

    explicit AuditModel(QObject* parent = nullptr);

    void setEntries(const QList<app::AuditEntry>& entries);
    const app::AuditEntry* entry(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString timeText(qint64 msSinceEpoch);

private:
    QList<app::AuditEntry> m_entries;
};

} // namespace gatehouse::ui
