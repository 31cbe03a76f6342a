// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>
#include <QUrl>

namespace gatehouse::ui {

// A URL as one link on one line: never wrapped (a URL broken after a '/'
// reads as two addresses), and shortened in the middle when the room is too
// narrow ("http://127.0.0.1:8…/weather/london": the host's start and the
// path's end stay), with the whole URL in its tooltip then. Clicking opens
// it in the browser.
class UrlLinkLabel : public QLabel {
    Q_OBJECT

public:
    explicit UrlLinkLabel(QWidget* parent = nullptr);

    void setUrl(const QUrl& url);
    QUrl url() const { return m_url; }
    // What the link reads as now: the whole URL, or its elision.
    QString shownText() const { return m_shown; }
    bool isElided() const { return m_shown != m_url.toString(); }

    // The whole URL; at least its first characters and the ellipsis.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateLink();
    int textWidth(const QString& text) const;

    QUrl m_url;
    QString m_shown;
};

} // namespace gatehouse::ui
