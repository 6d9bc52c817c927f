// parallel_for: one OpenMP region per call, serial below a grain size, never nested. An
// exception thrown in a worker is captured and rethrown on the calling thread (an exception
// escaping an OpenMP region would terminate the process).
#pragma once
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <mutex>

#include "core/cpu.h"
#include "core/thread_team.h"

namespace fasttf {

inline int max_threads() { return cpu::usable_threads(); }

// Calls fn(begin, end) over [0, n) in contiguous chunks, one per thread. The chunk boundaries
// depend on the thread count, so callers needing bitwise determinism must not let them change
// the result (e.g. elementwise work), or must use parallel_for_blocks.
// FTZ/DAZ on the calling thread, once per thread: the module sets it on the importing thread,
// but other threads calling kernels (tf.data's, the user's) start with the default MXCSR.
inline void ensure_flush_denormals() {
  thread_local bool done = false;
  if (!done) {
    cpu::enable_flush_denormals();
    done = true;
  }
}

template <class F>
void parallel_for(int64_t n, int64_t grain, const F& fn) {
  ensure_flush_denormals();
  if (n <= 0) return;
  int threads = std::min<int64_t>(max_threads(), (n + grain - 1) / std::max<int64_t>(grain, 1));
  if (threads <= 1 || omp_in_parallel()) {
    fn(int64_t(0), n);
    return;
  }
  std::exception_ptr error;
  std::mutex error_mutex;
  const int caller_cpu = cpu::current_cpu();
#pragma omp parallel num_threads(threads)
  {
    cpu::enable_flush_denormals();
    int t = omp_get_thread_num();
    if (t != 0) cpu::step_off_cpu(caller_cpu);
    int nt = omp_get_num_threads();
    int64_t chunk = (n + nt - 1) / nt;
    int64_t begin = std::min<int64_t>(n, t * chunk), end = std::min<int64_t>(n, begin + chunk);
    try {
      if (begin < end) fn(begin, end);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  }
  cpu::mark_team_done();
  if (error) std::rethrow_exception(error);
}

// Calls fn(block) for every block index in [0, nblocks), distributing blocks over threads.
// Results written per block and combined in block order are thread-count independent.
template <class F>
void parallel_for_blocks(int64_t nblocks, const F& fn) {
  parallel_for(nblocks, 1, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) fn(i);
  });
}

}  // namespace fasttf
