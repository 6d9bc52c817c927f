// Random ops (tf.random.*). Each takes a Philox key and stream computed from TF's seed rules in
// python/fasttf/random.py; the same (key, stream) always gives the same values.
#pragma once
#include <cstdint>

#include "core/tensor.h"
#include "kernels/random.h"

namespace fasttf::ops {

using kernels::PhiloxKey;

// Float dtype: U[minval, maxval). Integer dtype: uniform integers in [minval, maxval).
Tensor random_uniform(const Shape& shape, DType dtype, double minval, double maxval, PhiloxKey k);
Tensor random_uniform_int(const Shape& shape, DType dtype, int64_t minval, int64_t maxval,
                          PhiloxKey k);
Tensor random_normal(const Shape& shape, DType dtype, double mean, double stddev, PhiloxKey k);
// Normal with values beyond two standard deviations redrawn (tf.random.truncated_normal).
Tensor truncated_normal(const Shape& shape, DType dtype, double mean, double stddev, PhiloxKey k);
// x with its first dimension randomly permuted (tf.random.shuffle); a copy.
Tensor random_shuffle(const Tensor& x, PhiloxKey k);
// [batch, num_samples] class indices drawn from softmax(logits) per row (tf.random.categorical).
Tensor random_categorical(const Tensor& logits, int64_t num_samples, DType dtype, PhiloxKey k);

}  // namespace fasttf::ops
