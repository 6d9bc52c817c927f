#include "core/thread_placement.h"

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

}  // namespace fasttf::cpu
