// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/application_overview.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace gatehouse::ui {

class FormErrorLabel;

// Chooses a published API the user sees and one of its plans. Opens at
// once and lists the APIs when the page has read them (setApis()). Request
// emits submitted(); the page closes the dialog once the catalog has
// accepted the request, or reports its refusal here.
class RequestSubscriptionDialog : public QDialog {
    Q_OBJECT

public:
    RequestSubscriptionDialog(const QString& applicationName, QWidget* parent = nullptr);

    void setApis(const app::SubscribableApis& apis);
    qint64 planId() const; // 0 when none is chosen
    QString apiText() const;
    QString planText() const;
    QString refusal() const;

    // Chooses by the names shown; false when there is no such API or plan.
    bool choose(const QString& apiName, const QString& planName);
    void setBusy(bool busy);
    void showRefusal(const QString& text);

signals:
    void submitted();

private:
    void fillPlans();
    void describePlan();
    void submit();

    QList<app::SubscribableApi> m_apis;
    QComboBox* m_api = nullptr;
    QComboBox* m_plan = nullptr;
    QLabel* m_planNote = nullptr;
    FormErrorLabel* m_refusal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace gatehouse::ui
