#include "core/thread_team.h"

#include <omp.h>
#include <pthread.h>

#include <atomic>
#include <chrono>

#ifdef __linux__
#include <sched.h>
#endif

namespace fasttf::cpu {

#ifdef __linux__

int current_cpu() { return sched_getcpu(); }

void step_off_cpu(int caller_cpu) {
  if (caller_cpu < 0 || caller_cpu >= CPU_SETSIZE || sched_getcpu() != caller_cpu) return;
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof(allowed), &allowed) != 0) return;
  cpu_set_t elsewhere = allowed;
  CPU_CLR(caller_cpu, &elsewhere);
  if (CPU_COUNT(&elsewhere) == 0) return;
  // Setting the narrowed mask migrates this thread before the call returns; restoring the
  // original one leaves it where it now runs.
  if (sched_setaffinity(0, sizeof(elsewhere), &elsewhere) == 0)
    sched_setaffinity(0, sizeof(allowed), &allowed);
}

#else

int current_cpu() { return -1; }
void step_off_cpu(int) {}

#endif

namespace {
std::atomic<bool> g_forked_child{false};
void on_fork_child() { g_forked_child.store(true, std::memory_order_relaxed); }
// Registered when the module loads, before any kernel can run.
const bool g_fork_handler_registered = pthread_atfork(nullptr, nullptr, &on_fork_child) == 0;
}  // namespace

int usable_threads() {
  return g_forked_child.load(std::memory_order_relaxed) ? 1 : omp_get_max_threads();
}

namespace {
using Clock = std::chrono::steady_clock;
std::atomic<int64_t> g_team_done_ns{0};  // 0: no region yet
int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}
}  // namespace

void mark_team_done() { g_team_done_ns.store(now_ns(), std::memory_order_relaxed); }

double seconds_since_team_done() {
  const int64_t done = g_team_done_ns.load(std::memory_order_relaxed);
  return done == 0 ? 1e9 : double(now_ns() - done) * 1e-9;
}

}  // namespace fasttf::cpu
