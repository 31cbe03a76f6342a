// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/audit/audit_diff_view.h"

#include "ui/audit/audit_model.h"
#include "ui/status_colors.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

AuditDiffView::AuditDiffView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("auditDetailsHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_table = new QTableWidget(0, 3, this);
    m_table->setTabKeyNavigation(false); // Tab leaves it; arrows move inside
    m_table->setObjectName(QStringLiteral("auditDiffTable"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Before"), tr("After")});
    m_table->setAccessibleName(tr("The object before and after the change"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_legend = new QLabel(tr("Highlighted rows changed."), this);
    m_legend->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_legend);
    showNote(tr("Select an entry to see the object before and after."));
}

QString AuditDiffView::heading() const
{
    return m_heading->text();
}

QString AuditDiffView::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

void AuditDiffView::showNote(const QString& text)
{
    m_heading->setText(text);
    m_table->setRowCount(0);
    m_table->setVisible(false);
    m_legend->setVisible(false);
    m_changed.clear();
}

void AuditDiffView::showEntry(const app::AuditEntry& entry)
{
    m_heading->setText(tr("%1 on %2 #%3 by %4, %5")
                           .arg(entry.action, entry.objectType)
                           .arg(entry.objectId)
                           .arg(entry.actorName, AuditModel::timeText(entry.at)));
    QStringList keys = entry.before.keys();
    for (const QString& key : entry.after.keys()) {
        if (!entry.before.contains(key))
            keys.append(key);
    }
    keys.sort();
    m_changed.clear();
    m_table->setRowCount(int(keys.size()));
    QColor highlight = StatusColors::warning();
    highlight.setAlpha(70);
    const QString absent = tr("(none)");
    for (int row = 0; row < keys.size(); ++row) {
        const QString& key = keys[row];
        const bool changed = entry.before.value(key) != entry.after.value(key);
        if (changed)
            m_changed.append(key);
        const QString texts[3] = {
            key, entry.before.contains(key) ? valueText(entry.before.value(key)) : absent,
            entry.after.contains(key) ? valueText(entry.after.value(key)) : absent};
        for (int column = 0; column < 3; ++column) {
            auto* item = new QTableWidgetItem(texts[column]);
            item->setToolTip(texts[column]);
            item->setData(Qt::UserRole, changed);
            if (changed) {
                item->setBackground(highlight);
                QFont font = m_table->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeRowsToContents();
    m_table->setVisible(true);
    m_legend->setVisible(!m_changed.isEmpty());
}

} // namespace gatehouse::ui
