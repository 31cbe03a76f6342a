// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTextDocument>
#include <QTextEdit>

namespace gatehouse::ui {

// A read-only, selectable text that looks like a QLabel but wraps where it
// must: at spaces where it can, anywhere else when a word is wider than the
// room (a path, a URL, a long name). A word-wrapping QLabel breaks at spaces
// only and cuts such a word off at its edge; breaking it up with invisible
// spaces would put them into what the user copies. Its height follows its
// width (heightForWidth), so a layout gives it the lines it needs.
class WrapAnywhereText : public QTextEdit {
    Q_OBJECT

public:
    explicit WrapAnywhereText(QWidget* parent = nullptr);

    // Plain text, as QLabel::setText with Qt::PlainText.
    void setText(const QString& text);
    QString text() const { return toPlainText(); }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void syncMeasure();

    // A copy of the text laid out at the width asked about, so that asking
    // does not disturb the shown document's layout.
    mutable QTextDocument m_measure;
    int m_shownHeight = -1;
};

} // namespace gatehouse::ui
