// Conversions between Python objects and Tensors, and the pybind11 casters that let binding
// functions take `Tensor` and `DType` directly. Conversion follows tf.convert_to_tensor:
// Python ints become int32 (int64 if they do not fit), floats float32, bools bool; NumPy arrays
// keep their dtype; strings, complex and object arrays are refused with TypeError.
#pragma once
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "core/tensor.h"

namespace py = pybind11;

namespace fasttf::bindings {

// The DType for a NumPy dtype; throws TypeError for unsupported kinds.
DType dtype_from_numpy(const py::dtype& dt);
py::dtype numpy_dtype(DType d);  // bfloat16 has no NumPy dtype: float32 is returned for it

// tf.convert_to_tensor(value, dtype): a Tensor passes through (its dtype must match when given);
// anything else is converted. Values that cannot be represented in `dtype` (a float into an
// integer dtype) raise TypeError, as TF does.
Tensor to_tensor(py::handle value, std::optional<DType> dtype);
// The other operand of a binary operator: converted to `like`'s dtype when it is not a Tensor.
Tensor operand_like(py::handle value, const Tensor& like);
// A NumPy copy of t (bfloat16 comes back as float32).
py::array to_numpy(const Tensor& t);
// A DType from a Python object: our DType objects (attribute `_enum`), names, NumPy dtypes,
// and the builtins float/int/bool (float32/int32/bool, as tf.as_dtype).
DType dtype_from_object(py::handle obj);
// Throws InvalidArgument for a Tensor whose C++ part was never built: fasttf's string tensors
// (python/fasttf/framework/string_tensor.py) are Python subclasses without numeric storage.
[[noreturn]] void refuse_unbuilt_tensor();

}  // namespace fasttf::bindings

namespace pybind11::detail {

template <>
struct type_caster<fasttf::Tensor> {
  PYBIND11_TYPE_CASTER(fasttf::Tensor, const_name("Tensor"));
  bool load(handle src, bool convert) {
    copyable_holder_caster<fasttf::TensorImpl, std::shared_ptr<fasttf::TensorImpl>> holder;
    bool loaded;
    try {
      loaded = holder.load(src, false);
    } catch (const cast_error&) {  // a Tensor subclass with no C++ tensor: a string tensor
      fasttf::bindings::refuse_unbuilt_tensor();
    }
    if (loaded) {
      value = fasttf::Tensor(static_cast<std::shared_ptr<fasttf::TensorImpl>&>(holder));
      return true;
    }
    if (!convert || src.is_none()) return false;
    value = fasttf::bindings::to_tensor(src, std::nullopt);
    return true;
  }
  static handle cast(const fasttf::Tensor& t, return_value_policy policy, handle parent) {
    if (!t.defined()) return none().release();
    return copyable_holder_caster<fasttf::TensorImpl, std::shared_ptr<fasttf::TensorImpl>>::cast(
        t.impl_ptr(), policy, parent);
  }
};

template <>
struct type_caster<fasttf::DType> {
  PYBIND11_TYPE_CASTER(fasttf::DType, const_name("DType"));
  bool load(handle src, bool) {
    if (src.is_none()) return false;
    value = fasttf::bindings::dtype_from_object(src);
    return true;
  }
  static handle cast(fasttf::DType d, return_value_policy, handle) {
    return PyLong_FromLong(long(d));
  }
};

}  // namespace pybind11::detail
