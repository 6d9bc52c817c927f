// GEMM driver: BLIS/GotoBLAS blocking around the per-ISA micro-kernels of gemm_<isa>.cpp.
// This file is compiled for baseline x86-64: it only loops, packs through function pointers
// and calls micro-kernels; no vector instructions of its own.
//
// C is cut into tasks (rectangles of whole panels, see TaskGrid) that threads claim from a
// counter; each task runs, with no synchronisation at all:
//   for each A block of mc task rows     A block (mc×kc, packed) in L2/L3
//     for each K block of kc             (never split: bitwise determinism for any threads)
//       pack the A block
//       for each nc chunk of task cols   B block (kc×nc, packed) in this core's L2
//         for each MR panel of rows      A micro-panel (MR×kc) stays in L1
//           for each NR panel            micro-kernel, B streamed from L2
// A last row panel of fewer than MR rows runs a shorter edge kernel when one covers it.
// Small problems read A and/or B in place (no packing) when their strides allow it.
#include "kernels/gemm.h"


#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>

#include "core/cpu.h"
#include "core/parallel.h"
#include "core/thread_team.h"
#include "kernels/gemm_internal.h"

namespace fasttf::kernels {
namespace {

using gemm_detail::AMode;
using gemm_detail::KernelSet;
using gemm_detail::MicroArgs;
using gemm_detail::MicroFn;

// Below this many multiply-adds a product runs on one thread (fork/join costs ~1-2 µs).
constexpr int64_t kParallelMinMacs = int64_t(96) * 96 * 96;
// Operands up to these sizes are read in place by the micro-kernel instead of being packed
// when their strides allow it, skipping the packing pass (a sizeable part of a small
// product). A is read one MR×kc slice at a time, a few cache lines per row, so it may be
// large; in-place B costs a strided row per k and beats packing only while it sits in L1
// (measured: 784×256 B is faster packed, 256×10 and 64×64 faster in place).
constexpr int64_t kDirectMaxBytesA = int64_t(1) << 20;
constexpr int64_t kDirectMaxBytesB = int64_t(64) << 10;

int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }
int64_t round_up(int64_t a, int64_t b) { return ceil_div(a, b) * b; }
// Splits n into the fewest blocks of at most max_block, of equal size rounded up to `unit`.
int64_t balanced_block(int64_t n, int64_t max_block, int64_t unit) {
  int64_t blocks = ceil_div(n, max_block);
  return round_up(ceil_div(n, blocks), unit);
}

// The kernel set for this ISA; C no wider than one vector gets the narrow (taller) tile.
template <class T>
const KernelSet<T>& kernels_for(cpu::Isa isa, int64_t N) {
  namespace gd = gemm_detail;
  if constexpr (sizeof(T) == 4) {
    if (isa == cpu::Isa::Avx512) {
      const auto& narrow = gd::avx512::narrow_kernels_f32();
      return N <= narrow.nr ? narrow : gd::avx512::kernels_f32();
    }
    if (isa == cpu::Isa::Avx2) {
      const auto& narrow = gd::avx2::narrow_kernels_f32();
      return N <= narrow.nr ? narrow : gd::avx2::kernels_f32();
    }
    return gd::portable::kernels_f32();
  } else {
    if (isa == cpu::Isa::Avx512) {
      const auto& narrow = gd::avx512::narrow_kernels_f64();
      return N <= narrow.nr ? narrow : gd::avx512::kernels_f64();
    }
    if (isa == cpu::Isa::Avx2) {
      const auto& narrow = gd::avx2::narrow_kernels_f64();
      return N <= narrow.nr ? narrow : gd::avx2::kernels_f64();
    }
    return gd::portable::kernels_f64();
  }
}

// 64-byte aligned scratch memory owned by the calling thread, grown on demand and kept for the
// next call (OpenMP workers persist), so large products do not pay page faults every time.
enum ScratchSlot { kSlotABlock, kSlotBBlock, kSlotAEdge, kSlotAPanel, kNumSlots };
struct Scratch {
  void* ptr[kNumSlots] = {};
  size_t bytes[kNumSlots] = {};
  ~Scratch() {
    for (void* p : ptr) std::free(p);
  }
};
template <class T>
T* scratch(ScratchSlot slot, int64_t count) {
  thread_local Scratch s;
  size_t need = round_up(std::max<int64_t>(count, 1) * int64_t(sizeof(T)), 64);
  if (s.bytes[slot] < need) {
    std::free(s.ptr[slot]);
    s.ptr[slot] = std::aligned_alloc(64, need);
    s.bytes[slot] = need;
  }
  return static_cast<T*>(s.ptr[slot]);
}

template <class T>
struct Problem {
  int64_t M, N, K;
  const T* a;
  int64_t a_rs, a_cs;
  const T* b;
  int64_t b_rs, b_cs;
  T* c;
  int64_t ldc;
  bool accumulate;
  const T* bias;
  bool relu;
  const PackedGemmB<T>* packed_b = nullptr;  // B already packed: b, b_rs, b_cs unused
};

// The kernel set for a product. Float products on AVX-512 whose B is read in place (row-major,
// at most kDirectMaxBytesB) in whole 64-column panels get the 6×64 tile: 64³ 4% faster, one
// row 30% (fewer broadcasts per FMA). A partial last panel (masked loads of four B vectors)
// made it 2-6% slower than 14×32 tiles (N = 40, 48, 100, 112, 120), so those keep the main set.
template <class T>
const KernelSet<T>& kernels_for(cpu::Isa isa, const Problem<T>& p) {
  if constexpr (sizeof(T) == 4) {
    const bool small_b = p.K * p.N * int64_t(sizeof(T)) <= kDirectMaxBytesB;
    if (isa == cpu::Isa::Avx512 && !p.packed_b && p.b_cs == 1 && small_b && p.N % 64 == 0)
      return gemm_detail::avx512::small_kernels_f32();
  }
  return kernels_for<T>(isa, p.N);
}

// Everything that decides the arithmetic depends on the shape only, never on the thread
// count: the K blocking fixes each C element's sequence of FMAs.
struct Plan {
  int64_t kc, mc, nc;
  AMode a_mode;   // Packed, or read in place
  bool direct_b;  // B read in place (row-major, small)
};

template <class T>
Plan make_plan(const KernelSet<T>& ks, const Problem<T>& p) {
  Plan plan;
  plan.kc = balanced_block(p.K, ks.kc, 1);
  plan.mc = balanced_block(p.M, ks.mc, ks.mr);
  plan.nc = ks.nc;
  const int64_t bytes_a = p.M * p.K * int64_t(sizeof(T));
  const int64_t bytes_b = p.K * p.N * int64_t(sizeof(T));
  // A product with a single panel of rows (or columns) reads the other operand only once:
  // packing it would just add a pass over memory, so read it in place whatever its size.
  const bool one_a_panel = p.M <= ks.mr, one_b_panel = p.N <= ks.nr;
  plan.a_mode = AMode::Packed;
  if (bytes_a <= kDirectMaxBytesA || one_b_panel) {
    if (p.a_rs == 1) plan.a_mode = AMode::ColStride;
    else if (p.a_cs == 1) plan.a_mode = AMode::RowStride;
  }
  plan.direct_b = !p.packed_b && (bytes_b <= kDirectMaxBytesB || one_a_panel) && p.b_cs == 1;
  return plan;
}

// Threads share the product through tasks: C is cut into a tm×tn grid of rectangles (whole
// MR / NR panels), each computed over all of K by whichever thread claims it next from an
// atomic counter. Tasks never wait for one another (no barrier anywhere), so a thread that the
// OS deschedules on this shared box only delays the task it holds, and the arithmetic of a C
// element does not depend on which thread runs its task. Each task packs its own A rows and B
// columns: cutting rows repacks B, cutting columns repacks A, which the grid choice weighs
// against load balance.
struct TaskGrid {
  int threads = 1;
  int64_t tm = 1, tn = 1;
};

// Costs in multiply-adds of micro-kernel time, measured single-threaded on 1024^3 and
// 128x784x256 with forced grids: packing an element again (source mostly from L3), reading an
// element of an in-place A again (each column task streams all its rows of A from L2/L3: the
// 784x128 A^T of a dense layer's weight gradient ran 1x8 tasks 6-10% slower than 2x1; this
// value picks the grids measured fastest for it, for 128x784x256 and for 256^3), one more
// task (narrower blocks, cold loop setup), and the expected tail of the last task when the
// threads do not run at the same speed (another process on a core): a fraction of a task.
// The tail is a quarter of a task: on this shared machine a helper often runs at half speed
// or late for a while, and with TensorFlow and PyTorch loaded (the bench) the grids this
// picks were as fast or 4-15% faster than those of 0.1 (1024^3 2x4 vs 2x2, 128x784x256 and
// 128x256x784 1x4 vs 1x2); on a quiet machine 1024^3 and the weight gradient lose up to 4%.
constexpr double kPackCostMacs = 20;
constexpr double kRereadCostMacs = 12;
constexpr double kTaskCostMacs = 100000;
constexpr double kTailFraction = 0.25;
// At most this many tasks per thread: enough for dynamic balance, few enough to pack little.
constexpr int64_t kMaxTasksPerThread = 6;

template <class T>
TaskGrid make_task_grid(int max_threads, const KernelSet<T>& ks, const Problem<T>& p,
                        const Plan& plan) {
  TaskGrid g;
  const int64_t panels_m = ceil_div(p.M, ks.mr), panels_n = ceil_div(p.N, ks.nr);
  if (max_threads <= 1 || panels_m * panels_n < 2) return g;
  const int threads = int(std::min<int64_t>(max_threads, panels_m * panels_n));
  const bool packs_a = plan.a_mode == AMode::Packed, packs_b = !plan.direct_b && !p.packed_b;
  const int64_t limit = kMaxTasksPerThread * threads;
  double best = -1;
  for (int64_t tm = 1; tm <= std::min(panels_m, limit); ++tm) {
    for (int64_t tn = 1; tn <= std::min(panels_n, limit / tm); ++tn) {
      const int64_t tasks = tm * tn;
      if (tasks < threads) continue;
      const int64_t rows = std::min(p.M, ceil_div(panels_m, tm) * ks.mr);
      const int64_t cols = std::min(p.N, ceil_div(panels_n, tn) * ks.nr);
      const int64_t rounds = ceil_div(tasks, threads);
      const double task = double(rows) * cols * p.K;
      // Row tasks over a single K block and nc chunk reuse a thread's packed B (Worker).
      const bool b_reused = tn == 1 && p.K <= plan.kc && p.N <= plan.nc;
      const int64_t b_packs = b_reused ? std::min<int64_t>(tm, threads) : tm;
      const double pack = kPackCostMacs * double((packs_b ? b_packs * p.K * p.N : 0) +
                                                 (packs_a ? tn * p.M * p.K : 0)) +
                          (packs_a ? 0 : kRereadCostMacs * double(tn * p.M * p.K));
      const double cost =
          double(rounds) * (task + kTaskCostMacs) + kTailFraction * task + pack / threads;
      if (best < 0 || cost < best) {
        best = cost;
        g.tm = tm;
        g.tn = tn;
      }
    }
  }
  g.threads = int(std::min<int64_t>(threads, g.tm * g.tn));
  return g;
}

// [begin, end) of part `i` when n items are split into `parts` near-equal contiguous ranges.
void split_range(int64_t n, int64_t parts, int64_t i, int64_t& begin, int64_t& end) {
  begin = n * i / parts;
  end = n * (i + 1) / parts;
}

// Computes rectangles of C (ranges of MR-row panels × NR-column panels) over all of K, with
// scratch buffers owned by the calling thread.
template <class T>
class Worker {
 public:
  Worker(const KernelSet<T>& ks, const Problem<T>& p, const Plan& plan)
      : ks_(ks), p_(p), plan_(plan) {
    a_block_ = plan.a_mode == AMode::Packed ? scratch<T>(kSlotABlock, plan.mc * plan.kc)
                                            : nullptr;
    b_block_ = plan.direct_b || p.packed_b
                   ? nullptr
                   : scratch<T>(kSlotBBlock, plan.kc * round_up(plan.nc, ks.nr));
    a_edge_ = scratch<T>(kSlotAEdge, ks.mr * plan.kc);
    a_panel_ = plan.a_mode == AMode::ColStride ? scratch<T>(kSlotAPanel, ks.mr * plan.kc)
                                               : nullptr;
  }

  // Task t of grid g (row-major over the grid).
  void run_task(const TaskGrid& g, int64_t t) {
    int64_t pm0, pm1, pn0, pn1;
    split_range(ceil_div(p_.M, ks_.mr), g.tm, t / g.tn, pm0, pm1);
    split_range(ceil_div(p_.N, ks_.nr), g.tn, t % g.tn, pn0, pn1);
    run(pm0, pm1, pn0, pn1);
  }

  // MR-row panels [pm0, pm1) × NR-column panels [pn0, pn1).
  void run(int64_t pm0, int64_t pm1, int64_t pn0, int64_t pn1) {
    if (pm0 >= pm1 || pn0 >= pn1) return;
    const int64_t panels_per_block = plan_.mc / ks_.mr;
    const int64_t col_begin = pn0 * ks_.nr, col_end = std::min(pn1 * ks_.nr, p_.N);
    for (int64_t pb0 = pm0; pb0 < pm1; pb0 += panels_per_block) {
      const int64_t pb1 = std::min(pb0 + panels_per_block, pm1);
      for (int64_t pc = 0; pc < p_.K; pc += plan_.kc) {
        const int64_t kc = std::min(plan_.kc, p_.K - pc);
        if (plan_.a_mode == AMode::Packed) pack_a_block(pb0, pb1, pc, kc);
        compute_block(pb0, pb1, pc, kc, col_begin, col_end);
      }
    }
  }

 private:
  void pack_a_block(int64_t pb0, int64_t pb1, int64_t pc, int64_t kc) {
    for (int64_t q = pb0; q < pb1; ++q) {
      const int64_t row0 = q * ks_.mr, rows = std::min<int64_t>(ks_.mr, p_.M - row0);
      ks_.pack_a(rows, kc, p_.a + row0 * p_.a_rs + pc * p_.a_cs, p_.a_rs, p_.a_cs,
                 a_block_ + (q - pb0) * panel_stride());
    }
  }

  void compute_block(int64_t pb0, int64_t pb1, int64_t pc, int64_t kc, int64_t col_begin,
                     int64_t col_end) {
    const int64_t chunk = balanced_block(col_end - col_begin, plan_.nc, ks_.nr);
    for (int64_t j0 = col_begin; j0 < col_end; j0 += chunk) {
      const int64_t nc = std::min(chunk, col_end - j0);
      const T* b = p_.packed_b ? p_.packed_b->block(pc, kc, j0)
                               : p_.b + pc * p_.b_rs + j0 * p_.b_cs;
      if (!plan_.direct_b && !p_.packed_b) {
        // A thread's next task of the same columns (a grid of row tasks over a single K
        // block) finds this block still packed.
        if (packed_pc_ != pc || packed_j0_ != j0 || packed_nc_ != nc) {
          ks_.pack_b(kc, nc, b, p_.b_rs, p_.b_cs, b_block_);
          packed_pc_ = pc;
          packed_j0_ = j0;
          packed_nc_ = nc;
        }
        b = b_block_;
      }
      for (int64_t panel = pb0; panel < pb1; ++panel) run_panel(pb0, panel, pc, kc, j0, nc, b);
    }
  }

  // One MR-row panel against the nc columns starting at j0.
  void run_panel(int64_t pb0, int64_t panel, int64_t pc, int64_t kc, int64_t j0, int64_t nc,
                 const T* b) {
    const int64_t i0 = panel * ks_.mr;
    const int m = int(std::min<int64_t>(ks_.mr, p_.M - i0));
    MicroArgs<T> args;
    args.kc = kc;
    args.a_rs = p_.a_rs;
    args.a_cs = p_.a_cs;
    const gemm_detail::EdgeKernel<T>* edge = m < ks_.mr ? ks_.edge_for(m) : nullptr;
    const int kernel_rows = edge ? edge->mr : ks_.mr;
    AMode mode = plan_.a_mode;
    if (mode == AMode::Packed) {
      args.a = a_block_ + (panel - pb0) * panel_stride();
    } else if (m == kernel_rows) {
      args.a = p_.a + i0 * p_.a_rs + pc * p_.a_cs;
    } else {  // in-place A at the M edge would read past the last row: pack this panel
      ks_.pack_a(m, kc, p_.a + i0 * p_.a_rs + pc * p_.a_cs, p_.a_rs, p_.a_cs, a_edge_);
      args.a = a_edge_;
      mode = AMode::Packed;
    }
    MicroFn<T> micro = ks_.micro[int(mode)];
    if (edge) {
      if (mode == AMode::Packed) {  // a packed panel is ColStride with a column stride of MR
        mode = AMode::ColStride;
        args.a_rs = 1;
        args.a_cs = ks_.mr;
      }
      micro = mode == AMode::RowStride ? edge->row_stride : edge->col_stride;
    }
    const bool last_k = pc + kc == p_.K;
    args.load_c = p_.accumulate || pc > 0;
    args.relu = last_k && p_.relu;
    args.ldc = p_.ldc;
    args.m = m;
    args.b_rs = plan_.direct_b ? p_.b_rs : ks_.nr;
    // A^T read in place by a full tile with more tiles to its right: the first tile packs
    // the panel as it goes and the others read the packed copy (see micro_tile's PackA).
    const bool pack_on_the_fly = mode == AMode::ColStride && !edge && nc > ks_.nr;
    for (int64_t jj = 0; jj < nc; jj += ks_.nr) {
      if (pack_on_the_fly) {
        args.a_pack = jj == 0 ? a_panel_ : nullptr;
        if (jj > 0) {
          args.a = a_panel_;
          mode = AMode::Packed;
          micro = ks_.micro[int(mode)];
        }
      }
      args.n = int(std::min<int64_t>(ks_.nr, nc - jj));
      // A last panel of at most half the tile's width (784 = 24.5 × 32 columns) runs the
      // half-width tile: the same FMAs per element, none on padding.
      if (!edge && ks_.half[0] && args.n <= ks_.nr / 2) micro = ks_.half[int(mode)];
      args.b = plan_.direct_b ? b + jj : b + jj * kc;
      args.b_partial = plan_.direct_b && args.n < ks_.nr;
      args.c = p_.c + i0 * p_.ldc + j0 + jj;
      args.bias = last_k && p_.bias ? p_.bias + j0 + jj : nullptr;
      micro(args);
    }
  }

  // Packed A panels sit at a fixed stride (the full kc), not the current K block's length,
  // so a panel's place in the block never depends on which K block is being packed.
  int64_t panel_stride() const { return ks_.mr * plan_.kc; }

  const KernelSet<T>& ks_;
  const Problem<T>& p_;
  const Plan& plan_;
  T* a_block_;
  T* b_block_;
  T* a_edge_;
  T* a_panel_;  // A^T panel packed by the first tile of a row panel (MicroArgs::a_pack)
  int64_t packed_pc_ = -1, packed_j0_ = -1, packed_nc_ = -1;  // what b_block_ holds
};

// On this shared box the other threads of the team are often descheduled or slowed: the
// caller then runs most tasks itself, or waits for a task that a helper runs at half speed
// (with OpenMP's closing barrier, which waited for every helper to show up, such regions
// measured 2-8x slower than running serially for products of 0.1-1 ms). So products
// below kProbedMaxMacs check that the parallel region beat the serial time the caller's own
// tasks predict; after a miss they run serially for a number of calls that doubles with each
// consecutive miss (up to kMaxSerialCalls), then try again. Only who computes a tile changes,
// never the result.
// A helper that joins late is only evidence of a busy core when the team was recently at work:
// after a pause (kColdTeamSeconds) the first region waits milliseconds for its helpers to wake
// (see core/thread_team.h), so a miss in a cold region is not counted, or every pause would
// start a serial stretch that keeps the helpers asleep for the next probe. A
// helper's wake-up (up to kWakeAllowance) is not held against a region it did help in.
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}
constexpr int64_t kProbedMaxMacs = int64_t(64) << 20;
constexpr double kMinGain = 0.9;         // parallel must take under 90% of the serial estimate
constexpr double kWakeAllowance = 2e-4;  // seconds a sleeping helper may take to join
constexpr double kColdTeamSeconds = 0.02;  // longer idle: helpers may take ms to wake
constexpr int kMaxSerialCalls = 256;
std::atomic<int> g_serial_calls_left{0};
std::atomic<int> g_serial_backoff{0};

bool helpers_lagging() {
  int left = g_serial_calls_left.load(std::memory_order_relaxed);
  if (left <= 0) return false;
  g_serial_calls_left.store(left - 1, std::memory_order_relaxed);  // racy decrement is fine
  return true;
}

void record_parallel_gain(bool faster) {
  if (faster) {
    g_serial_backoff.store(0, std::memory_order_relaxed);
    return;
  }
  const int backoff =
      std::min(kMaxSerialCalls, std::max(4, 2 * g_serial_backoff.load(std::memory_order_relaxed)));
  g_serial_backoff.store(backoff, std::memory_order_relaxed);
  g_serial_calls_left.store(backoff, std::memory_order_relaxed);
}

// What a probed region measures: the caller's time on its own tasks (the serial estimate) and
// when the last helper joined.
struct RegionProbe {
  bool team_was_cold = cpu::seconds_since_team_done() > kColdTeamSeconds;
  Clock::time_point start = Clock::now();
  double caller_busy = 0;
  int64_t caller_tasks = 0;
  std::atomic<int64_t> last_join_ns{0};

  void helper_joined() {
    using std::chrono::nanoseconds;
    const int64_t ns = std::chrono::duration_cast<nanoseconds>(Clock::now() - start).count();
    int64_t seen = last_join_ns.load();
    while (ns > seen && !last_join_ns.compare_exchange_weak(seen, ns)) {
    }
  }

  void record(int64_t tasks) const {
    if (caller_tasks == 0) return;
    bool faster;
    if (caller_tasks == tasks) {  // the helpers did no task
      // A miss only when the region then waited for them beyond the caller's own work (a
      // helper descheduled by another process). One that arrived just after the caller took
      // the last task (likely with a grid of two tasks) cost nothing: no evidence either way.
      if (seconds_since(start) - caller_busy <= kWakeAllowance) return;
      faster = false;
    } else {
      const double join = std::min(last_join_ns.load() * 1e-9, kWakeAllowance);
      const double serial_estimate = caller_busy * double(tasks) / double(caller_tasks);
      faster = seconds_since(start) - join < kMinGain * serial_estimate;
    }
    if (faster || !team_was_cold) record_parallel_gain(faster);
  }
};

// K == 0: C = (accumulate ? C : 0) + bias, then the epilogue.
template <class T>
void gemm_empty_k(const Problem<T>& p) {
  for (int64_t i = 0; i < p.M; ++i) {
    T* c = p.c + i * p.ldc;
    for (int64_t j = 0; j < p.N; ++j) {
      T v = p.accumulate ? c[j] : T(0);
      if (p.bias) v += p.bias[j];
      if (p.relu && !(v > T(0))) v = T(0);
      c[j] = v;
    }
  }
}

template <class T>
void gemm_impl(const Problem<T>& p, int max_threads) {
  cpu::enable_flush_denormals();
  if (p.M <= 0 || p.N <= 0) return;
  if (p.K <= 0) return gemm_empty_k(p);
  const KernelSet<T>& ks = kernels_for<T>(cpu::best_isa(), p);
  const Plan plan = make_plan(ks, p);
  if (p.M * p.N * p.K < kParallelMinMacs || cpu::in_team_region()) max_threads = 1;
  const TaskGrid grid = make_task_grid(max_threads, ks, p, plan);
  const bool probed = p.M * p.N * p.K < kProbedMaxMacs;
  if (grid.threads <= 1 || (probed && helpers_lagging())) {
    Worker<T>(ks, p, plan).run(0, ceil_div(p.M, ks.mr), 0, ceil_div(p.N, ks.nr));
    return;
  }
  const int64_t tasks = grid.tm * grid.tn;
  std::atomic<int64_t> next_task{0};
  RegionProbe probe;
  cpu::run_team(grid.threads, [&](int worker_index) {
    const bool caller = worker_index == 0;
    if (!caller && probed) probe.helper_joined();
    Worker<T> worker(ks, p, plan);
    for (int64_t t; (t = next_task.fetch_add(1, std::memory_order_relaxed)) < tasks;) {
      const auto task_start = probed && caller ? Clock::now() : Clock::time_point{};
      worker.run_task(grid, t);
      if (probed && caller) {
        probe.caller_busy += seconds_since(task_start);
        ++probe.caller_tasks;
      }
    }
  });
  if (probed) probe.record(tasks);
}

}  // namespace

template <class T>
void gemm(int64_t M, int64_t N, int64_t K, const T* a, int64_t a_rs, int64_t a_cs, const T* b,
          int64_t b_rs, int64_t b_cs, T* c, int64_t ldc, bool accumulate, const T* bias,
          GemmEpilogue epilogue) {
  Problem<T> p{M, N, K, a, a_rs, a_cs, b, b_rs, b_cs, c, ldc, accumulate, bias,
               epilogue == GemmEpilogue::Relu};
  gemm_impl(p, cpu::usable_threads());
}

template <class T>
PackedGemmB<T>::PackedGemmB(int64_t K, int64_t N, const T* b, int64_t b_rs, int64_t b_cs)
    : K_(K), N_(N) {
  const KernelSet<T>& ks = kernels_for<T>(cpu::best_isa(), N);
  nr_ = ks.nr;
  padded_n_ = round_up(std::max<int64_t>(N, 1), ks.nr);
  const size_t bytes = round_up(std::max<int64_t>(K, 1) * padded_n_ * int64_t(sizeof(T)), 64);
  data_ = static_cast<T*>(std::aligned_alloc(64, bytes));
  if (!data_) throw std::bad_alloc();
  // K blocks as make_plan cuts them; block k0 starts at k0 * padded_n_.
  const int64_t kc = balanced_block(std::max<int64_t>(K, 1), ks.kc, 1);
  for (int64_t k0 = 0; k0 < K && N > 0; k0 += kc)
    ks.pack_b(std::min(kc, K - k0), N, b + k0 * b_rs, b_rs, b_cs, data_ + k0 * padded_n_);
}

template <class T>
PackedGemmB<T>::~PackedGemmB() {
  std::free(data_);
}

template <class T>
const T* PackedGemmB<T>::block(int64_t k0, int64_t kc, int64_t j0) const {
  return data_ + k0 * padded_n_ + (j0 / nr_) * kc * nr_;
}

template <class T>
void gemm_packed_b(int64_t M, const T* a, int64_t a_rs, int64_t a_cs, const PackedGemmB<T>& b,
                   T* c, int64_t ldc, bool accumulate, const T* bias, GemmEpilogue epilogue) {
  Problem<T> p{M, b.N(), b.K(), a, a_rs, a_cs, nullptr, 0, 0, c, ldc, accumulate, bias,
               epilogue == GemmEpilogue::Relu, &b};
  gemm_impl(p, cpu::usable_threads());
}

// Small items run one per thread (each item on one thread, so results match the serial
// order); large items run one after another, each parallel inside.
template <class T>
void gemm_batched(int64_t batch, int64_t M, int64_t N, int64_t K, const T* a, int64_t a_bs,
                  int64_t a_rs, int64_t a_cs, const T* b, int64_t b_bs, int64_t b_rs,
                  int64_t b_cs, T* c, int64_t c_bs, int64_t ldc, bool accumulate) {
  auto item = [&](int64_t i, int threads) {
    Problem<T> p{M, N, K, a + i * a_bs, a_rs, a_cs, b + i * b_bs, b_rs, b_cs, c + i * c_bs,
                 ldc, accumulate, nullptr, false};
    gemm_impl(p, threads);
  };
  const int max_threads = cpu::usable_threads();
  const bool per_item_parallel = M * N * std::max<int64_t>(K, 1) >= kParallelMinMacs * 4;
  if (batch < 2 || max_threads <= 1 || per_item_parallel || cpu::in_team_region()) {
    for (int64_t i = 0; i < batch; ++i) item(i, max_threads);
    return;
  }
  parallel_for(batch, 1, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) item(i, 1);
  });
}

template void gemm<float>(int64_t, int64_t, int64_t, const float*, int64_t, int64_t,
                          const float*, int64_t, int64_t, float*, int64_t, bool, const float*,
                          GemmEpilogue);
template void gemm<double>(int64_t, int64_t, int64_t, const double*, int64_t, int64_t,
                           const double*, int64_t, int64_t, double*, int64_t, bool,
                           const double*, GemmEpilogue);
template void gemm_batched<float>(int64_t, int64_t, int64_t, int64_t, const float*, int64_t,
                                  int64_t, int64_t, const float*, int64_t, int64_t, int64_t,
                                  float*, int64_t, int64_t, bool);
template void gemm_batched<double>(int64_t, int64_t, int64_t, int64_t, const double*, int64_t,
                                   int64_t, int64_t, const double*, int64_t, int64_t, int64_t,
                                   double*, int64_t, int64_t, bool);
template class PackedGemmB<float>;
template class PackedGemmB<double>;
template void gemm_packed_b<float>(int64_t, const float*, int64_t, int64_t,
                                   const PackedGemmB<float>&, float*, int64_t, bool, const float*,
                                   GemmEpilogue);
template void gemm_packed_b<double>(int64_t, const double*, int64_t, int64_t,
                                    const PackedGemmB<double>&, double*, int64_t, bool,
                                    const double*, GemmEpilogue);

}  // namespace fasttf::kernels
