#include "ops/reduce.h"

#include "autograd/grad_rules.h"
#include "autograd/tape.h"
#include "autograd/grad_rules_nn.h"
#include "ops/creation.h"
#include "ops/shape.h"
#include "ops/util.h"

namespace fasttf::ops {
namespace {

const char* reduce_name(ReduceOp op) {
  switch (op) {
    case ReduceOp::Sum: return "reduce_sum";
    case ReduceOp::Mean: return "reduce_mean";
    case ReduceOp::Max: return "reduce_max";
    case ReduceOp::Min: return "reduce_min";
    case ReduceOp::Prod: return "reduce_prod";
    case ReduceOp::Any: return "reduce_any";
    case ReduceOp::All: return "reduce_all";
  }
  return "reduce";
}

// Brings x to a contiguous [outer, reduced, inner] layout: directly when the reduced axes are
// one run of adjacent dimensions (ignoring size-1 ones), else by a permuting copy.
Tensor to_reduce_layout(const Tensor& x, const std::vector<int>& axes, int64_t* outer,
                        int64_t* reduced, int64_t* inner) {
  const int r = x.ndim();
  std::vector<char> is_reduced(r, 0);
  for (int a : axes) is_reduced[a] = 1;
  int first = -1, last = -1;
  bool contiguous_group = true;
  for (int i = 0; i < r; ++i) {
    if (x.shape()[i] == 1) continue;
    if (is_reduced[i]) {
      if (first < 0) first = i;
      else if (last != i - 1 && last >= 0) {
        // a gap of non-size-1 kept dims between reduced dims?
        for (int k = last + 1; k < i; ++k)
          if (!is_reduced[k] && x.shape()[k] != 1) contiguous_group = false;
      }
      last = i;
    }
  }
  *outer = *reduced = *inner = 1;
  if (contiguous_group) {
    for (int i = 0; i < r; ++i) {
      int64_t d = x.shape()[i];
      if (first < 0 || i < first) *outer *= d;
      else if (i <= last) *reduced *= is_reduced[i] || d == 1 ? d : 1;
      else *inner *= d;
    }
    if (first < 0) { *outer = x.numel(); *reduced = 1; *inner = 1; }
    // every reduced axis of size != 1 is inside [first, last]; the sizes multiply back
    return x.contiguous();
  }
  std::vector<int64_t> perm;
  for (int i = 0; i < r; ++i) if (!is_reduced[i]) { perm.push_back(i); *outer *= x.shape()[i]; }
  for (int i = 0; i < r; ++i) if (is_reduced[i]) { perm.push_back(i); *reduced *= x.shape()[i]; }
  autograd::NoRecordScope no_record;
  return transpose(x, perm).clone();
}

}  // namespace

std::vector<int64_t> all_axes(int rank) {
  std::vector<int64_t> a(rank);
  for (int i = 0; i < rank; ++i) a[i] = i;
  return a;
}

Tensor reduce(ReduceOp op, const Tensor& x, const std::vector<int64_t>& axes_in, bool keepdims) {
  const char* name = reduce_name(op);
  const bool logical = op == ReduceOp::Any || op == ReduceOp::All;
  if (logical && x.dtype() != DType::Bool)
    fail<TypeError>("[", name, "] expects a bool tensor, got ", dtype_name(x.dtype()));
  if (!logical && x.dtype() == DType::Bool)
    fail<TypeError>("[", name, "] not supported for dtype bool");
  std::vector<int> axes = normalize_axes(axes_in, x.ndim(), name);
  Shape out_shape, kept_shape;
  std::vector<char> is_reduced(x.ndim(), 0);
  for (int a : axes) is_reduced[a] = 1;
  for (int i = 0; i < x.ndim(); ++i) {
    if (is_reduced[i]) { kept_shape.push_back(1); continue; }
    out_shape.push_back(x.shape()[i]);
    kept_shape.push_back(x.shape()[i]);
  }
  // Max/min over an empty axis give the identity (-inf/+inf, or the integer type's lowest/highest),
  // as TF does.
  int64_t outer, reduced, inner;
  Tensor src = to_reduce_layout(x, axes, &outer, &reduced, &inner);
  Tensor out = Tensor::empty(keepdims ? kept_shape : out_shape, x.dtype(), name);
  if (out.numel() > 0) kernels::reduce(op, src, outer, reduced, inner, out);
  if (autograd::is_recording() && autograd::differentiable(x.dtype()))
    if (auto fn = autograd::rules::reduce(op, x, out, kept_shape))
      autograd::record(name, {&x}, {&out}, std::move(fn));
  return out;
}

Tensor reduce_sum(const Tensor& x, const std::vector<int64_t>& axes, bool keepdims) {
  return reduce(ReduceOp::Sum, x, axes, keepdims);
}
Tensor reduce_mean(const Tensor& x, const std::vector<int64_t>& axes, bool keepdims) {
  return reduce(ReduceOp::Mean, x, axes, keepdims);
}

Tensor arg_reduce(bool is_max, const Tensor& x, int64_t axis_in, DType output_type) {
  const char* name = is_max ? "argmax" : "argmin";
  if (output_type != DType::Int64 && output_type != DType::Int32)
    fail<TypeError>("[", name, "] output_type must be int32 or int64");
  if (x.dtype() == DType::Bool) fail<TypeError>("[", name, "] not supported for dtype bool");
  if (x.ndim() == 0) fail("[", name, "] expects a tensor of rank >= 1, got a scalar");
  int axis = normalize_axis(axis_in, x.ndim(), name);
  if (x.shape()[axis] == 0)
    fail("[", name, "] reduction axis ", axis, " is empty in shape ", shape_str(x.shape()));
  Shape out_shape;
  int64_t outer = 1, inner = 1;
  for (int i = 0; i < x.ndim(); ++i) {
    if (i == axis) continue;
    out_shape.push_back(x.shape()[i]);
    (i < axis ? outer : inner) *= x.shape()[i];
  }
  Tensor out = Tensor::empty(out_shape, output_type, name);
  if (out.numel() > 0) kernels::arg_reduce(is_max, x.contiguous(), outer, x.shape()[axis], inner, out);
  return out;
}

namespace {

Tensor scan(bool product, const Tensor& x, int64_t axis_in, bool exclusive, bool reverse) {
  const char* name = product ? "cumprod" : "cumsum";
  if (x.dtype() == DType::Bool) fail<TypeError>("[", name, "] not supported for dtype bool");
  if (is_half(x.dtype())) fail<TypeError>("[", name, "] not supported for dtype ", dtype_name(x.dtype()));
  const int rank = x.ndim();
  // As TF's ScanOp: the axis must lie in [-rank, rank), so a scalar has no valid axis.
  if (axis_in < -rank || axis_in >= rank)
    fail("[", name, "] expected a scan axis in the range [", -rank, ", ", rank, "), but got ",
         axis_in, " for a tensor of shape ", shape_str(x.shape()));
  const int axis = int(axis_in < 0 ? axis_in + rank : axis_in);
  Tensor out = Tensor::empty(x.shape(), x.dtype(), name);
  if (out.numel() > 0) {
    int64_t outer = 1, inner = 1;
    for (int i = 0; i < rank; ++i)
      if (i < axis) outer *= x.shape()[i];
      else if (i > axis) inner *= x.shape()[i];
    kernels::scan(product, x.contiguous(), outer, x.shape()[axis], inner, exclusive, reverse, out);
  }
  if (autograd::is_recording() && autograd::differentiable(x.dtype())) {
    autograd::record(name, {&x}, {&out},
                     product ? autograd::rules::cumprod(x, out, axis, exclusive, reverse)
                             : autograd::rules::cumsum(axis, exclusive, reverse));
  }
  return out;
}

}  // namespace

Tensor cumsum(const Tensor& x, int64_t axis, bool exclusive, bool reverse) {
  return scan(false, x, axis, exclusive, reverse);
}
Tensor cumprod(const Tensor& x, int64_t axis, bool exclusive, bool reverse) {
  return scan(true, x, axis, exclusive, reverse);
}

}  // namespace fasttf::ops
