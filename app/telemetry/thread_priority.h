// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace gatehouse::app::telemetry {

// Makes the calling thread yield to the gateway's workers: the call-log
// writer and the WAL checkpointer call it first thing. Linux only; a no-op
// elsewhere, and when the system refuses (nothing here needs privileges).
//
// The choice, for a writer that shares its core with a worker (the
// benchmarks pin the whole process to one core; a laptop runs more threads
// than cores):
// - SCHED_BATCH: the thread's wake-ups (a drain every 10-100 ms) never
//   preempt a running worker; it gets the CPU when the worker waits for the
//   network or at the scheduler's tick, so a flush no longer sits in the
//   middle of a request's latency.
// - nice 5 (weight 335 against a worker's 1024): when both want the core the
//   writer still gets about a quarter of it, several times what it needs
//   at the gateway's saturation rate, so the rings do not fill and drop
//   records. Not nice 19 or SCHED_IDLE: with a saturated worker those
//   starve the writer (1.5 % of the core or less), and a starved writer
//   means dropped call records, which the call log promises to avoid while
//   it can keep up.
// Measured limit: at the pass-through saturation rate (about 65,000 req/s
// on one core) nothing is dropped; at cache-hit saturation (about 185,000
// req/s on one core, more calls than the writer's share can insert) about
// four records in five are dropped and counted. Giving the writer a short
// EEVDF slice (sched_setattr, 100 us) made it keep up there, at the price of
// a quarter of the hit throughput and twice the p99: traffic comes first.
void lowerCurrentThreadPriority();

// Lets a gateway worker waiting for this thread's core run now, between two
// pieces of a long batch, instead of at the end of the scheduler's slice:
// a batch of call records takes milliseconds, and a request arriving in the
// middle would wait that long on a shared core. Returns at once when no
// other thread wants the core.
void yieldToWorkers();

// Names the calling thread (at most 15 characters) for top, perf and the
// benchmarks, which read each thread's CPU time by name. Linux only.
void nameCurrentThread(const char* name);

} // namespace gatehouse::app::telemetry
