// Bindings of the convolution and pooling ops. python/fasttf/nn_conv.py turns TF's arguments
// (int-or-list strides, 'SAME'/'VALID'/explicit padding, NCHW) into these canonical forms.
#include <pybind11/stl.h>

#include <optional>

#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "ops/conv.h"
#include "ops/pool.h"

namespace fasttf::bindings {
namespace {

using Pair = std::array<int64_t, 2>;

ops::Conv2dOptions conv_options(Pair strides, Pair dilations, const std::string& padding,
                                const std::vector<int64_t>& explicit_paddings) {
  ops::Conv2dOptions o;
  o.strides = strides;
  o.dilations = dilations;
  o.padding = padding;
  o.explicit_paddings = explicit_paddings;
  return o;
}

ops::Pool2dOptions pool_options(Pair ksize, Pair strides, const std::string& padding,
                                const std::vector<int64_t>& explicit_paddings) {
  ops::Pool2dOptions o;
  o.ksize = ksize;
  o.strides = strides;
  o.padding = padding;
  o.explicit_paddings = explicit_paddings;
  return o;
}

}  // namespace

void bind_conv_ops(py::module_& m) {
  m.def("conv2d", [](const Tensor& x, const Tensor& w, Pair strides, Pair dilations,
                     const std::string& padding, const std::vector<int64_t>& pads,
                     std::optional<Tensor> bias, bool relu) {
    return ops::conv2d(x, w, conv_options(strides, dilations, padding, pads),
                       bias ? *bias : Tensor(), relu);
  }, py::arg("x"), py::arg("w"), py::arg("strides"), py::arg("dilations"), py::arg("padding"),
     py::arg("explicit_paddings"), py::arg("bias") = py::none(), py::arg("relu") = false);
  m.def("conv2d_backprop_input", [](const Shape& input_shape, const Tensor& w, const Tensor& dy,
                                    Pair strides, Pair dilations, const std::string& padding,
                                    const std::vector<int64_t>& pads) {
    return ops::conv2d_backprop_input(input_shape, w, dy, conv_options(strides, dilations, padding, pads));
  });
  m.def("conv2d_backprop_filter", [](const Tensor& x, const Shape& filter_shape, const Tensor& dy,
                                     Pair strides, Pair dilations, const std::string& padding,
                                     const std::vector<int64_t>& pads) {
    return ops::conv2d_backprop_filter(x, filter_shape, dy, conv_options(strides, dilations, padding, pads));
  });
  m.def("depthwise_conv2d", [](const Tensor& x, const Tensor& w, Pair strides, Pair dilations,
                               const std::string& padding, const std::vector<int64_t>& pads) {
    return ops::depthwise_conv2d(x, w, conv_options(strides, dilations, padding, pads));
  });
  m.def("depthwise_conv2d_backprop_input", [](const Shape& input_shape, const Tensor& w,
                                              const Tensor& dy, Pair strides, Pair dilations,
                                              const std::string& padding,
                                              const std::vector<int64_t>& pads) {
    return ops::depthwise_conv2d_backprop_input(input_shape, w, dy,
                                                conv_options(strides, dilations, padding, pads));
  });
  m.def("depthwise_conv2d_backprop_filter", [](const Tensor& x, const Shape& filter_shape,
                                               const Tensor& dy, Pair strides, Pair dilations,
                                               const std::string& padding,
                                               const std::vector<int64_t>& pads) {
    return ops::depthwise_conv2d_backprop_filter(x, filter_shape, dy,
                                                 conv_options(strides, dilations, padding, pads));
  });
  m.def("max_pool2d", [](const Tensor& x, Pair ksize, Pair strides, const std::string& padding,
                         const std::vector<int64_t>& pads) {
    return ops::max_pool2d(x, pool_options(ksize, strides, padding, pads));
  });
  m.def("avg_pool2d", [](const Tensor& x, Pair ksize, Pair strides, const std::string& padding,
                         const std::vector<int64_t>& pads) {
    return ops::avg_pool2d(x, pool_options(ksize, strides, padding, pads));
  });
  m.def("max_pool2d_grad", [](const Tensor& x, const Tensor& y, const Tensor& dy, Pair ksize,
                              Pair strides, const std::string& padding,
                              const std::vector<int64_t>& pads) {
    return ops::max_pool2d_grad(x, y, dy, pool_options(ksize, strides, padding, pads));
  });
  m.def("avg_pool2d_grad", [](const Shape& input_shape, const Tensor& dy, Pair ksize, Pair strides,
                              const std::string& padding, const std::vector<int64_t>& pads) {
    return ops::avg_pool2d_grad(input_shape, dy, pool_options(ksize, strides, padding, pads));
  });
}

}  // namespace fasttf::bindings
