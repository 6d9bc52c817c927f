#include "core/cpu.h"

#include <cstdlib>
#include <cstring>
#include <xmmintrin.h>
#include <pmmintrin.h>

namespace fasttf::cpu {

static Isa detect() {
  __builtin_cpu_init();
  Isa found = Isa::Scalar;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) found = Isa::Avx2;
  if (found == Isa::Avx2 && __builtin_cpu_supports("avx512f") &&
      __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl"))
    found = Isa::Avx512;
  if (const char* forced = std::getenv("FASTTF_ISA")) {
    Isa want = found;
    if (!std::strcmp(forced, "scalar")) want = Isa::Scalar;
    else if (!std::strcmp(forced, "avx2")) want = Isa::Avx2;
    else if (!std::strcmp(forced, "avx512")) want = Isa::Avx512;
    if (int(want) < int(found)) found = want;
  }
  return found;
}

Isa best_isa() {
  static const Isa isa = detect();
  return isa;
}

const char* isa_name(Isa isa) {
  switch (isa) {
    case Isa::Avx512: return "avx512";
    case Isa::Avx2: return "avx2";
    default: return "scalar";
  }
}

void enable_flush_denormals() {
  _MM_SET_FLUSH_ZERO_MODE(_MM_FLUSH_ZERO_ON);
  _MM_SET_DENORMALS_ZERO_MODE(_MM_DENORMALS_ZERO_ON);
}

}  // namespace fasttf::cpu
