#include "ops/linalg.h"

#include "autograd/grad_rules.h"
#include "autograd/tape.h"
#include "kernels/gemm.h"
#include "ops/util.h"

namespace fasttf::ops {

namespace {

// (row, col) strides of a matrix operand, swapped when the caller asks for its transpose.
void matrix_strides(const Tensor& t, bool transpose, int64_t& rs, int64_t& cs) {
  const int r = t.ndim();
  rs = t.strides()[r - 2];
  cs = t.strides()[r - 1];
  if (transpose) std::swap(rs, cs);
}

// Two matrices: straight to the kernel, no batch bookkeeping (this path bounds the cost of
// small products, e.g. 64³ at ~3.5 µs).
Tensor matmul_2d(const Tensor& a, const Tensor& b, int64_t M, int64_t N, int64_t K,
                 bool transpose_a, bool transpose_b) {
  Tensor out = Tensor::empty({M, N}, a.dtype(), "matmul");
  if (out.numel() == 0) return out;
  int64_t a_rs, a_cs, b_rs, b_cs;
  matrix_strides(a, transpose_a, a_rs, a_cs);
  matrix_strides(b, transpose_b, b_rs, b_cs);
  FASTTF_DISPATCH_FLOAT(a.dtype(), "matmul", [&](auto tag) {
    using T = decltype(tag);
    kernels::gemm<T>(M, N, K, a.data<T>(), a_rs, a_cs, b.data<T>(), b_rs, b_cs, out.data<T>(), N,
                     false);
  });
  return out;
}

// Batched (rank > 2): batch dims broadcast, then flattened to one batch stride per operand.
Tensor matmul_batched(const Tensor& a, const Tensor& b, int64_t M, int64_t N, int64_t K,
                      bool transpose_a, bool transpose_b) {
  Shape batch_a(a.shape().begin(), a.shape().end() - 2), batch_b(b.shape().begin(), b.shape().end() - 2);
  Shape batch = broadcast_shapes(batch_a, batch_b, "matmul");
  Shape out_shape = batch;
  out_shape.push_back(M);
  out_shape.push_back(N);
  Tensor out = Tensor::empty(out_shape, a.dtype(), "matmul");
  if (out.numel() > 0) {
    const int ra = a.ndim(), rb = b.ndim();
    FASTTF_DISPATCH_FLOAT(a.dtype(), "matmul", [&](auto tag) {
      using T = decltype(tag);
      // Make each operand's matrix part addressable with (row, col) strides; batch dims are
      // flattened when they are contiguous, otherwise we fall back to a contiguous copy.
      Shape full_a = batch, full_b = batch;
      full_a.push_back(a.dim(ra - 2)); full_a.push_back(a.dim(ra - 1));
      full_b.push_back(b.dim(rb - 2)); full_b.push_back(b.dim(rb - 1));
      Tensor av = broadcast_view(a, full_a), bv = broadcast_view(b, full_b);
      const int r = int(full_a.size());
      int64_t nbatch = 1;
      for (int64_t d : batch) nbatch *= d;
      // Batch stride: valid when the batch dims collapse to one stride (or all are broadcast);
      // otherwise the operand is copied to contiguous memory, which always collapses.
      auto batch_stride = [&](Tensor& t) -> int64_t {
        for (int attempt = 0; attempt < 2; ++attempt) {
          int64_t stride = -1, expect = -1;
          bool ok = true;
          for (int i = r - 3; i >= 0 && ok; --i) {
            if (t.shape()[i] == 1) continue;
            if (stride < 0) { stride = t.strides()[i]; expect = stride * t.shape()[i]; continue; }
            ok = t.strides()[i] == expect;
            expect *= t.shape()[i];
          }
          if (ok) return stride < 0 ? 0 : stride;
          t = t.clone();
        }
        return 0;  // unreachable: a contiguous tensor always collapses
      };
      int64_t a_bs = batch_stride(av), b_bs = batch_stride(bv);
      int64_t a_rs, a_cs, b_rs, b_cs;
      matrix_strides(av, transpose_a, a_rs, a_cs);
      matrix_strides(bv, transpose_b, b_rs, b_cs);
      kernels::gemm_batched<T>(nbatch, M, N, K, av.data<T>(), a_bs, a_rs, a_cs, bv.data<T>(),
                               b_bs, b_rs, b_cs, out.data<T>(), M * N, N, false);
    });
  }
  return out;
}

}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b, bool transpose_a, bool transpose_b) {
  if (a.dtype() != b.dtype())
    fail<TypeError>("[matmul] both operands must have the same dtype, got ", dtype_name(a.dtype()), " and ",
         dtype_name(b.dtype()));
  if (a.ndim() < 2 || b.ndim() < 2)
    fail("[matmul] both operands must have rank >= 2, got shapes ", shape_str(a.shape()), " and ",
         shape_str(b.shape()));
  const int ra = a.ndim(), rb = b.ndim();
  const int64_t M = transpose_a ? a.dim(ra - 1) : a.dim(ra - 2);
  const int64_t Ka = transpose_a ? a.dim(ra - 2) : a.dim(ra - 1);
  const int64_t Kb = transpose_b ? b.dim(rb - 1) : b.dim(rb - 2);
  const int64_t N = transpose_b ? b.dim(rb - 2) : b.dim(rb - 1);
  if (Ka != Kb)
    fail("[matmul] inner dimensions differ: ", shape_str(a.shape()), " @ ", shape_str(b.shape()),
         transpose_a ? " (transpose_a)" : "", transpose_b ? " (transpose_b)" : "");
  Tensor out = ra == 2 && rb == 2 ? matmul_2d(a, b, M, N, Ka, transpose_a, transpose_b)
                                   : matmul_batched(a, b, M, N, Ka, transpose_a, transpose_b);
  if (autograd::is_recording())
    autograd::record("MatMul", {&a, &b}, {&out},
                     autograd::rules::matmul(a, b, transpose_a, transpose_b));
  return out;
}

}  // namespace fasttf::ops
