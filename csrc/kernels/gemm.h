// General matrix multiply for float and double: packed, cache-blocked, with per-ISA
// micro-kernels chosen at run time (csrc/core/cpu.h). Results are bitwise identical for any
// OpenMP thread count: K is never split across threads.
#pragma once
#include <cstdint>
namespace fasttf::kernels {
enum class GemmEpilogue { None, Relu };
// C[M,N] = op(A)·op(B) (+ C if accumulate) (+ bias[j] broadcast over rows) then epilogue.
// A is M×K with element (i,k) at a[i*a_rs + k*a_cs]; B is K×N with element (k,j) at
// b[k*b_rs + j*b_cs] — so transposed operands are just swapped strides, handled in packing,
// never copied by the caller. C is row-major with leading dimension ldc (c[i*ldc + j]).
// K == 0 gives C = 0 (or C unchanged when accumulate) plus bias. No exceptions for valid input.
template <class T>
void gemm(int64_t M, int64_t N, int64_t K, const T* a, int64_t a_rs, int64_t a_cs,
          const T* b, int64_t b_rs, int64_t b_cs, T* c, int64_t ldc, bool accumulate,
          const T* bias = nullptr, GemmEpilogue epilogue = GemmEpilogue::None);
// Batched: operand p of batch index i starts at p + i*p_batch_stride (a stride of 0 broadcasts).
template <class T>
void gemm_batched(int64_t batch, int64_t M, int64_t N, int64_t K,
                  const T* a, int64_t a_bs, int64_t a_rs, int64_t a_cs,
                  const T* b, int64_t b_bs, int64_t b_rs, int64_t b_cs,
                  T* c, int64_t c_bs, int64_t ldc, bool accumulate);
// explicit instantiations for float and double live in gemm.cpp
}  // namespace fasttf::kernels
