// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_file_watcher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace gatehouse::app {

namespace {

// An editor's save (write, fsync, rename) is over well within this.
constexpr std::chrono::milliseconds defaultSettle{300};

QByteArray digestOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return hash.result();
}

} // namespace

ConfigFileWatcher::ConfigFileWatcher(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(defaultSettle);
    connect(&m_settle, &QTimer::timeout, this, &ConfigFileWatcher::compare);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigFileWatcher::onEvent);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConfigFileWatcher::onEvent);
    m_watcher.addPath(QFileInfo(m_path).absolutePath());
    watchFile();
    m_digest = digestOf(m_path);
}

void ConfigFileWatcher::setSettleTime(std::chrono::milliseconds settle)
{
    m_settle.setInterval(settle);
}

void ConfigFileWatcher::watchFile()
{
    // A replaced or removed file drops out of the watch; watched again
    // whenever it exists.
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void ConfigFileWatcher::onEvent()
{
    watchFile();
    m_settle.start(); // restarted by every event: reported after the last
}

void ConfigFileWatcher::compare()
{
    watchFile();
    const QByteArray digest = digestOf(m_path);
    if (digest.isEmpty()) {
        if (!m_unreadable)
            emit unreadable();
        m_unreadable = true;
        return;
    }
    m_unreadable = false;
    if (digest == m_digest)
        return; // as it was
    m_digest = digest;
    emit changed();
}

} // namespace gatehouse::app
