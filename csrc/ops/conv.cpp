// Convolution ops: validate shapes and options, compute the window geometry, run the kernels
// (kernels/conv.h) on contiguous float32/float64 data, record on the tape.
#include "ops/conv.h"

#include <functional>

#include "autograd/grad_rules_conv.h"
#include "autograd/tape.h"
#include "kernels/conv.h"
#include "ops/creation.h"
#include "ops/ops.h"

namespace fasttf::ops {
namespace {

// Bound on strides, dilations, window sizes and paddings: keeps (k-1)·dilation + in + pads far
// from int64 overflow whatever a user passes.
constexpr int64_t kMaxWindowArg = int64_t(1) << 31;
constexpr int64_t kMaxSpatial = int64_t(1) << 40;

void check_float(const char* op, const Tensor& t, const char* what) {
  if (!is_floating(t.dtype()))
    fail<TypeError>("[", op, "] expects a float ", what, " (float16, bfloat16, float32 or float64), got ",
                    dtype_name(t.dtype()));
}

void check_pair(const char* op, const Tensor& a, const char* a_name, const Tensor& b,
                const char* b_name) {
  check_float(op, a, a_name);
  check_float(op, b, b_name);
  if (a.dtype() != b.dtype())
    fail("[", op, "] ", a_name, " and ", b_name, " must have the same dtype, got ",
         dtype_name(a.dtype()), " and ", dtype_name(b.dtype()));
}

void check_rank4(const char* op, const Shape& s, const char* what, const char* layout) {
  if (s.size() != 4)
    fail("[", op, "] ", what, " must be rank 4 ", layout, ", got shape ", shape_str(s));
  for (int64_t d : s)
    if (d < 0) fail("[", op, "] ", what, " shape has a negative dimension: ", shape_str(s));
}

// Geometry of a (depthwise) convolution of an input of shape x with a filter of shape w.
kernels::Conv2dGeometry conv_geometry(const char* op, const Shape& x, const Shape& w,
                                      const Conv2dOptions& o) {
  check_rank4(op, x, "input", "(batch, height, width, channels)");
  check_rank4(op, w, "filter", "(height, width, in_channels, out_channels)");
  if (x[3] != w[2])
    fail("[", op, "] input depth ", x[3], " does not match filter in_channels ", w[2], ": input ",
         shape_str(x), " filter ", shape_str(w));
  int64_t pads[4] = {0, 0, 0, 0};
  if (o.padding == "EXPLICIT") {
    if (o.explicit_paddings.size() != 4)
      fail("[", op, "] explicit padding needs 4 values (top, bottom, left, right), got ",
           o.explicit_paddings.size());
    for (int i = 0; i < 4; ++i) pads[i] = o.explicit_paddings[i];
  }
  kernels::Conv2dGeometry g;
  g.N = x[0]; g.H = x[1]; g.W = x[2]; g.C = x[3];
  g.KH = w[0]; g.KW = w[1]; g.Cout = w[3];
  g.stride_h = o.strides[0]; g.stride_w = o.strides[1];
  g.dilation_h = o.dilations[0]; g.dilation_w = o.dilations[1];
  WindowDim h = window_dim(g.H, g.KH, g.stride_h, g.dilation_h, o.padding, pads[0], pads[1], op, "height");
  WindowDim wd = window_dim(g.W, g.KW, g.stride_w, g.dilation_w, o.padding, pads[2], pads[3], op, "width");
  g.Ho = h.out; g.pad_top = h.pad_before;
  g.Wo = wd.out; g.pad_left = wd.pad_before;
  return g;
}

// Half-precision tensors compute in float32: fn gets float32/64 tensors, the result is cast
// back. The casts are internal, so nothing is recorded for them.
Tensor compute_in_float(DType dtype, std::vector<Tensor> inputs,
                        const std::function<Tensor(const std::vector<Tensor>&)>& fn) {
  if (!is_half(dtype)) {
    for (auto& t : inputs)
      if (t.defined()) t = t.contiguous();
    return fn(inputs);
  }
  autograd::NoRecordScope no_record;
  for (auto& t : inputs)
    if (t.defined()) t = cast(t, DType::Float32).contiguous();
  return cast(fn(inputs), dtype);
}

void check_grad_shape(const char* op, const Tensor& grad, const Shape& expected,
                      const Shape& input_shape, const Shape& filter_shape) {
  if (grad.shape() != expected)
    fail("[", op, "] grad shape ", shape_str(grad.shape()), " does not match the convolution's output shape ",
         shape_str(expected), " for input ", shape_str(input_shape), " and filter ", shape_str(filter_shape));
}

}  // namespace

WindowDim window_dim(int64_t in, int64_t k, int64_t stride, int64_t dilation,
                     const std::string& padding, int64_t pad_before, int64_t pad_after,
                     const char* op, const char* dim_name) {
  if (stride < 1 || stride >= kMaxWindowArg)
    fail("[", op, "] strides must be positive (and < 2^31), got ", stride, " for ", dim_name);
  if (dilation < 1 || dilation >= kMaxWindowArg)
    fail("[", op, "] dilations must be positive (and < 2^31), got ", dilation, " for ", dim_name);
  if (k < 1 || k >= kMaxWindowArg)
    fail("[", op, "] window ", dim_name, " must be positive (and < 2^31), got ", k);
  if (in > kMaxSpatial) fail("[", op, "] input ", dim_name, " ", in, " is too large");
  const int64_t effective = (k - 1) * dilation + 1;
  if (padding == "VALID") {
    if (in < effective)
      fail("[", op, "] the ", dim_name, " window (", effective, " with dilation) is larger than the input ",
           dim_name, " ", in, " with VALID padding");
    return {(in - effective) / stride + 1, 0};
  }
  if (padding == "SAME") {
    const int64_t out = (in + stride - 1) / stride;
    const int64_t total = std::max<int64_t>((out - 1) * stride + effective - in, 0);
    return {out, total / 2};
  }
  if (padding == "EXPLICIT") {
    if (pad_before < 0 || pad_after < 0 || pad_before >= kMaxWindowArg || pad_after >= kMaxWindowArg)
      fail("[", op, "] explicit paddings must be non-negative (and < 2^31), got ", pad_before, " and ",
           pad_after, " for ", dim_name);
    const int64_t padded = in + pad_before + pad_after;
    if (padded < effective)
      fail("[", op, "] the ", dim_name, " window (", effective, " with dilation) is larger than the padded input ",
           dim_name, " ", padded);
    return {(padded - effective) / stride + 1, pad_before};
  }
  fail("[", op, "] padding must be 'SAME', 'VALID' or explicit, got '", padding, "'");
}

Tensor conv2d(const Tensor& input, const Tensor& filters, const Conv2dOptions& options,
              const Tensor& bias, bool relu) {
  check_pair("conv2d", input, "input", filters, "filters");
  const kernels::Conv2dGeometry g = conv_geometry("conv2d", input.shape(), filters.shape(), options);
  if (bias.defined()) {
    if (bias.dtype() != input.dtype())
      fail("[conv2d] bias dtype ", dtype_name(bias.dtype()), " differs from input dtype ",
           dtype_name(input.dtype()));
    if (bias.ndim() != 1 || bias.dim(0) != g.Cout)
      fail("[conv2d] bias must have shape (", g.Cout, ",), got ", shape_str(bias.shape()));
  }
  const Shape out_shape{g.N, g.Ho, g.Wo, g.Cout};
  Tensor out = compute_in_float(input.dtype(), {input, filters, bias}, [&](const std::vector<Tensor>& t) {
    Tensor y = Tensor::empty(out_shape, t[0].dtype(), "conv2d");
    if (y.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), "conv2d", [&](auto tag) {
        using T = decltype(tag);
        kernels::conv2d_forward<T>(g, t[0].data<T>(), t[1].data<T>(),
                                   t[2].defined() ? t[2].data<T>() : nullptr, relu, y.data<T>());
      });
    return y;
  });
  if (autograd::is_recording()) {
    std::vector<const Tensor*> inputs{&input, &filters};
    if (bias.defined()) inputs.push_back(&bias);
    autograd::record("Conv2D", inputs, {&out},
                     autograd::rules::conv2d(input, filters, options, bias.defined(),
                                             relu ? out : Tensor()));
  }
  return out;
}

Conv2dGrads conv2d_gradients(const Tensor& input, const Tensor& filters, const Tensor& grad,
                             const Tensor& relu_output, const Conv2dOptions& options,
                             bool want_input, bool want_filters, bool want_bias) {
  const char* op = "conv2d_gradients";
  check_pair(op, input, "input", grad, "grad");
  check_pair(op, filters, "filters", grad, "grad");
  const kernels::Conv2dGeometry g = conv_geometry(op, input.shape(), filters.shape(), options);
  const Shape out_shape{g.N, g.Ho, g.Wo, g.Cout};
  check_grad_shape(op, grad, out_shape, input.shape(), filters.shape());
  const bool relu = relu_output.defined();
  if (relu && relu_output.shape() != out_shape)
    fail("[", op, "] relu output shape ", shape_str(relu_output.shape()), " differs from ",
         shape_str(out_shape));
  Conv2dGrads result;
  if (is_half(grad.dtype())) {  // rare: the unfused public ops, which compute in float32
    autograd::NoRecordScope no_record;
    const Tensor dy = relu ? binary(kernels::BinaryOp::ReluGrad, grad, relu_output) : grad;
    if (want_input) result.input = conv2d_backprop_input(input.shape(), filters, dy, options);
    if (want_filters) result.filters = conv2d_backprop_filter(input, filters.shape(), dy, options);
    if (want_bias) result.bias = reduce_sum(dy, {0, 1, 2}, false);
    return result;
  }
  const Tensor x = input.contiguous(), d = grad.contiguous();
  const Tensor y = relu ? relu_output.contiguous() : Tensor();
  Tensor masked;  // the ReLU-masked gradient, when the input gradient needs it
  if (want_filters) result.filters = Tensor::empty(filters.shape(), grad.dtype(), op);
  if (want_bias) result.bias = Tensor::empty({g.Cout}, grad.dtype(), op);
  if (want_input && relu) masked = Tensor::empty(out_shape, grad.dtype(), op);
  if (want_filters || want_bias || masked.defined())
    FASTTF_DISPATCH_FLOAT(grad.dtype(), op, [&](auto tag) {
      using T = decltype(tag);
      auto ptr = [](const Tensor& t) { return t.defined() ? t.data<T>() : nullptr; };
      kernels::conv2d_backward_filter_bias<T>(g, x.data<T>(), d.data<T>(), ptr(y),
                                              ptr(result.filters), ptr(result.bias), ptr(masked));
    });
  if (want_input)
    result.input = conv2d_backprop_input(input.shape(), filters, masked.defined() ? masked : d,
                                          options);
  return result;
}

Tensor conv2d_backprop_input(const Shape& input_shape, const Tensor& filters, const Tensor& grad,
                             const Conv2dOptions& options) {
  const char* op = "conv2d_backprop_input";
  check_pair(op, filters, "filters", grad, "grad");
  const kernels::Conv2dGeometry g = conv_geometry(op, input_shape, filters.shape(), options);
  check_grad_shape(op, grad, {g.N, g.Ho, g.Wo, g.Cout}, input_shape, filters.shape());
  Tensor out = compute_in_float(grad.dtype(), {filters, grad}, [&](const std::vector<Tensor>& t) {
    Tensor dx = Tensor::empty(input_shape, t[0].dtype(), op);
    if (dx.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::conv2d_backward_input<T>(g, t[1].data<T>(), t[0].data<T>(), dx.data<T>());
      });
    return dx;
  });
  if (autograd::is_recording())
    autograd::record("Conv2DBackpropInput", {&filters, &grad}, {&out},
                     autograd::rules::conv2d_backprop_input(filters, grad, options));
  return out;
}

Tensor conv2d_backprop_filter(const Tensor& input, const Shape& filter_shape, const Tensor& grad,
                              const Conv2dOptions& options) {
  const char* op = "conv2d_backprop_filter";
  check_pair(op, input, "input", grad, "grad");
  const kernels::Conv2dGeometry g = conv_geometry(op, input.shape(), filter_shape, options);
  check_grad_shape(op, grad, {g.N, g.Ho, g.Wo, g.Cout}, input.shape(), filter_shape);
  Tensor out = compute_in_float(grad.dtype(), {input, grad}, [&](const std::vector<Tensor>& t) {
    Tensor dw = Tensor::empty(filter_shape, t[0].dtype(), op);
    if (dw.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::conv2d_backward_filter<T>(g, t[0].data<T>(), t[1].data<T>(), dw.data<T>());
      });
    return dw;
  });
  if (autograd::is_recording())
    autograd::record("Conv2DBackpropFilter", {&input, &grad}, {&out},
                     autograd::rules::conv2d_backprop_filter(input, grad, options));
  return out;
}

Tensor depthwise_conv2d(const Tensor& input, const Tensor& filter, const Conv2dOptions& options) {
  const char* op = "depthwise_conv2d";
  check_pair(op, input, "input", filter, "filter");
  const kernels::Conv2dGeometry g = conv_geometry(op, input.shape(), filter.shape(), options);
  const Shape out_shape{g.N, g.Ho, g.Wo, g.C * g.Cout};
  Tensor out = compute_in_float(input.dtype(), {input, filter}, [&](const std::vector<Tensor>& t) {
    Tensor y = Tensor::empty(out_shape, t[0].dtype(), op);
    if (y.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::depthwise_conv2d_forward<T>(g, t[0].data<T>(), t[1].data<T>(), y.data<T>());
      });
    return y;
  });
  if (autograd::is_recording())
    autograd::record("DepthwiseConv2dNative", {&input, &filter}, {&out},
                     autograd::rules::depthwise_conv2d(input, filter, options));
  return out;
}

Tensor depthwise_conv2d_backprop_input(const Shape& input_shape, const Tensor& filter,
                                       const Tensor& grad, const Conv2dOptions& options) {
  const char* op = "depthwise_conv2d_backprop_input";
  check_pair(op, filter, "filter", grad, "grad");
  const kernels::Conv2dGeometry g = conv_geometry(op, input_shape, filter.shape(), options);
  check_grad_shape(op, grad, {g.N, g.Ho, g.Wo, g.C * g.Cout}, input_shape, filter.shape());
  Tensor out = compute_in_float(grad.dtype(), {filter, grad}, [&](const std::vector<Tensor>& t) {
    Tensor dx = Tensor::empty(input_shape, t[0].dtype(), op);
    if (dx.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::depthwise_conv2d_backward_input<T>(g, t[1].data<T>(), t[0].data<T>(), dx.data<T>());
      });
    return dx;
  });
  if (autograd::is_recording())
    autograd::record("DepthwiseConv2dNativeBackpropInput", {&filter, &grad}, {&out},
                     autograd::rules::depthwise_conv2d_backprop_input(filter, grad, options));
  return out;
}

Tensor depthwise_conv2d_backprop_filter(const Tensor& input, const Shape& filter_shape,
                                        const Tensor& grad, const Conv2dOptions& options) {
  const char* op = "depthwise_conv2d_backprop_filter";
  check_pair(op, input, "input", grad, "grad");
  const kernels::Conv2dGeometry g = conv_geometry(op, input.shape(), filter_shape, options);
  check_grad_shape(op, grad, {g.N, g.Ho, g.Wo, g.C * g.Cout}, input.shape(), filter_shape);
  Tensor out = compute_in_float(grad.dtype(), {input, grad}, [&](const std::vector<Tensor>& t) {
    Tensor dw = Tensor::empty(filter_shape, t[0].dtype(), op);
    if (dw.numel() > 0)
      FASTTF_DISPATCH_FLOAT(t[0].dtype(), op, [&](auto tag) {
        using T = decltype(tag);
        kernels::depthwise_conv2d_backward_filter<T>(g, t[0].data<T>(), t[1].data<T>(), dw.data<T>());
      });
    return dw;
  });
  if (autograd::is_recording())
    autograd::record("DepthwiseConv2dNativeBackpropFilter", {&input, &grad}, {&out},
                     autograd::rules::depthwise_conv2d_backprop_filter(input, grad, options));
  return out;
}

}  // namespace fasttf::ops
