// parallel_for: one team region per call (core/thread_team.h), serial below a grain size, never
// nested. An exception thrown in a worker is captured and rethrown on the calling thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>

#include "core/cpu.h"
#include "core/thread_team.h"

namespace fasttf {

inline int max_threads() { return cpu::usable_threads(); }

// FTZ/DAZ on the calling thread, once per thread: the module sets it on the importing thread,
// but other threads calling kernels (tf.data's, the user's) start with the default MXCSR.
inline void ensure_flush_denormals() {
  thread_local bool done = false;
  if (!done) {
    cpu::enable_flush_denormals();
    done = true;
  }
}

// Calls fn(begin, end) over [0, n) in contiguous chunks, one per thread. The chunk boundaries
// depend on the thread count, so callers needing bitwise determinism must not let them change
// the result (e.g. elementwise work), or must use parallel_for_blocks.
template <class F>
void parallel_for(int64_t n, int64_t grain, const F& fn) {
  ensure_flush_denormals();
  if (n <= 0) return;
  int threads = std::min<int64_t>(max_threads(), (n + grain - 1) / std::max<int64_t>(grain, 1));
  if (threads <= 1 || cpu::in_team_region()) {
    fn(int64_t(0), n);
    return;
  }
  // One chunk per thread, claimed by whichever thread comes first: the boundaries depend on
  // the thread count only, and a helper that is late leaves its chunk to the caller.
  const int64_t chunk = (n + threads - 1) / threads;
  std::atomic<int64_t> next_chunk{0};
  cpu::run_team(threads, [&](int) {
    for (int64_t c; (c = next_chunk.fetch_add(1, std::memory_order_relaxed)) < threads;) {
      const int64_t begin = std::min<int64_t>(n, c * chunk);
      const int64_t end = std::min<int64_t>(n, begin + chunk);
      if (begin < end) fn(begin, end);
    }
  });
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
