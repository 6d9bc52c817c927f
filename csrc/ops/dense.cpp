#include "ops/dense.h"

#include "autograd/grad_rules_nn.h"
#include "autograd/tape.h"
#include "kernels/gemm.h"
#include "ops/util.h"

namespace fasttf::ops {

static void check_dense_operands(const Tensor& x, const Tensor& kernel, const Tensor& bias) {
  if (!is_floating(x.dtype()) || x.dtype() == DType::Float16 || x.dtype() == DType::BFloat16)
    fail<TypeError>("[dense] inputs must be float32 or float64, got ", dtype_name(x.dtype()));
  if (kernel.dtype() != x.dtype() || (bias.defined() && bias.dtype() != x.dtype()))
    fail("[dense] inputs, kernel and bias must share one dtype, got ", dtype_name(x.dtype()),
         ", ", dtype_name(kernel.dtype()),
         bias.defined() ? std::string(" and ") + dtype_name(bias.dtype()) : std::string());
  if (x.ndim() != 2 || kernel.ndim() != 2 || x.dim(1) != kernel.dim(0))
    fail("[dense] expected inputs (batch, features) and a kernel (features, units), got ",
         shape_str(x.shape()), " and ", shape_str(kernel.shape()));
  if (bias.defined() && (bias.ndim() != 1 || bias.dim(0) != kernel.dim(1)))
    fail("[dense] bias must have shape (", kernel.dim(1), ",), got ", shape_str(bias.shape()));
}

Tensor dense(const Tensor& x, const Tensor& kernel, const Tensor& bias, bool relu) {
  check_dense_operands(x, kernel, bias);
  const int64_t M = x.dim(0), K = x.dim(1), N = kernel.dim(1);
  Tensor out = Tensor::empty({M, N}, x.dtype(), "dense");
  if (out.numel() > 0) {
    const Tensor b = bias.defined() ? bias.contiguous() : Tensor();
    FASTTF_DISPATCH_FLOAT(x.dtype(), "dense", [&](auto tag) {
      using T = decltype(tag);
      kernels::gemm<T>(M, N, K, x.data<T>(), x.strides()[0], x.strides()[1], kernel.data<T>(),
                       kernel.strides()[0], kernel.strides()[1], out.data<T>(), N, false,
                       b.defined() ? b.data<T>() : nullptr,
                       relu ? kernels::GemmEpilogue::Relu : kernels::GemmEpilogue::None);
    });
  }
  if (autograd::is_recording()) {
    autograd::GradFn rule = autograd::rules::dense(x, kernel, bias.defined(), relu ? out : Tensor());
    if (bias.defined()) autograd::record("Dense", {&x, &kernel, &bias}, {&out}, std::move(rule));
    else autograd::record("Dense", {&x, &kernel}, {&out}, std::move(rule));
  }
  return out;
}

}  // namespace fasttf::ops
