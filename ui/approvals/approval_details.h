// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/approval_inbox.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace gatehouse::ui {

// The selected subscription in full: who asked, for which application,
// which API and plan with its limits, when, and how it was decided.
class ApprovalDetails : public QWidget {
    Q_OBJECT

public:
    explicit ApprovalDetails(QWidget* parent = nullptr);

    void showItem(const app::ApprovalItem* item, int selectedCount = 1);
    void showNote(const QString& note); // nothing to show: says why

private:
    QLabel* addRow(const QString& label);

    QLabel* m_heading = nullptr;
    QWidget* m_fields = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_requestedBy = nullptr;
    QLabel* m_application = nullptr;
    QLabel* m_api = nullptr;
    QLabel* m_plan = nullptr;
    QLabel* m_limits = nullptr;
    QLabel* m_requestedAt = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_decided = nullptr;
    QLabel* m_reason = nullptr;
};

} // namespace gatehouse::ui
