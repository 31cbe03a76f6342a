// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/text_fit.h"

#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>

#include <algorithm>

namespace gatehouse::ui {

namespace {

class LastSectionKeeper : public QObject {
public:
    explicit LastSectionKeeper(QHeaderView* header)
        : QObject(header)
        , m_header(header)
    {
        header->installEventFilter(this);
        connect(header, &QHeaderView::sectionResized, this, [this] { update(); });
        connect(header, &QHeaderView::sectionCountChanged, this, [this] { update(); });
        update();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_header && event->type() == QEvent::Resize)
            update();
        return QObject::eventFilter(watched, event);
    }

private:
    void update()
    {
        if (m_updating)
            return; // the header lays itself out again when stretching changes
        int last = -1;
        int others = 0;
        for (int visual = 0; visual < m_header->count(); ++visual) {
            const int logical = m_header->logicalIndex(visual);
            if (m_header->isSectionHidden(logical))
                continue;
            if (last >= 0)
                others += m_header->sectionSize(last);
            last = logical;
        }
        if (last < 0)
            return;
        m_updating = true;
        const int needs = m_header->sectionSizeHint(last);
        const bool room = m_header->viewport()->width() - others >= needs;
        if (m_header->stretchLastSection() != room)
            m_header->setStretchLastSection(room);
        if (!room && m_header->sectionResizeMode(last) == QHeaderView::Interactive &&
            m_header->sectionSize(last) < needs)
            m_header->resizeSection(last, needs);
        m_updating = false;
    }

    QHeaderView* m_header;
    bool m_updating = false;
};

} // namespace

void fitPlaceholder(QLineEdit* edit)
{
    // QLineEdit's size hint is 17 'x' plus everything around the text.
    const QFontMetrics fm = edit->fontMetrics();
    const int chrome = edit->sizeHint().width() - fm.horizontalAdvance(u'x') * 17;
    const int needs = chrome + fm.horizontalAdvance(edit->placeholderText());
    edit->setMinimumWidth(std::max(edit->minimumWidth(), needs));
    if (edit->maximumWidth() < needs)
        edit->setMaximumWidth(needs);
}

void keepLastSectionLabel(QHeaderView* header)
{
    new LastSectionKeeper(header);
}

} // namespace gatehouse::ui
