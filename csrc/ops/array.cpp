#include "ops/array.h"

#include <algorithm>

#include "autograd/grad_rules_array.h"
#include "autograd/tape.h"
#include "kernels/copy.h"
#include "kernels/elementwise.h"
#include "kernels/gather_scatter.h"
#include "ops/creation.h"
#include "ops/shape.h"
#include "ops/util.h"

namespace fasttf::ops {
namespace {

// A view of t restricted along dimension d to count elements from start by step (no checks,
// no recording: the callers have validated the range).
Tensor axis_range(const Tensor& t, int d, int64_t start, int64_t count, int64_t step) {
  Shape shape = t.shape(), strides = t.strides();
  int64_t offset = t.offset() + (count > 0 ? start * strides[d] : 0);
  shape[d] = count;
  strides[d] *= step;
  return t.view(shape, strides, offset);
}

std::vector<SliceDim> full_spec(const Shape& shape) {
  std::vector<SliceDim> spec;
  for (int64_t n : shape) spec.push_back({SliceDim::Range, 0, n, 1});
  return spec;
}

void check_same_dtypes(const std::vector<Tensor>& values, const char* op) {
  for (size_t i = 1; i < values.size(); ++i)
    if (values[i].dtype() != values[0].dtype())
      fail<TypeError>("[", op, "] all values must have the same dtype: values[0] is ",
                      dtype_name(values[0].dtype()), " but values[", i, "] is ",
                      dtype_name(values[i].dtype()));
}

}  // namespace

Tensor concat(const std::vector<Tensor>& values, int64_t axis_in) {
  if (values.empty()) fail("[concat] expects at least one tensor");
  check_same_dtypes(values, "concat");
  const Tensor& first = values[0];
  const int r = first.ndim();
  if (r == 0) fail("[concat] can't concatenate scalars (use tf.stack instead)");
  const int axis = normalize_axis(axis_in, r, "concat");
  Shape shape = first.shape();
  shape[axis] = 0;
  std::vector<int64_t> sizes;
  for (size_t i = 0; i < values.size(); ++i) {
    const Tensor& v = values[i];
    if (v.ndim() != r)
      fail("[concat] ranks of all input tensors should match: shape[0] = ", shape_str(first.shape()),
           " vs. shape[", i, "] = ", shape_str(v.shape()));
    for (int d = 0; d < r; ++d)
      if (d != axis && v.shape()[d] != first.shape()[d])
        fail("[concat] dimensions of inputs should match: shape[0] = ", shape_str(first.shape()),
             " vs. shape[", i, "] = ", shape_str(v.shape()), " (axis ", axis, ")");
    sizes.push_back(v.shape()[axis]);
    shape[axis] += v.shape()[axis];
  }
  Tensor out = Tensor::empty(shape, first.dtype(), "concat");
  int64_t start = 0;
  for (const Tensor& v : values) {
    // Contiguous inputs copy as runs of (size along axis) x (inner size) elements.
    kernels::copy_strided(v, axis_range(out, axis, start, v.shape()[axis], 1));
    start += v.shape()[axis];
  }
  if (autograd::is_recording()) {
    std::vector<const Tensor*> inputs;
    for (const Tensor& v : values) inputs.push_back(&v);
    autograd::record("ConcatV2", inputs, {&out}, autograd::rules::concat(axis, sizes));
  }
  return out;
}

Tensor stack(const std::vector<Tensor>& values, int64_t axis) {
  if (values.empty()) fail("[stack] expects at least one tensor");
  check_same_dtypes(values, "stack");
  const int r = values[0].ndim();
  if (axis < -r - 1 || axis > r)
    fail("[stack] axis ", axis, " is out of range [", -r - 1, ", ", r + 1, ") for inputs of rank ", r);
  for (size_t i = 1; i < values.size(); ++i)
    if (values[i].shape() != values[0].shape())
      fail("[stack] shapes of all inputs must match: values[0].shape = ", shape_str(values[0].shape()),
           " != values[", i, "].shape = ", shape_str(values[i].shape()));
  std::vector<Tensor> expanded;
  for (const Tensor& v : values) expanded.push_back(expand_dims(v, axis));
  return concat(expanded, axis < 0 ? axis + r + 1 : axis);
}

std::vector<Tensor> split(const Tensor& x, const std::vector<int64_t>& sizes_in, int64_t axis_in) {
  const int r = x.ndim();
  if (r == 0) fail("[split] cannot split a scalar");
  const int axis = normalize_axis(axis_in, r, "split");
  const int64_t n = x.shape()[axis];
  if (sizes_in.empty()) fail("[split] size_splits must not be empty");
  std::vector<int64_t> sizes = sizes_in;
  int infer = -1;
  int64_t total = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] == -1) {
      if (infer >= 0) fail("[split] only one size_splits entry may be -1, got ", shape_str(sizes_in));
      infer = int(i);
    } else if (sizes[i] < 0) {
      fail("[split] size_splits must be non-negative (or one -1), got ", shape_str(sizes_in));
    } else {
      total += sizes[i];
      if (total > n) break;
    }
  }
  if (infer >= 0 ? total > n : total != n)
    fail("[split] determined shape must either match input shape along split_dim exactly if "
         "fully specified, or be less than the size of the input along split_dim if not fully "
         "specified: size_splits ", shape_str(sizes_in), " for dimension ", axis, " of size ", n,
         " (shape ", shape_str(x.shape()), ")");
  if (infer >= 0) sizes[infer] = n - total;
  std::vector<Tensor> out;
  int64_t start = 0;
  for (int64_t s : sizes) {
    std::vector<SliceDim> spec = full_spec(x.shape());
    spec[axis] = {SliceDim::Range, s > 0 ? start : 0, s, 1};
    out.push_back(strided_view(x, spec));
    start += s;
  }
  return out;
}

std::vector<Tensor> split_even(const Tensor& x, int64_t num, int64_t axis_in) {
  const int r = x.ndim();
  if (r == 0) fail("[split] cannot split a scalar");
  const int axis = normalize_axis(axis_in, r, "split");
  const int64_t n = x.shape()[axis];
  if (num <= 0) fail("[split] num_split must be positive, got ", num);
  if (n % num != 0)
    fail("[split] number of ways to split should evenly divide the split dimension, but got "
         "split_dim ", axis, " (size = ", n, ") and num_split ", num);
  return split(x, std::vector<int64_t>(size_t(num), n / num), axis);
}

std::vector<Tensor> unstack(const Tensor& x, int64_t axis_in, int64_t num) {
  const int r = x.ndim();
  if (r == 0) fail("[unstack] cannot unstack a scalar (rank 0)");
  const int axis = normalize_axis(axis_in, r, "unstack");
  const int64_t n = x.shape()[axis];
  if (num >= 0 && num != n)
    fail("[unstack] num ", num, " does not match the size ", n, " of dimension ", axis,
         " of shape ", shape_str(x.shape()));
  std::vector<Tensor> out;
  for (int64_t i = 0; i < n; ++i) {
    std::vector<SliceDim> spec = full_spec(x.shape());
    spec[axis] = {SliceDim::Index, i, 1, 1};
    out.push_back(strided_view(x, spec));
  }
  return out;
}

Tensor tile(const Tensor& x, const std::vector<int64_t>& multiples) {
  const int r = x.ndim();
  if (int(multiples.size()) != r)
    fail("[tile] expected multiples argument to be a vector of length ", r, " but got length ",
         multiples.size(), " (input shape ", shape_str(x.shape()), ")");
  Shape out_shape(r), interleaved, expanded_shape, expanded_strides;
  for (int d = 0; d < r; ++d) {
    if (multiples[d] < 0)
      fail("[tile] expected multiples[", d, "] >= 0, but got ", multiples[d]);
    // out[i * n + j] = x[j] along each axis: a broadcast of x over (multiple, n) pairs.
    expanded_shape.push_back(multiples[d]);
    expanded_strides.push_back(0);
    expanded_shape.push_back(x.shape()[d]);
    expanded_strides.push_back(x.strides()[d]);
  }
  checked_numel(expanded_shape, x.dtype(), "tile");
  for (int d = 0; d < r; ++d) out_shape[d] = multiples[d] * x.shape()[d];
  Tensor out = Tensor::empty(expanded_shape, x.dtype(), "tile");
  kernels::copy_strided(x.view(expanded_shape, expanded_strides, x.offset()), out);
  out = out.view(out_shape, contiguous_strides(out_shape), 0);
  if (autograd::is_recording())
    autograd::record("Tile", {&x}, {&out}, autograd::rules::tile(x.shape(), multiples));
  return out;
}

Tensor reverse(const Tensor& x, const std::vector<int64_t>& axes) {
  const int r = x.ndim();
  std::vector<char> seen(size_t(std::max(r, 1)), 0);
  Tensor view = x;
  for (int64_t a : axes) {
    if (a < -r || a >= r)
      fail("[reverse] axis ", a, " is out of range for a tensor of rank ", r);
    const int d = int(a < 0 ? a + r : a);
    if (seen[d]) fail("[reverse] axis ", d, " specified more than once");
    seen[d] = 1;
    const int64_t n = view.shape()[d];
    view = axis_range(view, d, n - 1, n, -1);
  }
  Tensor out = view.clone();
  if (autograd::is_recording())
    autograd::record("ReverseV2", {&x}, {&out}, autograd::rules::reverse(axes));
  return out;
}

PadMode pad_mode_from_string(const std::string& mode) {
  std::string m;
  for (char c : mode) m += char(std::toupper(static_cast<unsigned char>(c)));
  if (m == "CONSTANT") return PadMode::Constant;
  if (m == "REFLECT") return PadMode::Reflect;
  if (m == "SYMMETRIC") return PadMode::Symmetric;
  fail("[pad] mode must be one of CONSTANT, REFLECT or SYMMETRIC, got '", mode, "'");
}

namespace {

void check_paddings(const Shape& shape, const Paddings& paddings, PadMode mode, const char* op) {
  const int r = int(shape.size());
  if (int(paddings.size()) != r)
    fail("[", op, "] the first dimension of paddings must be the rank of inputs: paddings has ",
         paddings.size(), " rows for an input of shape ", shape_str(shape));
  for (int d = 0; d < r; ++d) {
    for (int64_t p : paddings[d]) {
      if (p < 0) fail("[", op, "] paddings must be non-negative: ", p, " in row ", d);
      if (mode == PadMode::Reflect && p >= shape[d])
        fail("[", op, "] paddings must be less than the dimension size for REFLECT: ",
             paddings[d][0], ", ", paddings[d][1], " not less than ", shape[d], " (dimension ", d,
             " of shape ", shape_str(shape), ")");
      if (mode == PadMode::Symmetric && p > shape[d])
        fail("[", op, "] paddings must be no greater than the dimension size for SYMMETRIC: ",
             paddings[d][0], ", ", paddings[d][1], " greater than ", shape[d], " (dimension ", d,
             " of shape ", shape_str(shape), ")");
    }
  }
}

// Source of the mirrored border along d, in output coordinates: the `before` border is the
// reverse of [before + 1, 2 * before] (REFLECT, which skips the edge) or [before, 2 * before - 1]
// (SYMMETRIC); the `after` border mirrors the end of the interior the same way.
int64_t before_source_start(int64_t before, PadMode mode) {
  return mode == PadMode::Reflect ? 2 * before : 2 * before - 1;
}
int64_t after_source_start(int64_t before, int64_t n, PadMode mode) {
  return mode == PadMode::Reflect ? before + n - 2 : before + n - 1;
}

}  // namespace

Tensor pad(const Tensor& x, const Paddings& paddings, PadMode mode, const Tensor& constant_value) {
  const int r = x.ndim();
  check_paddings(x.shape(), paddings, mode, "pad");
  Shape shape(r);
  for (int d = 0; d < r; ++d) shape[d] = x.shape()[d] + paddings[d][0] + paddings[d][1];
  Tensor out = Tensor::empty(shape, x.dtype(), "pad");
  Tensor interior = out;
  for (int d = 0; d < r; ++d) interior = axis_range(interior, d, paddings[d][0], x.shape()[d], 1);
  if (mode == PadMode::Constant) {
    if (constant_value.numel() != 1)
      fail("[pad] constant_values must be a scalar, got shape ", shape_str(constant_value.shape()));
    if (constant_value.dtype() != x.dtype())
      fail<TypeError>("[pad] constant_values has dtype ", dtype_name(constant_value.dtype()),
                      " but the tensor has dtype ", dtype_name(x.dtype()));
    Tensor c = constant_value.contiguous();
    kernels::copy_strided(c.view(shape, Shape(size_t(r), 0), c.offset()), out);
    kernels::copy_strided(x, interior);
  } else {
    kernels::copy_strided(x, interior);
    // Dimension by dimension, each border copies whole hyperplanes of the (partly filled)
    // output: after step d every element whose later coordinates are interior is final.
    for (int d = 0; d < r; ++d) {
      const int64_t before = paddings[d][0], after = paddings[d][1], n = x.shape()[d];
      if (before > 0)
        kernels::copy_strided(axis_range(out, d, before_source_start(before, mode), before, -1),
                              axis_range(out, d, 0, before, 1));
      if (after > 0)
        kernels::copy_strided(axis_range(out, d, after_source_start(before, n, mode), after, -1),
                              axis_range(out, d, before + n, after, 1));
    }
  }
  if (autograd::is_recording())
    autograd::record("PadV2", {&x}, {&out}, autograd::rules::pad(paddings, mode));
  return out;
}

Tensor pad_grad(const Tensor& g, const Paddings& paddings, PadMode mode) {
  const int r = g.ndim();
  Shape x_shape(r);
  for (int d = 0; d < r; ++d) {
    x_shape[d] = g.shape()[d] - paddings[d][0] - paddings[d][1];
    if (x_shape[d] < 0) fail("[pad_grad] paddings exceed the gradient's shape ", shape_str(g.shape()));
  }
  check_paddings(x_shape, paddings, mode, "pad_grad");
  Tensor work = mode == PadMode::Constant ? g : g.clone();
  if (mode != PadMode::Constant) {
    // The adjoint of pad's border copies, in reverse order: each border adds into its source
    // and is then cleared (it was overwritten, not read, in the forward pass).
    for (int d = r - 1; d >= 0; --d) {
      const int64_t before = paddings[d][0], after = paddings[d][1], n = x_shape[d];
      if (after > 0) {
        Tensor border = axis_range(work, d, before + n, after, 1);
        kernels::add_strided(border, axis_range(work, d, after_source_start(before, n, mode), after, -1));
        kernels::zero_strided(border);
      }
      if (before > 0) {
        Tensor border = axis_range(work, d, 0, before, 1);
        kernels::add_strided(border, axis_range(work, d, before_source_start(before, mode), before, -1));
        kernels::zero_strided(border);
      }
    }
  }
  Tensor interior = work;
  for (int d = 0; d < r; ++d) interior = axis_range(interior, d, paddings[d][0], x_shape[d], 1);
  Tensor out = interior.clone();
  if (autograd::is_recording())
    autograd::record("PadGrad", {&g}, {&out}, autograd::rules::pad_grad(paddings, mode));
  return out;
}

}  // namespace fasttf::ops
