// Element types and their properties. The enum order is part of the Python ABI
// (python/fasttf/framework/dtypes.py mirrors it).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/half.h"

namespace fasttf {

enum class DType : uint8_t {
  Bool = 0,
  UInt8,
  Int8,
  Int16,
  Int32,
  Int64,
  Float16,
  BFloat16,
  Float32,
  Float64,
};
constexpr int kNumDTypes = 10;

inline size_t itemsize(DType d) {
  switch (d) {
    case DType::Bool: case DType::UInt8: case DType::Int8: return 1;
    case DType::Int16: case DType::Float16: case DType::BFloat16: return 2;
    case DType::Int32: case DType::Float32: return 4;
    case DType::Int64: case DType::Float64: return 8;
  }
  return 1;
}

inline const char* dtype_name(DType d) {
  switch (d) {
    case DType::Bool: return "bool";
    case DType::UInt8: return "uint8";
    case DType::Int8: return "int8";
    case DType::Int16: return "int16";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::Float16: return "float16";
    case DType::BFloat16: return "bfloat16";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
  }
  return "?";
}

inline bool is_floating(DType d) {
  return d == DType::Float16 || d == DType::BFloat16 || d == DType::Float32 || d == DType::Float64;
}
inline bool is_integer(DType d) {
  return d == DType::UInt8 || d == DType::Int8 || d == DType::Int16 || d == DType::Int32 ||
         d == DType::Int64;
}
inline bool is_half(DType d) { return d == DType::Float16 || d == DType::BFloat16; }

template <class T> struct dtype_of;
template <> struct dtype_of<bool> { static constexpr DType value = DType::Bool; };
template <> struct dtype_of<uint8_t> { static constexpr DType value = DType::UInt8; };
template <> struct dtype_of<int8_t> { static constexpr DType value = DType::Int8; };
template <> struct dtype_of<int16_t> { static constexpr DType value = DType::Int16; };
template <> struct dtype_of<int32_t> { static constexpr DType value = DType::Int32; };
template <> struct dtype_of<int64_t> { static constexpr DType value = DType::Int64; };
template <> struct dtype_of<float16> { static constexpr DType value = DType::Float16; };
template <> struct dtype_of<bfloat16> { static constexpr DType value = DType::BFloat16; };
template <> struct dtype_of<float> { static constexpr DType value = DType::Float32; };
template <> struct dtype_of<double> { static constexpr DType value = DType::Float64; };

}  // namespace fasttf

// Dispatch a generic lambda over a runtime dtype: FASTTF_DISPATCH_ALL(dt, "op", [&](auto tag) {
// using T = decltype(tag); ... }). The *_NUMERIC variant excludes bool, *_FLOAT keeps only the
// float types, *_REAL computes half types in float (callers convert at the edges).
#define FASTTF_DTYPE_CASE(ENUM, TYPE, ...) \
  case ::fasttf::DType::ENUM: return __VA_ARGS__(TYPE{});

#define FASTTF_DISPATCH_ALL(DT, OPNAME, ...)                                            \
  [&]() {                                                                               \
    switch (DT) {                                                                       \
      FASTTF_DTYPE_CASE(Bool, bool, __VA_ARGS__)                                        \
      FASTTF_DTYPE_CASE(UInt8, uint8_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Int8, int8_t, __VA_ARGS__)                                      \
      FASTTF_DTYPE_CASE(Int16, int16_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Int32, int32_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Int64, int64_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Float16, ::fasttf::float16, __VA_ARGS__)                        \
      FASTTF_DTYPE_CASE(BFloat16, ::fasttf::bfloat16, __VA_ARGS__)                      \
      FASTTF_DTYPE_CASE(Float32, float, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Float64, double, __VA_ARGS__)                                   \
    }                                                                                   \
    throw ::fasttf::TypeError(std::string("[") + (OPNAME) + "] unsupported dtype");      \
  }()

#define FASTTF_DISPATCH_NUMERIC(DT, OPNAME, ...)                                        \
  [&]() {                                                                               \
    switch (DT) {                                                                       \
      FASTTF_DTYPE_CASE(UInt8, uint8_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Int8, int8_t, __VA_ARGS__)                                      \
      FASTTF_DTYPE_CASE(Int16, int16_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Int32, int32_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Int64, int64_t, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Float32, float, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Float64, double, __VA_ARGS__)                                   \
      default: break;                                                                   \
    }                                                                                   \
    throw ::fasttf::TypeError(std::string("[") + (OPNAME) + "] unsupported dtype " +     \
                              ::fasttf::dtype_name(DT));                                \
  }()

#define FASTTF_DISPATCH_FLOAT(DT, OPNAME, ...)                                          \
  [&]() {                                                                               \
    switch (DT) {                                                                       \
      FASTTF_DTYPE_CASE(Float32, float, __VA_ARGS__)                                    \
      FASTTF_DTYPE_CASE(Float64, double, __VA_ARGS__)                                   \
      default: break;                                                                   \
    }                                                                                   \
    throw ::fasttf::TypeError(std::string("[") + (OPNAME) + "] expects a float tensor, got " + \
                              ::fasttf::dtype_name(DT));                                \
  }()
