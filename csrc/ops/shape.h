// Shape ops. reshape (of contiguous data), transpose, expand_dims, squeeze, broadcast_to and
// strided slicing return views sharing the input's storage.
#pragma once
#include <vector>

#include "core/tensor.h"

namespace fasttf::ops {

// tf.reshape; one -1 entry is inferred. A view when x is contiguous, else a copy.
Tensor reshape(const Tensor& x, const Shape& shape);
// tf.transpose; an empty perm reverses the axes.
Tensor transpose(const Tensor& x, const std::vector<int64_t>& perm);
Tensor expand_dims(const Tensor& x, int64_t axis);
// tf.squeeze; empty axes removes every size-1 dimension.
Tensor squeeze(const Tensor& x, const std::vector<int64_t>& axes);
Tensor broadcast_to(const Tensor& x, const Shape& shape);
// Sums x over broadcast dimensions so that the result has `shape` (undoes broadcasting).
Tensor sum_to(const Tensor& x, const Shape& shape);

// One entry of a normalised indexing spec (Python's __getitem__ and tf.strided_slice).
struct SliceDim {
  enum Kind : int64_t { Range = 0, Index = 1, NewAxis = 2 };
  int64_t kind;
  int64_t start;  // first index (Range, Index)
  int64_t count;  // number of elements taken (Range)
  int64_t step;   // may be negative (Range)
};
// A strided view of x; `spec` covers every dimension of x in order (NewAxis entries add
// dimensions). Indices must already be in range: checked again here.
Tensor strided_view(const Tensor& x, const std::vector<SliceDim>& spec);
// The gradient of strided_view: zeros of x_shape with g written into the sliced region.
Tensor strided_view_grad(const Tensor& g, const Shape& x_shape, const std::vector<SliceDim>& spec);

}  // namespace fasttf::ops
