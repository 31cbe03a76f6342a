// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/base_path.h"

namespace gatehouse::app {

namespace {

bool isParameter(const QString& segment)
{
    return segment.size() >= 3 && segment.startsWith(QLatin1Char('{')) &&
           segment.endsWith(QLatin1Char('}'));
}

// As route_pattern::match: a parameter takes any one non-empty segment.
bool segmentsMatch(const QString& a, const QString& b)
{
    if (isParameter(a))
        return !b.isEmpty();
    if (isParameter(b))
        return !a.isEmpty();
    return a == b;
}

} // namespace

QString BasePath::normalized(const QString& path)
{
    QString out = path;
    while (out.size() > 1 && out.endsWith(QLatin1Char('/')))
        out.chop(1);
    return out;
}

QStringList BasePath::segments(const QString& path)
{
    const QString n = normalized(path);
    if (n.isEmpty() || n == QLatin1String("/"))
        return {};
    QStringList parts = n.split(QLatin1Char('/'));
    if (n.startsWith(QLatin1Char('/')))
        parts.removeFirst();
    return parts;
}

bool BasePath::isUnder(const QString& path, const QString& outer)
{
    const QStringList p = segments(path);
    const QStringList o = segments(outer);
    if (o.size() > p.size())
        return false;
    for (qsizetype i = 0; i < o.size(); ++i) {
        if (!segmentsMatch(p[i], o[i]))
            return false;
    }
    return true;
}

bool BasePath::sameSpace(const QString& a, const QString& b)
{
    return segments(a).size() == segments(b).size() && overlap(a, b);
}

QString BasePath::join(const QString& basePath, const QString& routePath)
{
    QString joined = basePath;
    while (joined.endsWith(QLatin1Char('/')))
        joined.chop(1);
    joined += routePath.startsWith(QLatin1Char('/')) ? routePath : QLatin1Char('/') + routePath;
    return joined;
}

bool BasePath::overlap(const QString& a, const QString& b)
{
    return isUnder(a, b) || isUnder(b, a);
}

} // namespace gatehouse::app
