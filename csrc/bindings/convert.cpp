#include "bindings/convert.h"

#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "kernels/copy.h"

namespace fasttf::bindings {

DType dtype_from_numpy(const py::dtype& dt) {
  const char kind = dt.kind();
  const auto size = dt.itemsize();
  switch (kind) {
    case 'b': return DType::Bool;
    case 'u':
      if (size == 1) return DType::UInt8;
      break;
    case 'i':
      if (size == 1) return DType::Int8;
      if (size == 2) return DType::Int16;
      if (size == 4) return DType::Int32;
      if (size == 8) return DType::Int64;
      break;
    case 'f':
      if (size == 2) return DType::Float16;
      if (size == 4) return DType::Float32;
      if (size == 8) return DType::Float64;
      break;
    default: break;
  }
  fail<ConversionError>("unsupported dtype ", std::string(py::str(dt)),
                  ": fasttf supports bool, uint8, int8, int16, int32, int64, float16, bfloat16, "
                  "float32 and float64");
}

py::dtype numpy_dtype(DType d) {
  switch (d) {
    case DType::Bool: return py::dtype("bool");
    case DType::UInt8: return py::dtype("uint8");
    case DType::Int8: return py::dtype("int8");
    case DType::Int16: return py::dtype("int16");
    case DType::Int32: return py::dtype("int32");
    case DType::Int64: return py::dtype("int64");
    case DType::Float16: return py::dtype("float16");
    case DType::BFloat16: return py::dtype("float32");
    case DType::Float32: return py::dtype("float32");
    case DType::Float64: return py::dtype("float64");
  }
  return py::dtype("float32");
}

DType dtype_from_object(py::handle obj) {
  if (PyLong_Check(obj.ptr()) && !PyBool_Check(obj.ptr())) {
    long v = PyLong_AsLong(obj.ptr());
    if (v < 0 || v >= kNumDTypes) fail<ConversionError>("invalid dtype enum ", v);
    return DType(v);
  }
  if (py::hasattr(obj, "_enum")) return DType(obj.attr("_enum").cast<int>());
  if (obj.ptr() == reinterpret_cast<PyObject*>(&PyFloat_Type)) return DType::Float32;
  if (obj.ptr() == reinterpret_cast<PyObject*>(&PyLong_Type)) return DType::Int32;
  if (obj.ptr() == reinterpret_cast<PyObject*>(&PyBool_Type)) return DType::Bool;
  if (py::isinstance<py::str>(obj)) {
    std::string name = obj.cast<std::string>();
    for (int i = 0; i < kNumDTypes; ++i)
      if (name == dtype_name(DType(i))) return DType(i);
    if (name == "float" || name == "half") return name == "half" ? DType::Float16 : DType::Float32;
    if (name == "double") return DType::Float64;
    if (name == "int") return DType::Int32;
    fail<ConversionError>("cannot convert '", name, "' to a dtype");
  }
  try {
    py::dtype dt = py::dtype::from_args(py::reinterpret_borrow<py::object>(obj));
    return dtype_from_numpy(dt);
  } catch (py::error_already_set&) {
    fail<ConversionError>("cannot convert ", std::string(py::repr(obj)), " to a dtype");
  }
}

namespace {

Tensor from_array(const py::array& arr) {
  DType d = dtype_from_numpy(arr.dtype());
  Shape shape(arr.shape(), arr.shape() + arr.ndim());
  Tensor t = Tensor::empty(shape, d, "constant");
  if (t.numel() == 0) return t;
  // Copy through a view with the array's own strides (NumPy strides are in bytes).
  bool aligned = true;
  Shape strides(arr.ndim());
  for (py::ssize_t i = 0; i < arr.ndim(); ++i) {
    if (arr.strides()[i] % py::ssize_t(itemsize(d)) != 0) aligned = false;
    strides[i] = arr.strides()[i] / py::ssize_t(itemsize(d));
  }
  if (!aligned) {
    py::array c = py::array::ensure(arr, py::array::c_style | py::array::forcecast);
    std::memcpy(t.raw_data(), c.data(), size_t(t.numel()) * itemsize(d));
    return t;
  }
  kernels::copy_strided(Tensor::borrow(const_cast<void*>(arr.data()), shape, strides, d), t);
  return t;
}

bool is_python_sequence(py::handle v) {
  return py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v);
}

// Inspects a nested list's Python scalars to tell what TF would infer: any float -> float32,
// else any int -> int32 (int64 when a value does not fit), else bool.
// The first scalar of a nested list (None for an empty list).
py::handle first_leaf(py::handle value) {
  while (is_python_sequence(value)) {
    if (py::len(value) == 0) return py::handle();
    value = value[py::int_(0)];
  }
  return value;
}

bool is_python_scalar(py::handle v) {
  PyObject* p = v.ptr();
  return (PyBool_Check(p) || PyLong_Check(p) || PyFloat_Check(p)) && !py::hasattr(v, "dtype");
}

// keep_double: the target dtype is a float other than float32, which Python floats reach
// directly from double, as in TF (tf.constant([1/3], tf.float64) keeps all its digits).
py::array array_from_python(py::handle value, bool keep_double) {
  py::module_ np = py::module_::import("numpy");
  py::array arr = np.attr("asarray")(value);
  // Lists of tensors or NumPy values keep their dtype; only Python numbers are inferred.
  py::handle leaf = first_leaf(value);
  if (leaf.ptr() != nullptr && !is_python_scalar(leaf)) return arr;
  char kind = arr.dtype().kind();
  if (kind == 'f') return keep_double ? arr : arr.attr("astype")("float32");
  if (kind == 'i' || kind == 'u') {
    py::object info = np.attr("iinfo")("int32");
    bool fits = arr.size() == 0 ||
                (np.attr("min")(arr).cast<long long>() >= info.attr("min").cast<long long>() &&
                 np.attr("max")(arr).cast<long long>() <= info.attr("max").cast<long long>());
    return arr.attr("astype")(fits ? "int32" : "int64");
  }
  return arr;
}

// What a Python nest holds, for TF's error when NumPy cannot make it a numeric array.
struct NestSurvey {
  std::vector<int> form;          // per depth: 0 unseen, 1 sequences, 2 leaves
  std::vector<int64_t> lengths;   // per depth: the first sequence's length
  bool ragged = false, mixed = false;
  int kinds = 0;                  // leaf kinds seen: 1 number, 2 string, 4 anything else
  py::handle odd;                 // the first leaf of kind 4
};

void survey(py::handle node, size_t depth, NestSurvey& s) {
  if (depth > size_t(kMaxRank)) return;  // deeper than any tensor: NumPy's error stands
  if (depth >= s.form.size()) {
    s.form.resize(depth + 1, 0);
    s.lengths.resize(depth + 1, -1);
  }
  const bool seq = is_python_sequence(node);
  const int form = seq ? 1 : 2;
  if (s.form[depth] != 0 && s.form[depth] != form) s.mixed = true;
  s.form[depth] = form;
  if (seq) {
    const int64_t n = int64_t(py::len(node));
    if (s.lengths[depth] >= 0 && s.lengths[depth] != n) s.ragged = true;
    if (s.lengths[depth] < 0) s.lengths[depth] = n;
    for (py::handle child : node) survey(child, depth + 1, s);
    return;
  }
  PyObject* p = node.ptr();
  const bool text = PyUnicode_Check(p) || PyBytes_Check(p);
  const int kind = text ? 2 : PyNumber_Check(p) ? 1 : 4;
  if (kind == 4 && !s.odd) s.odd = node;
  s.kinds |= kind;
}

// TF's ValueError for a Python nest that is not a rectangular list of numbers: "mixed types"
// (numbers beside strings or None, a list beside a number), "non-rectangular", or the
// unsupported type of its leaves ([None]). Returns when none applies (all strings).
void refuse_python_nest(py::handle value) {
  NestSurvey s;
  survey(value, 0, s);
  if (s.mixed || (s.kinds & (s.kinds - 1)) != 0)
    throw py::value_error("Can't convert Python sequence with mixed types to Tensor.");
  if (s.ragged) throw py::value_error("Can't convert non-rectangular Python sequence to Tensor.");
  if (s.odd)
    throw py::value_error("Attempt to convert a value (" + std::string(py::repr(s.odd)) +
                          ") with an unsupported type (" +
                          std::string(py::str(py::type::handle_of(s.odd))) + ") to a Tensor.");
}

}  // namespace

void refuse_unbuilt_tensor() {
  fail("Value for attr 'T' of string is not in the list of allowed values: fasttf's numeric "
       "ops do not take string tensors");
}

Tensor to_tensor(py::handle value, std::optional<DType> dtype) {
  {
    py::detail::copyable_holder_caster<TensorImpl, std::shared_ptr<TensorImpl>> holder;
    bool loaded;
    try {
      loaded = holder.load(value, false);
    } catch (const py::cast_error&) {  // a Tensor subclass with no C++ tensor: a string tensor
      refuse_unbuilt_tensor();
    }
    if (loaded) {
      Tensor t(static_cast<std::shared_ptr<TensorImpl>&>(holder));
      if (dtype && *dtype != t.dtype())
        fail("Tensor conversion requested dtype ", dtype_name(*dtype), " for Tensor with dtype ",
             dtype_name(t.dtype()));
      return t;
    }
  }
  PyObject* p = value.ptr();
  if (is_python_scalar(value)) {  // NumPy scalars (np.float64 is a float) keep their dtype
    DType d;
    if (PyBool_Check(p)) d = DType::Bool;
    else if (PyFloat_Check(p)) d = DType::Float32;
    else {
      int overflow = 0;
      long long v = PyLong_AsLongLongAndOverflow(p, &overflow);
      if (overflow) fail("integer ", std::string(py::str(value)), " is out of range for int64");
      d = (v >= INT32_MIN && v <= INT32_MAX) ? DType::Int32 : DType::Int64;
    }
    DType target = dtype.value_or(d);
    // A Python float never converts to an integer dtype, not even 2.0 (TF: tf.constant(7) * 2.0
    // raises), nor a number to bool; a Python int wraps into a narrower integer dtype, as in
    // TF 2.21 (tf.constant(300, tf.uint8) is 44). NumPy scalars have a dtype, take the array
    // path below and are cast, as in TF.
    if ((PyFloat_Check(p) && is_integer(target)) || (!PyBool_Check(p) && target == DType::Bool))
      fail<ConversionError>("Cannot convert ", std::string(py::repr(value)),
                            " to EagerTensor of dtype ", dtype_name(target));
    Tensor t = Tensor::empty({}, target, "constant");
    FASTTF_DISPATCH_ALL(target, "constant", [&](auto tag) {
      using T = decltype(tag);
      if (PyFloat_Check(p)) {
        double v = PyFloat_AsDouble(p);
        if constexpr (std::is_same_v<T, bool>) *t.data<T>() = v != 0;
        else *t.data<T>() = T(static_cast<compute_t<T>>(v));
      } else {
        long long v = PyLong_AsLongLong(p);
        if constexpr (std::is_same_v<T, bool>) *t.data<T>() = v != 0;
        else *t.data<T>() = T(static_cast<compute_t<T>>(v));
      }
    });
    return t;
  }
  if (py::isinstance<py::str>(value) || py::isinstance<py::bytes>(value))
    fail<ConversionError>("fasttf tensors do not support strings: cannot convert ",
                    std::string(py::repr(value)));
  if (PyComplex_Check(p)) fail<ConversionError>("complex values are not supported");
  py::array arr;
  if (py::isinstance<py::array>(value)) {
    arr = py::reinterpret_borrow<py::array>(value);
  } else if (is_python_sequence(value)) {
    try {
      arr = array_from_python(value, dtype && is_floating(*dtype) && *dtype != DType::Float32);
    } catch (py::error_already_set& e) {
      if (!e.matches(PyExc_ValueError)) throw;
      refuse_python_nest(value);  // NumPy's "inhomogeneous shape" in TF's words
      throw;
    }
    const char kind = arr.dtype().kind();
    if (kind == 'O' || kind == 'U' || kind == 'S') refuse_python_nest(value);
  } else if (py::hasattr(value, "__array__") || py::isinstance<py::buffer>(value) ||
             py::hasattr(value, "dtype")) {
    arr = py::module_::import("numpy").attr("asarray")(value);
  } else {
    fail<ConversionError>("Attempt to convert a value (", std::string(py::repr(value)), ") with an "
                    "unsupported type (", std::string(py::str(py::type::handle_of(value))), ") to a Tensor");
  }
  if (arr.dtype().kind() == 'O' || arr.dtype().kind() == 'U' || arr.dtype().kind() == 'S')
    fail<ConversionError>("cannot convert ", std::string(py::repr(value)).substr(0, 200),
                    " to a numeric tensor (dtype ", std::string(py::str(arr.dtype())), ")");
  if (arr.ndim() > kMaxRank) fail("rank ", arr.ndim(), " exceeds the maximum of ", kMaxRank);
  Tensor t = from_array(arr);
  if (dtype && *dtype != t.dtype()) {
    // An empty list has no float in it: tf.constant([], tf.int32) is an empty int32 tensor.
    // NumPy values (arrays and scalars such as np.float32(2.5)) are cast, as in TF.
    // Python ints wrap into a narrower integer dtype, as in TF 2.21 ([300] -> uint8 is [44]);
    // ints do not become bools nor floats integers.
    const bool python_values = !py::isinstance<py::array>(value) && !py::hasattr(value, "dtype");
    if (python_values && t.numel() > 0 &&
        (((is_integer(*dtype) || *dtype == DType::Bool) && is_floating(t.dtype())) ||
         (*dtype == DType::Bool && is_integer(t.dtype()))))
      fail<ConversionError>("Cannot convert ", std::string(py::repr(value)).substr(0, 200),
                            " to EagerTensor of dtype ", dtype_name(*dtype));
    Tensor c = Tensor::empty(t.shape(), *dtype, "constant");
    kernels::cast_strided(t, c);
    return c;
  }
  return t;
}

Tensor operand_like(py::handle value, const Tensor& like) {
  return to_tensor(value, like.dtype());
}

py::array to_numpy(const Tensor& t) {
  Tensor src = t;
  if (t.dtype() == DType::BFloat16) {
    src = Tensor::empty(t.shape(), DType::Float32);
    kernels::cast_strided(t, src);
  }
  py::array out(numpy_dtype(src.dtype()), std::vector<py::ssize_t>(src.shape().begin(), src.shape().end()));
  if (src.numel() == 0) return out;
  kernels::copy_strided(src, Tensor::borrow(out.mutable_data(), src.shape(),
                                             contiguous_strides(src.shape()), src.dtype()));
  return out;
}

}  // namespace fasttf::bindings
