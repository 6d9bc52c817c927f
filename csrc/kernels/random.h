// Counter-based random generation (Philox-4x32-10, as TF uses). Every output block i is a pure
// function of (key, stream, i), so results are reproducible and independent of the thread count.
// `key` selects the generator (mixed from the seeds), `stream` separates calls made with the
// same seeds (the per-seed call counter). Outputs are written into contiguous tensors.
#pragma once
#include <array>
#include <cstdint>

#include "core/tensor.h"

namespace fasttf::kernels {

struct PhiloxKey {
  uint64_t key;
  uint64_t stream;
};

// Four 32-bit random words for counter (block, stream) under key.
std::array<uint32_t, 4> philox4x32(uint64_t key, uint64_t block, uint64_t stream);

// out (float16/bfloat16/float32/float64, contiguous) = minval + U[0, 1) * (maxval - minval).
void fill_uniform(const Tensor& out, PhiloxKey k, double minval, double maxval);
// out (integer dtype, contiguous) uniform in [minval, maxval); requires minval < maxval.
void fill_uniform_int(const Tensor& out, PhiloxKey k, int64_t minval, int64_t maxval);
// out (float dtype, contiguous) = mean + stddev * N(0, 1) (Box-Muller).
void fill_normal(const Tensor& out, PhiloxKey k, double mean, double stddev);
// As fill_normal, with values beyond 2 standard deviations resampled.
void fill_truncated_normal(const Tensor& out, PhiloxKey k, double mean, double stddev);
// out = x with its rows (axis 0) permuted; x contiguous with x.shape == out.shape.
void shuffle_rows(const Tensor& x, const Tensor& out, PhiloxKey k);
// out[b, s] ~ Categorical(softmax(logits[b, :])); logits contiguous float64 [B, C], C > 0,
// out contiguous int32/int64 [B, S].
void categorical(const Tensor& logits, const Tensor& out, PhiloxKey k);

}  // namespace fasttf::kernels
