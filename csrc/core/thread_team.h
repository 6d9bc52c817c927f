// The OpenMP helper team: where helpers run, and how long the team has been idle.
#pragma once

namespace fasttf::cpu {

// Placement. Linux at times wakes an OpenMP helper on the CPU its caller runs on and leaves
// both there while another allowed CPU idles: measured here for whole runs of 12 ms products
// (1024^3 GEMM at one-thread speed, the other core idle) once other libraries' thread pools had
// run in the process. Binding threads (OMP_PROC_BIND) cures it but pins the user's main thread;
// instead a helper that finds itself on the caller's CPU steps off.
int current_cpu();  // -1 where unknown
// Called by a helper thread: if it runs on `caller_cpu` and its affinity allows another CPU,
// the kernel moves it there (affinity narrowed, then the original mask restored). No-op otherwise.
void step_off_cpu(int caller_cpu);

// Fork. GNU OpenMP's thread pool does not survive fork(): a child process that enters a
// parallel region after its parent used one waits forever for helpers that were not copied.
// A child forked from this process therefore runs every kernel on its calling thread (as
// PyTorch does); the parent is unaffected.
int usable_threads();  // omp_get_max_threads(), or 1 in a forked child

// Idleness. After a pause of ~0.1 s the first parallel region here waits milliseconds for its
// helpers (sleeping threads on an idle virtual CPU), after which they keep up again; a helper
// slowed by another process on its core is late whatever the pause. Parallel regions call
// mark_team_done() as they end, so callers can tell the two apart.
void mark_team_done();
double seconds_since_team_done();  // a large value before the first region

}  // namespace fasttf::cpu
