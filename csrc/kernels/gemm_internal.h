// Internal interface between the GEMM driver (gemm.cpp, baseline x86-64) and the per-ISA
// micro-kernels and packing routines (gemm_<isa>.cpp), plus the ISA-generic templates those
// files instantiate with their own vector traits.
//
// Everything generic below is templated on the traits type X, which each ISA file defines in
// its own namespace: every instantiation is therefore unique to one translation unit, so the
// linker can never merge an AVX-512 copy of a function into the baseline or AVX2 path.
#pragma once
#include <cstdint>

namespace fasttf::kernels::gemm_detail {

// How a micro-kernel reads its MR×kc slice of A: element (r, k) at a[r*a_rs + k*a_cs].
enum class AMode {
  Packed = 0,     // packed panel: a_rs = 1, a_cs = MR (compile-time strides)
  ColStride = 1,  // A^T in memory (a_rs == 1): MR contiguous values per k, runtime a_cs
  RowStride = 2,  // row-major A (a_cs == 1): runtime a_rs, used unpacked for small problems
};

template <class T>
struct MicroArgs {
  int64_t kc;
  const T* a;
  int64_t a_rs, a_cs;  // ignored for AMode::Packed
  const T* b;          // row k of the kc×NR B micro-panel at b + k*b_rs, NR contiguous values
  int64_t b_rs;
  T* c;
  int64_t ldc;
  int m, n;            // valid rows / columns of this tile (<= MR, NR)
  bool load_c;         // add the existing C (accumulate, or a K block after the first)
  bool b_partial;      // B has only n valid columns (unpacked B at the N edge): masked loads
  const T* bias;       // non-null only on the last K block: add bias[j] (tile-relative)
  bool relu;           // only on the last K block
  T* a_pack = nullptr;  // ColStride only: also copy the A slice here as a packed panel
};

template <class T>
using MicroFn = void (*)(const MicroArgs<T>&);
// Packs rows [0, m) × cols [0, k) of A (element (i,k) at a[i*rs + k*cs]) into ceil(m/MR)
// panels of MR×k, laid out k-major (panel[k*MR + r]), zero padded to MR rows.
template <class T>
using PackAFn = void (*)(int64_t m, int64_t k, const T* a, int64_t rs, int64_t cs, T* dst);
// Packs rows [0, k) × cols [0, n) of B into ceil(n/NR) panels of k×NR (panel[k*NR + j]),
// zero padded to NR columns.
template <class T>
using PackBFn = void (*)(int64_t k, int64_t n, const T* b, int64_t rs, int64_t cs, T* dst);

// A shorter kernel for the last row panel when it has m < MR rows, so that the padding rows
// are not computed (e.g. 128 = 9×14 + 2). It reads A in place (RowStride / ColStride) or
// from a packed panel, which is ColStride with a_cs = MR.
template <class T>
struct EdgeKernel {
  int mr = 0;
  MicroFn<T> col_stride = nullptr, row_stride = nullptr;
};

template <class T>
struct KernelSet {
  int mr, nr;
  int64_t kc;   // K block: A micro-panel MR×kc stays in L1
  int64_t nc;   // N block per task: packed B kc×nc stays in that core's L2
  int64_t mc;   // M block: packed A mc×kc, lives in L2/L3
  MicroFn<T> micro[3];  // indexed by AMode
  // Tiles half as wide (NR/2 columns, same MR) for a last column panel of at most NR/2
  // columns, which the full tile would compute half in padding; null where NV is odd.
  MicroFn<T> half[3] = {};
  PackAFn<T> pack_a;
  PackBFn<T> pack_b;
  static constexpr int kMaxEdges = 3;
  EdgeKernel<T> edge[kMaxEdges];  // ascending mr, all < MR; unused entries have mr == 0
  // The smallest edge kernel that covers m rows, or null when only the full one does.
  const EdgeKernel<T>* edge_for(int m) const {
    for (const auto& e : edge)
      if (e.mr >= m) return &e;
    return nullptr;
  }
};

// Per ISA: the main kernels, and "narrow" ones (one vector per row, about twice the rows)
// for C with at most one vector of columns (e.g. 128×256·256×10), where a two-vector tile
// would compute mostly padding. AVX-512 float also has a "small" tile for products whose B
// is read in place (see gemm.cpp, kernels_for).
namespace avx512 {
const KernelSet<float>& kernels_f32();
const KernelSet<double>& kernels_f64();
const KernelSet<float>& narrow_kernels_f32();
const KernelSet<double>& narrow_kernels_f64();
const KernelSet<float>& small_kernels_f32();
}  // namespace avx512
namespace avx2 {
const KernelSet<float>& kernels_f32();
const KernelSet<double>& kernels_f64();
const KernelSet<float>& narrow_kernels_f32();
const KernelSet<double>& narrow_kernels_f64();
}  // namespace avx2
namespace portable {
const KernelSet<float>& kernels_f32();
const KernelSet<double>& kernels_f64();
}  // namespace portable

// ---------------------------------------------------------------------------------------------
// ISA-generic templates. X provides: T, reg, mask, W (lanes), zero(), load(p), loadm(mask,p)
// (zero beyond the mask, never touching masked-off memory), set1(x), fma(a,b,acc),
// add(a,b), max0(a), store(p,v), storem(mask,p,v), first(n) (mask of the first n lanes,
// n may be <= 0 or >= W).

// MR×(NV·W) micro-kernel: broadcast one A value per row, NV B vectors per k. Each C element
// is one FMA chain over k in order, then + C, + bias, relu: the same arithmetic for full and
// edge tiles and whatever thread runs the tile.
//
// PackA (ColStride only): while reading A in place, also store each k's MR values at
// a_pack + k*MR, so that the tiles to the right of this one read the panel packed. A^T in
// place with a long column stride (a dense layer's weight gradient, 784 floats) touches a new
// 4 KiB page every k or two and ran 7-9% slower than packed from L1 (TLB misses); a separate
// packing pass cost more than it saved.
template <class X, int MR, int NV, AMode AM, bool MaskB, bool PackA = false>
inline void micro_tile(const MicroArgs<typename X::T>& p) {
  using T = typename X::T;
  using R = typename X::reg;
  constexpr int W = X::W;
  const int64_t ars = AM == AMode::RowStride ? p.a_rs : 1;
  const int64_t acs = AM == AMode::Packed ? MR : (AM == AMode::ColStride ? p.a_cs : 1);
  typename X::mask mask[NV];
#pragma GCC unroll 4
  for (int v = 0; v < NV; ++v) mask[v] = X::first(p.n - v * W);
  R acc[MR][NV];
#pragma GCC unroll 32
  for (int r = 0; r < MR; ++r)
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) acc[r][v] = X::zero();
  // C is usually cold (big products stream it from L3/memory): start fetching the tile now
  // so its load in the epilogue does not stall.
  if (p.load_c) {
#pragma GCC unroll 32
    for (int r = 0; r < MR; ++r) {
      if (r >= p.m) break;
      __builtin_prefetch(p.c + r * p.ldc, 1, 3);
      __builtin_prefetch(p.c + r * p.ldc + NV * W - 1, 1, 3);
    }
  }
  // Row r of A is read through one pointer per group of four rows plus an offset of 0, s,
  // 2s or 3s (s = row stride): few enough registers that the row-stride (unpacked) case
  // keeps its addresses in registers instead of reloading MR offsets from the stack.
  constexpr int G = (MR + 3) / 4;
  const T* ag[G];
#pragma GCC unroll 8
  for (int g = 0; g < G; ++g) ag[g] = p.a + 4 * g * ars;
  const int64_t ars3 = 3 * ars;
  const T* b = p.b;
  T* a_pack = p.a_pack;
#pragma GCC unroll 4
  for (int64_t k = 0; k < p.kc; ++k) {
    if constexpr (PackA) {
      static_assert(AM == AMode::ColStride, "packing on the fly reads A^T in place");
#pragma GCC unroll 4
      for (int q = 0; q < MR; q += W)
        X::storem(X::first(MR - q), a_pack + q, X::loadm(X::first(MR - q), ag[0] + q));
      a_pack += MR;
    }
    R bv[NV];
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) bv[v] = MaskB ? X::loadm(mask[v], b + v * W) : X::load(b + v * W);
#pragma GCC unroll 32
    for (int r = 0; r < MR; ++r) {
      const T* ar_ptr = ag[r / 4] + ((r & 3) == 3 ? ars3 : (r & 3) * ars);
      R ar = X::set1(*ar_ptr);
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v) acc[r][v] = X::fma(ar, bv[v], acc[r][v]);
    }
#pragma GCC unroll 8
    for (int g = 0; g < G; ++g) ag[g] += acs;
    b += p.b_rs;
  }
  // Epilogue: the bias vectors are loaded once; rows past m are never stored.
  const bool full = p.n >= NV * W;
  R bias[NV];
#pragma GCC unroll 4
  for (int v = 0; v < NV; ++v) bias[v] = p.bias ? X::loadm(mask[v], p.bias + v * W) : X::zero();
#pragma GCC unroll 32
  for (int r = 0; r < MR; ++r) {
    if (r >= p.m) break;
    T* c = p.c + r * p.ldc;
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) {
      R x = acc[r][v];
      if (p.load_c) x = X::add(x, full ? X::load(c + v * W) : X::loadm(mask[v], c + v * W));
      if (p.bias) x = X::add(x, bias[v]);
      if (p.relu) x = X::max0(x);
      if (full)
        X::store(c + v * W, x);
      else
        X::storem(mask[v], c + v * W, x);
    }
  }
}

template <class X, int MR, int NV, AMode AM>
void micro(const MicroArgs<typename X::T>& p) {
  if constexpr (AM == AMode::ColStride) {
    if (p.a_pack) {
      if (p.b_partial)
        micro_tile<X, MR, NV, AM, true, true>(p);
      else
        micro_tile<X, MR, NV, AM, false, true>(p);
      return;
    }
  }
  if (p.b_partial)
    micro_tile<X, MR, NV, AM, true>(p);
  else
    micro_tile<X, MR, NV, AM, false>(p);
}

// Packing. The unit-stride cases (the ones real callers produce) get the contiguous inner
// loop; anything else falls back to the general gather.
template <class X, int MR>
void pack_a(int64_t m, int64_t k, const typename X::T* __restrict a, int64_t rs, int64_t cs,
            typename X::T* __restrict dst) {
  using T = typename X::T;
  for (int64_t i0 = 0; i0 < m; i0 += MR, dst += MR * k) {
    const int rows = m - i0 < MR ? int(m - i0) : MR;
    const T* src = a + i0 * rs;
    if (rs == 1 && rows == MR) {  // A^T in memory: each k is MR contiguous values
      for (int64_t kk = 0; kk < k; ++kk)
#pragma GCC unroll 16
        for (int r = 0; r < MR; ++r) dst[kk * MR + r] = src[kk * cs + r];
      continue;
    }
    for (int r = 0; r < rows; ++r) {  // row-major A: a strided write per element
      const T* row = src + r * rs;
      if (cs == 1)
        for (int64_t kk = 0; kk < k; ++kk) dst[kk * MR + r] = row[kk];
      else
        for (int64_t kk = 0; kk < k; ++kk) dst[kk * MR + r] = row[kk * cs];
    }
    for (int r = rows; r < MR; ++r)
      for (int64_t kk = 0; kk < k; ++kk) dst[kk * MR + r] = T(0);
  }
}

template <class X, int NR>
void pack_b(int64_t k, int64_t n, const typename X::T* b, int64_t rs, int64_t cs,
            typename X::T* dst) {
  using T = typename X::T;
  const int64_t full = cs == 1 ? n / NR : 0;
  // Row-major B, full panels: walk each source row once from left to right (one contiguous
  // read stream instead of a strided one per panel), copying NR values into every panel.
  // Explicit vector copies: the compiler cannot prove dst and b apart and would copy scalars.
  static_assert(NR % X::W == 0, "NR must be whole vectors");
  for (int64_t kk = 0; kk < k; ++kk)
    for (int64_t q = 0; q < full; ++q)
#pragma GCC unroll 4
      for (int j = 0; j < NR; j += X::W)
        X::store(dst + q * NR * k + kk * NR + j, X::load(b + kk * rs + q * NR + j));
  dst += full * NR * k;
  for (int64_t j0 = full * NR; j0 < n; j0 += NR, dst += NR * k) {
    const int cols = n - j0 < NR ? int(n - j0) : NR;
    const T* src = b + j0 * cs;
    for (int j = 0; j < cols; ++j) {  // B^T in memory: a strided write per element
      const T* col = src + j * cs;
      if (rs == 1)
        for (int64_t kk = 0; kk < k; ++kk) dst[kk * NR + j] = col[kk];
      else
        for (int64_t kk = 0; kk < k; ++kk) dst[kk * NR + j] = col[kk * rs];
    }
    for (int j = cols; j < NR; ++j)
      for (int64_t kk = 0; kk < k; ++kk) dst[kk * NR + j] = T(0);
  }
}

// Assembles a KernelSet for one ISA and element type: MR rows × NV vectors of W lanes.
template <class X, int MR, int NV = 2>
KernelSet<typename X::T> make_kernel_set(int64_t kc, int64_t nc, int64_t mc) {
  KernelSet<typename X::T> ks;
  ks.mr = MR;
  ks.nr = NV * X::W;
  ks.kc = kc;
  ks.nc = nc;
  ks.mc = mc;
  ks.micro[int(AMode::Packed)] = &micro<X, MR, NV, AMode::Packed>;
  ks.micro[int(AMode::ColStride)] = &micro<X, MR, NV, AMode::ColStride>;
  ks.micro[int(AMode::RowStride)] = &micro<X, MR, NV, AMode::RowStride>;
  if constexpr (NV % 2 == 0) {
    ks.half[int(AMode::Packed)] = &micro<X, MR, NV / 2, AMode::Packed>;
    ks.half[int(AMode::ColStride)] = &micro<X, MR, NV / 2, AMode::ColStride>;
    ks.half[int(AMode::RowStride)] = &micro<X, MR, NV / 2, AMode::RowStride>;
  }
  ks.pack_a = &pack_a<X, MR>;
  ks.pack_b = &pack_b<X, NV * X::W>;
  return ks;
}

// Adds edge kernels of EdgeMR... rows (ascending, each < MR) to a kernel set of NV vectors.
template <class X, int NV, int... EdgeMR>
void add_edge_kernels(KernelSet<typename X::T>& ks) {
  static_assert(sizeof...(EdgeMR) <= KernelSet<typename X::T>::kMaxEdges, "too many edges");
  int i = 0;
  ((ks.edge[i++] = {EdgeMR, &micro<X, EdgeMR, NV, AMode::ColStride>,
                    &micro<X, EdgeMR, NV, AMode::RowStride>}),
   ...);
}

}  // namespace fasttf::kernels::gemm_detail
