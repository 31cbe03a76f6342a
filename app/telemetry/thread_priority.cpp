// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/thread_priority.h"

#include <sched.h>

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace gatehouse::app::telemetry {

void lowerCurrentThreadPriority()
{
#ifdef __linux__
    constexpr int niceness = 5;
    sched_param param{}; // SCHED_BATCH takes static priority 0
    pthread_setschedparam(pthread_self(), SCHED_BATCH, &param);
    // On Linux a nice value belongs to a thread: this one only, not the process.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), niceness);
#endif
}

void yieldToWorkers()
{
    sched_yield();
}

void nameCurrentThread(const char* name)
{
#ifdef __linux__
    pthread_setname_np(pthread_self(), name);
#else
    (void)name;
#endif
}

} // namespace gatehouse::app::telemetry
