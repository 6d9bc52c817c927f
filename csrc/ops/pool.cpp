// Pooling ops: validation, window geometry (shared with the convolutions), kernel calls, tape.
#include "ops/pool.h"

#include "autograd/grad_rules_conv.h"
#include "autograd/tape.h"
#include "kernels/pool.h"
#include "ops/conv.h"
#include "ops/creation.h"

namespace fasttf::ops {
namespace {

enum class PoolKind { Max, Avg };

kernels::Pool2dGeometry pool_geometry(const char* op, const Shape& x, const Pool2dOptions& o,
                                      PoolKind kind) {
  if (x.size() != 4)
    fail("[", op, "] input must be rank 4 (batch, height, width, channels), got shape ", shape_str(x));
  for (int64_t d : x)
    if (d < 0) fail("[", op, "] input shape has a negative dimension: ", shape_str(x));
  int64_t pads[4] = {0, 0, 0, 0};
  if (o.padding == "EXPLICIT") {
    if (kind == PoolKind::Avg) fail("[", op, "] explicit padding is not supported; use 'SAME' or 'VALID'");
    if (o.explicit_paddings.size() != 4)
      fail("[", op, "] explicit padding needs 4 values (top, bottom, left, right), got ",
           o.explicit_paddings.size());
    for (int i = 0; i < 4; ++i) {
      pads[i] = o.explicit_paddings[i];
      if (pads[i] >= o.ksize[i / 2] && o.ksize[i / 2] >= 1)
        fail("[", op, "] explicit padding ", pads[i], " must be smaller than the window size ",
             o.ksize[i / 2]);
    }
  }
  kernels::Pool2dGeometry g;
  g.N = x[0]; g.H = x[1]; g.W = x[2]; g.C = x[3];
  g.KH = o.ksize[0]; g.KW = o.ksize[1];
  g.stride_h = o.strides[0]; g.stride_w = o.strides[1];
  WindowDim h = window_dim(g.H, g.KH, g.stride_h, 1, o.padding, pads[0], pads[1], op, "height");
  WindowDim w = window_dim(g.W, g.KW, g.stride_w, 1, o.padding, pads[2], pads[3], op, "width");
  g.Ho = h.out; g.pad_top = h.pad_before;
  g.Wo = w.out; g.pad_left = w.pad_before;
  return g;
}

void check_float(const char* op, const Tensor& t) {
  if (!is_floating(t.dtype()))
    fail<TypeError>("[", op, "] expects a float tensor (float16, bfloat16, float32 or float64), got ",
                    dtype_name(t.dtype()));
}

// Runs fn on a contiguous float32/float64 version of each input, casting half types.
template <class F>
Tensor in_float(DType dtype, std::vector<Tensor> inputs, const F& fn) {
  if (!is_half(dtype)) {
    for (auto& t : inputs) t = t.contiguous();
    return fn(inputs);
  }
  autograd::NoRecordScope no_record;
  for (auto& t : inputs) t = cast(t, DType::Float32).contiguous();
  return cast(fn(inputs), dtype);
}

Tensor pool_forward(const char* op, PoolKind kind, const Tensor& input, const Pool2dOptions& o) {
  check_float(op, input);
  const kernels::Pool2dGeometry g = pool_geometry(op, input.shape(), o, kind);
  return in_float(input.dtype(), {input}, [&](const std::vector<Tensor>& t) {
    Tensor y = Tensor::empty({g.N, g.Ho, g.Wo, g.C}, t[0].dtype(), op);
    if (y.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        if (kind == PoolKind::Max) kernels::max_pool2d_forward<T>(g, t[0].data<T>(), y.data<T>());
        else kernels::avg_pool2d_forward<T>(g, t[0].data<T>(), y.data<T>());
      });
    return y;
  });
}

void check_pool_grad(const char* op, const Tensor& grad, const kernels::Pool2dGeometry& g,
                     const Shape& input_shape) {
  const Shape expected{g.N, g.Ho, g.Wo, g.C};
  if (grad.shape() != expected)
    fail("[", op, "] grad shape ", shape_str(grad.shape()), " does not match the pooling output shape ",
         shape_str(expected), " for input ", shape_str(input_shape));
}

}  // namespace

Tensor max_pool2d(const Tensor& input, const Pool2dOptions& options) {
  Tensor out = pool_forward("max_pool2d", PoolKind::Max, input, options);
  if (autograd::is_recording())
    autograd::record("MaxPool", {&input}, {&out}, autograd::rules::max_pool2d(input, out, options));
  return out;
}

Tensor avg_pool2d(const Tensor& input, const Pool2dOptions& options) {
  Tensor out = pool_forward("avg_pool2d", PoolKind::Avg, input, options);
  if (autograd::is_recording())
    autograd::record("AvgPool", {&input}, {&out}, autograd::rules::avg_pool2d(input.shape(), options));
  return out;
}

Tensor max_pool2d_grad(const Tensor& input, const Tensor& output, const Tensor& grad,
                       const Pool2dOptions& options) {
  const char* op = "max_pool2d_grad";
  check_float(op, input);
  if (grad.dtype() != input.dtype() || output.dtype() != input.dtype())
    fail("[", op, "] input, output and grad must have the same dtype, got ",
         dtype_name(input.dtype()), ", ", dtype_name(output.dtype()), " and ", dtype_name(grad.dtype()));
  const kernels::Pool2dGeometry g = pool_geometry(op, input.shape(), options, PoolKind::Max);
  check_pool_grad(op, grad, g, input.shape());
  check_pool_grad(op, output, g, input.shape());
  // Not recorded: a second derivative of max pooling is not provided (TF has MaxPoolGradGrad).
  return in_float(input.dtype(), {input, output, grad}, [&](const std::vector<Tensor>& t) {
    Tensor dx = Tensor::empty(input.shape(), t[0].dtype(), op);
    if (dx.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::max_pool2d_backward<T>(g, t[0].data<T>(), t[1].data<T>(), t[2].data<T>(), dx.data<T>());
      });
    return dx;
  });
}

Tensor avg_pool2d_grad(const Shape& input_shape, const Tensor& grad, const Pool2dOptions& options) {
  const char* op = "avg_pool2d_grad";
  check_float(op, grad);
  const kernels::Pool2dGeometry g = pool_geometry(op, input_shape, options, PoolKind::Avg);
  check_pool_grad(op, grad, g, input_shape);
  Tensor out = in_float(grad.dtype(), {grad}, [&](const std::vector<Tensor>& t) {
    Tensor dx = Tensor::empty(input_shape, t[0].dtype(), op);
    if (dx.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::avg_pool2d_backward<T>(g, t[0].data<T>(), dx.data<T>());
      });
    return dx;
  });
  if (autograd::is_recording())
    autograd::record("AvgPoolGrad", {&grad}, {&out}, autograd::rules::avg_pool2d_grad(options));
  return out;
}

}  // namespace fasttf::ops
