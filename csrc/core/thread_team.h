// The helper team: a small pool of threads that kernels share work with, where helpers run,
// and how long the team has been idle.
#pragma once

namespace fasttf::cpu {

// A non-owning reference to a callable taking the worker index (0: the calling thread).
class TeamBody {
 public:
  template <class F>
  TeamBody(const F& f)  // NOLINT(google-explicit-constructor): passed as a lambda
      : obj_(&f), call_([](const void* obj, int worker) { (*static_cast<const F*>(obj))(worker); }) {}
  void operator()(int worker) const { call_(obj_, worker); }

 private:
  const void* obj_;
  void (*call_)(const void*, int);
};

// Runs body(0) on the calling thread and body(1..threads-1) on pool helpers that arrive while
// the region is open; body is expected to claim its work from a shared counter and return when
// none is left. Returns once the caller's body and every helper that entered have returned: a
// helper that had not arrived by then (descheduled by another process on this shared machine,
// or still waking up) never enters, so the caller never waits for a thread that has no work.
// (OpenMP's regions end with a barrier that waits for every thread of the team: measured here,
// 0.6-0.9 ms lost per region whenever another process held a helper's core.) The first
// exception thrown by any body is rethrown here after the region. Runs body(0) alone when
// threads <= 1, inside another region (the helpers are busy), while another thread's region is
// open, or in a forked child.
void run_team(int threads, TeamBody body);
bool in_team_region();  // true on pool helpers and inside run_team on the calling thread

// Placement. Linux at times wakes an OpenMP helper on the CPU its caller runs on and leaves
// both there while another allowed CPU idles: measured here for whole runs of 12 ms products
// (1024^3 GEMM at one-thread speed, the other core idle) once other libraries' thread pools had
// run in the process. Binding threads (OMP_PROC_BIND) cures it but pins the user's main thread;
// instead a helper that finds itself on the caller's CPU steps off (run_team does it).
int current_cpu();  // -1 where unknown
// Called by a helper thread: if it runs on `caller_cpu` and its affinity allows another CPU,
// the kernel moves it there (affinity narrowed, then the original mask restored). No-op otherwise.
void step_off_cpu(int caller_cpu);

// Fork. A thread pool does not survive fork(): the helpers are not copied into the child. A
// child forked from this process therefore runs every kernel on its calling thread (as PyTorch
// does); the parent is unaffected.
int usable_threads();  // omp_get_max_threads() (OMP_NUM_THREADS), or 1 in a forked child

// Idleness. Helpers spin for kSpinSeconds after a region, then sleep; after a pause the first
// regions find them asleep (waking takes tens of microseconds to milliseconds on an idle
// virtual CPU), after which they keep up again; a helper slowed by another process on its core
// is late whatever the pause. run_team calls mark_team_done() as a region ends, so callers can
// tell the two apart.
void mark_team_done();
double seconds_since_team_done();  // a large value before the first region

}  // namespace fasttf::cpu
