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
struct TypeError : std::runtime_error { using std::runtime_error::runtime_error; };
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
