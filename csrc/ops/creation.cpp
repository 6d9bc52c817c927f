#include "ops/creation.h"

#include <cmath>

#include "autograd/grad_rules.h"
#include "autograd/tape.h"
#include "kernels/copy.h"
#include "kernels/elementwise.h"

namespace fasttf::ops {

Tensor full(const Shape& shape, double value, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype, "fill");
  kernels::fill(t, value);
  return t;
}
Tensor zeros(const Shape& shape, DType dtype) { return Tensor::zeros(shape, dtype, "zeros"); }
Tensor ones(const Shape& shape, DType dtype) { return full(shape, 1.0, dtype); }
Tensor zeros_like(const Tensor& x) { return zeros(x.shape(), x.dtype()); }
Tensor ones_like(const Tensor& x) { return ones(x.shape(), x.dtype()); }

Tensor range(double start, double limit, double delta, DType dtype) {
  if (delta == 0) fail("[range] requires delta != 0");
  if ((delta > 0 && start > limit) || (delta < 0 && start < limit))
    fail("[range] requires start <= limit when delta > 0 (or >= when delta < 0): start=", start,
         ", limit=", limit, ", delta=", delta);
  double count = is_integer(dtype) ? std::ceil(std::fabs((limit - start) / delta))
                                   : std::ceil(std::fabs((limit - start) / delta));
  if (!(count < 9.0e18)) fail("[range] too many elements");
  int64_t n = int64_t(count);
  Tensor out = Tensor::empty({n}, dtype, "range");
  FASTTF_DISPATCH_NUMERIC(dtype == DType::Float16 || dtype == DType::BFloat16 ? DType::Float32 : dtype,
                          "range", [&](auto tag) {
    using T = decltype(tag);
    if (dtype == DType::Float16 || dtype == DType::BFloat16) {
      Tensor tmp = Tensor::empty({n}, DType::Float32);
      float* p = tmp.data<float>();
      for (int64_t i = 0; i < n; ++i) p[i] = float(start + double(i) * delta);
      kernels::cast_strided(tmp, out);
      return;
    }
    T* p = out.data<T>();
    if constexpr (std::is_integral_v<T>) {
      T s = T(start), d = T(delta);
      for (int64_t i = 0; i < n; ++i) p[i] = T(s + T(i) * d);
    } else {
      // TF accumulates in the output type: start + i * delta, computed in T.
      for (int64_t i = 0; i < n; ++i) p[i] = T(T(start) + T(i) * T(delta));
    }
  });
  return out;
}

Tensor eye(int64_t rows, int64_t cols, const Shape& batch_shape, DType dtype) {
  if (cols < 0) cols = rows;
  Shape shape = batch_shape;
  shape.push_back(rows);
  shape.push_back(cols);
  Tensor out = zeros(shape, dtype);
  int64_t batch = 1;
  for (int64_t d : batch_shape) batch *= d;
  Tensor one = ones({}, dtype);
  const size_t isz = out.itemsize();
  char* base = static_cast<char*>(out.raw_data());
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t i = 0; i < std::min(rows, cols); ++i)
      std::memcpy(base + ((b * rows + i) * cols + i) * isz, one.raw_data(), isz);
  return out;
}

Tensor linspace(double start, double stop, int64_t num, DType dtype) {
  if (num < 0) fail("[linspace] num must be non-negative, got ", num);
  if (!is_floating(dtype)) fail<TypeError>("[linspace] expects a float dtype");
  Tensor tmp = Tensor::empty({num}, DType::Float64, "linspace");
  double* p = tmp.data<double>();
  // TF computes start + i * step in the output type, with the last value exactly stop.
  double step = num > 1 ? (stop - start) / double(num - 1) : 0.0;
  for (int64_t i = 0; i < num; ++i) p[i] = start + double(i) * step;
  if (dtype == DType::Float32) {
    Tensor out = Tensor::empty({num}, dtype);
    float* q = out.data<float>();
    float fstep = num > 1 ? (float(stop) - float(start)) / float(num - 1) : 0.0f;
    for (int64_t i = 0; i < num; ++i) q[i] = float(start) + float(i) * fstep;
    if (num > 1) q[num - 1] = float(stop);
    return out;
  }
  if (num > 1) p[num - 1] = stop;
  return cast(tmp, dtype);
}

Tensor cast(const Tensor& x, DType dtype) {
  if (x.dtype() == dtype) return x;
  Tensor out = Tensor::empty(x.shape(), dtype, "cast");
  kernels::cast_strided(x, out);
  if (autograd::is_recording() && autograd::differentiable(dtype))
    autograd::record("Cast", {&x}, {&out}, autograd::rules::cast(x));
  return out;
}

Tensor identity(const Tensor& x) {
  Tensor out = x.clone();
  if (autograd::is_recording()) autograd::record("Identity", {&x}, {&out}, autograd::rules::identity());
  return out;
}

Tensor stop_gradient(const Tensor& x) {
  // A new handle on the same storage, with a fresh id the tape has never seen.
  return x.view(x.shape(), x.strides(), x.offset());
}

}  // namespace fasttf::ops
