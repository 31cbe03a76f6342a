// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSpinBox>

#include <optional>

namespace gatehouse::ui {

// The cache budget, from what the gateway accepts (64 KiB) to 1 TiB, in
// KiB: value() is KiB. Shown in the largest unit that keeps it whole
// ("64 KiB", "1536 KiB", "256 MiB", "2 GiB"); typed as a number with an
// optional unit (KiB, MiB, GiB, TiB; K, M, G, T; KB...), a bare number
// being MiB as before. A step moves to the next multiple of 64 KiB below
// 1 MiB, of 1 MiB below 1 GiB, of 1 GiB above.
class BudgetSpinBox : public QSpinBox {
    Q_OBJECT

public:
    static constexpr int minimumKib = 64;      // GatewayController::minCacheBudget
    static constexpr int maximumKib = 1 << 30; // 1 TiB

    explicit BudgetSpinBox(QWidget* parent = nullptr);

    void stepBy(int steps) override;
    StepEnabled stepEnabled() const override;
    // The size in KiB `text` names, whatever the range; nothing if it is no size.
    static std::optional<qint64> parseKib(const QString& text);

protected:
    QString textFromValue(int kib) const override;
    int valueFromText(const QString& text) const override;
    QValidator::State validate(QString& input, int& pos) const override;
    // A size out of range becomes the nearest bound, not the minimum.
    void fixup(QString& input) const override;
};

} // namespace gatehouse::ui
