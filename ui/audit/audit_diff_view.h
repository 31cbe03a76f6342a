// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/domain/audit_log.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace gatehouse::ui {

// One audit entry: what was done, by whom, and the object before and after,
// side by side one key per row, the keys that changed highlighted.
class AuditDiffView : public QWidget {
    Q_OBJECT

public:
    explicit AuditDiffView(QWidget* parent = nullptr);

    void showEntry(const app::AuditEntry& entry);
    void showNote(const QString& text);

    QString heading() const;
    QStringList changedKeys() const { return m_changed; }
    QTableWidget* table() const { return m_table; }

    static QString valueText(const QJsonValue& value);

private:
    QLabel* m_heading = nullptr;
    QLabel* m_legend = nullptr;
    QTableWidget* m_table = nullptr;
    QStringList m_changed;
};

} // namespace gatehouse::ui
