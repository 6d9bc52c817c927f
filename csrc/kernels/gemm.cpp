// GEMM driver: BLIS/GotoBLAS blocking around the per-ISA micro-kernels of gemm_<isa>.cpp.
// This file is compiled for baseline x86-64: it only loops, packs through function pointers
// and calls micro-kernels; no vector instructions of its own.
//
// Loop nest (per thread, after the split of C described at ThreadGrid):
//   for each A block of mc rows          A block (mc×kc, packed) in L2/L3
//     for each K block of kc             (never split across threads: bitwise determinism)
//       pack my share of the A block     (when shared: barrier, blocks double-buffered)
//       for each nc chunk of my columns  B block (kc×nc, packed per thread) in this core's L2
//         for each MR panel of my rows   A micro-panel (MR×kc) stays in L1
//           for each NR panel            micro-kernel, B streamed from L2
// Small problems read A and/or B in place (no packing) when their strides allow it.
#include "kernels/gemm.h"

#include <omp.h>

#include <algorithm>
#include <cstdlib>

#include "core/cpu.h"
#include "kernels/gemm_internal.h"

namespace fasttf::kernels {
namespace {

using gemm_detail::AMode;
using gemm_detail::KernelSet;
using gemm_detail::MicroArgs;

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
enum ScratchSlot { kSlotABlock, kSlotBBlock, kSlotAEdge, kNumSlots };
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
};

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
  plan.direct_b = (bytes_b <= kDirectMaxBytesB || one_a_panel) && p.b_cs == 1;
  return plan;
}

// The threads form a tm×tn grid over C: thread (ti, tj) owns MR-panel rows range ti and
// NR-panel column range tj.
// - Splitting M (tn == 1) needs no synchronisation at all: each thread packs its own rows of
//   A and its own copy of B. On this shared 2-core box that measured 1.1-1.4x faster than the
//   barrier-synchronised N split whenever other processes compete for the cores (a barrier
//   needs both threads scheduled at once), at the price of packing B once per thread, which
//   is small once each thread has kMinRowsForMSplit rows to amortise it over.
// - Otherwise the grid minimising the tiles per thread is used; splitting N shares one packed
//   A block between the threads (one barrier per K block) and halves each thread's B packing.
constexpr int64_t kMinRowsForMSplit = 256;

struct ThreadGrid {
  int threads = 1, tm = 1, tn = 1;
};

ThreadGrid make_grid(int max_threads, int64_t panels_m, int64_t panels_n, int mr) {
  ThreadGrid g;
  g.threads = int(std::min<int64_t>(max_threads, panels_m * panels_n));
  if (g.threads <= 1) return g;
  if (panels_m * mr >= kMinRowsForMSplit * g.threads) {
    g.tm = g.threads;
    return g;
  }
  int64_t best = -1;
  for (int tn = g.threads; tn >= 1; --tn) {
    if (g.threads % tn) continue;
    int tm = g.threads / tn;
    int64_t work = ceil_div(panels_m, tm) * ceil_div(panels_n, tn);
    if (best < 0 || work < best) {
      best = work;
      g.tm = tm;
      g.tn = tn;
    }
  }
  return g;
}

// [begin, end) of part `i` when n items are split into `parts` near-equal contiguous ranges.
void split_range(int64_t n, int parts, int i, int64_t& begin, int64_t& end) {
  begin = n * i / parts;
  end = n * (i + 1) / parts;
}

template <class T>
class Worker {
 public:
  Worker(const KernelSet<T>& ks, const Problem<T>& p, const Plan& plan, const ThreadGrid& g,
         T* a_block, int thread)
      : ks_(ks), p_(p), plan_(plan), grid_(g), a_block_(a_block) {
    const int ti = thread / g.tn;
    tj_ = thread % g.tn;
    split_range(ceil_div(p.M, ks.mr), g.tm, ti, pm0_, pm1_);
    split_range(ceil_div(p.N, ks.nr), g.tn, tj_, pn0_, pn1_);
    // Threads that do not share rows (tn == 1) never synchronise, so one may pack its next
    // A block while another still reads the current one: each then packs into its own buffer.
    if (g.tn == 1 && plan.a_mode == AMode::Packed)
      a_block_ = scratch<T>(kSlotABlock, a_block_elems(plan, g));
    b_block_ = plan.direct_b ? nullptr
                             : scratch<T>(kSlotBBlock, plan.kc * round_up(plan.nc, ks.nr));
    a_edge_ = scratch<T>(kSlotAEdge, ks.mr * plan.kc);
  }

  // Elements of the packed A buffer: two blocks when threads share it (see pack_a_share).
  static int64_t a_block_elems(const Plan& plan, const ThreadGrid& g) {
    return (g.tn > 1 ? 2 : 1) * plan.mc * plan.kc;
  }

  void run() {
    const int64_t panels_per_block = plan_.mc / ks_.mr;
    int64_t step = 0;
    for (int64_t pb0 = 0; pb0 * ks_.mr < p_.M; pb0 += panels_per_block) {
      const int64_t pb1 = std::min(pb0 + panels_per_block, ceil_div(p_.M, ks_.mr));
      const int64_t my0 = std::max(pb0, pm0_), my1 = std::min(pb1, pm1_);
      for (int64_t pc = 0; pc < p_.K; pc += plan_.kc, ++step) {
        const int64_t kc = std::min(plan_.kc, p_.K - pc);
        if (plan_.a_mode == AMode::Packed) pack_a_share(pb0, my0, my1, pc, kc, step);
        compute_block(pb0, my0, my1, pc, kc);
      }
    }
  }

 private:
  // Threads sharing a row range split its packing between them, then one barrier makes the
  // whole block visible. Shared blocks alternate between two buffers, so that barrier is also
  // the only one needed: the buffer packed at step s was last read at step s-2, and every
  // thread finished that before passing the barrier of step s-1.
  void pack_a_share(int64_t pb0, int64_t my0, int64_t my1, int64_t pc, int64_t kc, int64_t step) {
    const bool shared = grid_.tn > 1;
    a_cur_ = a_block_ + (shared ? (step & 1) * plan_.mc * plan_.kc : 0);
    int64_t q0 = my0, q1 = my1;
    if (shared && my1 > my0) {
      split_range(my1 - my0, grid_.tn, tj_, q0, q1);
      q0 += my0;
      q1 += my0;
    }
    for (int64_t q = q0; q < q1; ++q) {
      const int64_t row0 = q * ks_.mr, rows = std::min<int64_t>(ks_.mr, p_.M - row0);
      ks_.pack_a(rows, kc, p_.a + row0 * p_.a_rs + pc * p_.a_cs, p_.a_rs, p_.a_cs,
                 a_cur_ + (q - pb0) * panel_stride());
    }
    if (shared) {
#pragma omp barrier
    }
  }

  void compute_block(int64_t pb0, int64_t my0, int64_t my1, int64_t pc, int64_t kc) {
    const int64_t col_begin = pn0_ * ks_.nr, col_end = std::min(pn1_ * ks_.nr, p_.N);
    if (col_begin >= col_end) return;
    const int64_t chunk = balanced_block(col_end - col_begin, plan_.nc, ks_.nr);
    for (int64_t j0 = col_begin; j0 < col_end; j0 += chunk) {
      const int64_t nc = std::min(chunk, col_end - j0);
      const T* b = p_.b + pc * p_.b_rs + j0 * p_.b_cs;
      if (!plan_.direct_b) {
        ks_.pack_b(kc, nc, b, p_.b_rs, p_.b_cs, b_block_);
        b = b_block_;
      }
      for (int64_t panel = my0; panel < my1; ++panel) run_panel(pb0, panel, pc, kc, j0, nc, b);
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
    AMode mode = plan_.a_mode;
    if (mode == AMode::Packed) {
      args.a = a_cur_ + (panel - pb0) * panel_stride();
    } else if (m == ks_.mr) {
      args.a = p_.a + i0 * p_.a_rs + pc * p_.a_cs;
    } else {  // in-place A at the M edge would read past the last row: pack this panel
      ks_.pack_a(m, kc, p_.a + i0 * p_.a_rs + pc * p_.a_cs, p_.a_rs, p_.a_cs, a_edge_);
      args.a = a_edge_;
      mode = AMode::Packed;
    }
    const bool last_k = pc + kc == p_.K;
    args.load_c = p_.accumulate || pc > 0;
    args.relu = last_k && p_.relu;
    args.ldc = p_.ldc;
    args.m = m;
    args.b_rs = plan_.direct_b ? p_.b_rs : ks_.nr;
    const auto micro = ks_.micro[int(mode)];
    for (int64_t jj = 0; jj < nc; jj += ks_.nr) {
      args.n = int(std::min<int64_t>(ks_.nr, nc - jj));
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
  const ThreadGrid& grid_;
  T* a_block_;
  T* a_cur_ = nullptr;  // the packed A block of the current step
  T* b_block_;
  T* a_edge_;
  int tj_;
  int64_t pm0_, pm1_, pn0_, pn1_;  // my MR-panel rows and NR-panel columns
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
  const KernelSet<T>& ks = kernels_for<T>(cpu::best_isa(), p.N);
  const Plan plan = make_plan(ks, p);
  if (p.M * p.N * p.K < kParallelMinMacs || omp_in_parallel()) max_threads = 1;
  const ThreadGrid grid =
      make_grid(max_threads, ceil_div(p.M, ks.mr), ceil_div(p.N, ks.nr), ks.mr);
  // The shared A block belongs to the calling thread (thread 0 of the team).
  T* a_block = plan.a_mode == AMode::Packed
                   ? scratch<T>(kSlotABlock, Worker<T>::a_block_elems(plan, grid))
                   : nullptr;
  if (grid.threads <= 1) {
    Worker<T>(ks, p, plan, grid, a_block, 0).run();
    return;
  }
#pragma omp parallel num_threads(grid.threads)
  {
    cpu::enable_flush_denormals();
    // A team smaller than asked would break the grid: fall back to thread 0 doing all.
    if (omp_get_num_threads() == grid.threads) {
      Worker<T>(ks, p, plan, grid, a_block, omp_get_thread_num()).run();
    } else if (omp_get_thread_num() == 0) {
      Worker<T>(ks, p, plan, ThreadGrid{}, a_block, 0).run();
    }
  }
}

}  // namespace

template <class T>
void gemm(int64_t M, int64_t N, int64_t K, const T* a, int64_t a_rs, int64_t a_cs, const T* b,
          int64_t b_rs, int64_t b_cs, T* c, int64_t ldc, bool accumulate, const T* bias,
          GemmEpilogue epilogue) {
  Problem<T> p{M, N, K, a, a_rs, a_cs, b, b_rs, b_cs, c, ldc, accumulate, bias,
               epilogue == GemmEpilogue::Relu};
  gemm_impl(p, omp_get_max_threads());
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
  const int max_threads = omp_get_max_threads();
  const bool per_item_parallel = M * N * std::max<int64_t>(K, 1) >= kParallelMinMacs * 4;
  if (batch < 2 || max_threads <= 1 || per_item_parallel || omp_in_parallel()) {
    for (int64_t i = 0; i < batch; ++i) item(i, max_threads);
    return;
  }
#pragma omp parallel for schedule(static) num_threads(int(std::min<int64_t>(max_threads, batch)))
  for (int64_t i = 0; i < batch; ++i) item(i, 1);
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

}  // namespace fasttf::kernels
