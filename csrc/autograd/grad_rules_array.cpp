#include "autograd/grad_rules_array.h"

#include "ops/ops.h"
#include "ops/util.h"

namespace fasttf::autograd::rules {

using namespace fasttf::ops;
using kernels::ScatterKind;

GradFn concat(int axis, const std::vector<int64_t>& sizes) {
  return [axis, sizes](const Grads& g) -> Grads {
    Grads out;
    int64_t start = 0;
    for (int64_t s : sizes) {
      std::vector<SliceDim> spec;
      for (int d = 0; d < g[0].ndim(); ++d)
        spec.push_back({SliceDim::Range, 0, g[0].shape()[d], 1});
      spec[axis] = {SliceDim::Range, s > 0 ? start : 0, s, 1};
      out.push_back(strided_view(g[0], spec));
      start += s;
    }
    return out;
  };
}

GradFn tile(const Shape& input_shape, const std::vector<int64_t>& multiples) {
  return [input_shape, multiples](const Grads& g) -> Grads {
    Shape interleaved;
    std::vector<int64_t> copy_axes;
    for (size_t d = 0; d < input_shape.size(); ++d) {
      copy_axes.push_back(int64_t(interleaved.size()));
      interleaved.push_back(multiples[d]);
      interleaved.push_back(input_shape[d]);
    }
    Tensor summed = reduce_sum(reshape(g[0], interleaved), copy_axes, false);
    return {reshape(summed, input_shape)};
  };
}

GradFn reverse(const std::vector<int64_t>& axes) {
  return [axes](const Grads& g) -> Grads { return {ops::reverse(g[0], axes)}; };
}

GradFn pad(const Paddings& paddings, PadMode mode) {
  return [paddings, mode](const Grads& g) -> Grads { return {ops::pad_grad(g[0], paddings, mode)}; };
}

GradFn pad_grad(const Paddings& paddings, PadMode mode) {
  return [paddings, mode](const Grads& g) -> Grads {
    return {ops::pad(g[0], paddings, mode, scalar(0.0, g[0].dtype()))};
  };
}

GradFn take_rows(const Shape& params_shape, const Tensor& indices) {
  return [params_shape, indices](const Grads& g) -> Grads {
    return {ops::scatter_rows(ScatterKind::Add, zeros(params_shape, g[0].dtype()), indices, g[0])};
  };
}

GradFn gather(const Shape& params_shape, const Shape& block_shape, const Shape& rows_shape,
              const Tensor& indices) {
  GradFn block_grad = take_rows(block_shape, indices);
  return [params_shape, rows_shape, block_grad](const Grads& g) -> Grads {
    return {reshape(block_grad({reshape(g[0], rows_shape)})[0], params_shape)};
  };
}

GradFn scatter_nd(const Tensor& rows, const Shape& updates_shape, int64_t N, int64_t R) {
  return [rows, updates_shape, N, R](const Grads& g) -> Grads {
    return {reshape(ops::take_rows(reshape(g[0], {1, 1, N, R}), rows), updates_shape)};
  };
}

GradFn scatter_rows(ScatterKind kind, const Tensor& indices, const Tensor& target,
                    const Tensor& rows, const Tensor& out) {
  switch (kind) {
    case ScatterKind::Add:
      return [indices](const Grads& g) -> Grads { return {g[0], ops::take_rows(g[0], indices)}; };
    case ScatterKind::Sub:
      return [indices](const Grads& g) -> Grads {
        return {g[0], neg(ops::take_rows(g[0], indices))};
      };
    case ScatterKind::Update:
      // Overwritten elements of the target get no gradient; each update gets its row's.
      return [indices, rows_shape = rows.shape()](const Grads& g) -> Grads {
        Tensor cleared = ops::scatter_rows(ScatterKind::Update, g[0], indices,
                                           zeros(rows_shape, g[0].dtype()));
        return {cleared, ops::take_rows(g[0], indices)};
      };
    case ScatterKind::Max:
    case ScatterKind::Min:
      // As TF: the gradient is split evenly between the target element and the updates that
      // equal the result.
      return [indices, target, rows, out](const Grads& g) -> Grads {
        const DType dt = g[0].dtype();
        Tensor target_hit = cast(equal(target, out), dt);
        Tensor rows_hit = cast(equal(rows, ops::take_rows(out, indices)), dt);
        Tensor hits = add(target_hit, ops::scatter_rows(ScatterKind::Add, zeros(target.shape(), dt),
                                                        indices, rows_hit));
        Tensor share = div(g[0], hits);
        return {mul(share, target_hit), mul(ops::take_rows(share, indices), rows_hit)};
      };
  }
  return {};
}

}  // namespace fasttf::autograd::rules
