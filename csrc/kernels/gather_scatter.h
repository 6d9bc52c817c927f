// Gather/scatter kernels over a canonical layout. The ops (ops/indexing.cpp) validate every
// index, reshape their operands to these layouts and allocate; the kernels only move data.
//   params  [B, O, N, I]   (batch, outer, indexed axis, inner), contiguous
//   indices [B, K]         int64, already checked to lie in [0, N)
//   rows    [B, O, K, I]   contiguous
#pragma once
#include <cstdint>

#include "core/tensor.h"

namespace fasttf::kernels {

enum class ScatterKind { Update, Add, Sub, Max, Min };

// A [B, O, N, I] block of contiguous elements of `itemsize` bytes, as take_rows sees params.
struct RowsLayout {
  int64_t B, O, N, I, itemsize;
};
// rows[b, o, k, :] = params[b, o, indices[b, k], :] for k < K, rows [B, O, K, I] contiguous
// (any dtype; memcpy of inner runs). The Tensor form reads the layout off params and rows.
void take_rows(const void* params, const RowsLayout& layout, const int64_t* indices, int64_t K,
               void* rows);
void take_rows(const Tensor& params, const int64_t* indices, const Tensor& rows);
// target[b, o, indices[b, k], :] (op)= rows[b, o, k, :], k in order (duplicates accumulate for
// Add/Sub/Max/Min; the last write wins for Update). Deterministic for any thread count: every
// output element is updated by one thread, in k order. target is modified in place.
void scatter_rows(ScatterKind kind, const Tensor& target, const int64_t* indices,
                  const Tensor& rows);
// dst += src elementwise over same-shaped strided views (float dtypes): the adjoint of a
// strided copy, used by the gradient of REFLECT/SYMMETRIC padding.
void add_strided(const Tensor& src, const Tensor& dst);
// Every element of the strided view dst set to zero.
void zero_strided(const Tensor& dst);
// Coordinates of the non-zero (true) elements of x, in row-major order, as int64 [n, rank].
Tensor nonzero_coordinates(const Tensor& x);

}  // namespace fasttf::kernels
