// Shape helpers shared by the ops: axis normalisation and broadcasting.
#pragma once
#include <vector>

#include "core/tensor.h"

namespace fasttf::ops {

// Maps a possibly negative axis into [0, rank); throws InvalidArgument naming the op otherwise.
int normalize_axis(int64_t axis, int rank, const char* op);
// Sorted, de-duplicated axes; an empty `axes` with all_if_empty means every axis.
std::vector<int> normalize_axes(const std::vector<int64_t>& axes, int rank, const char* op);
// NumPy/TF broadcasting of two shapes; throws InvalidArgument naming the op and both shapes.
Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op);
// A stride-0 view of t expanded to `shape` (which must be a broadcast of t.shape()).
Tensor broadcast_view(const Tensor& t, const Shape& shape);
// A 0-d tensor holding value in dtype.
Tensor scalar(double value, DType dtype);

}  // namespace fasttf::ops
