#include "ops/shape.h"

#include <algorithm>

#include "autograd/grad_rules.h"
#include "autograd/tape.h"
#include "kernels/copy.h"
#include "kernels/elementwise.h"
#include "ops/creation.h"
#include "ops/reduce.h"
#include "ops/util.h"

namespace fasttf::ops {
namespace {

void record_view(const char* name, const Tensor& x, const Tensor& out) {
  if (autograd::is_recording())
    autograd::record(name, {&x}, {&out}, autograd::rules::reshape_back(x.shape()));
}

}  // namespace

Tensor reshape(const Tensor& x, const Shape& shape_in) {
  Shape shape = shape_in;
  int infer = -1;
  int64_t known = 1;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (infer >= 0) fail("[reshape] only one dimension can be -1, got ", shape_str(shape_in));
      infer = int(i);
    } else if (shape[i] < 0) {
      fail("[reshape] dimensions must be non-negative or -1, got ", shape_str(shape_in));
    } else {
      known *= shape[i];
      if (known > (int64_t(1) << 62)) fail("[reshape] shape ", shape_str(shape_in), " is too large");
    }
  }
  const int64_t n = x.numel();
  if (infer >= 0) {
    if (known == 0 || n % known != 0)
      fail("[reshape] cannot reshape a tensor of shape ", shape_str(x.shape()), " (", n,
           " elements) into ", shape_str(shape_in));
    shape[infer] = n / known;
  } else if (known != n) {
    fail("[reshape] cannot reshape a tensor with ", n, " elements to shape ", shape_str(shape_in),
         " (", known, " elements); input shape ", shape_str(x.shape()));
  }
  checked_numel(shape, x.dtype(), "reshape");
  Tensor base = x.contiguous();
  Tensor out = base.view(shape, contiguous_strides(shape), base.offset());
  record_view("Reshape", x, out);
  return out;
}

Tensor transpose(const Tensor& x, const std::vector<int64_t>& perm_in) {
  const int r = x.ndim();
  std::vector<int64_t> perm = perm_in;
  if (perm.empty())
    for (int i = r - 1; i >= 0; --i) perm.push_back(i);
  if (int(perm.size()) != r)
    fail("[transpose] perm ", shape_str(perm), " does not match the rank ", r, " of shape ",
         shape_str(x.shape()));
  std::vector<char> seen(r, 0);
  Shape shape(r), strides(r);
  for (int i = 0; i < r; ++i) {
    int64_t p = perm[i] < 0 ? perm[i] + r : perm[i];
    if (p < 0 || p >= r || seen[p])
      fail("[transpose] perm ", shape_str(perm_in), " is not a permutation of 0..", r - 1);
    seen[p] = 1;
    shape[i] = x.shape()[p];
    strides[i] = x.strides()[p];
    perm[i] = p;
  }
  Tensor out = x.view(shape, strides, x.offset());
  if (autograd::is_recording())
    autograd::record("Transpose", {&x}, {&out}, autograd::rules::transpose(perm));
  return out;
}

Tensor expand_dims(const Tensor& x, int64_t axis) {
  const int r = x.ndim();
  if (axis < -r - 1 || axis > r)
    fail("[expand_dims] axis ", axis, " is out of range for a tensor of rank ", r,
         " (expected -", r + 1, " <= axis <= ", r, ")");
  int a = int(axis < 0 ? axis + r + 1 : axis);
  Shape shape = x.shape(), strides = x.strides();
  int64_t stride = a < r ? x.strides()[a] * x.shape()[a] : 1;
  shape.insert(shape.begin() + a, 1);
  strides.insert(strides.begin() + a, stride);
  checked_numel(shape, x.dtype(), "expand_dims");
  Tensor out = x.view(shape, strides, x.offset());
  record_view("ExpandDims", x, out);
  return out;
}

Tensor squeeze(const Tensor& x, const std::vector<int64_t>& axes_in) {
  const int r = x.ndim();
  std::vector<char> drop(r, 0);
  if (axes_in.empty()) {
    for (int i = 0; i < r; ++i) drop[i] = x.shape()[i] == 1;
  } else {
    for (int a : normalize_axes(axes_in, r, "squeeze")) {
      if (x.shape()[a] != 1)
        fail("[squeeze] can not squeeze dim[", a, "], expected a dimension of 1, got ",
             x.shape()[a], " (shape ", shape_str(x.shape()), ")");
      drop[a] = 1;
    }
  }
  Shape shape, strides;
  for (int i = 0; i < r; ++i)
    if (!drop[i]) { shape.push_back(x.shape()[i]); strides.push_back(x.strides()[i]); }
  Tensor out = x.view(shape, strides, x.offset());
  record_view("Squeeze", x, out);
  return out;
}

Tensor broadcast_to(const Tensor& x, const Shape& shape) {
  checked_numel(shape, x.dtype(), "broadcast_to");
  if (shape.size() < x.shape().size())
    fail("[broadcast_to] cannot broadcast a tensor of shape ", shape_str(x.shape()),
         " to the lower-rank shape ", shape_str(shape));
  Shape b = broadcast_shapes(x.shape(), shape, "broadcast_to");
  if (b != shape)
    fail("[broadcast_to] cannot broadcast a tensor of shape ", shape_str(x.shape()), " to ",
         shape_str(shape));
  // Materialised, as TF does: later in-place kernels and numpy views expect real strides.
  Tensor out = broadcast_view(x, shape).clone();
  if (autograd::is_recording())
    autograd::record("BroadcastTo", {&x}, {&out}, autograd::rules::identity());
  return out;
}

Tensor sum_to(const Tensor& x, const Shape& shape) {
  if (x.shape() == shape) return x;
  const int r = x.ndim(), lead = r - int(shape.size());
  if (lead < 0) fail("[sum_to] cannot reduce shape ", shape_str(x.shape()), " to ", shape_str(shape));
  std::vector<int64_t> axes;
  for (int i = 0; i < r; ++i) {
    if (i < lead) { axes.push_back(i); continue; }
    int64_t want = shape[i - lead];
    if (want == 1 && x.shape()[i] != 1) axes.push_back(i);
    else if (want != x.shape()[i])
      fail("[sum_to] cannot reduce shape ", shape_str(x.shape()), " to ", shape_str(shape));
  }
  Tensor s = reduce(ReduceOp::Sum, x, axes, true);
  return reshape(s, shape);
}

void add_into_region(const Tensor& target, const std::vector<SliceDim>& spec, const Tensor& grad);

Tensor strided_view(const Tensor& x, const std::vector<SliceDim>& spec) {
  Shape shape, strides;
  int64_t offset = x.offset();
  int dim = 0;
  for (const SliceDim& s : spec) {
    if (s.kind == SliceDim::NewAxis) {
      shape.push_back(1);
      strides.push_back(1);
      continue;
    }
    if (dim >= x.ndim())
      fail<IndexError>("[strided_slice] too many indices for a tensor of rank ", x.ndim());
    const int64_t n = x.shape()[dim], st = x.strides()[dim];
    if (s.kind == SliceDim::Index) {
      if (s.start < 0 || s.start >= n)
        fail("[strided_slice] slice index ", s.start, " of dimension ", dim, " out of bounds");
      offset += s.start * st;
    } else {
      if (s.step == 0) fail("[strided_slice] slice step must not be zero");
      if (s.count < 0 || (s.count > 0 && (s.start < 0 || s.start >= n ||
                                          s.start + (s.count - 1) * s.step < 0 ||
                                          s.start + (s.count - 1) * s.step >= n)))
        fail("[strided_slice] slice out of bounds in dimension ", dim);
      if (s.count > 0) offset += s.start * st;
      shape.push_back(s.count);
      strides.push_back(st * s.step);
    }
    ++dim;
  }
  for (; dim < x.ndim(); ++dim) {
    shape.push_back(x.shape()[dim]);
    strides.push_back(x.strides()[dim]);
  }
  Tensor out = x.view(shape, strides, offset);
  if (autograd::is_recording())
    autograd::record("StridedSlice", {&x}, {&out}, autograd::rules::strided_view(x.shape(), spec),
                     [spec](const Tensor& target, const Tensor& grad) {
                       add_into_region(target, spec, grad);
                     });
  return out;
}

namespace {
// The region of `target` a slice's gradient `grad` belongs to (unrecorded), checked against it.
Tensor gradient_region(const Tensor& target, const std::vector<SliceDim>& spec,
                       const Tensor& grad) {
  Tensor region;
  {
    autograd::NoRecordScope no_record;
    region = strided_view(target, spec);
  }
  if (grad.shape() != region.shape())
    fail("[strided_slice_grad] gradient shape ", shape_str(grad.shape()), " does not match ",
         shape_str(region.shape()));
  return region;
}
}  // namespace

// target[spec] += grad, in place (the tape's sum of a slice's gradient; see RegionAdd).
void add_into_region(const Tensor& target, const std::vector<SliceDim>& spec, const Tensor& grad) {
  const Tensor region = gradient_region(target, spec, grad);
  kernels::binary(kernels::BinaryOp::Add, region, grad, region);
}

Tensor strided_view_grad(const Tensor& g, const Shape& x_shape, const std::vector<SliceDim>& spec) {
  Tensor out = zeros(x_shape, g.dtype());
  kernels::copy_strided(g, gradient_region(out, spec, g));
  if (autograd::is_recording())
    autograd::record("StridedSliceGrad", {&g}, {&out}, autograd::rules::strided_view_grad(spec));
  return out;
}

}  // namespace fasttf::ops
