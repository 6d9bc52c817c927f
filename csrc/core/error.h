// Exceptions thrown by ops; the bindings map each to its Python class
// (fasttf.errors.InvalidArgumentError is a ValueError, IndexError, TypeError, ...).
#pragma once
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fasttf {

struct InvalidArgument : std::runtime_error { using std::runtime_error::runtime_error; };
struct OutOfRange : std::runtime_error { using std::runtime_error::runtime_error; };
// An op refused an input's dtype (sqrt of int32, a float index): TF's kernels raise
// InvalidArgumentError there; Python sees a class that is both that and a TypeError.
struct TypeError : std::runtime_error { using std::runtime_error::runtime_error; };
// A Python value that cannot become a tensor of the requested dtype (1.5 -> int32, 'a', a
// dtype name that does not exist): TF raises a plain TypeError, before any op runs.
struct ConversionError : TypeError { using TypeError::TypeError; };
struct IndexError : std::runtime_error { using std::runtime_error::runtime_error; };
struct ResourceExhausted : std::runtime_error { using std::runtime_error::runtime_error; };
struct Unimplemented : std::runtime_error { using std::runtime_error::runtime_error; };

// Builds a message from pieces: fail<InvalidArgument>("[matmul] inner dimensions differ: ", a, " @ ", b)
template <class... Args>
std::string str_cat(const Args&... args) {
  std::ostringstream os;
  (os << ... << args);
  return os.str();
}

template <class E = InvalidArgument, class... Args>
[[noreturn]] void fail(const Args&... args) {
  throw E(str_cat(args...));
}

// Formats a shape like Python's tuple: (3, 4), (5,), ().
template <class Vec>
std::string shape_str(const Vec& shape) {
  std::ostringstream os;
  os << "(";
  for (size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
  if (shape.size() == 1) os << ",";
  os << ")";
  return os.str();
}

}  // namespace fasttf
