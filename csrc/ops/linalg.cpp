#include "ops/linalg.h"

#include "autograd/grad_rules.h"
#include "autograd/tape.h"
#include "kernels/gemm.h"
#include "ops/util.h"

namespace fasttf::ops {

Tensor matmul(const Tensor& a, const Tensor& b, bool transpose_a, bool transpose_b) {
  if (a.dtype() != b.dtype())
    fail("[matmul] both operands must have the same dtype, got ", dtype_name(a.dtype()), " and ",
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
  Shape batch_a(a.shape().begin(), a.shape().end() - 2), batch_b(b.shape().begin(), b.shape().end() - 2);
  Shape batch = broadcast_shapes(batch_a, batch_b, "matmul");
  Shape out_shape = batch;
  out_shape.push_back(M);
  out_shape.push_back(N);
  Tensor out = Tensor::empty(out_shape, a.dtype(), "matmul");
  if (out.numel() > 0) {
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
      int64_t a_rs = av.strides()[r - 2], a_cs = av.strides()[r - 1];
      int64_t b_rs = bv.strides()[r - 2], b_cs = bv.strides()[r - 1];
      if (transpose_a) std::swap(a_rs, a_cs);
      if (transpose_b) std::swap(b_rs, b_cs);
      kernels::gemm_batched<T>(nbatch, M, N, Ka, av.data<T>(), a_bs, a_rs, a_cs, bv.data<T>(),
                               b_bs, b_rs, b_cs, out.data<T>(), M * N, N, false);
    });
  }
  if (autograd::is_recording())
    autograd::record("MatMul", {&a, &b}, {&out},
                     autograd::rules::matmul(a, b, transpose_a, transpose_b));
  return out;
}

}  // namespace fasttf::ops
