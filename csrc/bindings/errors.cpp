// Maps C++ exceptions to Python: the error classes live in python/fasttf/framework/errors.py and
// are handed to the module at import (_register_error_classes), so that they can subclass both
// TF's OpError and the matching builtin (InvalidArgumentError is a ValueError).
#include <stdexcept>

#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "core/error.h"

namespace fasttf::bindings {
namespace {

py::dict& error_classes() {
  static py::dict* classes = new py::dict();
  return *classes;
}

void raise(const char* cls, PyObject* fallback, const char* what) {
  py::dict& classes = error_classes();
  if (classes.contains(cls)) {
    PyErr_SetString(py::object(classes[cls]).ptr(), what);
  } else {
    PyErr_SetString(fallback, what);
  }
}

}  // namespace

void bind_errors(py::module_& m) {
  m.def("_register_error_classes", [](py::dict classes) {
    for (auto item : classes) error_classes()[item.first] = item.second;
  });
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InvalidArgument& e) {
      raise("InvalidArgumentError", PyExc_ValueError, e.what());
    } catch (const OutOfRange& e) {
      raise("OutOfRangeError", PyExc_IndexError, e.what());
    } catch (const ResourceExhausted& e) {
      raise("ResourceExhaustedError", PyExc_MemoryError, e.what());
    } catch (const Unimplemented& e) {
      raise("UnimplementedError", PyExc_NotImplementedError, e.what());
    } catch (const ConversionError& e) {
      PyErr_SetString(PyExc_TypeError, e.what());
    } catch (const TypeError& e) {
      raise("OpDTypeError", PyExc_TypeError, e.what());
    } catch (const IndexError& e) {
      PyErr_SetString(PyExc_IndexError, e.what());
    } catch (const std::logic_error& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    } catch (const std::bad_alloc&) {
      raise("ResourceExhaustedError", PyExc_MemoryError, "out of memory");
    }
  });
}

}  // namespace fasttf::bindings
