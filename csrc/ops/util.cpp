#include "ops/util.h"

#include <algorithm>

#include "kernels/elementwise.h"

namespace fasttf::ops {

int normalize_axis(int64_t axis, int rank, const char* op) {
  if (axis < -rank || axis >= std::max(rank, 1) || (rank == 0 && axis != 0 && axis != -1))
    fail("[", op, "] axis ", axis, " is out of range for a tensor of rank ", rank);
  if (rank == 0) return 0;
  return int(axis < 0 ? axis + rank : axis);
}

std::vector<int> normalize_axes(const std::vector<int64_t>& axes, int rank, const char* op) {
  std::vector<int> out;
  for (int64_t a : axes) {
    if (a < -rank || a >= rank)
      fail("[", op, "] axis ", a, " is out of range for a tensor of rank ", rank);
    out.push_back(int(a < 0 ? a + rank : a));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op) {
  size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (size_t i = 0; i < n; ++i) {
    int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1)
      fail("[", op, "] incompatible shapes for broadcasting: ", shape_str(a), " and ",
           shape_str(b));
    out[i] = da == 1 ? db : da;
  }
  return out;
}

Tensor broadcast_view(const Tensor& t, const Shape& shape) {
  if (t.shape() == shape) return t;
  Shape strides(shape.size(), 0);
  size_t off = shape.size() - t.shape().size();
  for (size_t i = 0; i < t.shape().size(); ++i)
    strides[off + i] = t.shape()[i] == 1 ? 0 : t.strides()[i];
  return t.view(shape, strides, t.offset());
}

Tensor scalar(double value, DType dtype) {
  Tensor t = Tensor::empty({}, dtype);
  kernels::fill(t, value);
  return t;
}

}  // namespace fasttf::ops
