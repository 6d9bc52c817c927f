// Bindings of the random ops; seeds are resolved to (key, stream) in python/fasttf/random.py.
#include <pybind11/stl.h>

#include "bindings/bindings.h"
#include "bindings/convert.h"
#include "ops/random.h"

namespace fasttf::bindings {

void bind_random_ops(py::module_& m) {
  using ops::PhiloxKey;
  auto key = [](uint64_t k, uint64_t s) { return PhiloxKey{k, s}; };
  m.def("random_uniform", [key](const Shape& shape, DType dtype, double lo, double hi, uint64_t k,
                                uint64_t s) { return ops::random_uniform(shape, dtype, lo, hi, key(k, s)); },
        py::call_guard<py::gil_scoped_release>());
  m.def("random_uniform_int", [key](const Shape& shape, DType dtype, int64_t lo, int64_t hi,
                                    uint64_t k, uint64_t s) {
    return ops::random_uniform_int(shape, dtype, lo, hi, key(k, s));
  }, py::call_guard<py::gil_scoped_release>());
  m.def("random_normal", [key](const Shape& shape, DType dtype, double mean, double stddev,
                               uint64_t k, uint64_t s) {
    return ops::random_normal(shape, dtype, mean, stddev, key(k, s));
  }, py::call_guard<py::gil_scoped_release>());
  m.def("truncated_normal", [key](const Shape& shape, DType dtype, double mean, double stddev,
                                  uint64_t k, uint64_t s) {
    return ops::truncated_normal(shape, dtype, mean, stddev, key(k, s));
  }, py::call_guard<py::gil_scoped_release>());
  m.def("random_shuffle", [key](const Tensor& x, uint64_t k, uint64_t s) {
    py::gil_scoped_release release;
    return ops::random_shuffle(x, key(k, s));
  });
  m.def("random_categorical", [key](const Tensor& logits, int64_t n, DType dtype, uint64_t k,
                                    uint64_t s) {
    py::gil_scoped_release release;
    return ops::random_categorical(logits, n, dtype, key(k, s));
  });
}

}  // namespace fasttf::bindings
