// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/url_link_label.h"

#include <QEvent>
#include <QFontMetrics>

#include <algorithm>
#include <cmath>

namespace gatehouse::ui {

namespace {

// Characters kept ahead of the ellipsis at the narrowest: "http://12…".
constexpr int minimumShownCharacters = 10;

} // namespace

UrlLinkLabel::UrlLinkLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setOpenExternalLinks(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void UrlLinkLabel::setUrl(const QUrl& url)
{
    m_url = url;
    updateGeometry();
    updateLink();
}

int UrlLinkLabel::textWidth(const QString& text) const
{
    // Rounded up, as the text layout places glyphs at fractional positions.
    return static_cast<int>(std::ceil(QFontMetricsF(font()).horizontalAdvance(text))) + 1;
}

QSize UrlLinkLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    const int frame = 2 * margin() + m.left() + m.right();
    return {textWidth(m_url.toString()) + frame,
            fontMetrics().height() + 2 * margin() + m.top() + m.bottom()};
}

QSize UrlLinkLabel::minimumSizeHint() const
{
    const QString full = m_url.toString();
    const QString least = full.size() > minimumShownCharacters
                              ? full.left(minimumShownCharacters) + QChar(0x2026)
                              : full;
    const QMargins m = contentsMargins();
    return {textWidth(least) + 2 * margin() + m.left() + m.right(), sizeHint().height()};
}

void UrlLinkLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    updateLink();
}

void UrlLinkLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        updateLink();
    }
}

void UrlLinkLabel::updateLink()
{
    const QString full = m_url.toString();
    const int room = contentsRect().width() - 2 * margin();
    QString shown = full;
    if (textWidth(full) > room) {
        shown = QFontMetricsF(font()).elidedText(full, Qt::ElideMiddle,
                                                 static_cast<qreal>(std::max(0, room - 1)));
        if (shown.isEmpty()) // narrower than an ellipsis: keep the ellipsis
            shown = QString(QChar(0x2026));
    }
    setToolTip(shown == full ? QString() : full);
    if (shown == m_shown && !text().isEmpty())
        return;
    m_shown = shown;
    setText(QStringLiteral("<a href=\"%1\">%2</a>")
                .arg(m_url.toString(QUrl::FullyEncoded).toHtmlEscaped(), shown.toHtmlEscaped()));
}

} // namespace gatehouse::ui
