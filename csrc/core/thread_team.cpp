#include "core/thread_team.h"

#include "core/cpu.h"

#include <omp.h>
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

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

// ---------------------------------------------------------------------------------------------
// The pool. One region is open at a time; `generation_` is odd while it is open. A helper
// enters a region by counting itself in `active_` and then checking that the generation is
// still the one it saw; the caller closes the region by advancing the generation and then
// waits until `active_` is zero. Both sides use sequentially consistent operations, so either
// the helper sees the region closed or the caller sees the helper counted in (never neither).

namespace {

// How long an idle helper spins before it sleeps: ops in a training step come microseconds
// apart, and a helper that has to be woken misses them; a longer spin would take the core from
// NumPy or the Python thread between steps.
constexpr double kSpinSeconds = 150e-6;
// How many pause instructions the caller spends waiting for helpers' last work before it
// yields its CPU (a few microseconds).
constexpr int kCloseSpins = 512;

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

struct Region {
  Region(TeamBody body_, int threads_, int caller_cpu_)
      : body(body_), threads(threads_), caller_cpu(caller_cpu_) {}
  TeamBody body;
  int threads;
  int caller_cpu;
  std::atomic<int> next_worker{1};
  std::mutex error_mutex;
  std::exception_ptr error;

  void run(int worker) {
    try {
      body(worker);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  }
};

thread_local bool t_in_region = false;

class Pool {
 public:
  // Never destroyed: helpers may still wait on its members while the process exits.
  static Pool& instance() {
    static Pool* pool = new Pool();
    return *pool;
  }

  // False when another thread's region is open (the caller then runs alone).
  bool try_open(Region& region, int helpers) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true, std::memory_order_acquire)) return false;
    spawn(helpers);
    region_.store(&region, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_seq_cst);  // odd: open
    if (sleepers_.load(std::memory_order_seq_cst) > 0) {
      std::lock_guard<std::mutex> lock(sleep_mutex_);
      wake_.notify_all();
    }
    return true;
  }

  void close() {
    generation_.fetch_add(1, std::memory_order_seq_cst);  // even: closed
    // The helpers still inside hold claimed work. Spin briefly, then yield: a helper that
    // shares this CPU with the caller (the other one taken by another process) needs it.
    for (int spins = 0; active_.load(std::memory_order_seq_cst) != 0; ++spins) {
      if (spins < kCloseSpins)
        cpu_relax();
      else
        std::this_thread::yield();
    }
    region_.store(nullptr, std::memory_order_relaxed);
    busy_.store(false, std::memory_order_release);
  }

 private:
  void spawn(int helpers) {
    if (spawned_.load(std::memory_order_acquire) >= helpers) return;
    std::lock_guard<std::mutex> lock(spawn_mutex_);
    for (int i = spawned_.load(std::memory_order_relaxed); i < helpers; ++i) {
      try {
        std::thread([this] { helper_loop(); }).detach();
      } catch (const std::system_error&) {
        return;  // no more threads to be had: the region runs with those there are
      }
      spawned_.store(i + 1, std::memory_order_release);
    }
  }

  void helper_loop() {
    enable_flush_denormals();
    t_in_region = true;  // a kernel called from a region body runs serially
    uint64_t seen = generation_.load(std::memory_order_acquire);
    for (;;) {
      seen = wait_for_change(seen);
      if ((seen & 1) == 0) continue;  // closed before we looked
      active_.fetch_add(1, std::memory_order_seq_cst);
      if (generation_.load(std::memory_order_seq_cst) == seen) {
        Region* region = region_.load(std::memory_order_acquire);
        const int worker = region->next_worker.fetch_add(1, std::memory_order_relaxed);
        if (worker < region->threads) {
          step_off_cpu(region->caller_cpu);
          region->run(worker);
        }
      }
      active_.fetch_sub(1, std::memory_order_seq_cst);
    }
  }

  uint64_t wait_for_change(uint64_t seen) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 1;; ++i) {
      const uint64_t now = generation_.load(std::memory_order_acquire);
      if (now != seen) return now;
      cpu_relax();
      if (i % 256 == 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                                  .count() > kSpinSeconds)
        break;
    }
    std::unique_lock<std::mutex> lock(sleep_mutex_);
    sleepers_.fetch_add(1, std::memory_order_seq_cst);
    wake_.wait(lock, [&] { return generation_.load(std::memory_order_seq_cst) != seen; });
    sleepers_.fetch_sub(1, std::memory_order_relaxed);
    return generation_.load(std::memory_order_acquire);
  }

  std::atomic<bool> busy_{false};
  std::atomic<uint64_t> generation_{0};
  std::atomic<Region*> region_{nullptr};
  std::atomic<int> active_{0};
  std::atomic<int> sleepers_{0};
  std::atomic<int> spawned_{0};
  std::mutex sleep_mutex_;
  std::condition_variable wake_;
  std::mutex spawn_mutex_;
};

}  // namespace

bool in_team_region() { return t_in_region; }

void run_team(int threads, TeamBody body) {
  if (threads <= 1 || t_in_region || usable_threads() <= 1) {
    body(0);
    return;
  }
  Region region(body, threads, current_cpu());
  Pool& pool = Pool::instance();
  if (!pool.try_open(region, threads - 1)) {
    body(0);
    return;
  }
  t_in_region = true;
  region.run(0);
  t_in_region = false;
  pool.close();
  mark_team_done();
  if (region.error) std::rethrow_exception(region.error);
}

void mark_team_done() { g_team_done_ns.store(now_ns(), std::memory_order_relaxed); }

double seconds_since_team_done() {
  const int64_t done = g_team_done_ns.load(std::memory_order_relaxed);
  return done == 0 ? 1e9 : double(now_ns() - done) * 1e-9;
}

}  // namespace fasttf::cpu
