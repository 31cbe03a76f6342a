// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/signal_watcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::app {

namespace {

int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the notifier
constexpr int watchedSignals[] = {SIGINT, SIGTERM};

extern "C" void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Non-blocking: if the pipe is full a wake-up is already pending.
    if (::write(g_fds[0], &byte, 1) < 0) {
    }
    errno = savedErrno;
}

void handle(int signalNumber)
{
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(signalNumber, &action, nullptr);
}

void restoreDefault(int signalNumber)
{
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(signalNumber, &action, nullptr);
}

} // namespace

SignalWatcher::SignalWatcher(QObject* parent)
    : QObject(parent)
{
    if (g_fds[0] != -1)
        return; // another watcher owns the handlers
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, g_fds) != 0) {
        g_fds[0] = g_fds[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignals);
    for (int signalNumber : watchedSignals)
        handle(signalNumber);
}

void SignalWatcher::watchReloads()
{
    if (!m_notifier || m_reloads)
        return;
    m_reloads = true;
    handle(SIGHUP);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    for (int signalNumber : watchedSignals)
        restoreDefault(signalNumber);
    if (m_reloads)
        restoreDefault(SIGHUP);
    delete m_notifier;
    m_notifier = nullptr;
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
}

void SignalWatcher::readSignals()
{
    unsigned char bytes[16];
    ssize_t n = 0;
    while ((n = ::read(g_fds[1], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            if (bytes[i] == SIGHUP)
                emit reloadRequested();
            else
                emit terminationRequested(bytes[i]);
        }
    }
}

} // namespace gatehouse::app
