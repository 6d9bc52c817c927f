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
// B packed once for products that share it (a convolution's filter, which every tile of rows
// multiplies): the panels gemm's own packing would build for this K×N on this ISA, so each
// product skips that pass (9-18% of a conv tile's GEMM time).
template <class T>
class PackedGemmB {
 public:
  // B is K×N with element (k,j) at b[k*b_rs + j*b_cs].
  PackedGemmB(int64_t K, int64_t N, const T* b, int64_t b_rs, int64_t b_cs);
  PackedGemmB(const PackedGemmB&) = delete;
  PackedGemmB& operator=(const PackedGemmB&) = delete;
  ~PackedGemmB();
  int64_t K() const { return K_; }
  int64_t N() const { return N_; }
  // The panels of the K block starting at row k0, from column panel j0 (a multiple of NR) on.
  const T* block(int64_t k0, int64_t kc, int64_t j0) const;

 private:
  int64_t K_, N_, padded_n_;
  int nr_;
  T* data_;
};
// C[M,N] = A·B with B packed by PackedGemmB; otherwise as gemm.
template <class T>
void gemm_packed_b(int64_t M, const T* a, int64_t a_rs, int64_t a_cs, const PackedGemmB<T>& b,
                   T* c, int64_t ldc, bool accumulate, const T* bias = nullptr,
                   GemmEpilogue epilogue = GemmEpilogue::None);
// Batched: operand p of batch index i starts at p + i*p_batch_stride (a stride of 0 broadcasts).
template <class T>
void gemm_batched(int64_t batch, int64_t M, int64_t N, int64_t K,
                  const T* a, int64_t a_bs, int64_t a_rs, int64_t a_cs,
                  const T* b, int64_t b_bs, int64_t b_rs, int64_t b_cs,
                  T* c, int64_t c_bs, int64_t ldc, bool accumulate);
// explicit instantiations for float and double live in gemm.cpp
}  // namespace fasttf::kernels
