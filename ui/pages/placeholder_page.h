// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;

namespace gatehouse::ui {

// Stands in for a page whose service is not available (the catalog or the
// call log could not be opened): its name, what it offers, and why it is
// unavailable.
class PlaceholderPage : public QWidget {
    Q_OBJECT

public:
    // `status` says why the page is unavailable until setStatus() knows more.
    PlaceholderPage(const QString& title, const QString& description, const QString& status,
                    QWidget* parent = nullptr);

    QString status() const;
    void setStatus(const QString& status);

private:
    QLabel* m_status = nullptr;
};

} // namespace gatehouse::ui
