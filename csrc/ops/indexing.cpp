#include "ops/indexing.h"

#include <sstream>

#include "autograd/grad_rules_array.h"
#include "autograd/tape.h"
#include "kernels/sort.h"
#include "ops/creation.h"
#include "ops/shape.h"
#include "ops/util.h"

namespace fasttf::ops {
namespace {

int64_t product(const Shape& s, size_t begin, size_t end) {
  int64_t p = 1;
  for (size_t i = begin; i < end && i < s.size(); ++i) p *= s[i];
  return p;
}

Shape sub_shape(const Shape& s, size_t begin, size_t end) {
  return Shape(s.begin() + std::min(begin, s.size()), s.begin() + std::min(end, s.size()));
}

// TF's way of naming a position in an index tensor: indices[1,0].
std::string position_str(int64_t flat, const Shape& shape) {
  if (shape.empty()) return "";
  std::vector<int64_t> idx(shape.size());
  for (int d = int(shape.size()) - 1; d >= 0; --d) {
    idx[d] = shape[d] > 0 ? flat % shape[d] : 0;
    flat = shape[d] > 0 ? flat / shape[d] : 0;
  }
  std::ostringstream os;
  for (size_t i = 0; i < idx.size(); ++i) os << (i ? "," : "") << idx[i];
  return os.str();
}

// A contiguous int64 copy of an int32/int64 index tensor (TypeError for other dtypes).
Tensor index_tensor(const Tensor& indices, const char* op) {
  if (indices.dtype() != DType::Int32 && indices.dtype() != DType::Int64)
    fail<TypeError>("[", op, "] indices must be int32 or int64, got ", dtype_name(indices.dtype()));
  if (indices.dtype() == DType::Int64) return indices.contiguous();
  autograd::NoRecordScope no_record;
  return cast(indices, DType::Int64);
}

Tensor as_2d(const Tensor& t, int64_t rows, int64_t cols) {
  return t.view({rows, cols}, {cols, 1}, t.offset());
}

// Row numbers (in a row-major block of shape `dims`) of the index tuples in the last
// dimension of `indices`, validated: the shared core of gather_nd and the scatters.
Tensor linearize_tuples(const Tensor& indices, const Shape& dims, const char* op,
                        const char* shape_word) {
  Tensor idx = index_tensor(indices, op);
  const int64_t M = int64_t(dims.size());
  const Shape tuple_shape = sub_shape(indices.shape(), 0, indices.shape().size() - 1);
  const int64_t count = product(tuple_shape, 0, tuple_shape.size());
  Tensor out = Tensor::empty({count}, DType::Int64, op);
  const int64_t* in = idx.data<int64_t>();
  int64_t* lin = out.data<int64_t>();
  for (int64_t t = 0; t < count; ++t) {
    int64_t row = 0;
    for (int64_t m = 0; m < M; ++m) {
      const int64_t v = in[t * M + m];
      if (v < 0 || v >= dims[m]) {
        std::ostringstream tuple;
        for (int64_t j = 0; j < M; ++j) tuple << (j ? ", " : "") << in[t * M + j];
        fail("[", op, "] indices[", position_str(t, tuple_shape), "] = [", tuple.str(),
             "] does not index into ", shape_word, " ", shape_str(dims));
      }
      row = row * dims[m] + v;
    }
    lin[t] = row;
  }
  return out;
}

void check_batch_dims(const Tensor& params, const Tensor& indices, int64_t bd, const char* op) {
  for (int64_t d = 0; d < bd; ++d)
    if (params.shape()[d] != indices.shape()[d])
      fail("[", op, "] params.shape[:", bd, "] ", shape_str(sub_shape(params.shape(), 0, bd)),
           " and indices.shape[:", bd, "] ", shape_str(sub_shape(indices.shape(), 0, bd)),
           " must be equal (batch_dims=", bd, ")");
}

}  // namespace

Tensor take_rows(const Tensor& params, const Tensor& indices) {
  if (params.ndim() != 4 || indices.ndim() != 2 || indices.dtype() != DType::Int64 ||
      indices.dim(0) != params.dim(0))
    fail("[gather] internal layout mismatch: params ", shape_str(params.shape()), ", indices ",
         shape_str(indices.shape()));
  Tensor p = params.contiguous(), idx = indices.contiguous();
  const int64_t N = p.dim(2);
  const int64_t* ix = idx.data<int64_t>();
  for (int64_t i = 0, n = idx.numel(); i < n; ++i)
    if (ix[i] < 0 || ix[i] >= N) fail("[gather] index ", ix[i], " is not in [0, ", N, ")");
  Tensor out = Tensor::empty({p.dim(0), p.dim(1), idx.dim(1), p.dim(3)}, p.dtype(), "gather");
  kernels::take_rows(p, ix, out);
  if (autograd::is_recording())
    autograd::record("GatherV2", {&params}, {&out}, autograd::rules::take_rows(params.shape(), idx));
  return out;
}

Tensor scatter_rows(ScatterKind kind, const Tensor& target, const Tensor& indices, const Tensor& rows) {
  if (target.ndim() != 4 || rows.ndim() != 4 || indices.ndim() != 2 ||
      indices.dtype() != DType::Int64 || indices.dim(0) != target.dim(0) ||
      rows.dim(0) != target.dim(0) || rows.dim(1) != target.dim(1) || rows.dim(3) != target.dim(3) ||
      rows.dim(2) != indices.dim(1))
    fail("[scatter] internal layout mismatch: target ", shape_str(target.shape()), ", indices ",
         shape_str(indices.shape()), ", rows ", shape_str(rows.shape()));
  if (target.dtype() != rows.dtype())
    fail<TypeError>("[scatter] updates have dtype ", dtype_name(rows.dtype()),
                    " but the tensor has dtype ", dtype_name(target.dtype()));
  Tensor idx = indices.contiguous(), r = rows.contiguous();
  const int64_t N = target.dim(2);
  const int64_t* ix = idx.data<int64_t>();
  for (int64_t i = 0, n = idx.numel(); i < n; ++i)
    if (ix[i] < 0 || ix[i] >= N) fail("[scatter] index ", ix[i], " is not in [0, ", N, ")");
  Tensor out = target.clone();
  kernels::scatter_rows(kind, out, ix, r);
  if (autograd::is_recording())
    autograd::record("TensorScatter", {&target, &rows}, {&out},
                     autograd::rules::scatter_rows(kind, idx, target, rows, out));
  return out;
}

Tensor gather(const Tensor& params, const Tensor& indices, int64_t axis_in, int64_t bd_in) {
  const int r = params.ndim(), q = indices.ndim();
  Tensor idx = index_tensor(indices, "gather");
  const int64_t bd = bd_in < 0 ? bd_in + q : bd_in;
  if (bd < 0 || bd > q)
    fail("[gather] batch_dims ", bd_in, " must be in [", -q, ", ", q, "] for indices of rank ", q);
  if (r == 0) fail("[gather] params must be at least 1 dimensional");
  if (axis_in < -r || axis_in >= r)
    fail("[gather] axis ", axis_in, " is out of range for params of rank ", r,
         " (shape ", shape_str(params.shape()), ")");
  const int64_t axis = axis_in < 0 ? axis_in + r : axis_in;
  if (bd > axis)
    fail("[gather] batch_dims (", bd, ") must be less than or equal to axis (", axis, ")");
  check_batch_dims(params, indices, bd, "gather");
  const Shape& ps = params.shape();
  const int64_t B = product(ps, 0, bd), O = product(ps, bd, axis), N = ps[axis],
                I = product(ps, axis + 1, r), K = product(indices.shape(), bd, q);
  const int64_t* ix = idx.data<int64_t>();
  for (int64_t i = 0, n = idx.numel(); i < n; ++i)
    if (ix[i] < 0 || ix[i] >= N)
      fail("[gather] indices[", position_str(i, indices.shape()), "] = ", ix[i], " is not in [0, ",
           N, ")");
  Shape out_shape = sub_shape(ps, 0, axis);
  for (int d = int(bd); d < q; ++d) out_shape.push_back(indices.shape()[d]);
  for (int d = int(axis) + 1; d < r; ++d) out_shape.push_back(ps[d]);
  checked_numel(out_shape, params.dtype(), "gather");
  // Straight to the kernel (indices checked above): no views of params or of the result.
  const Tensor p = params.contiguous();
  Tensor out = Tensor::empty(out_shape, p.dtype(), "gather");
  kernels::take_rows(p.raw_data(), {B, O, N, I, int64_t(p.itemsize())}, ix, K, out.raw_data());
  if (autograd::is_recording())
    autograd::record("GatherV2", {&params}, {&out},
                     autograd::rules::gather(ps, {B, O, N, I}, {B, O, K, I}, as_2d(idx, B, K)));
  return out;
}

Tensor gather_nd(const Tensor& params, const Tensor& indices, int64_t bd_in) {
  const int r = params.ndim(), q = indices.ndim();
  index_tensor(indices, "gather_nd");
  if (q == 0) fail("[gather_nd] indices must be at least 1 dimensional");
  const int64_t bd = bd_in;
  if (bd < 0 || bd >= q)
    fail("[gather_nd] batch_dims ", bd_in, " must be in [0, ", q, ") for indices of rank ", q);
  if (bd > r) fail("[gather_nd] batch_dims ", bd, " exceeds the rank ", r, " of params");
  const int64_t M = indices.shape()[q - 1];
  if (bd + M > r)
    fail("[gather_nd] index innermost dimension length ", M, " must be <= params rank minus "
         "batch_dims (", r - bd, "); params shape ", shape_str(params.shape()), ", indices shape ",
         shape_str(indices.shape()));
  check_batch_dims(params, indices, bd, "gather_nd");
  const Shape& ps = params.shape();
  const Shape dims = sub_shape(ps, bd, bd + M);
  Tensor lin = linearize_tuples(indices, dims, "gather_nd", "param shape");
  const int64_t B = product(ps, 0, bd), N = product(dims, 0, dims.size()),
                R = product(ps, bd + M, r), K = product(indices.shape(), bd, q - 1);
  Shape out_shape = sub_shape(indices.shape(), 0, q - 1);
  for (int d = int(bd + M); d < r; ++d) out_shape.push_back(ps[d]);
  checked_numel(out_shape, params.dtype(), "gather_nd");
  Tensor rows = take_rows(reshape(params, {B, 1, N, R}), as_2d(lin, B, K));
  return reshape(rows, out_shape);
}

Tensor tensor_scatter_nd(ScatterKind kind, const Tensor& tensor, const Tensor& indices,
                         const Tensor& updates) {
  const char* op = kind == ScatterKind::Update ? "tensor_scatter_nd_update"
                   : kind == ScatterKind::Add  ? "tensor_scatter_nd_add"
                   : kind == ScatterKind::Sub  ? "tensor_scatter_nd_sub"
                   : kind == ScatterKind::Max  ? "tensor_scatter_nd_max"
                                               : "tensor_scatter_nd_min";
  index_tensor(indices, op);
  const int r = tensor.ndim(), q = indices.ndim();
  if (q == 0) fail("[", op, "] indices must be at least 1 dimensional");
  if (tensor.dtype() != updates.dtype())
    fail<TypeError>("[", op, "] updates have dtype ", dtype_name(updates.dtype()),
                    " but the tensor has dtype ", dtype_name(tensor.dtype()));
  const int64_t M = indices.shape()[q - 1];
  if (M > r)
    fail("[", op, "] index depth ", M, " exceeds the rank ", r, " of the tensor of shape ",
         shape_str(tensor.shape()));
  Shape expected = sub_shape(indices.shape(), 0, q - 1);
  for (int d = int(M); d < r; ++d) expected.push_back(tensor.shape()[d]);
  if (updates.shape() != expected)
    fail("[", op, "] updates must have shape indices.shape[:-1] + tensor.shape[", M, ":] = ",
         shape_str(expected), ", got ", shape_str(updates.shape()), " (indices ",
         shape_str(indices.shape()), ", tensor ", shape_str(tensor.shape()), ")");
  const Shape dims = sub_shape(tensor.shape(), 0, M);
  Tensor lin = linearize_tuples(indices, dims, op, "shape");
  const int64_t N = product(dims, 0, dims.size()), R = product(tensor.shape(), M, r),
                K = product(expected, 0, q - 1);
  Tensor out = scatter_rows(kind, reshape(tensor, {1, 1, N, R}), as_2d(lin, 1, K),
                            reshape(updates, {1, 1, K, R}));
  return reshape(out, tensor.shape());
}

Tensor scatter_nd(const Tensor& indices, const Tensor& updates, const Shape& shape) {
  const char* op = "scatter_nd";
  checked_numel(shape, updates.dtype(), op);
  index_tensor(indices, op);
  const int r = int(shape.size()), q = indices.ndim();
  if (q == 0) fail("[", op, "] indices must be at least 1 dimensional");
  const int64_t M = indices.shape()[q - 1];
  if (M > r)
    fail("[", op, "] index depth ", M, " exceeds the rank ", r, " of the output shape ",
         shape_str(shape));
  Shape expected = sub_shape(indices.shape(), 0, q - 1);
  for (int d = int(M); d < r; ++d) expected.push_back(shape[d]);
  if (updates.shape() != expected)
    fail("[", op, "] updates must have shape indices.shape[:-1] + shape[", M, ":] = ",
         shape_str(expected), ", got ", shape_str(updates.shape()), " (indices ",
         shape_str(indices.shape()), ", shape ", shape_str(shape), ")");
  if (updates.dtype() == DType::Bool)
    fail<TypeError>("[", op, "] not supported for dtype bool");
  const Shape dims = sub_shape(shape, 0, M);
  Tensor lin = linearize_tuples(indices, dims, op, "shape");
  const int64_t N = product(dims, 0, dims.size()), R = product(shape, M, r),
                K = product(expected, 0, q - 1);
  // Summed straight into fresh zeros: no copy of a zero target, as scatter_rows would make.
  Tensor out = Tensor::zeros_untouched(shape, updates.dtype(), op);
  Tensor idx = as_2d(lin, 1, K), rows = reshape(updates, {1, 1, K, R}).contiguous();
  kernels::scatter_rows(ScatterKind::Add, out.view({1, 1, N, R}, {N * R, N * R, R, 1}, 0),
                        idx.data<int64_t>(), rows);
  if (autograd::is_recording() && autograd::differentiable(updates.dtype()))
    autograd::record("ScatterNd", {&updates}, {&out},
                     autograd::rules::scatter_nd(idx, updates.shape(), N, R));
  return out;
}

Tensor where_indices(const Tensor& condition) { return kernels::nonzero_coordinates(condition); }

Tensor boolean_mask(const Tensor& tensor, const Tensor& mask, int64_t axis_in) {
  if (mask.dtype() != DType::Bool)
    fail<TypeError>("[boolean_mask] mask must be a bool tensor, got ", dtype_name(mask.dtype()));
  const int m = mask.ndim(), r = tensor.ndim();
  if (m == 0) fail("[boolean_mask] mask cannot be scalar");
  if (axis_in < -r || axis_in >= std::max(r, 1))
    fail("[boolean_mask] axis ", axis_in, " is out of range for a tensor of rank ", r);
  const int64_t axis = axis_in < 0 ? axis_in + r : axis_in;
  if (axis + m > r)
    fail("[boolean_mask] a mask of rank ", m, " does not fit a tensor of shape ",
         shape_str(tensor.shape()), " at axis ", axis);
  const Shape& ts = tensor.shape();
  if (sub_shape(ts, axis, axis + m) != mask.shape())
    fail("[boolean_mask] shapes ", shape_str(sub_shape(ts, axis, axis + m)), " and ",
         shape_str(mask.shape()), " are incompatible (tensor ", shape_str(ts), ", axis ", axis, ")");
  const int64_t P = mask.numel();
  Shape flat_shape = sub_shape(ts, 0, axis);
  flat_shape.push_back(P);
  for (int d = int(axis + m); d < r; ++d) flat_shape.push_back(ts[d]);
  Tensor positions = kernels::nonzero_coordinates(mask.contiguous().view({P}, {1}, mask.contiguous().offset()));
  Tensor flat_positions = positions.view({positions.dim(0)}, {1}, positions.offset());
  return gather(reshape(tensor, flat_shape), flat_positions, axis, 0);
}

namespace {

struct SortPlan {
  Tensor moved;                // x with the sorted axis last
  std::vector<int64_t> perm;   // empty when no transpose was needed
  int64_t rows = 0, n = 0;
};

SortPlan plan_sort(const Tensor& x, int64_t axis_in, const char* op) {
  const int r = x.ndim();
  if (r == 0) fail("[", op, "] input must be at least rank 1, got a scalar");
  const int axis = normalize_axis(axis_in, r, op);
  SortPlan plan;
  plan.moved = x;
  if (axis != r - 1) {
    for (int d = 0; d < r; ++d) if (d != axis) plan.perm.push_back(d);
    plan.perm.push_back(axis);
    plan.moved = transpose(x, plan.perm);
  }
  plan.n = x.shape()[axis];
  plan.rows = product(plan.moved.shape(), 0, r - 1);
  return plan;
}

Tensor sorted_indices(const Tensor& rows2d, bool descending, int64_t k) {
  Tensor c = rows2d.contiguous();
  Tensor idx = Tensor::empty({c.dim(0), k}, DType::Int64, "sort");
  kernels::argsort_rows(c, descending, k, idx.data<int64_t>());
  return idx;
}

Tensor move_back(const Tensor& t, const std::vector<int64_t>& perm) {
  if (perm.empty()) return t;
  std::vector<int64_t> inverse(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) inverse[perm[i]] = int64_t(i);
  return transpose(t, inverse);  // a view, recorded (a clone here would detach it)
}

}  // namespace

Tensor sort(const Tensor& x, int64_t axis, bool descending) {
  SortPlan plan = plan_sort(x, axis, "sort");
  Tensor rows = reshape(plan.moved, {plan.rows, plan.n});
  Tensor idx = sorted_indices(rows, descending, plan.n);
  Tensor values = take_rows(reshape(rows, {plan.rows, 1, plan.n, 1}), idx);
  return move_back(reshape(values, plan.moved.shape()), plan.perm);
}

Tensor argsort(const Tensor& x, int64_t axis, bool descending) {
  SortPlan plan = plan_sort(x, axis, "argsort");
  Tensor rows;
  {
    autograd::NoRecordScope no_record;
    rows = reshape(plan.moved, {plan.rows, plan.n});
  }
  Tensor idx = cast(sorted_indices(rows, descending, plan.n), DType::Int32);
  return move_back(idx.view(plan.moved.shape(), contiguous_strides(plan.moved.shape()), 0), plan.perm);
}

std::vector<Tensor> top_k(const Tensor& x, int64_t k) {
  const int r = x.ndim();
  if (r == 0) fail("[top_k] input must be at least rank 1, got a scalar");
  const int64_t n = x.shape()[r - 1];
  if (k < 0) fail("[top_k] k must be non-negative, got ", k);
  if (k > n)
    fail("[top_k] input must have at least k=", k, " columns, got shape ", shape_str(x.shape()));
  const int64_t rows_count = product(x.shape(), 0, r - 1);
  Tensor rows = reshape(x, {rows_count, n});
  Tensor idx = sorted_indices(rows, true, k);
  Shape out_shape = x.shape();
  out_shape[r - 1] = k;
  Tensor values = reshape(take_rows(reshape(rows, {rows_count, 1, n, 1}), idx), out_shape);
  Tensor indices = cast(idx, DType::Int32);
  indices = indices.view(out_shape, contiguous_strides(out_shape), 0);
  return {values, indices};
}

}  // namespace fasttf::ops
