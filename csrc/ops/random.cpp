#include "ops/random.h"

#include <cmath>

#include "kernels/copy.h"

namespace fasttf::ops {
namespace {

void require_float(DType dtype, const char* op) {
  if (!is_floating(dtype))
    fail<TypeError>("[", op, "] dtype must be a floating point type, got ", dtype_name(dtype));
}

void require_finite(double v, const char* what, const char* op) {
  if (!std::isfinite(v)) fail("[", op, "] ", what, " must be finite, got ", v);
}

}  // namespace

Tensor random_uniform(const Shape& shape, DType dtype, double minval, double maxval, PhiloxKey k) {
  require_float(dtype, "random_uniform");
  require_finite(minval, "minval", "random_uniform");
  require_finite(maxval, "maxval", "random_uniform");
  Tensor out = Tensor::empty(shape, dtype, "random_uniform");
  kernels::fill_uniform(out, k, minval, maxval);
  return out;
}

Tensor random_uniform_int(const Shape& shape, DType dtype, int64_t minval, int64_t maxval,
                          PhiloxKey k) {
  if (!is_integer(dtype))
    fail<TypeError>("[random_uniform] integer sampling needs an integer dtype, got ",
                    dtype_name(dtype));
  Tensor out = Tensor::empty(shape, dtype, "random_uniform");
  if (out.numel() == 0) return out;
  if (!(minval < maxval))
    fail("[random_uniform] Need minval < maxval: ", minval, " >= ", maxval);
  kernels::fill_uniform_int(out, k, minval, maxval);
  return out;
}

Tensor random_normal(const Shape& shape, DType dtype, double mean, double stddev, PhiloxKey k) {
  require_float(dtype, "random_normal");
  Tensor out = Tensor::empty(shape, dtype, "random_normal");
  kernels::fill_normal(out, k, mean, stddev);
  return out;
}

Tensor truncated_normal(const Shape& shape, DType dtype, double mean, double stddev, PhiloxKey k) {
  require_float(dtype, "truncated_normal");
  Tensor out = Tensor::empty(shape, dtype, "truncated_normal");
  kernels::fill_truncated_normal(out, k, mean, stddev);
  return out;
}

Tensor random_shuffle(const Tensor& x, PhiloxKey k) {
  Tensor src = x.contiguous();
  Tensor out = Tensor::empty(x.shape(), x.dtype(), "random_shuffle");
  if (x.ndim() == 0 || x.numel() == 0) {
    kernels::copy_strided(src, out);
    return out;
  }
  kernels::shuffle_rows(src, out, k);
  return out;
}

Tensor random_categorical(const Tensor& logits, int64_t num_samples, DType dtype, PhiloxKey k) {
  if (logits.ndim() != 2)
    fail("[categorical] logits should be a matrix [batch_size, num_classes], got shape ",
         shape_str(logits.shape()));
  if (!is_floating(logits.dtype()))
    fail<TypeError>("[categorical] logits must be a float tensor, got ", dtype_name(logits.dtype()));
  if (num_samples < 0) fail("[categorical] num_samples should be non-negative, got ", num_samples);
  if (dtype != DType::Int32 && dtype != DType::Int64)
    fail<TypeError>("[categorical] dtype must be int32 or int64, got ", dtype_name(dtype));
  Tensor out = Tensor::empty({logits.shape()[0], num_samples}, dtype, "categorical");
  if (logits.shape()[0] == 0 || num_samples == 0) return out;
  if (logits.shape()[1] == 0) fail("[categorical] num_classes should be positive, got 0");
  Tensor l64 = Tensor::empty(logits.shape(), DType::Float64, "categorical");
  kernels::cast_strided(logits, l64);
  kernels::categorical(l64, out, k);
  return out;
}

}  // namespace fasttf::ops
